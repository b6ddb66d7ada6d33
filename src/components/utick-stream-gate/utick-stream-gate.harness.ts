/**
 * A page object for `<utick-stream-gate>` (as material-web ships `harness.ts` beside each
 * element): the stream's details, the code form and the player a patron sees, without the
 * shadow-DOM plumbing. For tests; not part of the element's bundle.
 *
 *   const gate = new UtickStreamGateHarness(el);
 *   await gate.settled();
 *   await gate.enter('ABCD-1234');
 *   expect(gate.playerShown()).to.equal(true);
 */
import { ElementHarness } from '../../shared/element-harness.js';
import { lateContentSettled } from '../../shared/late-content.js';
import type { UtickStreamGate } from './utick-stream-gate.js';

export class UtickStreamGateHarness extends ElementHarness<UtickStreamGate> {
  part(name: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  /** A part's text as a person reads it: whitespace collapsed. */
  text(name: string): string {
    return (this.part(name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The slotted player is on screen only when the slot is rendered. */
  playerShown(): boolean {
    return this.root.querySelector('slot') !== null;
  }

  /** Waits until the stream is loaded and no code is being checked. */
  async settled(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await this.el.updateComplete;
      await lateContentSettled();
      if (!this.part('loading') && !this.root.querySelector('[part="submit"][disabled]')) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Types an access code and sends it; resolves once Utick's answer is on screen. */
  async enter(code: string): Promise<void> {
    const input = this.part('input') as HTMLInputElement;
    input.value = code;
    (this.part('submit') as HTMLButtonElement).click();
    await this.el.updateComplete;
    await this.settled();
  }
}
