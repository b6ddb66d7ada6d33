/**
 * Codes from devices: scanner guns that type the code (heard anywhere on the page while
 * scanning, never behind the sign-out question) and the camera. A device that reads one ticket
 * twice in a row counts it once.
 */
import type { ReactiveController } from 'lit';
import { CameraSlot } from '../camera/camera-slot.js';
import type { TicketScanDetail } from '../ticket-scanner.events.js';
import { KeyboardWedge } from './keyboard-wedge.js';
import type { ScannerHost } from './scanner-host.js';
import type { SessionController } from './session.js';
import type { VerdictController } from './verdicts.js';

/** The same code read again by a device within this time is one read. */
const REREAD_WINDOW_MS = 2000;

export class DeviceInputController implements ReactiveController {
  /** The camera, while scanning; reads behind the sign-out question are dropped as a gun's are. */
  readonly camera: CameraSlot;
  /** Scanner guns that type the code: heard anywhere on the page while scanning. */
  private readonly wedge = new KeyboardWedge(document, {
    onScan: (code) => void this.read(code),
    // A gun sending no Enter into the entry field: the field is sent as its Enter would send it.
    scanField: () => this.host.renderRoot.querySelector<HTMLInputElement>('#barcode'),
    onFieldScan: (field) => field.form?.requestSubmit(),
  });
  private listening = false;
  /** The last code a device read, and when. */
  private lastRead?: { code: string; at: number };

  constructor(
    private readonly host: ScannerHost & { readonly decoderUrl: string },
    private readonly session: SessionController,
    private readonly verdicts: VerdictController,
  ) {
    host.addController(this);
    this.camera = new CameraSlot(host, {
      onRead: (code, stillInView) => {
        if (!session.confirmingSignOut) void this.read(code, stillInView);
      },
      wasmUrl: () => host.decoderUrl,
    });
  }

  hostUpdated(): void {
    // While a sign-out question is open, a gun must not scan behind it.
    this.listen(this.host.isConnected && this.host.phase === 'scanning' && !this.session.confirmingSignOut);
  }

  hostDisconnected(): void {
    this.listen(false);
  }

  /**
   * Devices often read one ticket twice in a row; the same code within `REREAD_WINDOW_MS` is
   * that, not a second scan, and so is a ticket the camera still sees (`stillInView`), however
   * long it is held. Staff who mean to check a ticket again type it, or show it again.
   */
  private read(code: string, stillInView = false): Promise<TicketScanDetail | undefined> {
    const now = Date.now();
    const last = this.lastRead;
    this.lastRead = { code, at: now };
    if (last && last.code === code && (stillInView || now - last.at < REREAD_WINDOW_MS)) return Promise.resolve(undefined);
    return this.verdicts.scan(code);
  }

  private listen(listen: boolean): void {
    if (listen === this.listening) return;
    this.listening = listen;
    if (listen) this.wedge.start();
    else this.wedge.stop();
  }
}
