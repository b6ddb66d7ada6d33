/**
 * The scanner's camera: a viewfinder opened by a button (iOS starts a camera only from a tap),
 * the rear camera by default, a lens switch, the torch and tap to focus where the camera has
 * them. Each code read is handed to the element (`onRead`), which drops a code read again
 * within its re-read window. The decoder (barcode-decoder.ts) is loaded the first time the
 * camera opens.
 *
 * The camera is stopped (its light goes off) when closed, when the page is hidden, when the
 * element leaves the scanning screen and when it is removed; a camera closed by a hidden page
 * opens again when the page is shown.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ConfigError } from '../../../api/errors.js';
import { renderErrorView } from '../../../shared/error-view.js';
import type { FrameDecoder } from './barcode-decoder.js';
import type { CameraProblem, ScannerMessages } from '../ticket-scanner.messages.js';

export type { CameraProblem } from '../ticket-scanner.messages.js';

/** The formats of the Barcode Detection API (what a native detector may support). */
export const BARCODE_FORMATS = ['aztec', 'code_128', 'code_39', 'code_93', 'codabar', 'data_matrix', 'ean_13', 'ean_8', 'itf', 'pdf417', 'qr_code', 'upc_a', 'upc_e'] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];
/** What tickets use; fewer formats, faster reads. */
export const TICKET_FORMATS: readonly BarcodeFormat[] = ['qr_code', 'code_128', 'pdf417', 'aztec', 'data_matrix'];

