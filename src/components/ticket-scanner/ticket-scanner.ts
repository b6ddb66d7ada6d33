import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AUDIENCEVIEW_API_BASE } from '../../api/audienceview/public.js';
import { ConfigError } from '../../api/errors.js';
import { DEFAULT_TIME_ZONE } from '../../shared/audienceview/performance.js';
import { checkAddress } from '../../shared/attribute-checks.js';
import { avThemeStyles } from '../../shared/audienceview/theme.styles.js';
import { errorViewStyles, renderErrorView } from '../../shared/error-view.js';
import { isValidTimeZone } from '../../shared/time-zone.js';
import { configKey, define, FocusAfterRender, LocalizeController, WidgetElement } from '../../shared/widget-element.js';
import { TicketCacheController } from './controllers/cache.js';
import { ChoiceController } from './controllers/choice.js';
import { ConnectionController } from './controllers/connection.js';
import { DeviceInputController } from './controllers/device-input.js';
import { DoorLogController } from './controllers/door-log.js';
import type { Choice } from './controllers/scan-choice.js';
import type { Phase, ScannerMode } from './controllers/scanner-host.js';
import { SessionController } from './controllers/session.js';
import { StorageController } from './controllers/storage.js';
import { SyncController } from './controllers/sync.js';
import { VerdictController } from './controllers/verdicts.js';
import { loadSession, type ScanFilter } from './offline/scanner-db.js';
import { TicketScannerErrorEvent, type TicketScanDetail } from './ticket-scanner.events.js';
import { SCANNER_MESSAGES } from './ticket-scanner.messages.js';
import { scannerStyles } from './ticket-scanner.styles.js';
import { renderChoose } from './views/choose.js';
import { VENDOR, type ScannerView } from './views/scanner-view.js';
import { renderScanning } from './views/scanning.js';
import { renderPasswordExpired, renderSignIn, renderSignOutConfirm } from './views/sign-in.js';
import { renderFailed, renderNotices, renderStatus } from './views/status.js';

export type { ScannerMode } from './controllers/scanner-host.js';
export * from './ticket-scanner.events.js';
export type { Verdict } from './ticket-scanner.messages.js';

const MODES: readonly string[] = ['auto', 'online', 'offline'];
/** A door's patience: longer than this and the scan is decided offline (`auto`) or reported unchecked. */
const DOOR_TIMEOUT_MS = 2_500;
/** While offline (`auto`), how often to ask AudienceView whether it is back. */
const PROBE_INTERVAL_MS = 15_000;

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
 * @csspart sync-status - Online / offline, the number of scans waiting and how fresh the downloaded tickets are.
 * @csspart freshness - "Tickets updated 2 minutes ago · next update in 1 minute" (`data-state`: fresh, updating, failed, offline).
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
 * @tagname ticket-scanner
 */
export class TicketScanner extends WidgetElement implements ScannerView {
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
  /** The door log's CSV export may carry patron names (off by default; never with `hide-patron-names`). */
  @property({ type: Boolean, attribute: 'export-patron-names' }) exportPatronNames = false;
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
  /** Verdict tones (a door in a quiet hall turns them off); the Sound toggle flips it. Vibration stays. */
  @property({ type: Boolean, reflect: false }) sound = true;
  /** How long a scan waits for AudienceView (ms). */
  @property({ attribute: false }) doorTimeoutMs = DOOR_TIMEOUT_MS;
  /**
   * How often the downloaded tickets are refreshed while online (ms). Unset (default): scaled to
   * the list, every minute for a small performance, less often as its download costs more (the
   * rule: REFRESH_RULE in controllers/cache.ts).
   */
  @property({ attribute: false }) cacheRefreshMs?: number;
  /** While offline in `auto`, how often AudienceView is asked whether it is back (ms). */
  @property({ attribute: false }) probeIntervalMs = PROBE_INTERVAL_MS;

  /** @internal */
  @state() phase: Phase = 'starting';
  /** @internal What is being scanned, once chosen. */
  @state() filter?: ScanFilter;
  @state() private configError?: Error;
  /** @internal */
  readonly focusAfterRender = new FocusAfterRender(this);
  /** @internal */
  readonly localize = new LocalizeController(this, SCANNER_MESSAGES);

