/** The list view: the month's days that have performances, each with all of them and their details. */
import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { CalendarDate } from '../../../shared/time-zone.js';
import { dayLabel, type CalendarView } from './calendar-view.js';
import { renderPerformance } from './performance.js';

export function renderList(v: CalendarView) {
  const prefix = `${v.visible.year}-${String(v.visible.month).padStart(2, '0')}-`;
  const days = [...v.byDate.keys()].filter((iso) => iso.startsWith(prefix)).sort();
  if (days.length === 0) return html`<p part="empty" class="empty">${v.m.noPerformances}</p>`;
  // A batch of performances at a time (a busy day's rest in the next): a festival month is not one long task on a phone.
  const shownDays = v.batch(prefix, days, (iso) => v.byDate.get(iso)!.length);
  return html`<ul part="list" class="list" aria-labelledby="title" aria-busy=${v.growing ? 'true' : 'false'}>
    ${shownDays.map(([iso, count]) => {
      const performances = v.byDate.get(iso)!;
      // Each batch renders the list again: a day already shown whole is not formatted again (a month of a
      // thousand performances would otherwise be formatted once per batch).
      return guard([performances, count, v.today, v.locale, v.m, v.timeZone], () => {
        const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
        const date: CalendarDate = { year, month, day };
        return html`<li part="day" class="list-day" data-date=${iso} ?data-today=${iso === v.today}>
          <h3><time datetime=${iso}>${dayLabel(date, v.locale)}</time></h3>
          <ul>
            ${performances.slice(0, count).map((p) => html`<li class="entry" data-state=${p.state}>${renderPerformance(v, p, 'list')}</li>`)}
          </ul>
        </li>`;
      });
    })}
  </ul>`;
}