/** `barcode-formats` (a comma or space separated list) read; empty means `TICKET_FORMATS`. */
export function parseBarcodeFormats(text: string | null | undefined): BarcodeFormat[] {
  const names = String(text ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!names.length) return [...TICKET_FORMATS];
  const unknown = names.find((name) => !(BARCODE_FORMATS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new ConfigError(`barcode-formats: "${unknown.slice(0, 40)}" is not a barcode format (one of ${BARCODE_FORMATS.join(', ')})`, 'barcode-formats');
  return [...new Set(names)] as BarcodeFormat[];
}

/** Camera features the DOM typings do not know yet (Image Capture extensions to constraints). */
interface CameraCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
  focusMode?: string[];
  pointsOfInterest?: unknown;
}

export interface ScannerCameraOptions {
  /** A code the camera read. */
  onRead: (code: string) => void;
  /** The reader's wasm URL (`decoder-url`); empty for the default, beside the decoder. */
  wasmUrl: () => string;
}

/** How long the viewfinder shows that it read a code. */
const HIT_MS = 350;

export class ScannerCamera implements ReactiveController {
  /** `closed`, `starting` (asking for the camera, loading the decoder) or `open`. */
  state: 'closed' | 'starting' | 'open' = 'closed';
  problem?: CameraProblem;
  /** Set when `barcode-formats` is not valid: the camera cannot open. */
  formatsError?: ConfigError;
  /** The video inputs, once the camera was allowed (their ids are hidden before). */
  lenses: MediaDeviceInfo[] = [];
  /** `undefined` where the camera has no torch. */
  torchOn?: boolean;
  canFocus = false;
  /** A code was just read (the viewfinder's brief mark). */
  hit = false;

  private formats: BarcodeFormat[] = [...TICKET_FORMATS];
  private stream?: MediaStream;
  private decoder?: FrameDecoder;
  private stopReading?: () => void;
  private hitTimer?: ReturnType<typeof setTimeout>;
  /** The code last handed to the element. */
  private lastCode?: string;
  /** Bumped by every open and close: a start that finishes after its camera was closed stops itself. */
  private attempt = 0;
  /** Closed because the page was hidden: open again when it is shown. */
  private resumeOnShow = false;
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden' && this.state !== 'closed') {
      this.close();
      this.resumeOnShow = true;
    } else if (document.visibilityState === 'visible' && this.resumeOnShow) {
      this.resumeOnShow = false;
      void this.open();
    }
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: ScannerCameraOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.close();
  }

  /** Sets the formats from `barcode-formats`; returns the ConfigError when they are not valid. */
  setFormats(text: string): ConfigError | undefined {
    try {
      const formats = parseBarcodeFormats(text);
      const changed = formats.join() !== this.formats.join();
      this.formats = formats;
      this.formatsError = undefined;
      // A decoder reads the formats it was made for: a new one with the next opening.
      if (changed && this.decoder) {
        const wasOpen = this.state !== 'closed';
        this.close();
        if (wasOpen) void this.open();
      }
    } catch (error) {
      this.formatsError = error as ConfigError;
      this.close();
    }
    this.host.requestUpdate();
    return this.formatsError;
  }

  /** Opens the camera (`deviceId`: a given lens; default the rear camera). */
  async open(deviceId?: string): Promise<void> {
    if (this.formatsError) return;
    this.stopStream();
    const attempt = ++this.attempt;
    this.state = 'starting';
    this.problem = undefined;
    this.host.requestUpdate();
    const media = navigator.mediaDevices;
    // No mediaDevices at all on an http:// page, or in an old browser.
    if (!window.isSecureContext || typeof media?.getUserMedia !== 'function') return this.fail(attempt, 'unavailable');
    let stream: MediaStream;
    try {
      stream = await media.getUserMedia({ audio: false, video: deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } } });
    } catch (error) {
      return this.fail(attempt, cameraProblem(error));
    }
    if (attempt !== this.attempt) return stopTracks(stream);
    this.stream = stream;
    let decoder: FrameDecoder;
    try {
      // Loaded here, at the first opening: its own chunk.
      const { openDecoder, defaultReaderWasmUrl } = await import('./barcode-decoder.js');
      decoder = this.decoder ?? (await openDecoder({ formats: this.formats, wasmUrl: this.options.wasmUrl().trim() || defaultReaderWasmUrl() }));
    } catch {
      return this.fail(attempt, 'decoder');
    }
    if (attempt !== this.attempt) {
      if (decoder !== this.decoder) decoder.close(); // made for a camera closed meanwhile
      return;
    }
    this.decoder = decoder;
    const track = stream.getVideoTracks()[0];
    const capabilities: CameraCapabilities = track?.getCapabilities?.() ?? {};
    this.torchOn = capabilities.torch ? false : undefined;
    this.canFocus = !!capabilities.pointsOfInterest || !!capabilities.focusMode?.includes('single-shot');
    this.lenses = (await media.enumerateDevices().catch((): MediaDeviceInfo[] => [])).filter((device) => device.kind === 'videoinput');
    if (attempt !== this.attempt) return;
    this.state = 'open';
    this.host.requestUpdate();
    await this.host.updateComplete;
    const video = this.video();
    if (attempt !== this.attempt || !video) return;
    video.srcObject = stream;
    // Muted and inline, a video may play without a gesture (iOS included); `autoplay` is the fallback.
    await video.play().catch(() => undefined);
    if (attempt !== this.attempt) return;
    const { readFrames } = await import('./barcode-decoder.js');
    this.stopReading = readFrames(video, decoder, (codes) => this.read(codes));
  }

  close(): void {
    this.attempt++;
    this.resumeOnShow = false;
    this.stopStream();
    this.decoder?.close();
    this.decoder = undefined;
    if (this.state === 'closed' && !this.problem) return;
    this.state = 'closed';
    this.problem = undefined;
    this.torchOn = undefined;
    this.host.requestUpdate();
  }

  toggle(): void {
    if (this.state === 'closed') void this.open();
    else this.close();
  }

  /** The next lens in the list. */
  switchLens(): void {
    const current = this.stream?.getVideoTracks()[0]?.getSettings().deviceId;
    const index = this.lenses.findIndex((lens) => lens.deviceId === current);
    const next = this.lenses[(index + 1) % this.lenses.length];
    if (next) void this.open(next.deviceId);
  }

  async toggleTorch(): Promise<void> {
    const track = this.stream?.getVideoTracks()[0];
    if (!track || this.torchOn === undefined) return;
    const on = !this.torchOn;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      this.torchOn = on;
    } catch {
      this.torchOn = undefined; // the camera said it had one, then refused: stop offering it
    }
    this.host.requestUpdate();
  }

  /** Focuses where the viewfinder was tapped (as a fraction of the frame), where the camera can. */
  private focusAt(event: MouseEvent): void {
    const track = this.stream?.getVideoTracks()[0];
    if (!track || !this.canFocus) return;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const point = { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
    void track.applyConstraints({ advanced: [{ pointsOfInterest: [point], focusMode: 'single-shot' } as MediaTrackConstraintSet] }).catch(() => undefined);
  }

  /**
   * One code per frame goes to the element. Two tickets in view would otherwise alternate, and
   * each would look new to the element's re-read window every frame: the code taken last stays
   * taken while it is in view.
   */
  private read(codes: string[]): void {
    const code = codes.includes(this.lastCode ?? '') ? this.lastCode! : codes[0]!;
    this.lastCode = code;
    this.hit = true;
    clearTimeout(this.hitTimer);
    this.hitTimer = setTimeout(() => {
      this.hit = false;
      this.host.requestUpdate();
    }, HIT_MS);
    this.host.requestUpdate();
    this.options.onRead(code);
  }

  private fail(attempt: number, problem: CameraProblem): void {
    if (attempt !== this.attempt) return;
    this.stopStream();
    this.state = 'closed';
    this.problem = problem;
    this.host.requestUpdate();
  }

  private stopStream(): void {
    this.stopReading?.();
    this.stopReading = undefined;
    if (this.stream) stopTracks(this.stream);
    this.stream = undefined;
    const video = this.video();
    if (video) video.srcObject = null;
  }

  private video(): HTMLVideoElement | null {
    return this.host.renderRoot?.querySelector<HTMLVideoElement>('video.viewfinder-video') ?? null;
  }

  render(m: ScannerMessages, locale: string) {
    const open = this.state !== 'closed';
    const problem = this.problem;
    return html`<section part="camera" class="camera" data-state=${this.state} aria-label=${m.camera}>
      <div class="camera-bar">
        <button type="button" class="camera-toggle" aria-pressed=${open ? 'true' : 'false'} ?disabled=${!!this.formatsError} @click=${() => this.toggle()}>
          ${m.camera}
        </button>
        ${open && this.lenses.length > 1 ? html`<button type="button" class="lens" @click=${() => this.switchLens()}>${m.switchLens}</button>` : nothing}
        ${open && this.torchOn !== undefined
          ? html`<button type="button" class="torch" aria-pressed=${this.torchOn ? 'true' : 'false'} @click=${() => void this.toggleTorch()}>${m.torch}</button>`
          : nothing}
      </div>
      ${this.formatsError ? renderErrorView(this.formatsError, { locale, vendorName: 'AudienceView' }) : nothing}
      ${problem
        ? html`<div class="camera-problem" role="alert" data-problem=${problem}>
            <p>${m.cameraProblems[problem]}</p>
            <p>${m.cameraOtherInputs}</p>
          </div>`
        : nothing}
      ${open
        ? html`<div part="viewfinder" class="viewfinder ${this.hit ? 'hit' : ''}" data-state=${this.state}>
            <video
              class="viewfinder-video"
              playsinline
              muted
              autoplay
              .muted=${true}
              aria-label=${m.viewfinder}
              @click=${(event: MouseEvent) => this.focusAt(event)}
            ></video>
            ${this.state === 'starting' ? html`<p class="camera-starting" role="status">${m.cameraStarting}</p>` : nothing}
            ${this.state === 'open' && this.canFocus ? html`<p class="camera-hint">${m.tapToFocus}</p>` : nothing}
          </div>`
        : nothing}
    </section>`;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** What a getUserMedia failure means for door staff. */
function cameraProblem(error: unknown): CameraProblem {
  switch ((error as Error | undefined)?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'unavailable';
  }
}
