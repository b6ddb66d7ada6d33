/**
 * What the sign-in element's controllers share through it: its settings, and what only the
 * element may do (its events, its error view, focus). A leaf module: the controllers import it,
 * never the element.
 */
import type { ReactiveControllerHost } from 'lit';
import { VISTA_SESSION_MODES, type VistaElementSettings, type VistaMemberSession, type VistaSessionMode } from '../../../shared/vista/session.js';
import type { LoginMessages } from '../vista-member-login.messages.js';

export interface LoginHost extends ReactiveControllerHost, HTMLElement, VistaElementSettings {
  readonly mode: VistaSessionMode;
  /** The mode, or `token` for a value the start refused (`sessionModeOf`). */
  readonly sessionMode: VistaSessionMode;
  readonly clubId: string;
  readonly deviceToken: string;
  /** The site's reCAPTCHA answer; a sign-in that used it clears it. */
  recaptchaResponse: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** How the controllers reach the element's own voice (its events and error view are its alone). */
export interface LoginContext {
  readonly host: LoginHost;
  words(): LoginMessages;
  /** Focus this once the next screen is rendered. */
  focus(selector: string): void;
  /** Sends the element's error event; returns the error. */
  report(thrown: unknown): Error;
  /** Shows a failure in `part="error"` (none: hides it); `retry` is what its button does. */
  show(error?: Error, retry?: () => void): void;
  loggedIn(session: VistaMemberSession, restored: boolean): void;
  loggedOut(reason: 'sign-out' | 'expired'): void;
}


export type Field = 'login' | 'password' | 'card' | 'phone' | 'pin';
/** Workstation mode: how the member is identified (the seed: card or phone number and PIN, or username/email and password). */
export type IdentifyBy = 'card' | 'phone' | 'login';

/** The mode, or `token` for a value the start refused. */
export function sessionModeOf(host: LoginHost): VistaSessionMode {
  return VISTA_SESSION_MODES.includes(host.mode) ? host.mode : 'token';
}
