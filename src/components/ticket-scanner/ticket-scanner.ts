import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AUDIENCEVIEW_API_BASE } from '../../api/audienceview/public.js';
import { authenticate, filterOptions, invalidateToken, validateTicket, validateToken, type TicketValidation } from '../../api/audienceview/scanning.js';
import type { FilterOptionsClient } from '../../api/audienceview/types.js';
import { asError, ConfigError, HttpError, isAbortError, VendorError } from '../../api/errors.js';
import { DEFAULT_TIME_ZONE } from '../../shared/av-performance.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { avThemeStyles } from '../../shared/av-theme.styles.js';
import { errorViewStyles, renderErrorView } from '../../shared/error-view.js';
import { WidgetEvent, type WidgetErrorDetail } from '../../shared/events.js';
import { LateContentController } from '../../shared/late-content.js';
import { formatCount, messagesIfReady, resolveLocale } from '../../shared/locale.js';
import { vendorHtml } from '../../shared/sanitize.js';
import { formatInZone, isValidTimeZone } from '../../shared/time-zone.js';
import { clearSession, loadSession, saveSession, wipeScannerData, type StoredSession } from './offline/scanner-db.js';
import { acknowledgeFailedScan, failedScans, pendingCount, type FailedScan, type SyncReport } from './offline/scan-queue.js';
import { ScanSync } from './offline/scan-sync.js';
import { KeyboardWedge } from './controllers/keyboard-wedge.js';
import { ScannerCamera } from './camera/scanner-camera.js';
import { VerdictFeedback } from './controllers/verdict-feedback.js';
import { cacheInfo, downloadValidTickets, heldScans, noteOnlineScan, recordOfflineScan, type CacheInfo, type ScanFilter } from './offline/ticket-cache.js';
import {
  completeFilter,
  initialChoice,
  performancesOf,
  productionsOf,
  rememberedFilter,
  rememberFilter,
  sameFilter,
  type Choice,
} from './controllers/scan-choice.js';
import { offlineVerdict, onlineVerdict, type OfflineResult, type ShownVerdict } from './controllers/scan-verdict.js';
import { SCANNER_MESSAGES, type ScannerMessages, type Verdict } from './ticket-scanner.messages.js';
import { scannerStyles } from './ticket-scanner.styles.js';

export type { Verdict } from './ticket-scanner.messages.js';
export type ScannerMode = 'auto' | 'online' | 'offline';

/** `detail` of `ticket-scan`: one verdict, as shown (no patron data). */
export interface TicketScanDetail {
  barcode: string;
  verdict: Verdict;
  /** Decided from the downloaded tickets, not by AudienceView. */
  offline: boolean;
  /** The verdict in words, in the element's language. */
  message: string;
  /** Epoch ms. */
  scannedAt: number;
}

/** `detail` of `ticket-scanner-sync`, after each attempt to send the queued scans. */
export interface TicketScannerSyncDetail {
  /** Scans still queued. */
  pending: number;
  /** Scans AudienceView refused in this attempt, with its reason. */
  failed: Array<{ barcode: string; reason: string }>;
}

/** `detail` of `ticket-scanner-logout`. */
export interface TicketScannerLogoutDetail {
  /** `signed-out`: the staff member signed out; `session-ended`: AudienceView ended the session (`error` says why). */
  reason: 'signed-out' | 'session-ended';
  error?: Error;
}

export type TicketScanEvent = WidgetEvent<TicketScanDetail>;
export type TicketScannerSyncEvent = WidgetEvent<TicketScannerSyncDetail>;
export type TicketScannerLogoutEvent = WidgetEvent<TicketScannerLogoutDetail>;
export type TicketScannerErrorEvent = WidgetEvent<WidgetErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'ticket-scan': TicketScanEvent;
    'ticket-scanner-sync': TicketScannerSyncEvent;
    'ticket-scanner-logout': TicketScannerLogoutEvent;
    'ticket-scanner-error': TicketScannerErrorEvent;
  }
}

type Phase = 'starting' | 'sign-in' | 'password-expired' | 'choosing' | 'scanning';

interface SignInProblems {
  username?: string;
  password?: string;
  /** Shown in `part="error"`: words of ours, or an error described by the shared error view. */
  form?: string;
  error?: Error;
}

const MODES: readonly string[] = ['auto', 'online', 'offline'];
const VENDOR = 'AudienceView';
/** A door's patience: longer than this and the scan is decided offline (`auto`) or reported unchecked. */
const DOOR_TIMEOUT_MS = 2_500;
/** Sign-in and the list of what can be scanned are not at the door's pace, but must not hang either. */
const SETUP_TIMEOUT_MS = 15_000;
/** While offline (`auto`), how often to ask AudienceView whether it is back. */
const PROBE_INTERVAL_MS = 15_000;
/** How often the downloaded tickets are refreshed while online. */
const CACHE_REFRESH_MS = 10 * 60_000;
/** A verdict fills the scanner this long, then steps back so the next patron is not greeted by the last one's. */
const VERDICT_HOLD_MS = 5_000;
/** With the camera open, staff need the viewfinder back sooner to aim at the next ticket. */
const VERDICT_HOLD_WITH_CAMERA_MS = 2_000;
/** Passwords expiring within this many days get a warning. */
const PASSWORD_WARNING_DAYS = 14;
const MAX_BARCODE_LENGTH = 200;
/** How many of the last scans stay listed under the entry field. */
const RECENT_SCANS = 8;
/** The same code read again by a device within this time is one read. */
const REREAD_WINDOW_MS = 2000;

/**
 * The door app for AudienceView Professional: door staff sign in, choose what they scan (client →
 * production → performance) and scan tickets. Online, AudienceView gives each verdict; when the
 * network fails or is slow (`mode="auto"`), the downloaded tickets do, every offline scan is
 * queued durably and sent when the network is back. The state and the number of scans waiting
 * are always on screen. Codes come from the entry field, from `scan()`, from a keyboard-wedge
 * scanner gun typing anywhere on the page while scanning, or from the camera (the Camera button:
 * rear camera, lens switch, torch and tap to focus where the device has them; the barcode reader
 * is loaded the first time the camera opens).
 *
 * @summary Door scanning for AudienceView Professional, online and offline.
 *
 * @fires ticket-scan - A verdict (`detail`: `barcode`, `verdict` valid | invalid | duplicate |
 *   unknown, `offline`, `message`, `scannedAt`).
 * @fires ticket-scanner-sync - After each attempt to send queued scans (`detail.pending`,
 *   `detail.failed`: `[{ barcode, reason }]` refused by AudienceView).
 * @fires ticket-scanner-logout - The session ended (`detail.reason`: `signed-out` or
 *   `session-ended`, with `detail.error`). Queued scans are kept.
 * @fires ticket-scanner-error - Something failed (`detail.error`, whose `name` is one of HttpError,
 *   NetworkError, TimeoutError, VendorError, ParseError, ConfigError).
 *
 * @csspart sync-status - Online / offline and the number of scans waiting.
 * @csspart verdict - The verdict (`data-verdict`: valid, invalid, duplicate, unknown; `data-offline` when decided offline).
 * @csspart error - A failure, with `retry` where trying again can help.
 * @csspart retry - The retry button.
 * @csspart sign-in - The sign-in form.
 * @csspart password-expired - The screen shown when the password has expired (code 4).
 * @csspart choose - The form that chooses client, production and performance.
 * @csspart context - What is being scanned, who is signed in, and the change and sign-out buttons.
 * @csspart notice - The password expiry warning.
 * @csspart entry - The manual barcode entry.
 * @csspart cache - The downloaded tickets: when, how many, the refresh button.
 * @csspart progress - The download progress bar.
 * @csspart failed - Scans AudienceView refused, each with its reason and a "Got it" button.
 * @csspart history - The last scans with their verdicts, this session's tally and the sound toggle.
 * @csspart door-count - How many of the performance's tickets are in (by the downloaded list and this device's scans since).
 * @csspart camera - The camera area: the Camera toggle, lens and torch buttons, and why the camera cannot show.
 * @csspart viewfinder - The live camera picture (`.hit` for a moment after each code read).
 *
 * @cssprop --ticket-scanner-valid - Background of a valid verdict.
 * @cssprop --ticket-scanner-duplicate - Background of an already-scanned verdict.
 * @cssprop --ticket-scanner-invalid - Background of a not-valid verdict.
 * @cssprop --ticket-scanner-unknown - Background of an unknown-ticket verdict.
 * @cssprop --ticket-scanner-on-valid - Text on a valid verdict (and likewise `-on-duplicate`, `-on-invalid`, `-on-unknown`).
 * @cssprop --ticket-scanner-verdict-size - Font size of the verdict word.
 * @cssprop --ticket-scanner-min-height - The scanner's height (default: the viewport's).
 * @cssprop --av-accent - Accent colour (buttons, focus ring); the other `--av-*` properties of the AudienceView theme apply too.
 */
