/**
 * A page object for `<av-calendar>` (as material-web ships `harness.ts` beside each element):
 * what a patron sees and does (the month shown, its performances, the month buttons, the grid's
 * keys) without the shadow-DOM plumbing. For tests; not part of the element's bundle.
 *
 *   const cal = new AvCalendarHarness(el);
 *   await cal.settled();
 *   await cal.next();
 *   expect(cal.title).to.equal('April 2027');
 */
import { waitUntil } from '@open-wc/testing';
import { ElementHarness } from '../../shared/element-harness.js';
import { lateContentSettled } from '../../shared/late-content.js';
import type { AvCalendar } from './av-calendar.js';

/** An element's text as a person reads it: whitespace collapsed. */
const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export class AvCalendarHarness extends ElementHarness<AvCalendar> {
  /** The month's title ("March 2027"). */
  get title(): string {
    return textOf(this.$('[part~="title"]'));
  }

  /** The loading skeleton is on screen. */
  get loading(): boolean {
    return this.has('[part~="loading"]');
  }

  /** `grid`, `list`, `empty` (nothing this month, or an inactive client), `error`, or `loading`. */
  get showing(): string {
    for (const part of ['error', 'grid', 'list', 'empty', 'loading']) if (this.has(`[part~="${part}"]`)) return part;
    return 'nothing';
  }

  /** The error shown, if any (its `data-error-name` says which). */
  get error(): HTMLElement | null {
    return this.$('[part~="error"]');
  }

  /** Waits until the month (or an error, or "nothing this month") is on screen, with the late chunks in. */
  async settled(timeout = 5000): Promise<void> {
    await this.el.updateComplete; // a change just made (a click, an attribute) renders first
    // Network errors are retried twice with back-off before they show: hence the generous wait.
    await waitUntil(() => !this.loading && this.has('[part~="grid"], [part~="list"], [part~="empty"], [part~="error"]'), 'the calendar did not finish loading', { timeout });
    await lateContentSettled(); // the sanitizer and the page's language arrive as their own chunks
    await this.el.updateComplete;
  }

  /** Every performance on screen, in order. */
  performances(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part~="performance"]')];
  }

  /** The ids of the performances on screen, in order. */
  shownIds(): number[] {
    return this.performances().map((p) => Number(p.dataset.performanceId));
  }

  /** Each place a performance is shown (once, if all is well). */
  shown(id: number): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(`[part~="performance"][data-performance-id="${id}"]`)];
  }

  /** A grid cell or list day by `YYYY-MM-DD`. */
  day(iso: string): HTMLElement | null {
    return this.$(`[part~="day"][data-date="${iso}"]`);
  }

  /** The date of the grid cell that has focus. */
  get focusedDate(): string | undefined {
    return (this.root.activeElement as HTMLElement | null)?.dataset.date;
  }

  /** Opens every busy day ("+N more") so each performance of the month is on screen. */
  async openBusyDays(): Promise<void> {
    for (const more of this.root.querySelectorAll<HTMLButtonElement>('button[part~="more"][aria-expanded="false"]')) more.click();
    await this.el.updateComplete;
  }

  /** The month buttons: the patron clicks one (settle after, when the month should be on screen). */
  clickNext(): void {
    this.$<HTMLButtonElement>('button.next')!.click();
  }

  clickPrevious(): void {
    this.$<HTMLButtonElement>('button.prev')!.click();
  }

  clickToday(): void {
    this.$<HTMLButtonElement>('button.today')!.click();
  }

  /** Next month, shown. */
  async next(): Promise<void> {
    this.clickNext();
    await this.settled();
  }

  /** A key pressed where the focus is (inside the grid). */
  async press(key: string): Promise<void> {
    (this.root.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    await this.el.updateComplete;
  }

  /** Retry on the error view, and wait for what it brings. */
  async retry(): Promise<void> {
    this.$<HTMLButtonElement>('[part~="retry"]')!.click();
    await this.settled();
  }
}
