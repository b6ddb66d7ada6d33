/**
 * The scanner's camera: a viewfinder opened by a button (iOS starts a camera only from a tap),
 * the rear camera by default, a lens switch, the torch and tap to focus where the camera has
 * them. Each code read is handed to the element (`onRead`), saying whether it is still the ticket
 * in view; the element drops a code read again within its re-read window, and one still in view. A chunk of its own, fetched when the Camera button (camera-slot.ts)
 * is first pressed; the decoder (barcode-decoder.ts) follows at the first opening.
 *
 * The camera is stopped (its light goes off) when closed, when the page is hidden, when the
 * element leaves the scanning screen and when it is removed; a camera closed by a hidden page
 * opens again when the page is shown.
 */
import type { html as Html, nothing as Nothing, ReactiveController, ReactiveControllerHost } from 'lit';
import { adoptLazyStyles } from '../views/lazy-styles.js';
import type { FrameDecoder } from './barcode-decoder.js';
import type { BarcodeFormat } from './barcode-formats.js';
import type { CameraProblem, ScannerMessages } from '../ticket-scanner.messages.js';

export type { CameraProblem } from '../ticket-scanner.messages.js';

/** Camera features the DOM typings do not know yet (Image Capture extensions to constraints). */
interface CameraCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
  focusMode?: string[];
  pointsOfInterest?: unknown;
}

export interface ScannerCameraOptions {
  /**
   * A code the camera read; `stillInView` when it has not left the view since it was last handed
   * over, however long ago (frames may pause meanwhile: WebKit gives none while the verdict covers
   * the viewfinder, a busy phone gives few).
   */
  onRead: (code: string, stillInView: boolean) => void;
  /** The reader's wasm URL (`decoder-url`); empty for the default, beside the decoder. */
  wasmUrl: () => string;
  /** What the decoder reads (`barcode-formats`, checked). */
  formats: () => readonly BarcodeFormat[];
  /** Lit's template tags, handed over by the element: imported here, Lit would leave the element's chunk for one shared with this. */
  lit: { html: typeof Html; nothing: typeof Nothing };
}

/** How long the viewfinder shows that it read a code. */
const HIT_MS = 350;
/** Frames read in a row without the code last handed over: it has left the view (one frame's miss is a blur). */
const LEFT_VIEW_FRAMES = 3;

/**
 * No taller than 40% of the screen, so the verdict stays in view; a code read lights the frame up
 * in the valid colour for a moment.
 */
const VIEWFINDER_STYLES = `
.viewfinder{position:relative;overflow:hidden;aspect-ratio:4/3;width:min(100%,40dvh*4/3);justify-self:center;border-radius:var(--_radius);background:#000;outline:0 solid var(--_valid);transition:outline-width 120ms ease-out}
.viewfinder.hit{outline-width:6px;outline-offset:-6px}
.viewfinder video{display:block;width:100%;height:100%;object-fit:cover}
.camera-starting,.camera-hint{position:absolute;inset-inline:0;bottom:0;padding:.4rem .6rem;background:rgb(0 0 0/.6);color:#fff;text-align:center}
.camera-starting{inset-block:0;display:flex;align-items:center;justify-content:center}
@media (prefers-reduced-motion:reduce){.viewfinder{transition:none}}`;

export class ScannerCamera implements ReactiveController {
  /** `closed`, `starting` (asking for the camera, loading the decoder) or `open`. */
  state: 'closed' | 'starting' | 'open' = 'closed';
  problem?: CameraProblem;
  /** The video inputs, once the camera was allowed (their ids are hidden before). */
  lenses: MediaDeviceInfo[] = [];
  /** `undefined` where the camera has no torch. */
  torchOn?: boolean;
  canFocus = false;
  /** A code was just read (the viewfinder's brief mark). */
  hit = false;

  private stream?: MediaStream;
  private decoder?: FrameDecoder;
  private stopReading?: () => void;
  private hitTimer?: ReturnType<typeof setTimeout>;
  /** The code last handed to the element, while it is in view. */
  private lastCode?: string;
  /** Frames read since without it. */
  private missedFrames = 0;
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

  /** `barcode-formats` changed: a decoder reads the formats it was made for, so a new one is made. */
  formatsChanged(): void {
    if (!this.decoder) return;
    const wasOpen = this.state !== 'closed';
    this.close();
    if (wasOpen) void this.open();
  }

  /** Opens the camera (`deviceId`: a given lens; default the rear camera). */
  async open(deviceId?: string): Promise<void> {
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
      decoder = this.decoder ?? (await openDecoder({ formats: this.options.formats(), wasmUrl: this.options.wasmUrl().trim() || defaultReaderWasmUrl() }));
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
    // The lens list only adds a "Switch camera" button: the viewfinder does not wait for it (Firefox
    // can take seconds to list devices while the page is busy).
    void this.listLenses(attempt);
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

  private async listLenses(attempt: number): Promise<void> {
    const devices = await navigator.mediaDevices.enumerateDevices().catch((): MediaDeviceInfo[] => []);
    if (attempt !== this.attempt) return;
    this.lenses = devices.filter((device) => device.kind === 'videoinput');
    this.host.requestUpdate();
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
    if (!codes.length) {
      if (this.lastCode !== undefined && ++this.missedFrames >= LEFT_VIEW_FRAMES) this.lastCode = undefined;
      return;
    }
    const stillInView = this.lastCode !== undefined && codes.includes(this.lastCode);
    const code = stillInView ? this.lastCode! : codes[0]!;
    this.lastCode = code;
    this.missedFrames = 0;
    this.hit = true;
    clearTimeout(this.hitTimer);
    this.hitTimer = setTimeout(() => {
      this.hit = false;
      this.host.requestUpdate();
    }, HIT_MS);
    this.host.requestUpdate();
    this.options.onRead(code, stillInView);
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
    this.lastCode = undefined;
    if (this.stream) stopTracks(this.stream);
    this.stream = undefined;
    const video = this.video();
    if (video) video.srcObject = null;
  }

  private video(): HTMLVideoElement | null {
    return this.host.renderRoot?.querySelector<HTMLVideoElement>('video.viewfinder-video') ?? null;
  }

  /** The lens and torch buttons, while open (beside the Camera button). */
  renderControls(m: ScannerMessages) {
    const { html, nothing } = this.options.lit;
    if (this.state === 'closed') return nothing;
    return html`${this.lenses.length > 1 ? html`<button type="button" class="lens" @click=${() => this.switchLens()}>${m.switchLens}</button>` : nothing}
    ${this.torchOn !== undefined
      ? html`<button type="button" class="torch" aria-pressed=${this.torchOn ? 'true' : 'false'} @click=${() => void this.toggleTorch()}>${m.torch}</button>`
      : nothing}`;
  }

  renderViewfinder(m: ScannerMessages) {
    const { html, nothing } = this.options.lit;
    if (this.state === 'closed') return nothing;
    adoptLazyStyles(this.host.renderRoot, 'viewfinder', VIEWFINDER_STYLES);
    return html`<div part="viewfinder" class="viewfinder ${this.hit ? 'hit' : ''}" data-state=${this.state}>
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
    </div>`;
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
