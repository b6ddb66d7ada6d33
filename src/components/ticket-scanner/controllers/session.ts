/**
 * The staff member's session: sign-in (with AudienceView's codes for a wrong password, no
 * permission, an expired password), the token's expiration, and its end: signed out (the
 * downloaded tickets and patron data wiped, the queue kept) or ended by AudienceView.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import { authenticate, invalidateToken } from '../../../api/audienceview/scanning.js';
import { asError, HttpError, VendorError } from '../../../api/errors.js';
import { clearSession, saveSession, wipeScannerData, type StoredSession } from '../offline/scanner-db.js';
import { TicketScannerLogoutEvent } from '../ticket-scanner.events.js';
import { SETUP_TIMEOUT_MS, type ScannerHost } from './scanner-host.js';

export interface SignInProblems {
  username?: string;
  password?: string;
  /** Shown in `part="error"`: words of ours, or an error described by the shared error view. */
  form?: string;
  error?: Error;
}

/** What the element does when a session starts or goes. */
export interface SessionHooks {
  /** Signed in: sync, then choose what to scan. */
  signedIn(): Promise<void>;
  /** Drops everything the session showed or ran (the queue itself lives on in IndexedDB). */
  forget(): void;
  /** The downloaded tickets were wiped. */
  wiped(): void;
  /** Scans still queued, asked afresh. */
  pending(): Promise<number>;
  /** Answers still on their way belong to the session being closed. */
  abortLoads(): void;
}

export class SessionController implements ReactiveController {
  current?: StoredSession;
  /** The username of the last session in this page, to keep its downloaded tickets for the same person. */
  lastUsername?: string;
  problems: SignInProblems = {};
  /** Why the staff member must sign in again. */
  endedBy?: VendorError;
  expiredBy?: VendorError;
  passwordDays: number | null = null;
  signingOut = false;
  confirmingSignOut = false;
  private readonly signIn = new Task(this.host, {
    autoRun: false,
    task: ([username, password]: [string, string], { signal }) => this.authenticate(username, password, signal),
  });

  constructor(
    private readonly host: ScannerHost,
    private readonly hooks: SessionHooks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.signIn.abort();
    this.confirmingSignOut = false;
  }

  get busy(): boolean {
    return this.signIn.status === TaskStatus.PENDING;
  }

  /** A session on its way in belongs to a start that is over. */
  abort(): void {
    this.signIn.abort();
  }

  submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const m = this.host.localize.words;
    const data = new FormData(event.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const problems: SignInProblems = {};
    if (!username) problems.username = m.usernameMissing;
    if (!password) problems.password = m.passwordMissing;
    this.problems = problems;
    this.host.requestUpdate();
    if (problems.username || problems.password) {
      this.host.focusAfterRender.request(problems.username ? '#username' : '#password');
      return;
    }
    void this.signIn.run([username, password]);
  }

  private async authenticate(username: string, password: string, signal: AbortSignal): Promise<void> {
    try {
      const signIn = await authenticate(this.host.apiBaseUrl(), { username, password }, { timeoutMs: SETUP_TIMEOUT_MS, signal });
      if (signal.aborted) return;
      // Another person's downloaded tickets (and their patron names) do not stay for this one.
      if (this.lastUsername?.toLowerCase() !== username.toLowerCase()) {
        await wipeScannerData({ keepQueue: true }).catch(this.host.report);
        this.hooks.wiped();
      }
      const session: StoredSession = { ...signIn.session, accessTokenExpiration: signIn.accessTokenExpiration };
      await saveSession(session).catch(this.host.report);
      if (signal.aborted) return;
      this.current = session;
      this.lastUsername = username;
      this.endedBy = undefined;
      this.passwordDays = signIn.daysTillPasswordExpires;
      await this.hooks.signedIn();
    } catch (error) {
      if (!signal.aborted) this.failed(asError(error));
    }
  }

  private failed(error: Error): void {
    const m = this.host.localize.words;
    this.host.report(error);
    if (error instanceof VendorError && error.vendor === 'audienceview') {
      switch (Number(error.code)) {
        case 2:
          this.problems = { password: m.wrongPassword };
          this.host.focusAfterRender.request('#password');
          return;
        case 3:
          this.problems = { form: m.noPermission };
          return;
        case 4:
          this.expiredBy = error;
          this.host.phase = 'password-expired';
          this.host.focusAfterRender.request('.expired h2');
          return;
      }
    }
    if (error instanceof HttpError && error.status === 429) {
      this.problems = { form: m.locked(error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined) };
      return;
    }
    this.problems = { error };
  }

  /**
   * AudienceView ended the session (a force-logout code, a token gone while offline): the queue
   * stays, the staff member is asked to sign in again, and the queue is sent after that.
   */
  end(error: VendorError): void {
    if (!this.current) return; // already ended: several calls can learn it at once
    this.lastUsername = this.current.username;
    this.forget();
    if (Number(error.code) === 4) {
      this.expiredBy = error;
      this.host.phase = 'password-expired';
    } else {
      this.endedBy = error;
      this.host.phase = 'sign-in';
    }
    clearSession().catch(this.host.report);
    this.host.report(error);
    this.host.emit('ticket-scanner-logout', new TicketScannerLogoutEvent({ reason: 'session-ended', error }));
  }

  forget(): void {
    this.hooks.forget();
    this.current = undefined;
    this.passwordDays = null;
    this.problems = {};
    this.host.requestUpdate();
  }

  /** Signs out. While scans are waiting it asks first, unless `confirmed`. */
  async signOut(confirmed: boolean): Promise<void> {
    // Asked afresh: the service worker may have sent (or this page queued) scans since the last count.
    if (!confirmed && (await this.hooks.pending()) > 0) {
      this.confirmingSignOut = true;
      this.host.requestUpdate();
      return;
    }
    const session = this.current;
    this.hooks.abortLoads();
    this.lastUsername = undefined;
    this.forget();
    this.signingOut = true;
    this.host.phase = 'starting';
    // Best effort: a sign-out must work in a dead foyer too; the token then simply expires.
    if (session) await invalidateToken(session, { timeoutMs: this.host.doorTimeoutMs }).catch(() => undefined);
    try {
      await wipeScannerData({ keepQueue: true });
      await clearSession();
    } catch (error) {
      this.host.report(error);
    }
    this.hooks.wiped();
    this.signingOut = false;
    this.host.phase = 'sign-in';
    this.host.focusAfterRender.request('#username');
    this.host.emit('ticket-scanner-logout', new TicketScannerLogoutEvent({ reason: 'signed-out' }));
  }

  /** Each call moves the token's end to an hour later: kept, and stored when it moved a minute or more (not once per scan). */
  noteExpiration(expiration: number | null): void {
    const session = this.current;
    if (!session || expiration === null || expiration === session.accessTokenExpiration) return;
    const moved = Math.abs(expiration - (session.accessTokenExpiration ?? 0));
    // In place: the session object is how answers still on their way know it is still the same session.
    session.accessTokenExpiration = expiration;
    if (moved >= 60_000) saveSession(session).catch(this.host.report);
  }
}
