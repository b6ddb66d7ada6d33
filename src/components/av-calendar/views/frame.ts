/** Around the month: the header with its controls, the loading skeleton and the vendor's notice. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CalendarResponse } from '../../../api/audienceview/types.js';
import { warningTexts } from '../../../shared/audienceview/performance.js';
import { vendorHtml } from '../../../shared/sanitize.js';
import type { CalendarMessages } from '../av-calendar.messages.types.js';
import { formatDate, gridFrame, type MonthRef } from './calendar-view.js';

const MONTH_TITLE: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };

export interface HeaderActions {
  step(delta: number): void;
  /** The patron reaches for an arrow (hover, focus, touch): its month can be fetched ahead. */
  reach(delta: number): void;
  goToToday(): void;
}

export function renderHeader(visible: MonthRef, locale: string, m: CalendarMessages, actions: HeaderActions) {
  const title = formatDate({ ...visible, day: 1 }, locale, MONTH_TITLE);
  return html`<div part="header" class="header">
    <h2 part="title" class="title" id="title" aria-live="polite">${title}</h2>
    <div part="nav" class="nav" role="group" aria-label=${m.navigation}>
      <button type="button" class="prev" aria-label=${m.previousMonth} title=${m.previousMonth} @click=${() => actions.step(-1)} @pointerenter=${() => actions.reach(-1)} @focus=${() => actions.reach(-1)}>
        <span class="arrow" aria-hidden="true">‹</span>
      </button>
      <button type="button" class="today" @click=${() => actions.goToToday()}>${m.today}</button>
      <button type="button" class="next" aria-label=${m.nextMonth} title=${m.nextMonth} @click=${() => actions.step(1)} @pointerenter=${() => actions.reach(1)} @focus=${() => actions.reach(1)}>
        <span class="arrow" aria-hidden="true">›</span>
      </button>
    </div>
  </div>`;
}

/**
 * The skeleton takes the size of what replaces it, so nothing under the calendar moves when the
 * answer arrives: in the grid, the month's own frame (weekday row, its weeks, the days' height);
 * in the list, the rest of the screen (a month's list is longer than that, and grows below the fold).
 */
export function renderLoading(m: CalendarMessages, listView: boolean, visible: MonthRef) {
  const label = html`<span class="sr-only">${m.loading}</span>`;
  if (listView) {
    return html`<div part="loading" class="loading as-list" role="status" aria-busy="true" aria-live="polite">
      ${label}${Array.from({ length: 4 }, () => html`<div class="bone" aria-hidden="true"></div>`)}
    </div>`;
  }
  const { weeks } = gridFrame(visible.year, visible.month);
  const days = (cell: TemplateResult) => html`<div class="row">${Array.from({ length: 7 }, () => cell)}</div>`;
  return html`<div part="loading" class="loading" role="status" aria-busy="true" aria-live="polite">
    ${label}
    <div class="grid" aria-hidden="true">
      ${days(html`<div class="colhead">&nbsp;</div>`)}
      ${Array.from({ length: weeks }, () => days(html`<div class="day"><span class="bone"></span></div>`))}
    </div>
  </div>`;
}

export function renderNotice(answer: CalendarResponse, m: CalendarMessages) {
  const warnings = warningTexts(answer);
  if (warnings.length === 0) return nothing;
  return html`<div part="notice" class="notice" role="status">
    <strong>${m.vendorNotice}</strong> ${warnings.map((w) => html`<span>${vendorHtml(w)}</span> `)}
  </div>`;
}
