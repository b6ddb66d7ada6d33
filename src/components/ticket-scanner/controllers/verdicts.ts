/**
 * Scans and their verdicts: one check at a time in the order codes came (AudienceView within the
 * door's patience, else or in `offline` mode the downloaded tickets, the scan on disk before it is
 * shown), the full-screen verdict stepping back after a moment, its tone and vibration, and the
 * last scans with this session's tally.
 */
import type { ReactiveController } from 'lit';
import { validateTicket, vendorNow, type TicketValidation } from '../../../api/audienceview/scanning.js';
import { asError } from '../../../api/errors.js';
import type { ScanFilter } from '../offline/scanner-db.js';
import { noteOnlineScan, recordOfflineScan } from '../offline/ticket-cache.js';
import { TicketScanEvent, type TicketScanDetail } from '../ticket-scanner.events.js';
import type { TicketCacheController } from './cache.js';
import { isConnectivityError, type ConnectionController } from './connection.js';
import { offlineVerdict, onlineVerdict, type OfflineResult, type ShownVerdict } from './scan-verdict.js';
import type { ScannerHost } from './scanner-host.js';
import type { SessionController } from './session.js';
import type { SyncController } from './sync.js';
import { VerdictFeedback } from './verdict-feedback.js';

const MAX_BARCODE_LENGTH = 200;
/** How many of the last scans stay listed under the entry field. */
const RECENT_SCANS = 8;
/** A verdict fills the scanner this long, then steps back so the next patron is not greeted by the last one's. */
const VERDICT_HOLD_MS = 5_000;
/** With the camera open, staff need the viewfinder back sooner to aim at the next ticket. */
const VERDICT_HOLD_WITH_CAMERA_MS = 2_000;

export class VerdictController implements ReactiveController {
  verdict?: ShownVerdict;
  /** The verdict stepped back to a line above the entry. */
  settled = false;
  /** A scan that got no verdict: no answer in `online` mode, an error AudienceView gave, storage failing. */
  unchecked?: { barcode: string; error: Error };
  checking = false;
  entryError?: string;
  /** The last scans, newest first, and this session's tally. */
  recent: TicketScanDetail[] = [];
  tally = { admitted: 0, refused: 0 };
  private timer?: ReturnType<typeof setTimeout>;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly feedback = new VerdictFeedback();
  /** Audio may start only after a gesture: the first tap or key in the scanner allows it. */
  private readonly unlockAudio = () => this.feedback.unlock();

