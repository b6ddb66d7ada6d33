/**
 * The base of the elements' page objects (their `*.harness.ts`, as material-web ships one beside
 * each element): the shadow root and queries into it. For tests; not part of any element's bundle.
 */
export class ElementHarness<E extends HTMLElement> {
  constructor(readonly el: E) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  $<T extends Element = HTMLElement>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  /** A boolean, so that a failure message never has to print a DOM node (which stalls the runner). */
  has(selector: string): boolean {
    return this.root.querySelector(selector) !== null;
  }
}
