/**
 * A page object for `<av-series-list>` (as material-web ships `harness.ts` beside each element):
 * the season's series cards a patron sees, without the shadow-DOM plumbing. For tests; not part
 * of the element's bundle.
 *
 *   const season = new AvSeriesListHarness(el);
 *   await season.settled();
 *   season.part(962459, 'logo');
 */
import { AvCardListHarness } from '../../shared/audienceview/cards.harness.js';
import type { AvSeriesList } from './av-series-list.js';

export class AvSeriesListHarness extends AvCardListHarness<AvSeriesList> {
  cards(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part="series"]')];
  }

  ids(): number[] {
    return this.cards().map((c) => Number(c.dataset.productionId));
  }

  card(productionId: number): HTMLElement {
    const card = this.root.querySelector<HTMLElement>(`[part="series"][data-production-id="${productionId}"]`);
    if (!card) throw new Error(`no card for series ${productionId}`);
    return card;
  }

  /** A part of one series' card (`logo`, `dates`, `venue`…). */
  part(productionId: number, part: string): HTMLElement | null {
    return this.card(productionId).querySelector<HTMLElement>(`[part="${part}"]`);
  }
}
