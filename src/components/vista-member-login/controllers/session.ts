/**
 * The member's session as this element sees it: found at start (this page's, remembered, or a
 * cookie session; a `@lit/task`, so a start for an older `api-base` or `mode` is dropped when it
 * answers late), watched while the element is in the page, ended by signing out or by Vista, and
 * the member's details edited.
 */
import { Task } from '@lit/task';
import { asError, ConfigError } from '../../../api/errors.js';
import { createVistaMembersClient } from '../../../api/vista/members.js';
import { checkAddress } from '../../../shared/attribute-checks.js';
import { VistaSessionWatch } from '../../../shared/vista/session-watch.js';
import {
  checkVistaMode,
  currentVistaSession,
  endVistaSession,
  lastVistaLogin,
  restoreVistaSession,
  vistaConfigOf,
  type VistaMemberSession,
  type VistaSessionChange,
} from '../../../shared/vista/session.js';
import type { LoginContext } from './login-host.js';
import { loadSignInCalls, SIGN_IN_TOOLS } from './member-actions-loader.js';

export class MemberSessionController {
  /** The signed-in member's session; none: the form is shown. */
  current?: VistaMemberSession;
  /** False until the start found a session or nobody (a configuration error keeps it false). */
  shown = false;
  /** Vista ended the session: the form says so. */
  expired = false;
  /** The name typed, kept when the session ends so that the member only types the password. */
  login = '';
  /** Signing out or saving details. */
  busy = false;
  editing = false;
  detailsSaved = false;
  private readonly watch = new VistaSessionWatch(
    this.ctx.host,
    (change) => this.changed(change),
    (session) => session !== this.current && this.changed(session ? { kind: 'updated', session } : { kind: 'signed-out' }),
  );

  /** Finds a session, then watches it; runs again when `api-base` or `mode` changes. */
  readonly start = new Task<[string, string], VistaMemberSession | undefined>(this.ctx.host, {
    task: async ([apiBase, mode]) => {
      this.watch.watch();
      this.ctx.show(undefined);
      if (!apiBase) throw new ConfigError('<vista-member-login> needs an api-base (the tenant\'s OCAPI address)', 'api-base');
      checkAddress(apiBase, 'api-base');
      checkVistaMode(mode);
      this.watch.watch(apiBase);
      this.login ||= lastVistaLogin(apiBase) ?? '';
      // Shared with the page's other Vista elements (one restore per api-base): not aborted, its
      // answer for an older configuration is dropped.
      return currentVistaSession(apiBase) ?? (await restoreVistaSession(vistaConfigOf(this.ctx.host), this.ctx.host.sessionMode));
    },
    args: () => [this.ctx.host.apiBase, this.ctx.host.mode],
    onComplete: (session) => {
      this.shown = true;
      this.current = session;
      this.login ||= lastVistaLogin(this.ctx.host.apiBase) ?? '';
      if (session) this.ctx.loggedIn(session, true);
    },
    onError: (thrown) => {
      const error = asError(thrown);
      // A configuration error is shown alone; any other failure under the form, with a retry.
      this.shown ||= !(error instanceof ConfigError);
      this.ctx.show(this.ctx.report(error), this.shown ? () => void this.start.run() : undefined);
    },
  });

  constructor(private readonly ctx: LoginContext) {}

  private changed(change: VistaSessionChange): void {
    const kind = change.kind;
    this.current = kind === 'signed-in' || kind === 'updated' ? change.session : undefined;
    this.expired = kind === 'expired' || (kind === 'signed-out' && this.expired);
    if (kind === 'expired') {
      // Vista ended the session (another element's call, or the refresh token was refused):
      // the form comes back with the name kept, and says why.
      this.editing = false;
      this.login ||= lastVistaLogin(this.ctx.host.apiBase) ?? '';
      this.ctx.loggedOut('expired');
    }
    this.ctx.host.requestUpdate();
  }

  /** A sign-in began this session. */
  began(session: VistaMemberSession): void {
    this.current = session;
    this.expired = false;
    this.ctx.focus('#member-title');
    this.ctx.loggedIn(session, false);
  }

  /** Signs the member out: a token session is forgotten (the seed), a cookie session expired with Vista. Resolves true once out. */
  async signOut(): Promise<boolean> {
    const session = this.current;
    const host = this.ctx.host;
    if (!session || this.busy) return false;
    this.setBusy(true);
    try {
      if (session.mode !== 'token') await createVistaMembersClient(vistaConfigOf(host)).expireAuthenticationCookie({ withCookies: true });
      await endVistaSession(host.apiBase, 'signed-out');
      this.current = undefined;
      this.expired = false;
      this.editing = false;
      this.ctx.focus(host.sessionMode === 'workstation' ? '[name="card_number"], [name="phone_number"]' : '#login');
      this.ctx.loggedOut('sign-out');
      return true;
    } catch (error) {
      this.ctx.show(this.ctx.report(error), () => void this.signOut());
      return false;
    } finally {
      this.setBusy(false);
    }
  }

  edit(editing: boolean): void {
    this.editing = editing;
    this.detailsSaved = false;
    if (editing) {
      this.ctx.focus('#given-name');
      // The editor comes with the late chunk (here already, unless it could not be fetched yet).
      loadSignInCalls().then(() => this.ctx.host.requestUpdate(), () => undefined);
    }
    this.ctx.host.requestUpdate();
  }

  /** The details form was sent (the editor and its save are in the sign-in's chunk, here by then). */
  saveDetails(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void loadSignInCalls().then((calls) => calls.saveDetails(SIGN_IN_TOOLS, this, this.ctx, form));
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    if (busy) this.ctx.show(undefined);
    this.ctx.host.requestUpdate();
  }
}
