/**
 * The door log's panel: arrivals in 5-minute bins as a small inline chart (bars with their
 * counts written on them; the same figures in a table for screen readers), the rate now, and the
 * CSV export. Folded by default: the door's eyes belong on the verdict.
 */
import { css, html, nothing, svg } from 'lit';
import { formatCount } from '../../../shared/locale.js';
import type { DoorLogBin } from '../controllers/door-log.js';
import type { ScannerView } from './scanner-view.js';
import { timeOf } from './scanner-view.js';

/** The door log's words (English; the panel is for venue staff's records). */
const WORDS = {
  title: 'Door log',
  rate: (rate: string) => `Now: ${rate} scans a minute (last 10 min)`,
  total: (admitted: string, refused: string) => `This device: ${admitted} admitted, ${refused} refused`,
  chartCaption: 'Arrivals in 5-minute bins',
  chartKey: 'Solid: admitted. Hatched: refused.',
  binColumn: 'From',
  admitted: 'Admitted',
  refused: 'Refused',
  none: 'No scans on this device yet.',
  exportCsv: 'Export CSV',
  exported: (n: string) => `Exported ${n} scans.`,
};

const CHART_W = 320;
const CHART_H = 96;
const AXIS_H = 16;

export function renderDoorLog(s: ScannerView, locale: string, now = Date.now()) {
  const entries = s.doorLog.entries;
  const admitted = entries.filter((entry) => entry.verdict === 'valid').length;
  const bins = s.doorLog.bins(now);
  const rate = s.doorLog.rateNow(now).toLocaleString(locale, { maximumFractionDigits: 1 });
  return html`<details part="door-log" class="door-log">
    <summary>${WORDS.title}</summary>
    ${entries.length
      ? html`<p class="door-log-rate" part="door-log-rate">${WORDS.rate(rate)}</p>
          <p class="door-log-total">${WORDS.total(formatCount(admitted, locale), formatCount(entries.length - admitted, locale))}</p>
          <figure class="door-log-chart">
            ${renderChart(s, bins, locale)}
            <figcaption>${WORDS.chartCaption}. ${WORDS.chartKey}</figcaption>
          </figure>
          <table class="sr-only" part="door-log-table">
            <caption>${WORDS.chartCaption}</caption>
            <thead><tr><th scope="col">${WORDS.binColumn}</th><th scope="col">${WORDS.admitted}</th><th scope="col">${WORDS.refused}</th></tr></thead>
            <tbody>
              ${bins.map((bin) => html`<tr><th scope="row">${timeOf(s, bin.start, locale)}</th><td>${bin.admitted}</td><td>${bin.refused}</td></tr>`)}
            </tbody>
          </table>`
      : html`<p>${WORDS.none}</p>`}
    <button type="button" class="door-log-export" ?disabled=${!entries.length} @click=${() => void exportLog(s, locale)}>${WORDS.exportCsv}</button>
    <p class="door-log-note" role="status">${s.doorLogNote ?? nothing}</p>
  </details>`;
}

/** Bars of admitted scans, each with its count above it; refusals as a hatched cap (shape, not only colour). */
function renderChart(s: ScannerView, bins: DoorLogBin[], locale: string) {
  const most = Math.max(1, ...bins.map((bin) => bin.admitted + bin.refused));
  const slot = CHART_W / Math.max(bins.length, 6);
  const barW = Math.max(4, slot * 0.7);
  const plotH = CHART_H - AXIS_H - 12;
  const y = (n: number) => CHART_H - AXIS_H - (n / most) * plotH;
  const labelEvery = Math.ceil(bins.length / 4);
  return html`<svg viewBox="0 0 ${CHART_W} ${CHART_H}" width="100%" role="img" aria-hidden="true" focusable="false" part="door-log-chart">
    <defs>
      <pattern id="door-log-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="4" height="4" class="refused-bg"></rect><line x1="0" y1="0" x2="0" y2="4" class="refused-line"></line>
      </pattern>
    </defs>
    <line x1="0" x2=${CHART_W} y1=${CHART_H - AXIS_H} y2=${CHART_H - AXIS_H} class="axis"></line>
    ${bins.map((bin, i) => {
      const x = i * slot + (slot - barW) / 2;
      const total = bin.admitted + bin.refused;
      return svg`<g data-start=${bin.start}>
        <rect class="admitted" x=${x} width=${barW} y=${y(bin.admitted)} height=${CHART_H - AXIS_H - y(bin.admitted)}></rect>
        ${bin.refused ? svg`<rect class="refused" fill="url(#door-log-hatch)" x=${x} width=${barW} y=${y(total)} height=${y(bin.admitted) - y(total)}></rect>` : nothing}
        ${total ? svg`<text class="count" x=${x + barW / 2} y=${y(total) - 2} text-anchor="middle">${total}</text>` : nothing}
        ${i % labelEvery === 0 ? svg`<text class="tick" x=${x + barW / 2} y=${CHART_H - 3} text-anchor="middle">${timeOf(s, bin.start, locale)}</text>` : nothing}
      </g>`;
    })}
  </svg>`;
}

async function exportLog(s: ScannerView, locale: string): Promise<void> {
  const file = await s.doorLog.exportCsv({ timeZone: s.timeZone, patronNames: s.exportPatronNames && !s.hidePatronNames });
  s.doorLogNote = WORDS.exported(formatCount(s.doorLog.entries.length, locale));
  s.requestUpdate();
  void file;
}

export const doorLogStyles = css`
  .door-log {
    margin-block: 0.75rem;
  }
  .door-log summary {
    cursor: pointer;
    font-weight: 600;
    padding-block: 0.625rem;
  }
  .door-log-chart {
    margin: 0.5rem 0;
  }
  .door-log-chart figcaption {
    font-size: 0.8125rem;
  }
  .door-log svg .admitted {
    fill: var(--av-accent, #1d4ed8);
  }
  .door-log svg .refused-bg {
    fill: none;
  }
  .door-log svg .refused-line {
    stroke: currentColor;
    stroke-width: 2;
  }
  .door-log svg .refused {
    stroke: currentColor;
    stroke-width: 0.75;
  }
  .door-log svg .axis {
    stroke: currentColor;
  }
  .door-log svg text {
    fill: currentColor;
    font-size: 10px;
  }
  .door-log-note:empty {
    display: none;
  }
`;
