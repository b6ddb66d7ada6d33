/**
 * The door log's panel, a chunk of its own loaded the first time staff open the log: arrivals in
 * 5-minute bins as a small inline chart (bars with their counts written on them; the same figures
 * in a table for screen readers), the rate now, and the CSV export. It imports only Lit's
 * templates (already on the page) and types: what else it needs, the element hands it.
 */
import type { html as Html, nothing as Nothing, svg as Svg } from 'lit';
import type { MessageLanguage } from '../../../shared/locale.js';
import { buildDoorLogCsv, downloadFile } from '../controllers/door-log-csv.js';
import type { DoorLogEntry } from '../controllers/door-log.types.js';
import { adoptLazyStyles } from './lazy-styles.js';
import type { ScannerView } from './scanner-view.js';

export const BIN_MS = 5 * 60_000;
/** "The rate now": scans a minute over this window. */
export const RATE_WINDOW_MS = 10 * 60_000;
/** The chart shows at most this many bins (two hours), the latest ones. */
export const MAX_BINS = 24;

export interface DoorLogBin {
  start: number;
  admitted: number;
  refused: number;
}

/** Words, numbers and times as the element writes them (its locale, the venue's zone). */
export interface DoorLogFormat {
  language: MessageLanguage;
  count(n: number): string;
  time(epoch: number): string;
  /** Lit's template tags, handed over by the element: imported here, Lit would leave the element's chunk for one shared with this. */
  lit: { html: typeof Html; svg: typeof Svg; nothing: typeof Nothing };
}

/** The door log's words in each message language: here, in the panel's chunk, paid for only when the log is opened. */
const WORDS: Record<MessageLanguage, DoorLogWords> = {
  en: {
    rate: (rate) => `Now: ${rate} scans a minute (last 10 min)`,
    total: (admitted, refused) => `This device: ${admitted} admitted, ${refused} refused`,
    chartCaption: 'Arrivals in 5-minute bins',
    chartKey: 'Solid: admitted. Hatched: refused.',
    binColumn: 'From',
    admitted: 'Admitted',
    refused: 'Refused',
    none: 'No scans on this device yet.',
    exportCsv: 'Export CSV',
    exported: (n, count) => (count === 1 ? 'Exported 1 scan.' : `Exported ${n} scans.`),
  },
  fr: {
    rate: (rate) => `Maintenant : ${rate} scans par minute (10 dernières min)`,
    total: (admitted, refused) => `Cet appareil : ${admitted} admis, ${refused} refusés`,
    chartCaption: 'Arrivées par tranches de 5 minutes',
    chartKey: 'Plein : admis. Hachuré : refusés.',
    binColumn: 'À partir de',
    admitted: 'Admis',
    refused: 'Refusés',
    none: 'Aucun scan sur cet appareil pour l’instant.',
    exportCsv: 'Exporter en CSV',
    exported: (n, count) => (count === 1 ? '1 scan exporté.' : `${n} scans exportés.`),
  },
  nl: {
    rate: (rate) => `Nu: ${rate} scans per minuut (laatste 10 min)`,
    total: (admitted, refused) => `Dit apparaat: ${admitted} toegelaten, ${refused} geweigerd`,
    chartCaption: 'Aankomsten per 5 minuten',
    chartKey: 'Vol: toegelaten. Gearceerd: geweigerd.',
    binColumn: 'Vanaf',
    admitted: 'Toegelaten',
    refused: 'Geweigerd',
    none: 'Nog geen scans op dit apparaat.',
    exportCsv: 'CSV exporteren',
    exported: (n, count) => (count === 1 ? '1 scan geëxporteerd.' : `${n} scans geëxporteerd.`),
  },
  de: {
    rate: (rate) => `Jetzt: ${rate} Scans pro Minute (letzte 10 Min.)`,
    total: (admitted, refused) => `Dieses Gerät: ${admitted} eingelassen, ${refused} abgewiesen`,
    chartCaption: 'Ankünfte in 5-Minuten-Intervallen',
    chartKey: 'Voll: eingelassen. Schraffiert: abgewiesen.',
    binColumn: 'Ab',
    admitted: 'Eingelassen',
    refused: 'Abgewiesen',
    none: 'Noch keine Scans auf diesem Gerät.',
    exportCsv: 'Als CSV exportieren',
    exported: (n, count) => (count === 1 ? '1 Scan exportiert.' : `${n} Scans exportiert.`),
  },
  es: {
    rate: (rate) => `Ahora: ${rate} escaneos por minuto (últimos 10 min)`,
    total: (admitted, refused) => `Este dispositivo: ${admitted} admitidos, ${refused} rechazados`,
    chartCaption: 'Llegadas en intervalos de 5 minutos',
    chartKey: 'Relleno: admitidos. Rayado: rechazados.',
    binColumn: 'Desde',
    admitted: 'Admitidos',
    refused: 'Rechazados',
    none: 'Todavía no hay escaneos en este dispositivo.',
    exportCsv: 'Exportar CSV',
    exported: (n, count) => (count === 1 ? '1 escaneo exportado.' : `${n} escaneos exportados.`),
  },
};

