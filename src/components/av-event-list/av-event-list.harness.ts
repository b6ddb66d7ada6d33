/**
 * A page object for `<av-event-list>` (as material-web ships `harness.ts` beside each element):
 * the performances a patron sees, without the shadow-DOM plumbing. For tests; not part of the
 * element's bundle.
 *
 *   const list = new AvEventListHarness(el);
 *   await list.settled();
 *   expect(list.ids()).to.deep.equal([…]);
 */
import { AvCardListHarness } from '../../shared/audienceview/cards.harness.js';
import type { AvEventList } from './av-event-list.js';

export class AvEventListHarness extends AvCardListHarness<AvEventList> {
  performances(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part="performance"]')];
  }

  ids(): number[] {
    return this.performances().map((p) => Number(p.dataset.performanceId));
  }

  performance(id: number): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part="performance"][data-performance-id="${id}"]`);
  }

  /** The whole card of a performance: the performance part and its details. */
  card(id: number): HTMLElement {
    const p = this.performance(id);
    if (!p) throw new Error(`performance ${id} is not shown`);
    return p.closest('li')!;
  }

  time(id: number): HTMLTimeElement {
    return this.performance(id)!.querySelector<HTMLTimeElement>('time.time')!;
  }
}