  // One controller per concern, each with its own lifecycle; this element wires them and renders the views.
  /** @internal */
  readonly session: SessionController = new SessionController(this, {
    signedIn: async () => {
      this.connection.back();
      this.startWork();
      this.sync.syncNow(); // scans kept from before this sign-in
      await this.choice.choose({ focus: true });
    },
    forget: () => {
      this.stopWork();
      this.choice.forget();
      this.verdicts.clear();
    },
    wiped: () => this.tickets.forget(),
    pending: () => this.sync.count(),
    abortLoads: () => this.abortLoads(),
  });
  /** @internal */
  readonly connection: ConnectionController = new ConnectionController(this, this.session, () => {
    // Back online: send the queue, catch up on what was missed.
    this.sync.syncNow();
    if (this.phase === 'choosing' && !this.choice.options) void this.choice.reload();
    if (this.phase === 'scanning' && this.tickets.stale()) this.tickets.refresh();
  });
  /** @internal */
  readonly sync: SyncController = new SyncController(this, this.session, this.connection);
  /** @internal */
  readonly tickets: TicketCacheController = new TicketCacheController(this, this.session, this.connection);
  /** @internal */
  readonly verdicts: VerdictController = new VerdictController(this, this.session, this.connection, this.tickets, this.sync, () => this.input.camera.state !== 'closed');
  /** @internal */
  readonly choice: ChoiceController = new ChoiceController(this, this.session, this.connection, this.tickets, this.verdicts);
  /** @internal */
  readonly input: DeviceInputController = new DeviceInputController(this, this.session, this.verdicts);
  /** @internal This device's scans: chart, rate, CSV. */
  readonly doorLog = new DoorLogController(this);
  /** @internal Persistent storage, and a notice when the browser deleted it. */
  readonly storage = new StorageController(this, this.sync);
  /** Resumes a stored session (checking it with AudienceView when online), or asks to sign in. */
  private readonly starting = new Task(this, { autoRun: false, task: (_: [], { signal }) => this.resume(signal) });
  private loadedFor = '';
  /** Whose last scans and tally are shown. */
  private historyOwner?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: start again (a first connection starts from willUpdate).
    if (this.hasUpdated) {
      this.loadedFor = '';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortLoads();
  }

  /**
   * Checks a barcode (manual entry; the camera and scanner guns come here too) and shows the
   * verdict. Resolves with the verdict, or `undefined` when the scanner is not ready to scan
   * (signed out, nothing chosen) or the barcode was not checked. Never rejects.
   */
  scan(barcode: string): Promise<TicketScanDetail | undefined> {
    return this.verdicts.scan(barcode);
  }

  /** Sends the queued scans now. */
  syncNow(): void {
    this.sync.syncNow();
  }