interface DoorLogWords {
  rate: (rate: string) => string;
  total: (admitted: string, refused: string) => string;
  chartCaption: string;
  chartKey: string;
  binColumn: string;
  admitted: string;
  refused: string;
  none: string;
  exportCsv: string;
  /** `n`: the count as the locale writes it. */
  exported: (n: string, count: number) => string;
}

const CHART_W = 320;
const CHART_H = 96;
const AXIS_H = 16;

/** Arrivals (admitted) and refusals in 5-minute bins on the clock, from the first scan (at most `MAX_BINS`, the latest). */
export function doorLogBins(entries: DoorLogEntry[], now = Date.now()): DoorLogBin[] {
  if (!entries.length) return [];
  const last = Math.floor(now / BIN_MS) * BIN_MS;
  const first = Math.max(Math.floor(entries[0]!.scannedAt / BIN_MS) * BIN_MS, last - (MAX_BINS - 1) * BIN_MS);
  const bins: DoorLogBin[] = [];
  for (let start = first; start <= last; start += BIN_MS) bins.push({ start, admitted: 0, refused: 0 });
  for (const entry of entries) {
    const bin = bins[Math.floor((entry.scannedAt - first) / BIN_MS)];
    if (bin) bin[entry.verdict === 'valid' ? 'admitted' : 'refused']++;
  }
  return bins;
}

/** Scans a minute over the last 10 minutes. */
export function rateNow(entries: DoorLogEntry[], now = Date.now()): number {
  return entries.filter((entry) => entry.scannedAt > now - RATE_WINDOW_MS && entry.scannedAt <= now).length / (RATE_WINDOW_MS / 60_000);
}

export function renderDoorLogPanel(s: ScannerView, locale: string, format: DoorLogFormat, now = Date.now()) {
  adoptLazyStyles(s.renderRoot, 'door-log', STYLES);
  const { html, nothing } = format.lit;
  const words = WORDS[format.language];
  const entries = s.doorLog.entries;
  const admitted = entries.filter((entry) => entry.verdict === 'valid').length;
  const bins = doorLogBins(entries, now);
  const rate = rateNow(entries, now).toLocaleString(locale, { maximumFractionDigits: 1 });
  return html`${entries.length
      ? html`<p class="door-log-rate" part="door-log-rate">${words.rate(rate)}</p>
          <p class="door-log-total">${words.total(format.count(admitted), format.count(entries.length - admitted))}</p>
          <figure class="door-log-chart">
            ${renderChart(bins, format)}
            <figcaption>${words.chartCaption}. ${words.chartKey}</figcaption>
          </figure>
          <table class="sr-only" part="door-log-table">
            <caption>${words.chartCaption}</caption>
            <thead><tr><th scope="col">${words.binColumn}</th><th scope="col">${words.admitted}</th><th scope="col">${words.refused}</th></tr></thead>
            <tbody>
              ${bins.map((bin) => html`<tr><th scope="row">${format.time(bin.start)}</th><td>${bin.admitted}</td><td>${bin.refused}</td></tr>`)}
            </tbody>
          </table>`
      : html`<p>${words.none}</p>`}
    <button type="button" class="door-log-export" ?disabled=${!entries.length} @click=${() => void exportLog(s, format)}>${words.exportCsv}</button>
    <p class="door-log-note" role="status">${s.doorLog.note ?? nothing}</p>`;
}

/** Bars of admitted scans, each with its count above it; refusals as a hatched cap (shape, not only colour). */
function renderChart(bins: DoorLogBin[], format: DoorLogFormat) {
  const { html, svg, nothing } = format.lit;
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
        ${i % labelEvery === 0 ? svg`<text class="tick" x=${x + barW / 2} y=${CHART_H - 3} text-anchor="middle">${format.time(bin.start)}</text>` : nothing}
      </g>`;
    })}
  </svg>`;
}

async function exportLog(s: ScannerView, format: DoorLogFormat): Promise<void> {
  const entries = s.doorLog.entries;
  const filter = s.filter;
  const file = await buildDoorLogCsv(entries, s.doorLog.kit, {
    timeZone: s.timeZone,
    patronNames: s.exportPatronNames && !s.hidePatronNames,
    name: `door-log-${filter?.performanceId ?? filter?.productionId ?? 'all'}.csv`,
  });
  downloadFile(file, s.renderRoot);
  s.doorLog.note = WORDS[format.language].exported(format.count(entries.length), entries.length);
  s.requestUpdate();
}

/** The panel's styles, adopted when it first shows. */
const STYLES = `
.door-log-chart{margin:.5rem 0}
.door-log-chart figcaption{font-size:.8125rem}
.door-log svg .admitted{fill:var(--av-accent,#1d4ed8)}
.door-log svg .refused-bg{fill:none}
.door-log svg .refused-line{stroke:currentColor;stroke-width:2}
.door-log svg .refused{stroke:currentColor;stroke-width:.75}
.door-log svg .axis{stroke:currentColor}
.door-log svg text{fill:currentColor;font-size:10px}
.door-log-note:empty{display:none}`;
