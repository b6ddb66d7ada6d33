/**
 * The door log's fold: folded by default (the door's eyes belong on the verdict), its panel
 * (views/door-log-panel.ts, a chunk of its own) fetched the first time staff open it.
 */
import { html, nothing, svg } from 'lit';
import { lateChunk } from '../../../shared/late-content.js';
import { formatCount, messageLanguage } from '../../../shared/locale.js';
import type { ScannerMessages } from '../ticket-scanner.messages.js';
import { timeOf, type ScannerView } from './scanner-view.js';

/** The panel's module (one for every scanner on the page); offline before it was cached, the next opening tries again. */
const panelChunk = lateChunk(() => import('./door-log-panel.js'));

function openPanel(s: ScannerView): void {
  panelChunk.load().then(
    () => s.requestUpdate(),
    (error: unknown) => s.report(error),
  );
}

export function renderDoorLog(s: ScannerView, m: ScannerMessages, locale: string) {
  return html`<details part="door-log" class="door-log" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && openPanel(s)}>
    <summary>${m.doorLog}</summary>
    ${panelChunk.module ? panelChunk.module.renderDoorLogPanel(s, locale, { language: messageLanguage(locale), count: (n) => formatCount(n, locale), time: (epoch) => timeOf(s, epoch, locale), lit: { html, svg, nothing } }) : nothing}
  </details>`;
}
