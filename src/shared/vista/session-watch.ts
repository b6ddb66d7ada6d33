/**
 * A Vista element's watch on its api-base's member session, for as long as it is in the page:
 * moved in the page (disconnected, connected again), it watches again and catches up with what
 * changed meanwhile.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { currentVistaSession, watchVistaSession, type VistaMemberSession, type VistaSessionChange } from './session.js';

export class VistaSessionWatch implements ReactiveController {
  private apiBase?: string;
  private unwatch?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly changed: (change: VistaSessionChange) => void,
    /** Back in the page: the session as it is now, to catch up with. */
    private readonly catchUp: (session: VistaMemberSession | undefined) => void,
  ) {
    host.addController(this);
  }

  /** Watches this api-base's session (none: stops watching). */
  watch(apiBase?: string): void {
    this.hostDisconnected();
    this.apiBase = apiBase;
    if (apiBase) this.unwatch = watchVistaSession(apiBase, this.changed);
  }

  hostConnected(): void {
    if (!this.apiBase || this.unwatch) return;
    this.watch(this.apiBase);
    this.catchUp(currentVistaSession(this.apiBase));
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }
}
