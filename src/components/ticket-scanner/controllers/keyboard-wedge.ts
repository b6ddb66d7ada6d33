/**
 * Keyboard-wedge barcode scanners (USB and Bluetooth guns) "type" a code as keystrokes and end
 * it with Enter. They type far faster than a person: a few milliseconds between keys, where even
 * a fast typist leaves 60 ms or more. So a run of at least `minLength` characters, each within
 * `maxGapMs` of the one before, closed by Enter just as fast, is a scan, wherever the focus is on
 * the page; anything slower is a person and is left alone.
 *
 * Keys typed into an editable field are that field's business (the scanner's own entry field
 * submits its form; a search box elsewhere on the page keeps what is typed in it).
 */
export interface KeyboardWedgeOptions {
  onScan: (code: string) => void;
  /** The longest pause between two keys of one scan. Scanner guns: 2–20 ms; people: 60 ms and up. */
  maxGapMs?: number;
  /** The shortest code taken as a scan (shorter bursts are key repeats or chords). */
  minLength?: number;
}

export class KeyboardWedge {
  private buffer = '';
  private lastKeyAt = -Infinity;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(
    private readonly target: EventTarget,
    private readonly options: KeyboardWedgeOptions,
  ) {
    this.maxGapMs = options.maxGapMs ?? 40;
    this.minLength = options.minLength ?? 4;
  }

  start(): void {
    // Capture phase: a handler on the page that stops the event cannot hide a scan from us.
    this.target.addEventListener('keydown', this.onKeydown as EventListener, { capture: true });
  }

  stop(): void {
    this.target.removeEventListener('keydown', this.onKeydown as EventListener, { capture: true });
    this.buffer = '';
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return this.reset();
    if (isEditable(event.composedPath()[0])) return this.reset();
    const now = event.timeStamp;
    const inTime = now - this.lastKeyAt <= this.maxGapMs;
    if (event.key === 'Enter') {
      const code = this.buffer;
      this.reset();
      if (inTime && code.length >= this.minLength) {
        event.preventDefault(); // the Enter of a scan must not also press the focused button
        this.options.onScan(code);
      }
      return;
    }
    if (event.key.length !== 1) return; // Shift between the characters of "ABC-123" and the like
    this.buffer = inTime ? this.buffer + event.key : event.key;
    this.lastKeyAt = now;
  };

  private reset(): void {
    this.buffer = '';
    this.lastKeyAt = -Infinity;
  }
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
}