  constructor(
    private readonly host: ScannerHost,
    private readonly session: SessionController,
    private readonly connection: ConnectionController,
    private readonly tickets: TicketCacheController,
    private readonly sync: SyncController,
    private readonly cameraOpen: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.unlockAudio);
    this.host.addEventListener('keydown', this.unlockAudio);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.unlockAudio);
    this.host.removeEventListener('keydown', this.unlockAudio);
    this.feedback.close();
    this.stop();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** Another choice, or the session gone: its verdict goes. */
  clear(): void {
    this.verdict = undefined;
    this.unchecked = undefined;
  }

  /** Another person, or nobody: the last scans and the tally were theirs, not the next one's. */
  resetHistory(): void {
    this.recent = [];
    this.tally = { admitted: 0, refused: 0 };
  }

  /** See `TicketScanner.scan`. */
  scan(barcode: string): Promise<TicketScanDetail | undefined> {
    const code = String(barcode ?? '').trim();
    const m = this.host.localize.words;
    this.entryError = !code ? m.barcodeMissing : code.length > MAX_BARCODE_LENGTH ? m.barcodeTooLong : undefined;
    this.host.requestUpdate();
    const filter = this.host.filter;
    if (this.entryError || this.host.phase !== 'scanning' || !filter) return Promise.resolve(undefined);
    // One scan at a time, in the order they came: verdicts and the queue keep the door's order.
    const result = this.chain.then(() => this.check(code, filter));
    this.chain = result.catch(() => undefined);
    return result.catch((error: unknown) => void this.host.report(error));
  }

  /** The entry field's form. */
  submitEntry(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#barcode')!;
    const value = input.value;
    if (value.trim() && value.trim().length <= MAX_BARCODE_LENGTH) input.value = '';
    input.focus(); // the next code goes straight in
    void this.scan(value);
  }

  /** One scan: AudienceView within the door timeout, else (or in `offline` mode) the downloaded tickets. */
  private async check(barcode: string, filter: ScanFilter): Promise<TicketScanDetail | undefined> {
    // AudienceView's clock (syncScans refuses scan times "in the future": a phone running fast).
    const scannedAt = vendorNow();
    const session = this.session.current;
    this.checking = true;
    this.host.requestUpdate();
    try {
      if (this.connection.state === 'offline' || !session) return await this.checkOffline(barcode, filter, scannedAt);
      let result: TicketValidation;
      try {
        result = await validateTicket(session, { barcodeString: barcode, ...filter }, { timeoutMs: this.host.doorTimeoutMs });
      } catch (error) {
        const stillSignedIn = this.connection.handleFailure(error, { quiet: true });
        // A timeout or a dropped connection may come after AudienceView counted the scan.
        const maybeSent = (error as Error).name === 'TimeoutError' || ((error as Error).name === 'NetworkError' && navigator.onLine !== false);
        if (stillSignedIn && this.host.mode === 'auto' && isConnectivityError(error)) return await this.checkOffline(barcode, filter, scannedAt, maybeSent);
        if (stillSignedIn) this.showUnchecked(barcode, asError(error));
        return undefined;
      }
      this.session.noteExpiration(result.accessTokenExpiration);
      // So that this ticket, scanned again offline, reads as a duplicate.
      if (result.verdict === 'valid') noteOnlineScan(barcode).catch(this.host.report);
      return this.show(onlineVerdict(barcode, result, scannedAt));
    } finally {
      this.checking = false;
      this.host.requestUpdate();
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
    if (result.heldInMemory) this.sync.storageFull = true;
    // The verdict first (the person at the door waits for it), then the waiting count: the scan is
    // already kept, and the next scan waits for this count in the chain.
    const detail = this.show(offlineVerdict(result, scannedAt));
    await this.sync.count();
    return detail;
  }

  /** The full-screen verdict steps back to a line above the entry (after its time, on a tap, or Escape). */
  settle(): void {
    clearTimeout(this.timer);
    this.settled = true;
    this.host.requestUpdate();
  }

  private show(shown: ShownVerdict): TicketScanDetail {
    const m = this.host.localize.words;
    this.unchecked = undefined;
    this.verdict = shown;
    this.settled = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), this.cameraOpen() ? VERDICT_HOLD_WITH_CAMERA_MS : VERDICT_HOLD_MS);
    const detail: TicketScanDetail = {
      barcode: shown.barcode,
      verdict: shown.verdict,
      offline: shown.offline,
      message: `${m.verdicts[shown.verdict]}: ${shown.reason ?? m.verdictHints[shown.verdict]}`,
      scannedAt: shown.scannedAt,
    };
    this.feedback.play(shown.verdict, { sound: this.host.sound, vibration: true });
    this.recent = [detail, ...this.recent].slice(0, RECENT_SCANS);
    this.tally = shown.verdict === 'valid' ? { ...this.tally, admitted: this.tally.admitted + 1 } : { ...this.tally, refused: this.tally.refused + 1 };
    if (shown.verdict === 'valid') this.tickets.countAdmitted();
    this.host.requestUpdate();
    this.host.emit('ticket-scan', new TicketScanEvent(detail));
    return detail;
  }

  private showUnchecked(barcode: string, error: Error): void {
    this.verdict = undefined;
    this.unchecked = { barcode, error };
    this.host.requestUpdate();
    this.host.report(error);
  }
}
