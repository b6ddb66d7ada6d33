/**
 * The camera as the element holds it: the Camera button, the checked `barcode-formats`, and why
 * the camera cannot show. The camera itself (scanner-camera.ts: stream, lenses, torch, viewfinder
 * and, later, the decoder) is a chunk of its own, fetched the first time staff press the button:
 * many doors scan with a gun or by hand and never fetch it.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ConfigError } from '../../../api/errors.js';
import { renderErrorView } from '../../../shared/error-view.js';
import type { CameraProblem, ScannerMessages } from '../ticket-scanner.messages.js';
import { parseBarcodeFormats, TICKET_FORMATS, type BarcodeFormat } from './barcode-formats.js';
import type { ScannerCamera, ScannerCameraOptions } from './scanner-camera.js';

type CameraHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class CameraSlot {
  /** Set when `barcode-formats` is not valid: the camera cannot open. */
  formatsError?: ConfigError;
  private formats: readonly BarcodeFormat[] = TICKET_FORMATS;
  /** The camera, once its chunk is here. */
  private camera?: ScannerCamera;
  /** Pressed before the chunk was here: open it when it comes (unless closed meanwhile). */
  private wanted = false;
  /** The chunk could not be fetched (offline before the app cached it): said as the decoder's failure is. */
  private unloadable = false;

  constructor(
    private readonly host: CameraHost,
    private readonly options: Omit<ScannerCameraOptions, 'formats' | 'lit'>,
  ) {}

  /** `closed`, `starting` (fetching the camera, asking for it, loading the decoder) or `open`. */
  get state(): ScannerCamera['state'] {
    return this.camera?.state ?? (this.wanted ? 'starting' : 'closed');
  }

  get problem(): CameraProblem | undefined {
    return this.unloadable ? 'decoder' : this.camera?.problem;
  }

  /** Sets the formats from `barcode-formats`; returns the ConfigError when they are not valid. */
  setFormats(text: string): ConfigError | undefined {
    try {
      const formats = parseBarcodeFormats(text);
      const changed = formats.join() !== this.formats.join();
      this.formats = formats;
      this.formatsError = undefined;
      if (changed) this.camera?.formatsChanged();
    } catch (error) {
      this.formatsError = error as ConfigError;
      this.close();
    }
    this.host.requestUpdate();
    return this.formatsError;
  }

  close(): void {
    this.wanted = false;
    this.unloadable = false;
    this.camera?.close();
  }

  toggle(): void {
    if (this.formatsError) return;
    if (this.camera) return this.camera.toggle();
    this.wanted = !this.wanted;
    this.unloadable = false;
    this.host.requestUpdate();
    if (this.wanted) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const { ScannerCamera } = await import('./scanner-camera.js');
      this.camera ??= new ScannerCamera(this.host, { ...this.options, formats: () => this.formats, lit: { html, nothing } });
    } catch {
      this.unloadable = this.wanted;
    }
    // Not if the element left the page meanwhile: no camera light for a scanner nobody sees.
    if (this.wanted && this.camera && this.host.isConnected) void this.camera.open();
    this.wanted = false;
    this.host.requestUpdate();
  }

  render(m: ScannerMessages, locale: string) {
    const open = this.state !== 'closed';
    const problem = this.problem;
    return html`<section part="camera" class="camera" data-state=${this.state} aria-label=${m.camera}>
      <div class="camera-bar">
        <button type="button" class="camera-toggle" aria-pressed=${open ? 'true' : 'false'} ?disabled=${!!this.formatsError} @click=${() => this.toggle()}>
          ${m.camera}
        </button>
        ${this.camera?.renderControls(m) ?? nothing}
      </div>
      ${this.formatsError ? renderErrorView(this.formatsError, { locale, vendorName: 'AudienceView' }) : nothing}
      ${problem
        ? html`<div class="camera-problem" role="alert" data-problem=${problem}>
            <p>${m.cameraProblems[problem]}</p>
            <p>${m.cameraOtherInputs}</p>
          </div>`
        : nothing}
      ${this.camera?.renderViewfinder(m) ?? nothing}
    </section>`;
  }
}
