/**
 * Keyboard-wedge barcode scanners (USB and Bluetooth guns) "type" a code as keystrokes, most
 * ending it with Enter. They type far faster than a person: a few milliseconds between keys, where
 * even a fast typist leaves 60 ms or more. So a run of at least `minLength` characters, each within
 * `maxGapMs` of the one before, is a scan, wherever the focus is on the page, once it ends: with
 * Enter just as fast, or (cheap guns set to send no terminator) with a pause of `completeAfterMs`.
 * Anything slower is a person and is left alone.
 *
 * Keys typed into an editable field are that field's business (a search box elsewhere on the page
 * keeps what is typed in it). The scanner's own entry field (`scanField`) submits its form on a
 * gun's Enter by itself; a gun sending no Enter there is told by timing too, and only when the
 * whole field came in that one burst, so a person typing in it is never cut into codes.
 */
export interface KeyboardWedgeOptions {
  onScan: (code: string) => void;
  /** The longest pause between two keys of one scan. Scanner guns: 2–20 ms; people: 60 ms and up. */
  maxGapMs?: number;
  /** The shortest code taken as a scan (shorter bursts are key repeats or chords). */
  minLength?: number;
  /** The pause that ends a code from a gun sending no Enter (50–100 ms: longer than any gap inside a code). */
  completeAfterMs?: number;
  /** The scanner's own entry field, where a gun without Enter fills the field and stops. */
  scanField?: () => HTMLInputElement | null | undefined;
  /** A gun without Enter filled `scanField` with one code: submit it as the gun's Enter would. */
  onFieldScan?: (field: HTMLInputElement) => void;
}

export class KeyboardWedge {
  private buffer = '';
  private lastKeyAt = -Infinity;
  /** The scanner's entry field, when the burst in `buffer` is being typed into it. */
  private bufferField?: HTMLInputElement;
  /** The last key of the code a pause ended: a gun's late Enter after it is part of that scan. */
  private completedKeyAt = -Infinity;
  private pauseTimer?: ReturnType<typeof setTimeout>;
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly completeAfterMs: number;

  constructor(
    private readonly target: EventTarget,
    private readonly options: KeyboardWedgeOptions,
  ) {
    this.maxGapMs = options.maxGapMs ?? 40;
    this.minLength = options.minLength ?? 4;
    this.completeAfterMs = Math.max(options.completeAfterMs ?? 80, this.maxGapMs + 10);
  }

  start(): void {
    // Capture phase: a handler on the page that stops the event cannot hide a scan from us.
    this.target.addEventListener('keydown', this.onKeydown as EventListener, { capture: true });
  }

  stop(): void {
    this.target.removeEventListener('keydown', this.onKeydown as EventListener, { capture: true });
    this.reset();
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    // A held key repeats as fast as a gun types: never a code.
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return this.reset();
    const origin = event.composedPath()[0];
    const field = this.options.scanField?.();
    const inScanField = !!field && origin === field;
    if (!inScanField && isEditable(origin)) return this.reset();
    const now = event.timeStamp;
    const inTime = now - this.lastKeyAt <= this.maxGapMs;
    if (event.key === 'Enter') {
      const code = this.buffer;
      // A gun's Enter that comes after a pause already ended its code (a busy page) must not press anything.
      const lateEnterOfScan = now - this.completedKeyAt <= this.maxGapMs;
      this.reset();
      if (inScanField) {
        if (lateEnterOfScan) event.preventDefault(); // the field was already sent; an empty second submit is noise
        return; // otherwise the field's form submits itself
      }
      if (inTime && code.length >= this.minLength) {
        event.preventDefault(); // the Enter of a scan must not also press the focused button
        this.options.onScan(code);
      } else if (lateEnterOfScan) event.preventDefault();
      return;
    }
    if (event.key.length !== 1) return; // Shift between the characters of "ABC-123" and the like
    if (inTime && this.bufferField === (inScanField ? field : undefined)) this.buffer += event.key;
    else {
      this.buffer = event.key;
      this.bufferField = inScanField ? field : undefined;
    }
    this.lastKeyAt = now;
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(this.completeByPause, this.completeAfterMs);
  };

  /** A gun sending no Enter: the pause after a fast burst ends the code. */
  private readonly completeByPause = (): void => {
    this.pauseTimer = undefined;
    const code = this.buffer;
    const field = this.bufferField;
    if (code.length < this.minLength) return; // a short burst: a chord or a person; the next key starts afresh
    this.completedKeyAt = this.lastKeyAt;
    this.buffer = '';
    this.lastKeyAt = -Infinity;
    this.bufferField = undefined;
    if (!field) return this.options.onScan(code);
    // Only a field that holds just this burst is a gun's code: slow typing before it is a person's.
    if (field.isConnected && field.value.trim() === code.trim()) this.options.onFieldScan?.(field);
  };

  private reset(): void {
    clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
    this.buffer = '';
    this.lastKeyAt = -Infinity;
    this.bufferField = undefined;
  }
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
}
