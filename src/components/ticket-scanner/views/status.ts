/** The status line (online or offline, scans waiting, how fresh the tickets are) and the scans AudienceView refused. */
import { html, nothing } from 'lit';
import type { ScannerMessages } from '../ticket-scanner.messages.js';
import { performanceLabel, timeOf, type ScannerView } from './scanner-view.js';

/** Passwords expiring within this many days get a warning. */
const PASSWORD_WARNING_DAYS = 14;

export function renderStatus(s: ScannerView, m: ScannerMessages, locale: string) {
  const connection = s.connection.state;
  const label = s.mode === 'online' ? m.onlineOnly : s.mode === 'offline' ? m.offlineByChoice : connection === 'online' ? m.online : m.offline;
  return html`<div part="sync-status" class="status" data-connection=${connection} data-pending=${s.sync.pending}>
    <span class="dot" aria-hidden="true"></span>
    <span class="connection">${label}</span>
    <span class="pending">${s.sync.pending > 0 ? m.waiting(s.sync.pending) : m.allSent}</span>
    ${s.sync.pending > 0 && s.session.current && connection === 'online'
      ? html`<button type="button" class="link send-now" @click=${() => s.sync.syncNow()}>${m.sendNow}</button>`
      : nothing}
    ${renderFreshness(s, m, locale)}
  </div>`;
}

/**
 * "Tickets updated 2 minutes ago · next update in 1 minute": how much of what the other doors
 * admitted this device knows. Its words change once a minute (the cache controller's clock), and
 * are not a live region, so a screen reader is not told the time every minute; a failed refresh
 * is announced, politely, by the note beside it (a live region present before it fills).
 */
export function renderFreshness(s: ScannerView, m: ScannerMessages, locale: string) {
  const list = s.phase === 'scanning' && s.mode !== 'online' ? s.tickets.current() : undefined;
  if (!list) return nothing;
  const state = s.tickets.freshness();
  const now = Date.now();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const age = Math.max(0, now - list.downloadedAt);
  const ago = age < 60_000 ? m.justNow : age < 3_600_000 ? relative.format(-Math.floor(age / 60_000), 'minute') : relative.format(-Math.floor(age / 3_600_000), 'hour');
  const next = s.tickets.nextRefreshAt;
  const after =
    state === 'updating'
      ? m.updatingNow
      : state === 'fresh' && next !== undefined && next > now
        ? m.nextUpdate(relative.format(Math.ceil((next - now) / 60_000), 'minute'))
        : undefined;
  return html`<span part="freshness" class="freshness" data-state=${state}>
    <span class="age">${m.ticketsUpdated(ago)}${after ? ` · ${after}` : nothing}</span>
    <span class="note" role="status">${state === 'failed' ? m.updateFailed : nothing}</span>
  </span>`;
}

export function renderFailed(s: ScannerView, m: ScannerMessages, locale: string) {
  if (s.sync.failed.length === 0) return nothing;
  const doubleAdmissions = s.sync.failed.filter((f) => f.conflict).length;
  return html`<section part="failed" class="failed" aria-labelledby="failed-title">
    <h2 id="failed-title">${m.failedTitle}</h2>
    ${doubleAdmissions > 0 ? html`<p part="double-admissions" class="double-admissions" role="alert">${m.doubleAdmissions(doubleAdmissions)}</p>` : nothing}
    <ul>
      ${s.sync.failed.map(
        (f) => html`<li data-barcode=${f.barcode} ?data-conflict=${f.conflict}>
          <code class="barcode">${f.barcode}</code>
          ${f.conflict ? html`<strong class="conflict">${m.conflict}</strong>` : nothing}
          <span class="reason">${f.reason}</span>
          ${f.ticket ? html`<span class="ticket">${[f.ticket.orderConsumerName, f.ticket.section, f.ticket.seat].filter((part) => part).join(' · ')}</span>` : nothing}
          <time datetime=${new Date(f.scanTime).toISOString()}>${timeOf(s, f.scanTime, locale)}</time>
          <button type="button" aria-label=${m.acknowledgeLabel(f.barcode)} @click=${() => s.sync.acknowledge(f.barcode)}>${m.acknowledge}</button>
        </li>`,
      )}
    </ul>
  </section>`;
}
/** The storage the browser deleted, the disk-full warning and the password expiry warning. */
export function renderNotices(s: ScannerView, m: ScannerMessages, locale: string) {
  const days = s.session.passwordDays;
  const lost = s.storage.lost;
  return html`${lost
      ? html`<div part="notice" class="notice storage-lost" role="alert">
          <span>${m.storageLost(lost.waiting, performanceLabel(s, lost.lastSeenAt, locale))}</span>
          <button type="button" class="link" @click=${() => s.storage.acknowledge()}>${m.acknowledge}</button>
        </div>`
      : nothing}
    ${s.sync.storageFull ? html`<div part="notice" class="notice storage-full" role="alert">${m.storageFull}</div>` : nothing}
    ${s.session.current && days !== null && days <= PASSWORD_WARNING_DAYS
      ? html`<div part="notice" class="notice" role="status">
          <span>${m.passwordExpiresSoon(days)}</span>
          <button
            type="button"
            class="link"
            @click=${() => {
              s.session.passwordDays = null;
              s.requestUpdate();
            }}
          >
            ${m.dismiss}
          </button>
        </div>`
      : nothing}`;
}
