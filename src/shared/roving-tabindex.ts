/**
 * Roving tabindex for a `role="grid"` (the WAI-ARIA grid pattern, as Spectrum's `RovingTabindex`
 * controller does it): the grid is one tab stop, held by one cell; the keys the element maps move
 * it from cell to cell; Enter or Space goes into a cell, Up/Down between its controls, Escape back
 * out. Cells carry `role="gridcell"` and their key in a `data-*` attribute the element names;
 * the element renders `tabindex=${key === controller.active ? 0 : -1}` on each.
 */
import type { LitElement, ReactiveController } from 'lit';

export interface RovingTabindexOptions {
  /** The `data-*` attribute that holds a cell's key (`date` for `data-date`). */
  keyAttribute: string;
  /** The cell a key leads to from `key`, or undefined for a key the grid does not handle. */
  next(key: string, event: KeyboardEvent): string | undefined;
  /** Moves the tab stop to `key`; the default focuses its cell once it is on screen. */
  go?(key: string): void;
  /** What Enter or Space focuses first inside a cell (else its first control). */
  enterTarget?: string;
}

const CONTROLS = 'a[href], button';

export class RovingTabindexController implements ReactiveController {
  /** The key of the cell that holds the grid's one tab stop ('' until one is chosen). */
  active = '';
  /** A cell to focus once it is rendered (after a month loads). */
  private pending?: string;

  constructor(
    private readonly host: LitElement,
    private readonly options: RovingTabindexOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const cell = this.pending && this.host.renderRoot.querySelector<HTMLElement>(this.cell(this.pending));
    if (!cell) return;
    this.pending = undefined;
    cell.focus();
  }

  /** The selector of a key's cell. */
  cell(key: string): string {
    return `[role="gridcell"][data-${this.options.keyAttribute}="${key}"]`;
  }

  /** Gives `key` the tab stop and focuses its cell once it is rendered (it may be on the next page). */
  focus(key: string): void {
    this.active = this.pending = key;
    this.host.requestUpdate();
  }

  /** Gives the tab stop back to the element's default cell, without moving focus. */
  reset(): void {
    this.active = '';
    this.pending = undefined;
  }

  /** The grid's `@keydown`. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement;
    const cell = target.closest<HTMLElement>('[role="gridcell"]');
    if (!cell) return;
    if (target !== cell) return this.insideCell(event, target, cell);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const enter = this.options.enterTarget;
      ((enter && cell.querySelector<HTMLElement>(enter)) || cell.querySelector<HTMLElement>(CONTROLS))?.focus();
      return;
    }
    const next = this.options.next(cell.dataset[this.options.keyAttribute] ?? '', event);
    if (next === undefined) return;
    event.preventDefault();
    (this.options.go ?? ((key: string) => this.focus(key)))(next);
  };

  /** The grid's `@focusin`: a cell focused by the mouse or a screen reader takes the tab stop. */
  readonly onFocusin = (event: FocusEvent): void => {
    const cell = (event.composedPath()[0] as HTMLElement).closest?.<HTMLElement>('[role="gridcell"]');
    const key = cell?.dataset[this.options.keyAttribute];
    if (key && key !== this.active) {
      this.active = key;
      this.host.requestUpdate();
    }
  };

  /** Inside a cell: Up/Down between its controls, Escape back to the cell. */
  private insideCell(event: KeyboardEvent, target: HTMLElement, cell: HTMLElement): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      cell.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const controls = [...cell.querySelectorAll<HTMLElement>(CONTROLS)];
    const index = controls.indexOf(target);
    if (index < 0) return;
    event.preventDefault();
    controls[Math.max(0, Math.min(controls.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }
}
