/** The scanning screen: what is scanned, the camera, the verdict, the entry, the last scans and the downloaded tickets. */
import { html, nothing } from 'lit';
import { renderErrorView } from '../../../shared/error-view.js';
import { formatCount } from '../../../shared/locale.js';
import { performancesOf } from '../controllers/scan-choice.js';
import type { ScannerMessages } from '../ticket-scanner.messages.js';
import { VENDOR, performanceLabel, timeOf, type ScannerView } from './scanner-view.js';
import { renderDoorLog } from './door-log.js';
import { renderUnchecked, renderVerdict } from './verdict.js';

export function renderScanning(s: ScannerView, m: ScannerMessages, locale: string) {
  return html`<div class="scan-view">
    ${renderContext(s, m, locale)}
    ${s.input.camera.render(m, locale)}
    <div class="stage" role="status" aria-live="polite" aria-atomic="true" aria-busy=${s.verdicts.checking ? 'true' : 'false'}>
      ${s.verdicts.verdict ? renderVerdict(s, s.verdicts.verdict, m, locale) : nothing}
      ${s.verdicts.unchecked ? renderUnchecked(s.verdicts.unchecked, m, locale) : nothing}
      ${(!s.verdicts.verdict || s.verdicts.settled) && !s.verdicts.unchecked ? html`<p class="ready">${m.ready}</p>` : nothing}
    </div>
    <form part="entry" class="entry" novalidate @submit=${(e: SubmitEvent) => s.verdicts.submitEntry(e)}>
      <label for="barcode">${m.barcode}</label>
      <div class="entry-row">
        <input
          id="barcode"
          name="barcode"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          autocorrect="off"
          spellcheck="false"
          enterkeyhint="go"
          aria-invalid=${s.verdicts.entryError ? 'true' : 'false'}
          aria-describedby=${s.verdicts.entryError ? 'barcode-problem' : nothing}
        />
        <button type="submit" class="primary">${m.check}</button>
      </div>
      ${s.verdicts.entryError ? html`<p id="barcode-problem" class="field-problem" role="alert">${s.verdicts.entryError}</p>` : nothing}
    </form>
    ${renderRecent(s, m, locale)}
    ${renderDoorLog(s, m, locale)}
    ${s.mode === 'online' ? nothing : renderCache(s, m, locale)}
  </div>`;
}

export function renderRecent(s: ScannerView, m: ScannerMessages, locale: string) {
  return html`<section part="history" class="history" aria-labelledby="recent-title">
    <div class="history-head">
      <h3 id="recent-title">${m.recentScans}</h3>
      <button type="button" class="sound" aria-pressed=${s.sound ? 'true' : 'false'} @click=${() => (s.sound = !s.sound)}>${m.sound}</button>
    </div>
    ${renderDoorCount(s, m, locale)}
    <p class="tally">${m.sessionTally(formatCount(s.verdicts.tally.admitted, locale), formatCount(s.verdicts.tally.refused, locale))}</p>
    ${s.verdicts.recent.length
      ? html`<ol class="recent">
          ${s.verdicts.recent.map(
            (scan) => html`<li data-verdict=${scan.verdict}>
              <span class="mark" aria-hidden="true"></span><span class="what">${m.verdicts[scan.verdict]}</span>
              <code>${scan.barcode}</code> <time datetime=${new Date(scan.scannedAt).toISOString()}>${timeOf(s, scan.scannedAt, locale, true)}</time>
            </li>`,
          )}
        </ol>`
      : nothing}
  </section>`;
}

export function renderDoorCount(s: ScannerView, m: ScannerMessages, locale: string) {
  const count = s.mode !== 'online' ? s.tickets.current()?.doorCount : undefined;
  if (!count) return nothing;
  return html`<p part="door-count" class="door-count">${m.doorCount(formatCount(count.admitted, locale), formatCount(count.admissible, locale))}</p>`;
}

export function renderContext(s: ScannerView, m: ScannerMessages, locale: string) {
  const f = s.filter!;
  const client = s.choice.options?.find((c) => c.id === f.clientId);
  const production = client?.productions?.find((p) => p.productionId === f.productionId);
  const performance = performancesOf(s.choice.options, f).find((p) => p.performanceId === f.performanceId);
  const parts = [
    client?.value ?? (s.choice.options ? undefined : m.unnamed('client', f.clientId)),
    f.productionId === null ? m.allProductions : (production?.productionName ?? m.unnamed('production', f.productionId)),
    f.performanceId === null
      ? f.productionId === null
        ? undefined
        : m.allPerformances
      : performance
        ? performanceLabel(s, performance.performanceStart, locale)
        : m.unnamed('performance', f.performanceId),
  ].filter((part): part is string => !!part);
  return html`<div part="context" class="context">
    <div class="what-row">
      <p class="what"><span class="sr-only">${m.scanningFor}: </span>${parts.join(' · ')}</p>
      <button type="button" class="change" @click=${() => s.choice.change()}>${m.change}</button>
    </div>
    <div class="who">
      <span class="user">${s.session.current ? m.signedInAs(s.session.current.username) : nothing}</span>
      <button type="button" class="sign-out" @click=${() => void s.session.signOut(false)}>${m.signOut}</button>
    </div>
  </div>`;
}

export function renderCache(s: ScannerView, m: ScannerMessages, locale: string) {
  const cache = s.tickets.current();
  const download = s.tickets.progress;
  // Offline, or overdue (its refresh failed or could not run): tickets admitted elsewhere since are not in it.
  const stale = cache && (s.connection.state === 'offline' || Date.now() - cache.downloadedAt > s.tickets.cadenceMs());
  return html`<section part="cache" class="cache" aria-labelledby="cache-title">
    <h2 id="cache-title">${m.cacheTitle}</h2>
    ${download
      ? html`<div class="progress">
          <label for="download-progress">${m.downloading}</label>
          <progress
            id="download-progress"
            part="progress"
            max=${download.totalBytes ?? nothing}
            value=${download.totalBytes ? download.bytes : nothing}
          ></progress>
          <span class="count">${m.downloaded(formatCount(download.tickets, locale))}</span>
        </div>`
      : nothing}
    ${cache
      ? html`<p class="cache-info">${m.cacheFrom(timeOf(s, cache.downloadedAt, locale), formatCount(cache.tickets, locale))}</p>
          ${stale ? html`<p class="stale">${m.cacheStale}</p>` : nothing}`
      : download
        ? nothing
        : html`<p class="cache-info">${m.noCache}</p>`}
    ${s.tickets.error && !download
      ? renderErrorView(s.tickets.error, { locale, vendorName: VENDOR })
      : nothing}
    <button type="button" class="refresh" ?disabled=${!!download || !s.session.current} @click=${() => void s.tickets.refresh()}>${m.refreshCache}</button>
  </section>`;
}