export class TicketScanner extends LitElement {
  static override styles = [avThemeStyles, errorViewStyles, scannerStyles];

  /** Base URL the vendor paths are appended to (a proxy, or the mock backend). */
  @property({ attribute: 'api-base' }) apiBase = AUDIENCEVIEW_API_BASE;
  /** Fixes the client: the staff member is not asked. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Fixes the production. */
  @property({ attribute: 'production-id' }) productionId = '';
  /** Fixes the performance. */
  @property({ attribute: 'performance-id' }) performanceId = '';
  /** `auto` (default): online, offline by itself when AudienceView fails or is slow; `online`: never the cache; `offline`: never asks AudienceView for a verdict. */
  @property() mode: ScannerMode = 'auto';
  /** Never show patron names on screen (a venue's privacy setting for a door in full view of the queue). */
  @property({ type: Boolean, attribute: 'hide-patron-names' }) hidePatronNames = false;
  /** The venue's IANA time zone, for performance and cache times (the scanning API gives none). */
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;
  /** BCP 47 locale; default the nearest `lang`, then the browser's. */
  @property() locale = '';
  /**
   * What the camera reads: a comma or space separated list of Barcode Detection API formats
   * (default `qr_code code_128 pdf417 aztec data_matrix`, what tickets use; fewer is faster).
   */
  @property({ attribute: 'barcode-formats' }) barcodeFormats = '';
  /**
   * Where the camera's barcode reader (zxing-wasm's `zxing_reader.wasm`) is served, on your own
   * origin. Default: beside the scanner's decoder chunk, where `npm run build` puts it. Unused
   * where the browser reads barcodes itself.
   */
  @property({ attribute: 'decoder-url' }) decoderUrl = '';
  /** How long a scan waits for AudienceView (ms). */
  @property({ attribute: false }) doorTimeoutMs = DOOR_TIMEOUT_MS;
  /** How often the downloaded tickets are refreshed while online (ms). */
  @property({ attribute: false }) cacheRefreshMs = CACHE_REFRESH_MS;
  /** While offline in `auto`, how often AudienceView is asked whether it is back (ms). */
  @property({ attribute: false }) probeIntervalMs = PROBE_INTERVAL_MS;

  @state() private phase: Phase = 'starting';
  /** A scan found no room on disk and is held in memory (see `heldScans`): staff are warned. */
  @state() private storageFull = false;
  @state() private configError?: Error;
  @state() private session?: StoredSession;
  @state() private signInBusy = false;
  @state() private signInProblems: SignInProblems = {};
  /** Why the staff member must sign in again. */
  @state() private endedBy?: VendorError;
  @state() private expiredBy?: VendorError;
  @state() private passwordDays: number | null = null;
  @state() private options?: FilterOptionsClient[];
  @state() private optionsError?: Error;
  @state() private optionsLoading = false;
  @state() private draft: Choice = {};
  @state() private chooseProblem = false;
  @state() private filter?: ScanFilter;
  /** `auto` mode's own judgement of the network. */
  @state() private autoConnection: 'online' | 'offline' = 'online';
  @state() private pending = 0;
  @state() private failed: FailedScan[] = [];
  @state() private cache?: CacheInfo;
  @state() private download?: { tickets: number; bytes: number; totalBytes: number | null };
  @state() private downloadError?: Error;
  @state() private verdict?: ShownVerdict;
  @state() private verdictSettled = false;
  /** A scan that got no verdict: no answer in `online` mode, an error AudienceView gave, storage failing. */
  @state() private unchecked?: { barcode: string; error: Error };
  @state() private checking = false;
  @state() private entryError?: string;
  @state() private confirmingSignOut = false;
  /** The last scans, newest first, and this session's tally. */
  @state() private recent: TicketScanDetail[] = [];
  @state() private tally = { admitted: 0, refused: 0 };
  @state() private soundOn = true;
  @state() private signingOut = false;

