/**
 * The door log's fold: folded by default (the door's eyes belong on the verdict), its panel
 * (views/door-log-panel.ts, a chunk of its own) fetched the first time staff open it.
 */
import { html, nothing, svg } from 'lit';
import { formatCount } from '../../../shared/locale.js';
import { timeOf, type ScannerView } from './scanner-view.js';

/** The panel's module, once fetched (one for every scanner on the page). */
let panel: typeof import('./door-log-panel.js') | undefined;
let loading: Promise<unknown> | undefined;

function openPanel(s: ScannerView): void {
  loading ??= import('./door-log-panel.js').then(
    (loaded) => (panel = loaded),
    (error: unknown) => {
      loading = undefined; // offline before the chunk was cached: the next opening tries again
      s.report(error);
    },
  );
  void loading.then(() => s.requestUpdate());
}

export function renderDoorLog(s: ScannerView, locale: string) {
  return html`<details part="door-log" class="door-log" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && openPanel(s)}>
    <summary>Door log</summary>
    ${panel ? panel.renderDoorLogPanel(s, locale, { count: (n) => formatCount(n, locale), time: (epoch) => timeOf(s, epoch, locale), lit: { html, svg, nothing } }) : nothing}
  </details>`;
}
