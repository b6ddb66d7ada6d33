/**
 * What the scanner's controllers share through the element: its settings, where it is (`phase`,
 * what is scanned), and how it reports. A leaf module: the controllers import it and each other
 * (in one direction: session ← connection ← sync, tickets ← choice, verdicts ← device input),
 * never the element.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FocusAfterRender, LocalizeController } from '../../../shared/widget-element.js';
import type { ScanFilter } from '../offline/scanner-db.js';
import type { ScannerMessages } from '../ticket-scanner.messages.js';

export type Phase = 'starting' | 'sign-in' | 'password-expired' | 'choosing' | 'scanning';
export type ScannerMode = 'auto' | 'online' | 'offline';

/** Sign-in and the list of what can be scanned are not at the door's pace, but must not hang either. */
export const SETUP_TIMEOUT_MS = 15_000;

export interface ScannerHost extends ReactiveControllerHost, HTMLElement {
  readonly mode: ScannerMode;
  readonly doorTimeoutMs: number;
  /** A fixed refresh interval for the downloaded tickets; unset: scaled to the list (controllers/cache.ts). */
  readonly cacheRefreshMs?: number;
  readonly probeIntervalMs: number;
  /** The venue's IANA time zone. */
  readonly timeZone: string;
  /** Verdict tones on (the `sound` attribute; the Sound toggle flips it). */
  sound: boolean;
  phase: Phase;
  /** What is being scanned, once chosen. */
  filter?: ScanFilter;
  /** Focus moved once the next render has its target. */
  readonly focusAfterRender: FocusAfterRender;
  /** The element's words, in its language. */
  readonly localize: LocalizeController<ScannerMessages>;
  readonly renderRoot: HTMLElement | DocumentFragment;
  apiBaseUrl(): string;
  /** The one error path: `ticket-scanner-error` with whatever was thrown, as an Error (returned, for the view). */
  report(thrown: unknown): Error;
  /** Dispatches one of the element's events (one class each, ticket-scanner.events.ts). */
  emit<K extends keyof HTMLElementEventMap>(type: K, event: HTMLElementEventMap[K]): boolean;
}
