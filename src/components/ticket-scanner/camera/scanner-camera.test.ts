import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { toCanvas } from 'bwip-js/browser';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ControlPerformance, MockWorld } from '../../../../test/mock.js';
import { DOOR, doorTonight, type ControlTicket } from '../../../../test/scanner-world.js';
import type { WidgetErrorDetail, WidgetEvent } from '../../../shared/events.js';
import '../index.js';
import { parseBarcodeFormats, TICKET_FORMATS } from './barcode-formats.js';
import { closeScannerDb } from '../offline/scanner-db.js';
import type { TicketScanDetail, TicketScanner } from '../ticket-scanner.js';
import { TicketScannerHarness, textOf } from '../ticket-scanner.harness.js';
import { withReaderDownload } from '../../../../test/reader-download.js';

/**
 * The camera pipeline end to end, in headless Chromium (which has no native BarcodeDetector, so
 * the zxing-wasm ponyfill reads, in its worker): a barcode drawn on a 640×480 canvas is the
 * "camera" (`canvas.captureStream()` handed out by a stubbed getUserMedia), and the verdict the
 * mock AudienceView gives for the ticket must show.
 */
describe('<ticket-scanner> camera', () => {
  let mock: MockWorld;
  let tonight: ControlPerformance;
  let scans: TicketScanDetail[];
  let errors: Error[];
  const onScan = (e: Event) => scans.push((e as WidgetEvent<TicketScanDetail>).detail);
  const onError = (e: Event) => errors.push((e as WidgetEvent<WidgetErrorDetail>).detail.error);
  // The stand-ins go on MediaDevices.prototype, not on navigator.mediaDevices: WebKit may collect that
  // object's wrapper between two reads and hand out a fresh one without them (the real camera then
  // opened in a test that had refused it).
  const realMediaDevices = {
    getUserMedia: Object.getOwnPropertyDescriptor(MediaDevices.prototype, 'getUserMedia')!,
    enumerateDevices: Object.getOwnPropertyDescriptor(MediaDevices.prototype, 'enumerateDevices')!,
  };
  const standIn = (name: keyof typeof realMediaDevices, value: unknown) => Object.defineProperty(MediaDevices.prototype, name, { configurable: true, writable: true, value });
  const RealWorker = window.Worker;
  /** Codes the decoder worker found, one entry per frame and code; and how many frames it read. */
  let reads: string[];
  let framesDecoded: number;
  let workersStarted: number;
  let camera: FakeCamera | undefined;

  beforeEach(async () => {
    ({ mock, tonight } = await doorTonight());
    scans = [];
    errors = [];
    reads = [];
    framesDecoded = 0;
    workersStarted = 0;
    window.addEventListener('ticket-scan', onScan);
    window.addEventListener('ticket-scanner-error', onError);
    // Counts what the decoder worker reports (the only way to see that a code was read twice).
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workersStarted++;
        this.addEventListener('message', (e: MessageEvent<{ type: string; codes?: string[] }>) => {
          if (e.data.type !== 'codes') return;
          framesDecoded++;
          reads.push(...(e.data.codes ?? []));
        });
      }
    };
  });

  afterEach(async () => {
    window.removeEventListener('ticket-scan', onScan);
    window.removeEventListener('ticket-scanner-error', onError);
    window.Worker = RealWorker;
    delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    camera?.stop();
    camera = undefined;
    for (const [name, real] of Object.entries(realMediaDevices)) Object.defineProperty(MediaDevices.prototype, name, real);
    await closeScannerDb();
  });

  // -------------------------------------------------------------------------------------------
  // A camera that films a canvas
  // -------------------------------------------------------------------------------------------

  interface FakeCamera {
    canvas: HTMLCanvasElement;
    stream: MediaStream;
    /** Shows one code (nothing with `null`), `dx` pixels right of the middle. */
    show(bcid: 'qrcode' | 'code128' | null, text?: string, dx?: number): void;
    /** Adds a code to what is shown. */
    add(bcid: 'qrcode' | 'code128', text: string, dx?: number): void;
    stop(): void;
  }

  /** getUserMedia answers with a clone of the fake camera's stream per opening, listed so each opening's tracks can be checked. */
  function handOutClones(fake: FakeCamera): MediaStream[] {
    const handedOut: MediaStream[] = [];
    standIn('getUserMedia', async () => {
      const stream = fake.stream.clone();
      handedOut.push(stream);
      return stream;
    });
    return handedOut;
  }

  /** getUserMedia answers with a 640×480 canvas's stream; the canvas shows what `show` draws. */
  function fakeCamera(): FakeCamera {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 640, 480);
    const stream = canvas.captureStream(30);
    // A canvas stream only gets a frame when the canvas changes: a camera never stops sending.
    let tick = 0;
    const nextFrame = () => {
      context.fillStyle = tick++ % 2 ? '#fff' : '#fdfdfd';
      context.fillRect(0, 0, 2, 2);
    };
    const timer = setInterval(nextFrame, 30);
    standIn('getUserMedia', async () => stream);
    return {
      canvas,
      stream,
      show(bcid, text, dx) {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 640, 480);
        if (bcid) this.add(bcid, text!, dx);
      },
      add(bcid, text, dx = 0) {
        const symbol = document.createElement('canvas');
        toCanvas(symbol, { bcid, text, scale: bcid === 'qrcode' ? 4 : 2, height: 20, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'ffffff' });
        context.drawImage(symbol, (640 - symbol.width) / 2 + dx, (480 - symbol.height) / 2);
      },
      stop() {
        clearInterval(timer);
        for (const track of stream.getTracks()) track.stop();
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Page object
  // -------------------------------------------------------------------------------------------

  async function atTheDoor(attrs: { formats?: string; locale?: string } = {}): Promise<TicketScanner> {
    const el = await fixture<TicketScanner>(html`<ticket-scanner
      api-base=${mock.base('audienceview')}
      client-id="284"
      production-id=${String(tonight.productionId)}
      performance-id=${String(tonight.performanceId)}
      barcode-formats=${ifDefined(attrs.formats)}
      locale=${attrs.locale ?? 'en'}
      .doorTimeoutMs=${2000}
    ></ticket-scanner>`);
    await until(el, () => $(el, '#username'), 'the sign-in form did not show');
    door(el).fillSignIn(DOOR);
    await until(el, () => $(el, '.scanner')?.getAttribute('data-phase') === 'scanning', 'scanning did not start');
    return el;
  }

  // The page object lives beside the element (ticket-scanner.harness.ts).
  const door = (el: TicketScanner) => new TicketScannerHarness(el);
  const $ = <E extends Element = HTMLElement>(el: TicketScanner, selector: string) => door(el).$<E>(selector);
  const text = textOf;
  const until = (el: TicketScanner, condition: () => unknown, message: string, timeout = 8000) => door(el).until(condition, message, timeout);
  const cameraButton = (el: TicketScanner) => door(el).cameraButton;
  const openCamera = (el: TicketScanner) => door(el).openCamera();

  async function validTickets(limit: number): Promise<ControlTicket[]> {
    return (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${tonight.performanceId}&state=valid&limit=${limit}`)).tickets;
  }

  const verdictFor = (el: TicketScanner, barcode: string) => door(el).verdictFor(barcode);

  const wasmRequests = () => performance.getEntriesByType('resource').filter((entry) => /\.wasm(\?|$)/.test(entry.name));

  // -------------------------------------------------------------------------------------------
  // Reading tickets
  // -------------------------------------------------------------------------------------------

  // First in the file: the page has not loaded the reader yet.
  performance.setResourceTimingBufferSize(5000); // room for every request of the file (the default keeps 250)
  it('reads a QR ticket held to the camera and shows its verdict; the reader comes from this origin, only once the camera opens', async function () {
    this.timeout(60_000); // cold: the camera's module, the decoder, its worker and 450 KB of wasm compiled
    const [ticket] = await validTickets(1);
    camera = fakeCamera();
    camera.show('qrcode', ticket!.barcode);
    // Counted from here: a second try of this test (WebKit and Firefox get one) follows a first that loaded them.
    const before = performance.getEntriesByType('resource').length;
    const el = await atTheDoor();
    const whileLoading = performance.getEntriesByType('resource').slice(before).map((entry) => entry.name);
    expect(whileLoading.filter((name) => /\.wasm(\?|$)/.test(name)), 'no reader before the camera opens').to.deep.equal([]);
    expect(whileLoading.filter((name) => name.includes('barcode-decoder')), 'no decoder module before the camera opens').to.deep.equal([]);
    expect(whileLoading.filter((name) => /scanner-camera(\.ts|-\w+\.js)/.test(name)), 'no camera module before the button is pressed').to.deep.equal([]);

    // The first opening fetches the camera's module, then the decoder, its worker and the wasm (cold, on a shared machine).
    await door(el).openCamera(20_000);
    expect(cameraButton(el).getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part="viewfinder"] video')?.getAttribute('aria-label')).to.match(/barcode/);
    await expect(el).shadowDom.to.be.accessible();
    await until(el, () => verdictFor(el, ticket!.barcode), 'the QR code was not read', 30_000);

    expect(verdictFor(el, ticket!.barcode)).to.equal('valid');
    expect(scans.map((s) => s.barcode)).to.deep.equal([ticket!.barcode]);
    const wasm = wasmRequests();
    expect(wasm.length, 'the reader was fetched once in the page\'s life').to.equal(1);
    expect(new URL(wasm[0]!.name).origin).to.equal(location.origin);
    expect(new URL(wasm[0]!.name).pathname).to.equal('/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
    expect(performance.getEntriesByType('resource').filter((entry) => /jsdelivr|unpkg|cdn/i.test(entry.name))).to.deep.equal([]);
  });

  it('never lets the ponyfill fetch its wasm itself (its default is a CDN)', async function () {
    this.timeout(20_000);
    const { compileReader, defaultReaderWasmUrl } = await import('./barcode-decoder.js');
    const { zxingReader } = await import('./barcode-decoder.zxing.js');
    const url = defaultReaderWasmUrl();
    const module = await compileReader(url);
    const before = performance.getEntriesByType('resource').length;
    // What the worker runs, here on the page where its requests can be seen.
    const reader = await zxingReader(['qr_code'], { url, module });
    const symbol = document.createElement('canvas');
    toCanvas(symbol, { bcid: 'qrcode', text: 'NO-CDN-1', scale: 4, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'ffffff' });
    expect(await reader.read(symbol)).to.deep.equal(['NO-CDN-1']);
    expect(performance.getEntriesByType('resource').slice(before).map((entry) => entry.name)).to.deep.equal([]);
  });

  it('reads a Code 128 ticket and shows its verdict', async function () {
    this.timeout(30_000);
    const [, ticket] = await validTickets(2);
    camera = fakeCamera();
    camera.show('code128', ticket!.barcode);
    const el = await atTheDoor();
    await openCamera(el);
    await until(el, () => verdictFor(el, ticket!.barcode), 'the Code 128 barcode was not read', 15_000);
    expect(verdictFor(el, ticket!.barcode)).to.equal('valid');
    expect(scans.map((s) => s.barcode)).to.deep.equal([ticket!.barcode]);
  });

  it('reads a Code 128 ticket held sideways (the hard pass, which runs on one empty frame in three)', async function () {
    this.timeout(30_000);
    const [, , ticket] = await validTickets(3);
    camera = fakeCamera();
    const el = await atTheDoor();
    await openCamera(el);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few empty frames first
    const symbol = document.createElement('canvas');
    toCanvas(symbol, { bcid: 'code128', text: ticket!.barcode, scale: 3, height: 20, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'ffffff' });
    const context = camera.canvas.getContext('2d')!;
    context.save();
    context.translate(320, 240);
    context.rotate(Math.PI / 2);
    context.drawImage(symbol, -symbol.width / 2, -symbol.height / 2);
    context.restore();
    await until(el, () => verdictFor(el, ticket!.barcode), 'the sideways Code 128 was not read', 15_000);
    expect(verdictFor(el, ticket!.barcode)).to.equal('valid');
  });

  it('counts a ticket held in front of the camera once, however many frames read it, and the next ticket too', async function () {
    this.timeout(30_000);
    const [first, second] = await validTickets(2);
    camera = fakeCamera();
    camera.show('qrcode', first!.barcode);
    const el = await atTheDoor();
    await openCamera(el);
    await until(el, () => verdictFor(el, first!.barcode), 'the first ticket was not read', 15_000);
    await waitUntil(() => reads.filter((code) => code === first!.barcode).length >= 5, 'the ticket was not read again', { timeout: 10_000 });
    await el.updateComplete;
    expect(scans.map((s) => s.barcode)).to.deep.equal([first!.barcode]);
    expect((await mock.requests()).filter((r) => r.path.includes('validateTicket')).length).to.equal(1);
    expect(verdictFor(el, first!.barcode)).to.equal('valid');

    camera.show('qrcode', second!.barcode);
    await until(el, () => verdictFor(el, second!.barcode), 'the second ticket was not read', 15_000);
    expect(scans.map((s) => s.barcode)).to.deep.equal([first!.barcode, second!.barcode]);
  });

  it('counts two tickets held up together once each, one after the other', async function () {
    this.timeout(30_000);
    const [left, right] = await validTickets(2);
    camera = fakeCamera();
    camera.show('qrcode', left!.barcode, -150);
    camera.add('qrcode', right!.barcode, 150);
    const el = await atTheDoor();
    await openCamera(el);
    await waitUntil(() => reads.filter((code) => code === left!.barcode).length >= 3 && reads.filter((code) => code === right!.barcode).length >= 3, 'both codes were not read, again and again', { timeout: 15_000 });
    await until(el, () => scans.length === 1, 'neither ticket was taken');
    // Either may be taken first (the reader's order of two codes in one frame): that one goes in, the other stays in view.
    const [, waiting, place] = scans[0]!.barcode === left!.barcode ? [left, right!, 150] : [right, left!, -150];
    camera.show('qrcode', waiting.barcode, place);
    await until(el, () => scans.length === 2, 'the second ticket was not taken', 15_000);
    const readsBefore = reads.filter((code) => code === waiting.barcode).length;
    await waitUntil(() => reads.filter((code) => code === waiting.barcode).length >= readsBefore + 5, 'the second ticket was not read again', { timeout: 10_000 });
    await el.updateComplete;
    expect(scans.map((s) => s.barcode)).to.have.members([left!.barcode, right!.barcode]);
    expect(scans.map((s) => s.verdict)).to.deep.equal(['valid', 'valid']);
  });

  /** A browser's own BarcodeDetector that reads `formats`, finding `code` in every frame. */
  function nativeDetector(formats: string[], code: string) {
    const made: string[][] = [];
    (window as { BarcodeDetector?: unknown }).BarcodeDetector = class {
      static getSupportedFormats = async () => formats;
      constructor(options: { formats: string[] }) {
        made.push(options.formats);
      }
      detect = async (video: HTMLVideoElement) => (video.videoWidth ? [{ rawValue: code }] : []);
    };
    return made;
  }

  it('uses the browser\'s own BarcodeDetector where it reads every wanted format: no worker, no wasm', async function () {
    this.timeout(20_000);
    const [ticket] = await validTickets(1);
    const made = nativeDetector(['qr_code', 'code_128', 'pdf417', 'aztec', 'data_matrix', 'ean_13'], ticket!.barcode);
    camera = fakeCamera();
    const el = await atTheDoor();
    const wasmBefore = wasmRequests().length;
    await openCamera(el);
    await until(el, () => verdictFor(el, ticket!.barcode), 'the native detector\'s code got no verdict');
    expect(made).to.deep.equal([['qr_code', 'code_128', 'pdf417', 'aztec', 'data_matrix']]);
    expect(workersStarted).to.equal(0);
    expect(wasmRequests().length).to.equal(wasmBefore);
  });

  it('uses the ponyfill where the browser\'s detector lacks a wanted format', async function () {
    this.timeout(30_000);
    const [ticket] = await validTickets(1);
    const made = nativeDetector(['qr_code', 'ean_13'], 'NOT-THIS-ONE');
    camera = fakeCamera();
    camera.show('code128', ticket!.barcode);
    const el = await atTheDoor();
    await openCamera(el);
    await until(el, () => verdictFor(el, ticket!.barcode), 'the Code 128 ticket was not read', 15_000);
    expect(made).to.deep.equal([]);
    expect(workersStarted, 'the decoder workers').to.be.greaterThan(0);
  });

  // -------------------------------------------------------------------------------------------
  // When there is no camera
  // -------------------------------------------------------------------------------------------

  const refuse = (name: string) => async () => {
    throw new DOMException('no', name);
  };
  for (const [name, getUserMedia, problem, words] of [
    ['NotAllowedError', refuse('NotAllowedError'), 'denied', /refused/],
    ['NotFoundError', refuse('NotFoundError'), 'missing', /No camera/],
    ['NotReadableError', refuse('NotReadableError'), 'busy', /in use/],
    ['no getUserMedia', undefined, 'unavailable', /secure https/],
  ] as const) {
    it(`says why the camera cannot show (${name}) and the entry field still scans`, async function () {
      this.timeout(20_000);
      standIn('getUserMedia', getUserMedia);
      const [ticket] = await validTickets(1);
      const el = await atTheDoor();
      await openCamera(el);
      const shown = $(el, '.camera-problem');
      expect(shown?.dataset.problem).to.equal(problem);
      expect(text(shown)).to.match(words);
      expect(text(shown)).to.contain('The entry field and scanner guns still work.');
      expect(cameraButton(el).getAttribute('aria-pressed')).to.equal('false');
      expect($(el, '[part="viewfinder"]')).to.equal(null);

      $<HTMLInputElement>(el, '#barcode')!.value = ticket!.barcode;
      $<HTMLButtonElement>(el, '[part="entry"] button[type="submit"]')!.click();
      await until(el, () => verdictFor(el, ticket!.barcode), 'the typed ticket got no verdict');
      expect(verdictFor(el, ticket!.barcode)).to.equal('valid');
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('speaks the page\'s language', async function () {
    this.timeout(20_000);
    standIn('getUserMedia', refuse('NotAllowedError'));
    const el = await atTheDoor({ locale: 'de' });
    expect(text(cameraButton(el))).to.equal('Kamera');
    await openCamera(el);
    expect(text($(el, '.camera-problem'))).to.contain('Der Kamerazugriff wurde verweigert.');
  });

  it('says so when the barcode reader cannot be loaded, and stops the camera', async function () {
    this.timeout(20_000);
    camera = fakeCamera();
    const handedOut = handOutClones(camera);
    const el = await atTheDoor();
    el.decoderUrl = '/nowhere/zxing_reader.wasm';
    await openCamera(el);
    expect($(el, '.camera-problem')?.dataset.problem).to.equal('decoder');
    expect(text($(el, '.camera-problem'))).to.contain('could not be loaded');
    expect(handedOut[0]!.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
    expect(cameraButton(el).getAttribute('aria-pressed')).to.equal('false');
  });

  it("says so when the barcode reader's download stalls, instead of starting for ever", async function () {
    this.timeout(60_000);
    camera = fakeCamera();
    handOutClones(camera);
    const el = await atTheDoor();
    const stalling = new URL('/stalls/zxing_reader.wasm', location.href).href;
    // A foyer's signal: the answer and its first 64 KB come, then nothing, the connection still open.
    async function* thenNothing(reader: Uint8Array) {
      yield reader.slice(0, 65_536);
      await new Promise(() => undefined);
    }
    el.decoderUrl = stalling;
    let pressed = 0;
    await withReaderDownload(stalling, thenNothing, () => ((pressed = performance.now()), door(el).openCamera(40_000)));
    expect(performance.now() - pressed, 'given up only once nothing came for a while').to.be.above(10_000);
    expect($(el, '.camera-problem')?.dataset.problem).to.equal('decoder');
    expect(text($(el, '.camera-problem'))).to.contain('could not be loaded');
    expect(cameraButton(el).getAttribute('aria-pressed')).to.equal('false');
  });

  // -------------------------------------------------------------------------------------------
  // The camera's light goes off
  // -------------------------------------------------------------------------------------------

  it('stops the camera when closed, when the page is hidden (and opens it again when shown), and when the element is removed', async function () {
    this.timeout(30_000);
    camera = fakeCamera();
    const el = await atTheDoor();
    const handedOut = handOutClones(camera);
    // Every opening so far is stopped. Counted from the test's own steps, not by index: WebKit's window under Xvfb
    // can hide and show itself, which closes and reopens the camera on its own.
    const allEnded = () => handedOut.every((stream) => stream.getTracks().every((t) => t.readyState === 'ended'));

    await openCamera(el);
    expect(handedOut.length, 'opened by its button').to.be.greaterThan(0);
    cameraButton(el).click();
    await el.updateComplete;
    expect(allEnded(), 'closed by its button').to.equal(true);
    expect($(el, '[part="viewfinder"]')).to.equal(null);
    expect(cameraButton(el).getAttribute('aria-pressed')).to.equal('false');

    let before = handedOut.length;
    await openCamera(el);
    expect(handedOut.length, 'opened again by its button').to.be.greaterThan(before);
    try {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(allEnded(), 'stopped while the page is hidden').to.equal(true);
      before = handedOut.length;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      await until(el, () => handedOut.length > before && $(el, '[part="viewfinder"]')?.getAttribute('data-state') === 'open', 'the camera did not come back');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState; // back to Document.prototype's
    }

    el.remove();
    expect(allEnded(), 'stopped when the element is removed').to.equal(true);
  });

  it('stops the camera when the staff member signs out', async function () {
    this.timeout(20_000);
    camera = fakeCamera();
    const handedOut = handOutClones(camera);
    const el = await atTheDoor();
    await openCamera(el);
    await el.signOut();
    await el.updateComplete;
    expect(handedOut[0]!.getTracks().every((t) => t.readyState === 'ended')).to.equal(true);
  });

  // -------------------------------------------------------------------------------------------
  // barcode-formats
  // -------------------------------------------------------------------------------------------

  it('reads barcode-formats as a comma or space separated list, defaulting to what tickets use', () => {
    expect(parseBarcodeFormats('')).to.deep.equal([...TICKET_FORMATS]);
    expect(parseBarcodeFormats(null)).to.deep.equal(['qr_code', 'code_128', 'pdf417', 'aztec', 'data_matrix']);
    expect(parseBarcodeFormats(' QR_code,code_128  pdf417 , qr_code')).to.deep.equal(['qr_code', 'code_128', 'pdf417']);
    expect(() => parseBarcodeFormats('qr_code, banana')).to.throw(/banana/).with.property('name', 'ConfigError');
  });

  it('shows an unknown barcode format as a ConfigError in the camera area; manual entry still scans', async function () {
    this.timeout(20_000);
    const [ticket] = await validTickets(1);
    const el = await atTheDoor({ formats: 'qr_code, banana' });
    expect(errors.map((e) => e.name)).to.include('ConfigError');
    const shown = $(el, '[part="camera"] [part="error"]');
    expect(shown?.dataset.errorName).to.equal('ConfigError');
    expect(text(shown)).to.contain('banana');
    expect(cameraButton(el).disabled).to.equal(true);

    $<HTMLInputElement>(el, '#barcode')!.value = ticket!.barcode;
    $<HTMLButtonElement>(el, '[part="entry"] button[type="submit"]')!.click();
    await until(el, () => verdictFor(el, ticket!.barcode), 'the typed ticket got no verdict');

    el.setAttribute('barcode-formats', 'qr_code code_128');
    await el.updateComplete;
    expect($(el, '[part="camera"] [part="error"]')).to.equal(null);
    expect(cameraButton(el).disabled).to.equal(false);
  });

  it('reads only the formats asked for', async function () {
    this.timeout(30_000);
    const [qr, bars] = await validTickets(2);
    camera = fakeCamera();
    camera.show('code128', bars!.barcode);
    const el = await atTheDoor({ formats: 'qr_code' });
    await openCamera(el);
    // The Code 128 ticket is in view for several frames but not read; a QR code shown next is.
    await waitUntil(() => framesDecoded >= 5, 'the decoder read no frames', { timeout: 10_000 });
    expect(reads).to.deep.equal([]);
    camera.show('qrcode', qr!.barcode);
    await until(el, () => verdictFor(el, qr!.barcode), 'the QR code was not read', 15_000);
    expect(reads).to.not.include(bars!.barcode);
    expect(scans.map((s) => s.barcode)).to.deep.equal([qr!.barcode]);
  });

  it('opens and reads without waiting for the list of lenses, then offers to switch to another lens', async function () {
    this.timeout(20_000);
    const [ticket] = await validTickets(1);
    const fake = (camera = fakeCamera());
    fake.show('qrcode', ticket!.barcode);
    const asked: MediaStreamConstraints[] = [];
    standIn('getUserMedia', async (constraints: MediaStreamConstraints) => {
      asked.push(constraints);
      return fake.stream.clone();
    });
    // The browser takes its time listing devices (Firefox can take seconds on a busy phone).
    let listDevices!: (devices: MediaDeviceInfo[]) => void;
    standIn('enumerateDevices', () => new Promise((resolve) => (listDevices = resolve)));
    const el = await atTheDoor();
    await openCamera(el);
    await until(el, () => verdictFor(el, ticket!.barcode), 'the ticket was not read while the lenses were being listed');
    const switchButton = () => $<HTMLButtonElement>(el, '[part="camera"] button.lens');
    expect(switchButton(), 'no lens to switch to yet').to.equal(null);

    const device = (deviceId: string, kind: MediaDeviceKind, label: string) => ({ deviceId, kind, label, groupId: 'phone' }) as MediaDeviceInfo;
    listDevices([device('front', 'videoinput', 'Front camera'), device('mic', 'audioinput', 'Microphone'), device('back', 'videoinput', 'Back camera')]);
    await until(el, () => switchButton(), 'two lenses listed, and no way to switch');
    expect(text(switchButton())).to.equal('Switch camera');
    // (A window hidden and shown again meanwhile reopens the same lens: WebKit's, under Xvfb.)
    const before = asked.length;
    switchButton()!.click();
    await until(el, () => asked.length > before, 'switching lenses opened no camera');
    expect(asked[0]!.video, 'first the rear camera, whichever it is').to.deep.equal({ facingMode: { ideal: 'environment' } });
    expect(asked.slice(0, before).every((constraints) => 'facingMode' in (constraints.video as object)), 'the rear camera until the switch').to.equal(true);
    expect(asked[before]!.video, 'then a lens by its id').to.deep.equal({ deviceId: { exact: 'front' } });
    await until(el, () => $(el, '[part="viewfinder"]')?.getAttribute('data-state') === 'open', 'the other lens did not open');
  });

  // Last in the file: the browser's own camera, after every test that stands a canvas in for it.
  it("opens this browser's own camera (each engine's fake device) and reads its frames, until closed", async function () {
    this.timeout(30_000);
    const el = await atTheDoor(); // no stand-in: getUserMedia is the browser's
    await door(el).openCamera(20_000);
    expect($(el, '[part="viewfinder"]')?.getAttribute('data-state')).to.equal('open');
    const video = $<HTMLVideoElement>(el, '[part="viewfinder"] video')!;
    const stream = video.srcObject as MediaStream;
    expect(stream.getVideoTracks().map((track) => track.readyState)).to.deep.equal(['live']);
    await waitUntil(() => framesDecoded >= 5, `the decoder read ${framesDecoded} frames of the camera`, { timeout: 15_000 });
    expect(video.videoWidth).to.be.greaterThan(0);
    cameraButton(el).click();
    await until(el, () => $(el, '[part="viewfinder"]')?.getAttribute('data-state') !== 'open', 'the camera did not close');
    expect(stream.getVideoTracks().map((track) => track.readyState)).to.deep.equal(['ended']);
    expect(errors).to.deep.equal([]);
  });
});
