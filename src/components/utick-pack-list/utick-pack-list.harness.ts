/**
 * A page object for `<utick-pack-list>` (as material-web ships `harness.ts` beside each element):
 * the packs a patron sees, their details and the pager, without the shadow-DOM plumbing. For
 * tests; not part of the element's bundle.
 *
 *   const packs = new UtickPackListHarness(el);
 *   await packs.settled();
 *   await packs.click(packs.pageButton('next'));
 */
import { ElementHarness } from '../../shared/element-harness.js';
import { lateContentSettled } from '../../shared/late-content.js';
import type { UtickPackList } from './utick-pack-list.js';

export class UtickPackListHarness extends ElementHarness<UtickPackList> {
  packs(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part="pack"]')];
  }

  ids(): string[] {
    return this.packs().map((p) => p.dataset.packId!);
  }

  pack(id: string): HTMLElement {
    const found = this.packs().find((p) => p.dataset.packId === id);
    if (!found) throw new Error(`pack ${id} is not shown`);
    return found;
  }

  /** The details toggles ("what is in this pack"), in order. */
  detailsToggles(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[part="details-toggle"]')];
  }

  pageButton(which: 'previous' | 'next'): HTMLButtonElement {
    return this.root.querySelector<HTMLButtonElement>(`[part="pager"] [data-page="${which}"]`)!;
  }

  /** "1–20 of 45", as the pager says it. */
  range(): string {
    return this.root.querySelector('.range')?.textContent?.trim() ?? '';
  }

  error(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part="error"]');
  }

  /** Waits until neither the list nor a pack's details is loading. */
  async settled(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await this.el.updateComplete;
      await lateContentSettled();
      if (!this.root.querySelector('[part="loading"], .details-loading')) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Clicks a button of the list (a pager button, a details toggle) and waits for what it loads. */
  async click(button: HTMLElement): Promise<void> {
    button.click();
    await this.settled();
  }
}
