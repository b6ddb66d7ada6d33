/**
 * Online or offline: in `auto` mode the scanner's own judgement (AudienceView failed or was slow:
 * offline; it answered: online again), checked by asking AudienceView while offline and when the
 * token should have run out. What a failed call means for the door is decided here.
 */
import type { ReactiveController } from 'lit';
import { validateToken, vendorNow } from '../../../api/audienceview/scanning.js';
import { HttpError, isAbortError, VendorError } from '../../../api/errors.js';
import type { ScannerHost } from './scanner-host.js';
import type { SessionController } from './session.js';

export class ConnectionController implements ReactiveController {
  /** `auto` mode's own judgement of the network. */
  private auto: 'online' | 'offline' = 'online';
  private probing = false;
  private timer?: ReturnType<typeof setInterval>;
  private readonly onBrowserOnline = () => void this.probe();

  constructor(
    private readonly host: ScannerHost,
    private readonly session: SessionController,
    /** AudienceView answered after a failure: send the queue, catch up on what was missed. */
    private readonly onBack: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onBrowserOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onBrowserOnline);
    this.stop();
  }

  get state(): 'online' | 'offline' {
    const { mode } = this.host;
    return mode === 'online' ? 'online' : mode === 'offline' ? 'offline' : this.auto;
  }

  /** Starting over: the browser's word until AudienceView says otherwise. */
  reset(): void {
    this.auto = navigator.onLine === false ? 'offline' : 'online';
  }

  /**
   * What a failed call means for the door. A force-logout ends the session (false: stop); a
   * network failure in `auto` switches to offline (true: go on). Others are reported unless quiet.
   */
  handleFailure(error: unknown, { quiet = false } = {}): boolean {
    if (isAbortError(error)) return false;
    if (error instanceof VendorError && error.forceLogout) {
      this.session.end(error);
      return false;
    }
    if (isConnectivityError(error)) this.lost();
    else if (!quiet) this.host.report(error);
    return true;
  }

  private lost(): void {
    if (this.host.mode !== 'auto') return;
    this.auto = 'offline';
    this.host.requestUpdate();
  }

  /** AudienceView answered: back online (in `auto`). */
  back(): void {
    if (this.host.mode !== 'auto' || this.auto === 'online') return;
    this.auto = 'online';
    this.host.requestUpdate();
    this.onBack();
  }

  /**
   * Asks AudienceView whether it is there (and the token still good): while offline in `auto`,
   * and when the token should have run out (each call extends it), to ask for a sign-in in time.
   */
  async probe(): Promise<void> {
    const session = this.session.current;
    if (!session || this.probing || this.host.mode === 'offline') return;
    this.probing = true;
    try {
      const { accessTokenExpiration } = await validateToken(session, { timeoutMs: this.host.doorTimeoutMs });
      if (session !== this.session.current) return;
      this.session.noteExpiration(accessTokenExpiration);
      this.back();
    } catch (error) {
      if (session === this.session.current) this.handleFailure(error, { quiet: true });
    } finally {
      this.probing = false;
    }
  }

  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      const expiration = this.session.current?.accessTokenExpiration;
      const tokenOver = expiration !== null && expiration !== undefined && vendorNow() > expiration; // AudienceView's clock
      if (this.state === 'offline' || tokenOver) void this.probe();
    }, this.host.probeIntervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** No answer, or not the answer expected: what makes `auto` decide offline. */
export function isConnectivityError(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  if (name === 'NetworkError' || name === 'TimeoutError' || name === 'ParseError') return true;
  return error instanceof HttpError && (error.status >= 500 || error.status === 429 || error.status === 408);
}