  /** Signs out. While scans are waiting it asks first, unless `confirmed`. */
  signOut(confirmed = false): Promise<void> {
    return this.session.signOut(confirmed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Signed out, choosing again: the camera's light goes off.
    if (this.phase !== 'scanning') this.input.camera.close();
    if (changed.has('barcodeFormats')) {
      const formatsError = this.input.camera.setFormats(this.barcodeFormats);
      if (formatsError) this.report(formatsError);
    }
    // Another person, or nobody: the last scans and the tally were theirs, not the next one's.
    const who = this.session.current?.username;
    if (who !== this.historyOwner) {
      this.historyOwner = who;
      this.verdicts.resetHistory();
    }
    const key = configKey(this.apiBase, this.clientId, this.productionId, this.performanceId, this.mode, this.timeZone);
    if (key === this.loadedFor) return;
    const previous = this.loadedFor;
    this.loadedFor = key;
    try {
      this.checkConfig();
    } catch (error) {
      this.stopWork();
      this.abortLoads();
      if (this.configError?.message !== (error as Error).message) {
        this.configError = error as Error;
        this.report(this.configError);
      }
      return;
    }
    const wasBroken = !!this.configError;
    this.configError = undefined;
    if (!previous || wasBroken || changed.has('apiBase')) {
      void this.starting.run([]);
      return;
    }
    if (changed.has('mode')) {
      if (this.mode === 'auto') void this.connection.probe();
      if (this.mode !== 'online' && this.phase === 'scanning' && !this.tickets.current()) this.tickets.refresh();
    }
    if ((changed.has('clientId') || changed.has('productionId') || changed.has('performanceId')) && this.session.current) void this.choice.choose();
  }

  protected override updated(): void {
    if (this.session.confirmingSignOut) {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
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

  /** @internal */
  apiBaseUrl(): string {
    return (this.apiBase ?? '').trim().replace(/\/+$/, '') || AUDIENCEVIEW_API_BASE;
  }

  /** What the attributes fix. */
  /** @internal */
  fixedChoice(): Choice {
    const id = (text: string) => (String(text ?? '').trim() ? Number(text) : undefined);
    return { clientId: id(this.clientId), productionId: id(this.productionId), performanceId: id(this.performanceId) };
  }

  private async resume(signal: AbortSignal): Promise<void> {
    this.stopWork();
    this.phase = 'starting';
    this.session.current = undefined;
    this.choice.forget();
    this.filter = undefined;
    this.verdicts.clear();
    this.connection.reset();
    const [stored] = await Promise.all([
      loadSession().catch((error: unknown) => void this.report(error)),
      this.storage.check(),
      this.sync.load(signal),
      this.tickets.load(signal),
    ]);
    if (signal.aborted) return;
    if (!stored || stored.apiBase.replace(/\/+$/, '') !== this.apiBaseUrl()) {
      this.phase = 'sign-in';
      return;
    }
    this.session.current = stored;
    this.startWork();
    // The token checked with AudienceView; a dead network keeps the session: scanning goes on offline.
    await this.connection.probe();
    if (signal.aborted || !this.session.current) return;
    await this.choice.choose();
  }

  /** Syncing, probing and refreshing run while someone is signed in. */
  private startWork(): void {
    this.sync.start();
    this.connection.start();
    this.tickets.start();
  }

  private stopWork(): void {
    this.sync.stop();
    this.tickets.stop();
    this.connection.stop();
    this.verdicts.stop();
    this.session.confirmingSignOut = false;
  }

  /** The element starts over: answers still on their way are dropped. */
  private abortLoads(): void {
    this.starting.abort();
    this.session.abort();
    this.choice.abort();
  }

  /** @internal The one error path (bound: controllers hand it to `catch`). */
  readonly report = (thrown: unknown): Error => this.reportError(thrown, 'ticket-scanner-error', TicketScannerErrorEvent);

  /** @internal For the controllers: the element's events, one class each. */
  override emit<K extends keyof HTMLElementEventMap>(type: K, event: HTMLElementEventMap[K]): boolean {
    return super.emit(type, event);
  }

  override render(): TemplateResult {
    const { locale } = this.localize;
    if (this.configError) return renderErrorView(this.configError, { locale, vendorName: VENDOR });
    // The page's language may still be on its way: a quiet placeholder, not a flash of English.
    const m = this.localize.ready;
    if (!m || this.phase === 'starting') {
      const text = m ? (this.session.signingOut ? m.signingOut : m.resuming) : '';
      return html`<div class="scanner starting" role="status" aria-busy="true"><p>${text}</p></div>`;
    }
    return html`<div class="scanner" data-phase=${this.phase} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.verdicts.settle()}>
      ${renderStatus(this, m, locale)} ${renderFailed(this, m, locale)} ${renderNotices(this, m, locale)}
      ${this.phase === 'sign-in'
        ? renderSignIn(this, m, locale)
        : this.phase === 'password-expired'
          ? renderPasswordExpired(this, m)
          : this.phase === 'choosing'
            ? renderChoose(this, m, locale)
            : renderScanning(this, m, locale)}
      ${this.session.confirmingSignOut ? renderSignOutConfirm(this, m) : nothing}
    </div>`;
  }
}

define('ticket-scanner', TicketScanner);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-scanner': TicketScanner;
  }
}
