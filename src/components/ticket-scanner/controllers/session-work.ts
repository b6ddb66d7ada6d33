/**
 * Work that runs while someone is signed in (sending the queue, refreshing the downloaded
 * tickets): started by the element at sign-in, stopped at sign-out, at a new configuration and
 * when the element leaves the page.
 */
import type { ReactiveController } from 'lit';
import type { ConnectionController } from './connection.js';
import type { ScannerHost } from './scanner-host.js';
import type { SessionController } from './session.js';

export abstract class SessionWork implements ReactiveController {
  constructor(
    protected readonly host: ScannerHost,
    protected readonly session: SessionController,
    protected readonly connection: ConnectionController,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** What is stored now, read at start-up. */
  abstract load(signal: AbortSignal): Promise<void>;
  abstract start(): void;
  abstract stop(): void;
}