  protected readonly lateContent = new LateContentController(this);
  private configKey = '';
  /** Bumped whenever the element starts over; late answers of an older run are dropped. */
  private run = 0;
  /** The username of the last session in this page, to keep its downloaded tickets for the same person. */
  private lastUsername?: string;
  private sync?: ScanSync;
  private downloadController?: AbortController;
  private probeTimer?: ReturnType<typeof setInterval>;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private verdictTimer?: ReturnType<typeof setTimeout>;
  private probing = false;
  private scanChain: Promise<unknown> = Promise.resolve();
  private focusAfterRender?: string;
  private readonly onBrowserOnline = () => void this.probe();
  /** Scanner guns that type the code: heard anywhere on the page while scanning. */
  private readonly wedge = new KeyboardWedge(document, { onScan: (code) => void this.scanFromDevice(code) });
  /** The last code a device read, and when: a gun or camera that reads a ticket twice counts it once. */
  private lastDeviceRead?: { code: string; at: number };
  private wedgeListening = false;
  /** The camera, while scanning; reads behind the sign-out question are dropped as a gun's are. */
  private readonly camera = new ScannerCamera(this, {
    onRead: (code) => {
      if (!this.confirmingSignOut) void this.scanFromDevice(code);
    },
    wasmUrl: () => this.decoderUrl,
  });
  private readonly feedback = new VerdictFeedback();
  /** Audio may start only after a gesture: the first tap or key in the scanner allows it. */
  private readonly unlockAudio = () => this.feedback.unlock();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onBrowserOnline);
    this.addEventListener('pointerdown', this.unlockAudio);
    this.addEventListener('keydown', this.unlockAudio);
    // Moved in the page: start again (a first connection starts from willUpdate).
    if (this.hasUpdated) {
      this.configKey = '';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onBrowserOnline);
    this.removeEventListener('pointerdown', this.unlockAudio);
    this.removeEventListener('keydown', this.unlockAudio);
    this.feedback.close();
    this.listenForScannerGuns(false);
    this.stopWork();
    this.run++;
  }

  // -------------------------------------------------------------------------------------------
  // Public API
  // -------------------------------------------------------------------------------------------

  /**
   * Checks a barcode (manual entry; the camera and scanner guns come here too) and shows the
   * verdict. Resolves with the verdict, or `undefined` when the scanner is not ready to scan
   * (signed out, nothing chosen) or the barcode was not checked. Never rejects.
   */
  scan(barcode: string): Promise<TicketScanDetail | undefined> {
    const code = String(barcode ?? '').trim();
    if (!code) {
      this.entryError = this.words().barcodeMissing;
      return Promise.resolve(undefined);
    }
    if (code.length > MAX_BARCODE_LENGTH) {
      this.entryError = this.words().barcodeTooLong;
      return Promise.resolve(undefined);
    }
    this.entryError = undefined;
    if (this.phase !== 'scanning' || !this.filter) return Promise.resolve(undefined);
    const filter = this.filter;
    // One scan at a time, in the order they came: verdicts and the queue keep the door's order.
    const result = this.scanChain.then(() => this.check(code, filter));
    this.scanChain = result.catch(() => undefined);
    return result.catch((error: unknown) => {
      this.report(asError(error));
      return undefined;
    });
  }

  /** Sends the queued scans now. */
  syncNow(): void {
    void this.sync?.syncNow();
  }

  /** Signs out. While scans are waiting it asks first, unless `confirmed`. */
  async signOut(confirmed = false): Promise<void> {
    if (!confirmed) {
      // Asked afresh: the service worker may have sent (or this page queued) scans since the last count.
      this.pending = await pendingCount().catch(() => this.pending);
      if (this.pending > 0) {
        this.confirmingSignOut = true;
        return;
      }
    }
    const session = this.session;
    this.run++; // answers still on their way belong to the session being closed
    this.lastUsername = undefined;
    this.forgetSession();
    this.signingOut = true;
    this.phase = 'starting';
    // Best effort: a sign-out must work in a dead foyer too; the token then simply expires.
    if (session) await invalidateToken(session, { timeoutMs: this.doorTimeoutMs }).catch(() => undefined);
    try {
      await wipeScannerData({ keepQueue: true });
      await clearSession();
    } catch (error) {
      this.report(asError(error));
    }
    this.cache = undefined;
    this.signingOut = false;
    this.phase = 'sign-in';
    this.focusAfterRender = '#username';
    this.dispatchEvent(new WidgetEvent<TicketScannerLogoutDetail>('ticket-scanner-logout', { reason: 'signed-out' }));
  }

  // -------------------------------------------------------------------------------------------
  // Configuration and start-up
  // -------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Signed out, choosing again: the camera's light goes off.
    if (this.phase !== 'scanning') this.camera.close();
    if (changed.has('barcodeFormats')) {
      const formatsError = this.camera.setFormats(this.barcodeFormats);
      if (formatsError) this.report(formatsError);
    }
    if ((changed as Map<string, unknown>).has('session')) {
      const before = (changed as Map<string, unknown>).get('session') as StoredSession | undefined;
      // Another person, or nobody: the last scans and the tally were theirs, not the next one's.
      if (before?.username !== this.session?.username) {
        this.recent = [];
        this.tally = { admitted: 0, refused: 0 };
      }
    }
    const key = [this.apiBase, this.clientId, this.productionId, this.performanceId, this.mode, this.timeZone].join('\u0000');
    if (key === this.configKey) return;
    const previous = this.configKey;
    this.configKey = key;
    try {
      this.checkConfig();
    } catch (error) {
      this.stopWork();
      this.run++;
      if (this.configError?.message !== (error as Error).message) {
        this.configError = error as Error;
        this.report(this.configError);
      }
      return;
    }
    const wasBroken = !!this.configError;
    this.configError = undefined;
    if (!previous || wasBroken || changed.has('apiBase')) {
      void this.start();
      return;
    }
    if (changed.has('mode')) this.applyMode();
    if ((changed.has('clientId') || changed.has('productionId') || changed.has('performanceId')) && this.session) void this.chooseWhatToScan();
  }

  protected override updated(): void {
    // While a sign-out question is open, a gun must not scan behind it.
    this.listenForScannerGuns(this.isConnected && this.phase === 'scanning' && !this.confirmingSignOut);
    if (this.confirmingSignOut) {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
    }
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      if (target) {
        target.focus();
        this.focusAfterRender = undefined;
      }
    }
  }

  private checkConfig(): void {
    for (const [attribute, value] of [
      ['client-id', this.clientId],
      ['production-id', this.productionId],
      ['performance-id', this.performanceId],
    ] as const) {
      const text = String(value ?? '').trim();
      if (text && !/^[1-9]\d{0,9}$/.test(text)) throw new ConfigError(`${attribute} must be an AudienceView id, a whole number (got "${text.slice(0, 40)}")`, attribute);
    }
    if (!MODES.includes(this.mode)) throw new ConfigError(`mode must be auto, online or offline (got "${String(this.mode).slice(0, 40)}")`, 'mode');
    if (!isValidTimeZone(this.timeZone)) throw new ConfigError(`time-zone must be an IANA zone such as America/New_York (got "${String(this.timeZone).slice(0, 40)}")`, 'time-zone');
    // Empty means AudienceView's own address (documented); anything else must be an address.
    if (this.apiBase?.trim()) checkAddress(this.apiBase, 'api-base');
    if (this.decoderUrl?.trim()) checkAddress(this.decoderUrl, 'decoder-url');
  }

  private apiBaseUrl(): string {
    return (this.apiBase ?? '').trim().replace(/\/+$/, '') || AUDIENCEVIEW_API_BASE;
  }

  /** What the attributes fix. */
  private fixedChoice(): Choice {
    const id = (text: string) => (String(text ?? '').trim() ? Number(text) : undefined);
    return { clientId: id(this.clientId), productionId: id(this.productionId), performanceId: id(this.performanceId) };
  }

  /** Resumes a stored session (checking it with AudienceView when online), or asks to sign in. */
  private async start(): Promise<void> {
    this.stopWork();
    const run = ++this.run;
    this.phase = 'starting';
    this.session = undefined;
    this.options = undefined;
    this.filter = undefined;
    this.verdict = undefined;
    this.autoConnection = navigator.onLine === false ? 'offline' : 'online';
    const [stored, pending, failed, cache] = await Promise.all([
      loadSession().catch((error: unknown) => this.reportAndReturn(error, undefined)),
      pendingCount().catch(() => 0),
      failedScans().catch((): FailedScan[] => []),
      cacheInfo().catch(() => undefined),
    ]);
    if (run !== this.run) return;
    this.pending = pending;
    this.failed = failed;
    this.cache = cache;
    if (!stored || stored.apiBase.replace(/\/+$/, '') !== this.apiBaseUrl()) {
      this.phase = 'sign-in';
      return;
    }
    this.session = stored;
    this.startSync();
    // The token checked with AudienceView; a dead network keeps the session: scanning goes on offline.
    await this.probe();
    if (run !== this.run || !this.session) return;
    await this.chooseWhatToScan();
  }

  // -------------------------------------------------------------------------------------------
  // Session
  // -------------------------------------------------------------------------------------------

  private async onSignIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.signInBusy) return;
    const m = this.words();
    const data = new FormData(event.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const problems: SignInProblems = {};
    if (!username) problems.username = m.usernameMissing;
    if (!password) problems.password = m.passwordMissing;
    this.signInProblems = problems;
    if (problems.username || problems.password) {
      this.focusAfterRender = problems.username ? '#username' : '#password';
      return;
    }
    const run = this.run;
    this.signInBusy = true;
    try {
      const signIn = await authenticate(this.apiBaseUrl(), { username, password }, { timeoutMs: SETUP_TIMEOUT_MS });
      if (run !== this.run) return;
      // Another person's downloaded tickets (and their patron names) do not stay for this one.
      if (this.lastUsername?.toLowerCase() !== username.toLowerCase()) {
        await wipeScannerData({ keepQueue: true }).catch((error: unknown) => this.report(asError(error)));
        this.cache = undefined;
      }
      const session: StoredSession = { ...signIn.session, accessTokenExpiration: signIn.accessTokenExpiration };
      await saveSession(session).catch((error: unknown) => this.report(asError(error)));
      if (run !== this.run) return;
      this.session = session;
      this.lastUsername = username;
      this.endedBy = undefined;
      this.passwordDays = signIn.daysTillPasswordExpires;
      this.connectionBack();
      this.startSync();
      void this.sync?.syncNow(); // scans kept from before this sign-in
      await this.chooseWhatToScan({ focus: true });
    } catch (error) {
      if (run === this.run) this.signInFailed(asError(error));
    } finally {
      this.signInBusy = false;
    }
  }

  private signInFailed(error: Error): void {
    const m = this.words();
    this.report(error);
    if (error instanceof VendorError && error.vendor === 'audienceview') {
      switch (Number(error.code)) {
        case 2:
          this.signInProblems = { password: m.wrongPassword };
          this.focusAfterRender = '#password';
          return;
        case 3:
          this.signInProblems = { form: m.noPermission };
          return;
        case 4:
          this.expiredBy = error;
          this.phase = 'password-expired';
          this.focusAfterRender = '.expired h2';
          return;
      }
    }
    if (error instanceof HttpError && error.status === 429) {
      this.signInProblems = { form: m.locked(error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined) };
      return;
    }
    this.signInProblems = { error };
  }

  /**
   * AudienceView ended the session (a force-logout code, a token gone while offline): the queue
   * stays, the staff member is asked to sign in again, and the queue is sent after that.
   */
  private endSession(error: VendorError): void {
    if (!this.session) return; // already ended: several calls can learn it at once
    this.lastUsername = this.session.username;
    this.forgetSession();
    if (Number(error.code) === 4) {
      this.expiredBy = error;
      this.phase = 'password-expired';
    } else {
      this.endedBy = error;
      this.phase = 'sign-in';
    }
    clearSession().catch((e: unknown) => this.report(asError(e)));
    this.report(error);
    this.dispatchEvent(new WidgetEvent<TicketScannerLogoutDetail>('ticket-scanner-logout', { reason: 'session-ended', error }));
  }

  /** Drops everything the session showed or ran (the queue itself lives on in IndexedDB). */
  private forgetSession(): void {
    this.stopWork();
    this.session = undefined;
    this.options = undefined;
    this.optionsError = undefined;
    this.verdict = undefined;
    this.unchecked = undefined;
    this.passwordDays = null;
    this.signInProblems = {};
  }

  /** Each call moves the token's end to an hour later: kept, and stored when it moved a minute or more (not once per scan). */
  private noteExpiration(expiration: number | null): void {
    const session = this.session;
    if (!session || expiration === null || expiration === session.accessTokenExpiration) return;
    const moved = Math.abs(expiration - (session.accessTokenExpiration ?? 0));
    // In place: the session object is how answers still on their way know it is still the same session.
    session.accessTokenExpiration = expiration;
    if (moved >= 60_000) saveSession(session).catch((error: unknown) => this.report(asError(error)));
  }

  private startSync(): void {
    this.sync?.stop();
    const sync = new ScanSync({
      session: () => this.session,
      // A report from a sync of an earlier session (still on its way) says nothing about this one.
      onReport: (report) => {
        if (this.sync === sync) this.onSyncReport(report);
      },
    });
    this.sync = sync;
    sync.start();
    this.startTimers();
  }

  private onSyncReport(report: SyncReport): void {
    this.pending = report.pending;
    // The warning stays while any scan is held in memory only; it goes once they are on disk or sent.
    if (this.storageFull && !heldScans.length) this.storageFull = false;
    if (report.accessTokenExpiration !== undefined) this.noteExpiration(report.accessTokenExpiration);
    failedScans().then(
      (failed) => (this.failed = failed),
      (error: unknown) => this.report(asError(error)),
    );
    this.dispatchEvent(
      new WidgetEvent<TicketScannerSyncDetail>('ticket-scanner-sync', { pending: report.pending, failed: report.failed.map(({ barcode, reason }) => ({ barcode, reason })) }),
    );
    if (report.stoppedBy) this.handleFailure(report.stoppedBy, { quiet: true });
    else if (report.acknowledged > 0) this.connectionBack();
  }

  private async acknowledge(barcode: string): Promise<void> {
    try {
      await acknowledgeFailedScan(barcode);
      this.failed = await failedScans();
    } catch (error) {
      this.report(asError(error));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Choosing what to scan
  // -------------------------------------------------------------------------------------------

  /** Loads the options when online, then starts scanning if every step is decided, else asks. */
  private async chooseWhatToScan({ focus = false } = {}): Promise<void> {
    if (!this.session) return;
    if (this.connection() === 'online' && !(await this.loadOptions())) return;
    const base = this.apiBaseUrl();
    // Offline after a reload the options are unknown: the remembered choice, else the downloaded tickets' one.
    const remembered = rememberedFilter(base) ?? (this.options ? undefined : this.cache?.filter);
    const choice = initialChoice(this.options, this.fixedChoice(), remembered);
    const filter = completeFilter(choice);
    if (filter) {
      this.optionsError = undefined;
      this.startScanning(filter, { chosenNow: false });
      return;
    }
    this.draft = choice;
    this.chooseProblem = false;
    this.phase = 'choosing';
    if (focus) this.focusAfterRender = '.choose select, .choose button';
  }

  private changeChoice(): void {
    this.draft = this.filter ? { ...this.filter } : {};
    this.chooseProblem = false;
    this.phase = 'choosing';
    this.focusAfterRender = '.choose select, .choose button';
    if (!this.options && this.connection() === 'online') void this.reloadOptions();
  }

  private async reloadOptions(): Promise<void> {
    if ((await this.loadOptions()) && this.phase === 'choosing' && this.options) {
      this.draft = initialChoice(this.options, { ...this.fixedChoice(), ...definedSteps(this.draft) }, undefined);
    }
  }

  /**
   * Fetches what this account can scan now. False when there is nothing more to do: the session
   * ended meanwhile, or the element started over; a failure that leaves the session is shown.
   */
  private async loadOptions(): Promise<boolean> {
    const run = this.run;
    const session = this.session;
    if (!session) return false;
    this.optionsLoading = true;
    this.optionsError = undefined;
    try {
      const answer = await filterOptions(session, { timeoutMs: SETUP_TIMEOUT_MS });
      if (run !== this.run || session !== this.session) return false;
      this.options = answer.clients;
      this.noteExpiration(answer.accessTokenExpiration);
      this.connectionBack();
      return true;
    } catch (error) {
      if (run !== this.run || !this.handleFailure(error, { quiet: true })) return false;
      this.optionsError = asError(error);
      this.report(this.optionsError);
      return true;
    } finally {
      this.optionsLoading = false;
    }
  }

  private onChoiceChange(step: 'clientId' | 'productionId' | 'performanceId', value: string): void {
    const picked = value === '' ? undefined : value === 'all' ? null : Number(value);
    const fixed = this.fixedChoice();
    // A step chosen again resets the steps after it, which then default as they would at first.
    const draft: Choice = { ...fixed, clientId: this.draft.clientId };
    if (step === 'clientId') draft.clientId = picked ?? undefined;
    else draft.productionId = this.draft.productionId;
    if (step === 'productionId') draft.productionId = picked;
    if (step === 'performanceId') draft.performanceId = picked;
    this.draft = initialChoice(this.options, definedSteps(draft), undefined);
    this.chooseProblem = false;
  }

  private onChoose(event: SubmitEvent): void {
    event.preventDefault();
    const filter = completeFilter(this.draft);
    if (!filter) {
      this.chooseProblem = true;
      this.focusAfterRender = '.choose [aria-invalid="true"]';
      return;
    }
    this.startScanning(filter, { chosenNow: true });
  }

  private startScanning(filter: ScanFilter, { chosenNow }: { chosenNow: boolean }): void {
    const changed = !sameFilter(this.filter, filter);
    this.filter = filter;
    rememberFilter(this.apiBaseUrl(), filter);
    this.phase = 'scanning';
    this.focusAfterRender = '#barcode';
    if (changed) {
      this.verdict = undefined;
      this.unchecked = undefined;
    }
    const cacheAge = this.cache ? Date.now() - this.cache.downloadedAt : Infinity;
    if (chosenNow || !sameFilter(this.cache?.filter, filter) || cacheAge > this.cacheRefreshMs) void this.refreshCache();
  }

  // -------------------------------------------------------------------------------------------
  // Scanning
  // -------------------------------------------------------------------------------------------

  private onEntry(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#barcode')!;
    const value = input.value;
    if (value.trim() && value.trim().length <= MAX_BARCODE_LENGTH) input.value = '';
    input.focus(); // the next code goes straight in
    void this.scan(value);
  }

  /** One scan: AudienceView within the door timeout, else (or in `offline` mode) the downloaded tickets. */
  private async check(barcode: string, filter: ScanFilter): Promise<TicketScanDetail | undefined> {
    const scannedAt = Date.now();
    const session = this.session;
    this.checking = true;
    try {
      if (this.connection() === 'offline' || !session) return await this.checkOffline(barcode, filter, scannedAt);
      let result: TicketValidation;
      try {
        result = await validateTicket(session, { barcodeString: barcode, ...filter }, { timeoutMs: this.doorTimeoutMs });
      } catch (error) {
        const stillSignedIn = this.handleFailure(error, { quiet: true });
        // A timeout or a dropped connection may come after AudienceView counted the scan.
        const maybeSent = (error as Error).name === 'TimeoutError' || ((error as Error).name === 'NetworkError' && navigator.onLine !== false);
        if (stillSignedIn && this.mode === 'auto' && isConnectivityError(error)) return await this.checkOffline(barcode, filter, scannedAt, maybeSent);
        if (stillSignedIn) this.showUnchecked(barcode, asError(error));
        return undefined;
      }
      this.noteExpiration(result.accessTokenExpiration);
      // So that this ticket, scanned again offline, reads as a duplicate.
      if (result.verdict === 'valid') noteOnlineScan(barcode).catch((error: unknown) => this.report(asError(error)));
      return this.show(onlineVerdict(barcode, result, scannedAt));
    } finally {
      this.checking = false;
    }
  }

  /** The verdict from the downloaded tickets; the scan is in IndexedDB before it is shown. */
  private async checkOffline(barcode: string, filter: ScanFilter, scannedAt: number, maybeSent = false): Promise<TicketScanDetail | undefined> {
    let result: OfflineResult;
    try {
      result = await recordOfflineScan(barcode, filter, scannedAt, { maybeSent });
    } catch (error) {
      this.showUnchecked(barcode, asError(error)); // storage failed: say so, never a verdict that was not kept
      return undefined;
    }
    if (result.heldInMemory) this.storageFull = true;
    this.pending = await pendingCount().catch(() => this.pending);
    return this.show(offlineVerdict(result, scannedAt));
  }

  /** The full-screen verdict steps back to a line above the entry (after its time, on a tap, or Escape). */
  private settleVerdict(): void {
    clearTimeout(this.verdictTimer);
    this.verdictSettled = true;
  }

  private show(shown: ShownVerdict): TicketScanDetail {
    const m = this.words();
    this.unchecked = undefined;
    this.verdict = shown;
    this.verdictSettled = false;
    clearTimeout(this.verdictTimer);
    this.verdictTimer = setTimeout(() => this.settleVerdict(), this.camera.state === 'closed' ? VERDICT_HOLD_MS : VERDICT_HOLD_WITH_CAMERA_MS);
    const detail: TicketScanDetail = {
      barcode: shown.barcode,
      verdict: shown.verdict,
      offline: shown.offline,
      message: `${m.verdicts[shown.verdict]}: ${shown.reason ?? m.verdictHints[shown.verdict]}`,
      scannedAt: shown.scannedAt,
    };
    this.feedback.play(shown.verdict, { sound: this.soundOn, vibration: true });
    this.recent = [detail, ...this.recent].slice(0, RECENT_SCANS);
    this.tally = shown.verdict === 'valid' ? { ...this.tally, admitted: this.tally.admitted + 1 } : { ...this.tally, refused: this.tally.refused + 1 };
    const count = this.cache?.doorCount;
    // A valid verdict marked the ticket scanned on this device: one more in, as the stored count will say.
    if (shown.verdict === 'valid' && this.cache && count) this.cache = { ...this.cache, doorCount: { ...count, admitted: Math.min(count.admitted + 1, count.admissible) } };
    this.dispatchEvent(new WidgetEvent<TicketScanDetail>('ticket-scan', detail));
    return detail;
  }

  private showUnchecked(barcode: string, error: Error): void {
    this.verdict = undefined;
    this.unchecked = { barcode, error };
    this.report(error);
  }

  // -------------------------------------------------------------------------------------------
  // Connection, cache and timers
  // -------------------------------------------------------------------------------------------

  private connection(): 'online' | 'offline' {
    return this.mode === 'online' ? 'online' : this.mode === 'offline' ? 'offline' : this.autoConnection;
  }

  /**
   * What a failed call means for the door. A force-logout ends the session (false: stop); a
   * network failure in `auto` switches to offline (true: go on). Others are reported unless quiet.
   */
  private handleFailure(error: unknown, { quiet = false } = {}): boolean {
    if (isAbortError(error)) return false;
    if (error instanceof VendorError && error.forceLogout) {
      this.endSession(error);
      return false;
    }
    if (isConnectivityError(error)) this.connectionLost();
    else if (!quiet) this.report(asError(error));
    return true;
  }

  private connectionLost(): void {
    if (this.mode === 'auto') this.autoConnection = 'offline';
  }

  /** AudienceView answered: back online (in `auto`), send the queue, catch up on what was missed. */
  private connectionBack(): void {
    if (this.mode !== 'auto' || this.autoConnection === 'online') return;
    this.autoConnection = 'online';
    void this.sync?.syncNow();
    if (this.phase === 'choosing' && !this.options) void this.reloadOptions();
    const cacheAge = this.cache ? Date.now() - this.cache.downloadedAt : Infinity;
    if (this.phase === 'scanning' && (cacheAge > this.cacheRefreshMs || !sameFilter(this.cache?.filter, this.filter))) void this.refreshCache();
  }

  private applyMode(): void {
    if (this.mode === 'auto') void this.probe();
    if (this.mode !== 'online' && this.phase === 'scanning' && !sameFilter(this.cache?.filter, this.filter)) void this.refreshCache();
  }

  /**
   * Asks AudienceView whether it is there (and the token still good): while offline in `auto`,
   * and when the token should have run out (each call extends it), to ask for a sign-in in time.
   */
  private async probe(): Promise<void> {
    const session = this.session;
    if (!session || this.probing || this.mode === 'offline') return;
    this.probing = true;
    try {
      const { accessTokenExpiration } = await validateToken(session, { timeoutMs: this.doorTimeoutMs });
      if (session !== this.session) return;
      this.noteExpiration(accessTokenExpiration);
      this.connectionBack();
    } catch (error) {
      if (session === this.session) this.handleFailure(error, { quiet: true });
    } finally {
      this.probing = false;
    }
  }

  private startTimers(): void {
    clearInterval(this.probeTimer);
    clearInterval(this.refreshTimer);
    this.probeTimer = setInterval(() => {
      const expiration = this.session?.accessTokenExpiration;
      const tokenOver = expiration !== null && expiration !== undefined && Date.now() > expiration;
      if (this.connection() === 'offline' || tokenOver) void this.probe();
    }, this.probeIntervalMs);
    this.refreshTimer = setInterval(() => {
      if (this.phase === 'scanning' && this.connection() === 'online') void this.refreshCache();
    }, this.cacheRefreshMs);
  }

  /** Downloads the valid tickets of the chosen filter (with progress), unless `online` mode. */
  private async refreshCache(): Promise<void> {
    const session = this.session;
    const filter = this.filter;
    if (!session || !filter || this.mode === 'online') return;
    // The downloaded tickets and the queue must survive the browser's clean-ups on a full phone.
    void navigator.storage?.persist?.().catch(() => false);
    this.downloadController?.abort();
    const controller = new AbortController();
    this.downloadController = controller;
    this.download = { tickets: 0, bytes: 0, totalBytes: null };
    this.downloadError = undefined;
    try {
      const info = await downloadValidTickets(session, filter, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.downloadController === controller) this.download = { tickets: progress.tickets, bytes: progress.bytes, totalBytes: progress.totalBytes };
        },
      });
      if (this.downloadController !== controller) return;
      this.cache = info;
      this.connectionBack();
    } catch (error) {
      if (this.downloadController !== controller || !this.handleFailure(error, { quiet: true })) return;
      this.downloadError = asError(error);
      this.report(this.downloadError);
    } finally {
      if (this.downloadController === controller) {
        this.downloadController = undefined;
        this.download = undefined;
      }
    }
  }

  /**
   * A code from a scanner gun or the camera. Devices often read one ticket twice in a
   * row; the same code within `REREAD_WINDOW_MS` is that, not a second scan. Staff who mean to
   * check a ticket again type it, or wait a moment.
   */
  private scanFromDevice(code: string): Promise<TicketScanDetail | undefined> {
    const now = Date.now();
    const last = this.lastDeviceRead;
    this.lastDeviceRead = { code, at: now };
    if (last && last.code === code && now - last.at < REREAD_WINDOW_MS) return Promise.resolve(undefined);
    return this.scan(code);
  }

  private listenForScannerGuns(listen: boolean): void {
    if (listen === this.wedgeListening) return;
    this.wedgeListening = listen;
    if (listen) this.wedge.start();
    else this.wedge.stop();
  }

  private stopWork(): void {
    this.sync?.stop();
    this.sync = undefined;
    this.downloadController?.abort();
    this.downloadController = undefined;
    this.download = undefined;
    clearInterval(this.probeTimer);
    clearInterval(this.refreshTimer);
    clearTimeout(this.verdictTimer);
    this.confirmingSignOut = false;
  }

  private report(error: Error): void {
    this.dispatchEvent(new WidgetEvent<WidgetErrorDetail>('ticket-scanner-error', { error }));
  }

  private reportAndReturn<T>(error: unknown, value: T): T {
    this.report(asError(error));
    return value;
  }

  private words(): ScannerMessages {
    return messagesIfReady(SCANNER_MESSAGES, resolveLocale(this, this.locale)) ?? SCANNER_MESSAGES.en;
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    if (this.configError) return renderErrorView(this.configError, { locale, vendorName: VENDOR });
    // The page's language may still be on its way: a quiet placeholder, not a flash of English.
    const m = messagesIfReady(SCANNER_MESSAGES, locale);
    if (!m || this.phase === 'starting') {
      const text = m ? (this.signingOut ? m.signingOut : m.resuming) : '';
      return html`<div class="scanner starting" role="status" aria-busy="true"><p>${text}</p></div>`;
    }
    return html`<div class="scanner" data-phase=${this.phase} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.settleVerdict()}>
      ${this.renderStatus(m)} ${this.renderFailed(m, locale)}
      ${this.storageFull ? html`<div part="notice" class="notice storage-full" role="alert">${m.storageFull}</div>` : nothing}
      ${this.session && this.passwordDays !== null && this.passwordDays <= PASSWORD_WARNING_DAYS
        ? html`<div part="notice" class="notice" role="status">
            <span>${m.passwordExpiresSoon(this.passwordDays)}</span>
            <button type="button" class="link" @click=${() => (this.passwordDays = null)}>${m.dismiss}</button>
          </div>`
        : nothing}
      ${this.phase === 'sign-in'
        ? this.renderSignIn(m, locale)
        : this.phase === 'password-expired'
          ? this.renderPasswordExpired(m)
          : this.phase === 'choosing'
            ? this.renderChoose(m, locale)
            : this.renderScanning(m, locale)}
      ${this.confirmingSignOut ? this.renderSignOutConfirm(m) : nothing}
    </div>`;
  }

  private renderStatus(m: ScannerMessages) {
    const connection = this.connection();
    const label = this.mode === 'online' ? m.onlineOnly : this.mode === 'offline' ? m.offlineByChoice : connection === 'online' ? m.online : m.offline;
    return html`<div part="sync-status" class="status" data-connection=${connection} data-pending=${this.pending}>
      <span class="dot" aria-hidden="true"></span>
      <span class="connection">${label}</span>
      <span class="pending">${this.pending > 0 ? m.waiting(this.pending) : m.allSent}</span>
      ${this.pending > 0 && this.session && connection === 'online'
        ? html`<button type="button" class="link send-now" @click=${() => this.syncNow()}>${m.sendNow}</button>`
        : nothing}
    </div>`;
  }

  private renderFailed(m: ScannerMessages, locale: string) {
    if (this.failed.length === 0) return nothing;
    return html`<section part="failed" class="failed" aria-labelledby="failed-title">
      <h2 id="failed-title">${m.failedTitle}</h2>
      <ul>
        ${this.failed.map(
          (f) => html`<li data-barcode=${f.barcode} ?data-conflict=${f.conflict}>
            <code class="barcode">${f.barcode}</code>
            ${f.conflict ? html`<strong class="conflict">${m.conflict}</strong>` : nothing}
            <span class="reason">${f.reason}</span>
            ${f.ticket ? html`<span class="ticket">${[f.ticket.orderConsumerName, f.ticket.section, f.ticket.seat].filter((part) => part).join(' · ')}</span>` : nothing}
            <time datetime=${new Date(f.scanTime).toISOString()}>${this.time(f.scanTime, locale)}</time>
            <button type="button" aria-label=${m.acknowledgeLabel(f.barcode)} @click=${() => this.acknowledge(f.barcode)}>${m.acknowledge}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderSignIn(m: ScannerMessages, locale: string) {
    const p = this.signInProblems;
    const ended = this.endedBy;
    const field = (name: 'username' | 'password', label: string, problem: string | undefined, attrs: { type: string; autocomplete: string; inputmode?: string; value?: string }) =>
      html`<div class="field">
        <label for=${name}>${label}</label>
        <input
          id=${name}
          name=${name}
          type=${attrs.type}
          autocomplete=${attrs.autocomplete}
          inputmode=${attrs.inputmode ?? nothing}
          autocapitalize="off"
          spellcheck="false"
          required
          .value=${attrs.value ?? ''}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? `${name}-problem` : nothing}
        />
        ${problem ? html`<p id="${name}-problem" class="field-problem">${problem}</p>` : nothing}
      </div>`;
    return html`<form part="sign-in" class="panel sign-in" novalidate aria-labelledby="sign-in-title" @submit=${(e: SubmitEvent) => this.onSignIn(e)}>
      <h2 id="sign-in-title">${m.signInTitle}</h2>
      ${ended
        ? html`<div class="ended" role="alert">
            <p><strong>${Number(ended.code) === 3 ? m.permissionRemoved : m.sessionEnded}</strong></p>
            ${ended.messageHtml ? html`<div class="vendor-message">${vendorHtml(ended.messageHtml)}</div>` : nothing}
            ${this.pending > 0 ? html`<p>${m.keptForNextSignIn(this.pending)}</p>` : nothing}
          </div>`
        : this.pending > 0
          ? html`<p class="kept">${m.keptForNextSignIn(this.pending)}</p>`
          : nothing}
      <p class="intro">${m.signInIntro}</p>
      ${field('username', m.username, p.username, { type: 'text', autocomplete: 'username', inputmode: 'email', value: this.lastUsername })}
      ${field('password', m.password, p.password, { type: 'password', autocomplete: 'current-password' })}
      ${p.form ? html`<div part="error" class="error" role="alert"><p class="error-summary">${p.form}</p></div>` : nothing}
      ${p.error ? renderErrorView(p.error, { locale, vendorName: VENDOR }) : nothing}
      <button type="submit" class="primary" ?disabled=${this.signInBusy}>${this.signInBusy ? m.signingIn : m.signIn}</button>
    </form>`;
  }

  private renderPasswordExpired(m: ScannerMessages) {
    const error = this.expiredBy;
    return html`<section part="password-expired" class="panel expired" role="alert" aria-labelledby="expired-title">
      <h2 id="expired-title" tabindex="-1">${m.passwordExpiredTitle}</h2>
      ${error?.messageHtml ? html`<div class="vendor-message">${vendorHtml(error.messageHtml)}</div>` : nothing}
      <p>${m.passwordExpiredText}</p>
      ${error ? html`<p class="code">${VENDOR} ${error.code}: ${error.message}</p>` : nothing}
      <button
        type="button"
        class="primary"
        @click=${() => {
          this.expiredBy = undefined;
          this.phase = 'sign-in';
          this.focusAfterRender = '#username';
        }}
      >
        ${m.backToSignIn}
      </button>
    </section>`;
  }

  private renderChoose(m: ScannerMessages, locale: string) {
    const fixed = this.fixedChoice();
    const d = this.draft;
    const productions = productionsOf(this.options, d.clientId);
    const performances = performancesOf(this.options, d);
    const select = (
      step: 'clientId' | 'productionId' | 'performanceId',
      label: string,
      value: number | null | undefined,
      choices: Array<{ id: number; label: string }>,
      all?: string,
    ) => {
      const invalid = this.chooseProblem && value === undefined;
      const id = step.replace('Id', '');
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <select
          id=${id}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${id}-problem` : nothing}
          @change=${(e: Event) => this.onChoiceChange(step, (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${value === undefined}>${m.choose}</option>
          ${all ? html`<option value="all" ?selected=${value === null}>${all}</option>` : nothing}
          ${choices.map((c) => html`<option value=${c.id} ?selected=${value === c.id}>${c.label}</option>`)}
        </select>
        ${invalid ? html`<p id="${id}-problem" class="field-problem">${m.chooseMissing}</p>` : nothing}
      </div>`;
    };
    const clients = this.options ?? [];
    // Steps fixed by an attribute, or with a single option (chosen by itself), are not asked.
    return html`<form part="choose" class="panel choose" novalidate aria-labelledby="choose-title" @submit=${(e: SubmitEvent) => this.onChoose(e)}>
      <h2 id="choose-title">${m.chooseTitle}</h2>
      ${this.optionsLoading ? html`<p role="status">${m.loadingChoices}</p>` : nothing}
      ${this.optionsError ? renderErrorView(this.optionsError, { locale, vendorName: VENDOR, onRetry: () => void this.reloadOptions() }) : nothing}
      ${this.options && clients.length === 0 ? html`<p class="empty">${m.nothingToScan}</p>` : nothing}
      ${this.options && clients.length > 0
        ? html`${fixed.clientId === undefined && clients.length !== 1 ? select('clientId', m.client, d.clientId, clients.map((c) => ({ id: c.id, label: c.value }))) : nothing}
          ${fixed.productionId === undefined && fixed.performanceId === undefined && productions.length !== 1
            ? select('productionId', m.production, d.productionId, productions.map((p) => ({ id: p.productionId, label: p.productionName })), m.allProductions)
            : nothing}
          ${fixed.performanceId === undefined && d.productionId !== null && performances.length !== 1
            ? select(
                'performanceId',
                m.performance,
                d.performanceId,
                performances.map((p) => ({ id: p.performanceId, label: this.performanceLabel(p.performanceStart, locale) })),
                m.allPerformances,
              )
            : nothing}
          <div class="actions">
            <button type="submit" class="primary">${m.startScanning}</button>
            ${this.filter ? html`<button type="button" @click=${() => this.startScanning(this.filter!, { chosenNow: false })}>${m.cancel}</button>` : nothing}
          </div>`
        : nothing}
    </form>`;
  }

  private renderScanning(m: ScannerMessages, locale: string) {
    return html`<div class="scan-view">
      ${this.renderContext(m, locale)}
      ${this.camera.render(m, locale)}
      <div class="stage" role="status" aria-live="polite" aria-atomic="true" aria-busy=${this.checking ? 'true' : 'false'}>
        ${this.verdict ? this.renderVerdict(this.verdict, m, locale) : nothing}
        ${this.unchecked ? this.renderUnchecked(this.unchecked, m, locale) : nothing}
        ${(!this.verdict || this.verdictSettled) && !this.unchecked ? html`<p class="ready">${m.ready}</p>` : nothing}
      </div>
      <form part="entry" class="entry" novalidate @submit=${(e: SubmitEvent) => this.onEntry(e)}>
        <label for="barcode">${m.barcode}</label>
        <div class="entry-row">
          <input
            id="barcode"
            name="barcode"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            autocorrect="off"
            spellcheck="false"
            enterkeyhint="go"
            aria-invalid=${this.entryError ? 'true' : 'false'}
            aria-describedby=${this.entryError ? 'barcode-problem' : nothing}
          />
          <button type="submit" class="primary">${m.check}</button>
        </div>
        ${this.entryError ? html`<p id="barcode-problem" class="field-problem" role="alert">${this.entryError}</p>` : nothing}
      </form>
      ${this.renderRecent(m, locale)}
      ${this.mode === 'online' ? nothing : this.renderCache(m, locale)}
    </div>`;
  }

  /** The last scans and this session's tally, with the sound toggle. */
  private renderRecent(m: ScannerMessages, locale: string) {
    return html`<section part="history" class="history" aria-labelledby="recent-title">
      <div class="history-head">
        <h3 id="recent-title">${m.recentScans}</h3>
        <button type="button" class="sound" aria-pressed=${this.soundOn ? 'true' : 'false'} @click=${() => (this.soundOn = !this.soundOn)}>${m.sound}</button>
      </div>
      ${this.renderDoorCount(m, locale)}
      <p class="tally">${m.sessionTally(formatCount(this.tally.admitted, locale), formatCount(this.tally.refused, locale))}</p>
      ${this.recent.length
        ? html`<ol class="recent">
            ${this.recent.map(
              (scan) => html`<li data-verdict=${scan.verdict}>
                <span class="mark" aria-hidden="true"></span><span class="what">${m.verdicts[scan.verdict]}</span>
                <code>${scan.barcode}</code> <time datetime=${new Date(scan.scannedAt).toISOString()}>${this.time(scan.scannedAt, locale, true)}</time>
              </li>`,
            )}
          </ol>`
        : nothing}
    </section>`;
  }

  /** How many of the performance's tickets are in: by the downloaded list, plus this device's scans since. */
  private renderDoorCount(m: ScannerMessages, locale: string) {
    const count = this.mode !== 'online' && sameFilter(this.cache?.filter, this.filter) ? this.cache?.doorCount : undefined;
    if (!count) return nothing;
    return html`<p part="door-count" class="door-count">${m.doorCount(formatCount(count.admitted, locale), formatCount(count.admissible, locale))}</p>`;
  }

  private renderContext(m: ScannerMessages, locale: string) {
    const f = this.filter!;
    const client = this.options?.find((c) => c.id === f.clientId);
    const production = client?.productions?.find((p) => p.productionId === f.productionId);
    const performance = performancesOf(this.options, f).find((p) => p.performanceId === f.performanceId);
    const parts = [
      client?.value ?? (this.options ? undefined : m.unnamed('client', f.clientId)),
      f.productionId === null ? m.allProductions : (production?.productionName ?? m.unnamed('production', f.productionId)),
      f.performanceId === null
        ? f.productionId === null
          ? undefined
          : m.allPerformances
        : performance
          ? this.performanceLabel(performance.performanceStart, locale)
          : m.unnamed('performance', f.performanceId),
    ].filter((part): part is string => !!part);
    return html`<div part="context" class="context">
      <div class="what-row">
        <p class="what"><span class="sr-only">${m.scanningFor}: </span>${parts.join(' · ')}</p>
        <button type="button" class="change" @click=${() => this.changeChoice()}>${m.change}</button>
      </div>
      <div class="who">
        <span class="user">${this.session ? m.signedInAs(this.session.username) : nothing}</span>
        <button type="button" class="sign-out" @click=${() => void this.signOut()}>${m.signOut}</button>
      </div>
    </div>`;
  }

  private renderVerdict(v: ShownVerdict, m: ScannerMessages, locale: string) {
    const rows: Array<[string, string]> = [];
    if (v.name && !this.hidePatronNames) rows.push([m.name, v.name]);
    if (v.section) rows.push([m.section, v.section]);
    if (v.seat) rows.push([m.seat, v.seat]);
    if (v.ticketsScanned !== undefined && v.ticketsSold !== undefined) rows.push([m.scanned, m.scannedOfSold(formatCount(v.ticketsScanned, locale), formatCount(v.ticketsSold, locale))]);
    // Fresh, it covers the whole scanner (the door app's whole screen) in its colour; a tap anywhere
    // on it, or Escape, steps it back at once. Focus stays in the entry field, so a gun or a typed
    // code goes on working underneath.
    return html`<section
      part="verdict"
      class="verdict ${this.verdictSettled ? 'settled' : 'fresh'}"
      data-verdict=${v.verdict}
      ?data-offline=${v.offline}
      aria-labelledby="verdict-title"
      @click=${() => this.settleVerdict()}
    >
      <div class="verdict-content">
      <span class="icon" aria-hidden="true">${VERDICT_ICONS[v.verdict]}</span>
      <div class="verdict-body">
        <h2 id="verdict-title" class="verdict-title">${m.verdicts[v.verdict]}</h2>
        <p class="verdict-hint">${m.verdictHints[v.verdict]}</p>
        ${v.offline ? html`<p class="offline-mark"><strong>${m.checkedOffline}</strong>${v.reason ? html` · ${v.reason}` : nothing}</p>` : nothing}
        ${rows.length ? html`<dl class="facts">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>` : nothing}
        ${v.vendorHtml && !this.hidePatronNames // AudienceView's banner names the patron
          ? html`<div class="vendor-message">${vendorHtml(v.vendorHtml)}</div>`
          : html`${v.performance ? html`<p class="performance">${v.performance}</p>` : nothing}${!v.offline && v.reason ? html`<p class="reason">${v.reason}</p>` : nothing}`}
        <p class="meta"><code>${v.barcode}</code> · <time datetime=${new Date(v.scannedAt).toISOString()}>${this.time(v.scannedAt, locale, true)}</time></p>
      </div>
      </div>
    </section>`;
  }

  private renderUnchecked(u: { barcode: string; error: Error }, m: ScannerMessages, locale: string) {
    return html`<div class="unchecked">
      <h2 class="verdict-title">${m.notCheckedTitle}</h2>
      <p>${m.notChecked}</p>
      ${renderErrorView(u.error, { locale, vendorName: VENDOR })}
      <p class="meta"><code>${u.barcode}</code></p>
    </div>`;
  }

  private renderCache(m: ScannerMessages, locale: string) {
    const cache = sameFilter(this.cache?.filter, this.filter) ? this.cache : undefined;
    const download = this.download;
    const stale = cache && (this.connection() === 'offline' || Date.now() - cache.downloadedAt > this.cacheRefreshMs);
    return html`<section part="cache" class="cache" aria-labelledby="cache-title">
      <h2 id="cache-title">${m.cacheTitle}</h2>
      ${download
        ? html`<div class="progress">
            <label for="download-progress">${m.downloading}</label>
            <progress
              id="download-progress"
              part="progress"
              max=${download.totalBytes ?? nothing}
              value=${download.totalBytes ? download.bytes : nothing}
            ></progress>
            <span class="count">${m.downloaded(formatCount(download.tickets, locale))}</span>
          </div>`
        : nothing}
      ${cache
        ? html`<p class="cache-info">${m.cacheFrom(this.time(cache.downloadedAt, locale), formatCount(cache.tickets, locale))}</p>
            ${stale ? html`<p class="stale">${m.cacheStale}</p>` : nothing}`
        : download
          ? nothing
          : html`<p class="cache-info">${m.noCache}</p>`}
      ${this.downloadError && !download
        ? renderErrorView(this.downloadError, { locale, vendorName: VENDOR })
        : nothing}
      <button type="button" class="refresh" ?disabled=${!!download || !this.session} @click=${() => void this.refreshCache()}>${m.refreshCache}</button>
    </section>`;
  }

  private renderSignOutConfirm(m: ScannerMessages) {
    const close = () => {
      this.confirmingSignOut = false;
      this.focusAfterRender = '.sign-out';
    };
    return html`<dialog class="confirm" aria-labelledby="confirm-text" @cancel=${(e: Event) => {
        e.preventDefault();
        close();
      }}>
      <p id="confirm-text">${m.signOutWarning(this.pending)}</p>
      <div class="actions">
        <button type="button" class="primary stay" autofocus @click=${close}>${m.staySignedIn}</button>
        <button type="button" class="danger confirm-sign-out" @click=${() => void this.signOut(true)}>${m.signOutAnyway}</button>
      </div>
    </dialog>`;
  }

  private performanceLabel(start: number, locale: string): string {
    return formatInZone(start, this.timeZone, locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  }

  private time(epoch: number, locale: string, seconds = false): string {
    return formatInZone(epoch, this.timeZone, locale, { hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
  }
}

/** Text and icon, not colour alone: a tick, a double tick, a cross, a question mark. */
const icon = (path: string) =>
  svg`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"><path d=${path} /></svg>`;
const VERDICT_ICONS: Record<Verdict, ReturnType<typeof icon>> = {
  valid: icon('M4.5 12.5l5 5L19.5 6.5'),
  duplicate: icon('M2.5 12.5l4 4 9-9.5M10.5 16l.5.5 9.5-9.5'),
  invalid: icon('M6 6l12 12M18 6L6 18'),
  unknown: icon('M8.5 8.5a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3v.8M12 19v.01'),
};

/** No answer, or not the answer expected: what makes `auto` decide offline. */
function isConnectivityError(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  if (name === 'NetworkError' || name === 'TimeoutError' || name === 'ParseError') return true;
  return error instanceof HttpError && (error.status >= 500 || error.status === 429 || error.status === 408);
}

/** The steps of a choice that are decided, for `initialChoice` to keep. */
function definedSteps(choice: Choice): Choice {
  const steps: Choice = {};
  if (choice.clientId !== undefined) steps.clientId = choice.clientId;
  if (choice.productionId !== undefined) steps.productionId = choice.productionId;
  if (choice.performanceId !== undefined) steps.performanceId = choice.performanceId;
  return steps;
}

if (!customElements.get('ticket-scanner')) customElements.define('ticket-scanner', TicketScanner);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-scanner': TicketScanner;
  }
}
