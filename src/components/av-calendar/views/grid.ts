/**
 * The month grid (`role="grid"`): whole weeks, one tab stop (roving tabindex, the arrows, Home,
 * End, PageUp and PageDown move it by day, week and month), busy days folded to "+N more".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RovingTabindexController } from '../../../shared/roving-tabindex.js';
import { addDays, addMonths, daysInMonth, isoDate, weekday, type CalendarDate } from '../../../shared/time-zone.js';
import type { PerformanceView } from '../../../shared/audienceview/performance.js';
import { dayLabel, formatDate, gridFrame, type CalendarView } from './calendar-view.js';

const WEEKDAY_SHORT: Intl.DateTimeFormatOptions = { weekday: 'short' };
const WEEKDAY_LONG: Intl.DateTimeFormatOptions = { weekday: 'long' };

/**
 * A day cell shows at most this many performances; a busier day shows one fewer and a "+N more"
 * button that opens the cell (FullCalendar's `dayMaxEvents`). A festival day of thirty shows
 * stays readable, and a month of a thousand renders in a frame or two. The list view shows all.
 */
const DAY_CELL_LIMIT = 4;

export interface GridView extends CalendarView {
  roving: RovingTabindexController;
  /** Busy days the patron opened to see every performance (ISO dates). */
  openDays: ReadonlySet<string>;
  toggleDay(iso: string, firstHidden: number): void;
  /** One performance, abbreviated (views/performance.ts, in the month views' chunk: this chunk does not hold it again). */
  performance(p: PerformanceView): TemplateResult;
}

/** The day a grid key leads to from `iso`, or undefined for a key the grid does not handle. */
export function nextDay(iso: string, key: string): string | undefined {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (!day) return undefined;
  const date: CalendarDate = { year, month, day };
  const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -weekday(date), End: 6 - weekday(date) };
  if (key in steps) return isoDate(addDays(date, steps[key]!));
  if (key !== 'PageUp' && key !== 'PageDown') return undefined;
  const next = addMonths(year, month, key === 'PageUp' ? -1 : 1);
  return isoDate({ ...next, day: Math.min(day, daysInMonth(next.year, next.month)) });
}

export function renderGrid(v: GridView) {
  const { m, locale, visible, today } = v;
  const { start, weeks } = gridFrame(visible.year, visible.month);
  const monthPrefix = `${visible.year}-${String(visible.month).padStart(2, '0')}-`;
  // The tab stop: the day the keyboard left it on, else today, else the 1st.
  const focus = v.roving.active.startsWith(monthPrefix) ? v.roving.active : today.startsWith(monthPrefix) ? today : `${monthPrefix}01`;
  let inMonth = 0;
  const rows: TemplateResult[] = [];
  for (let w = 0; w < weeks; w++) {
    const cells: TemplateResult[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(start, w * 7 + d);
      const iso = isoDate(date);
      const outside = date.month !== visible.month;
      const performances = v.byDate.get(iso) ?? [];
      if (!outside) inMonth += performances.length;
      const busy = performances.length > DAY_CELL_LIMIT;
      const open = busy && v.openDays.has(iso);
      const shown = busy && !open ? performances.slice(0, DAY_CELL_LIMIT - 1) : performances;
      cells.push(html`<div
        role="gridcell"
        part="day"
        class="day ${outside ? 'outside' : ''}"
        data-date=${iso}
        tabindex=${iso === focus ? 0 : -1}
        aria-current=${iso === today ? 'date' : nothing}
      >
        <span class="day-number" aria-hidden="true">${date.day}</span>
        <span class="sr-only">${dayLabel(date, locale)}${performances.length ? `, ${m.performanceCount(performances.length)}` : ''}</span>
        ${shown.map((p) => v.performance(p))}
        ${busy
          ? html`<button type="button" part="more" class="more" tabindex="-1" aria-expanded=${open ? 'true' : 'false'} @click=${() => v.toggleDay(iso, shown.length)}>
              ${open ? m.showFewer : m.showMore(performances.length - shown.length)}
            </button>`
          : nothing}
      </div>`);
    }
    rows.push(html`<div role="row" class="row">${cells}</div>`);
  }
  const headers = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  return html`<div part="grid" class="grid" role="grid" aria-labelledby="title" @keydown=${v.roving.onKeydown} @focusin=${v.roving.onFocusin}>
      <div role="row" class="row">
        ${headers.map(
          (d) => html`<div role="columnheader" class="colhead">
            <span aria-hidden="true">${formatDate(d, locale, WEEKDAY_SHORT)}</span><span class="sr-only">${formatDate(d, locale, WEEKDAY_LONG)}</span>
          </div>`,
        )}
      </div>
      ${rows}
    </div>
    ${inMonth === 0 ? html`<p part="empty" class="empty">${m.noPerformances}</p>` : nothing}`;
}
