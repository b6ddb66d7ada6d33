/** A verdict (full screen when fresh) and a scan that got none. */
import { html, nothing, svg } from 'lit';
import { renderErrorView } from '../../../shared/error-view.js';
import { formatCount } from '../../../shared/locale.js';
import { vendorHtml } from '../../../shared/sanitize.js';
import type { ShownVerdict } from '../controllers/scan-verdict.js';
import type { ScannerMessages, Verdict } from '../ticket-scanner.messages.js';
import { VENDOR, timeOf, type ScannerView } from './scanner-view.js';

export function renderVerdict(s: ScannerView, v: ShownVerdict, m: ScannerMessages, locale: string) {
  const rows: Array<[string, string]> = [];
  if (v.name && !s.hidePatronNames) rows.push([m.name, v.name]);
  if (v.section) rows.push([m.section, v.section]);
  if (v.seat) rows.push([m.seat, v.seat]);
  if (v.ticketsScanned !== undefined && v.ticketsSold !== undefined) rows.push([m.scanned, m.scannedOfSold(formatCount(v.ticketsScanned, locale), formatCount(v.ticketsSold, locale))]);
  // Fresh, it covers the whole scanner (the door app's whole screen) in its colour; a tap anywhere
  // on it, or Escape, steps it back at once. Focus stays in the entry field, so a gun or a typed
  // code goes on working underneath.
  return html`<section
    part="verdict"
    class="verdict ${s.verdicts.settled ? 'settled' : 'fresh'}"
    data-verdict=${v.verdict}
    ?data-offline=${v.offline}
    aria-labelledby="verdict-title"
    @click=${() => s.verdicts.settle()}
  >
    <div class="verdict-content">
    <span class="icon" aria-hidden="true">${VERDICT_ICONS[v.verdict]}</span>
    <div class="verdict-body">
      <h2 id="verdict-title" class="verdict-title">${m.verdicts[v.verdict]}</h2>
      <p class="verdict-hint">${m.verdictHints[v.verdict]}</p>
      ${v.offline ? html`<p class="offline-mark"><strong>${m.checkedOffline}</strong>${v.reason ? html` · ${v.reason}` : nothing}</p>` : nothing}
      ${rows.length ? html`<dl class="facts">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>` : nothing}
      ${v.vendorHtml && !s.hidePatronNames // AudienceView's banner names the patron
        ? html`<div class="vendor-message">${vendorHtml(v.vendorHtml)}</div>`
        : html`${v.performance ? html`<p class="performance">${v.performance}</p>` : nothing}${!v.offline && v.reason ? html`<p class="reason">${v.reason}</p>` : nothing}`}
      <p class="meta"><code>${v.barcode}</code> · <time datetime=${new Date(v.scannedAt).toISOString()}>${timeOf(s, v.scannedAt, locale, true)}</time></p>
    </div>
    </div>
  </section>`;
}

export function renderUnchecked(u: { barcode: string; error: Error }, m: ScannerMessages, locale: string) {
  return html`<div class="unchecked">
    <h2 class="verdict-title">${m.notCheckedTitle}</h2>
    <p>${m.notChecked}</p>
    ${renderErrorView(u.error, { locale, vendorName: VENDOR })}
    <p class="meta"><code>${u.barcode}</code></p>
  </div>`;
}
/** Text and icon, not colour alone: a tick, a double tick, a cross, a question mark. */
const icon = (path: string) =>
  svg`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"><path d=${path} /></svg>`;
const VERDICT_ICONS: Record<Verdict, ReturnType<typeof icon>> = {
  valid: icon('M4.5 12.5l5 5L19.5 6.5'),
  duplicate: icon('M2.5 12.5l4 4 9-9.5M10.5 16l.5.5 9.5-9.5'),
  invalid: icon('M6 6l12 12M18 6L6 18'),
  unknown: icon('M8.5 8.5a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3v.8M12 19v.01'),
};
