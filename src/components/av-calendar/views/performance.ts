/** One performance, in the grid (abbreviated) or the list (with its details). */
import { html, nothing } from 'lit';
import type { PerformanceView } from '../../../shared/audienceview/performance.js';
import { vendorHtml } from '../../../shared/sanitize.js';
import { formatInZone, isoDate } from '../../../shared/time-zone.js';
import type { CalendarMessages } from '../av-calendar.messages.types.js';
import type { CalendarView } from './calendar-view.js';

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/**
 * Flat on purpose: one template instance per performance (the optional lines are always there
 * and hidden when empty), because a festival month renders hundreds of them.
 */
export function renderPerformance(v: CalendarView, p: PerformanceView, layout: 'grid' | 'list') {
  const { m } = v;
  const time = (epoch: number) => formatInZone(epoch, v.timeZone, v.locale, TIME);
  const inGrid = layout === 'grid';
  const body = [
    p.allDay ? isoDate(p.date) : new Date(p.start).toISOString(),
    p.allDay ? m.allDay : time(p.start),
    inGrid ? '' : (p.superTitle ?? ''),
    p.productionName,
    p.subTitle ?? '',
    p.state === 'on-sale' ? '' : m.states[p.state],
  ] as const;
  const details = inGrid ? nothing : renderDetails(p, time, m);
  if (p.purchaseUrl) {
    // Links inside the grid are reached with Enter from their day (one tab stop per grid).
    return html`<a
        part="performance"
        class="perf"
        href=${p.purchaseUrl}
        data-performance-id=${p.id}
        data-state=${p.state}
        tabindex=${inGrid ? -1 : nothing}
        @click=${(e: MouseEvent) => v.onPerformanceClick(e, p)}
        ><time datetime=${body[0]}>${body[1]}</time> <span class="super">${body[2]}</span><span class="perf-title">${body[3]}</span
        ><span class="sub">${body[4]}</span><span class="state">${body[5]}</span></a
      >${details}`;
  }
  return html`<div part="performance" class="perf" data-performance-id=${p.id} data-state=${p.state}
    ><time datetime=${body[0]}>${body[1]}</time> <span class="super">${body[2]}</span><span class="perf-title">${body[3]}</span
    ><span class="sub">${body[4]}</span><span class="state">${body[5]}</span
    >${p.messageHtml ? html`<div class="message">${vendorHtml(p.messageHtml)}</div>` : nothing}${details}</div
  >`;
}

/** List view only: notes, door times of all-day events, entry times. */
function renderDetails(p: PerformanceView, time: (epoch: number) => string, m: CalendarMessages) {
  const doors =
    p.allDay && p.doorsOpen !== undefined
      ? `${m.doors} ${time(p.doorsOpen)}${p.doorsClose !== undefined ? ` – ${time(p.doorsClose)}` : ''}`
      : '';
  const entries = p.entryTimes.map((e) => (e.soldOut ? m.entrySoldOut(time(e.start)) : time(e.start)));
  if (!doors && entries.length === 0 && !p.notesHtml) return nothing;
  return html`<div class="details">
    ${doors ? html`<div class="doors">${doors}</div>` : nothing}
    ${entries.length ? html`<div class="entries">${m.entry} ${entries.join(', ')}</div>` : nothing}
    ${p.notesHtml ? html`<div class="notes">${vendorHtml(p.notesHtml)}</div>` : nothing}
  </div>`;
}
