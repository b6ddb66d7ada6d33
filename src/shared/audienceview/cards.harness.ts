/**
 * What the page objects of `<av-event-list>` and `<av-series-list>` share (their harness.ts files
 * extend it): the shadow root, the error view, and waiting for the answer. For tests; not part of
 * any element's bundle.
 */
import { cardListSettled } from '../../../test/av-card-list.js';
import { ElementHarness } from '../element-harness.js';

export class AvCardListHarness<E extends HTMLElement> extends ElementHarness<E> {
  /** The error view, if the answer could not be had. */
  error(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part="error"]');
  }

  /** Waits until the answer, an error or "nothing" is on screen, with the late chunks in. */
  settled(): Promise<void> {
    return cardListSettled(this.el);
  }
}
