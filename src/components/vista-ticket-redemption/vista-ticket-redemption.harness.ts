/**
 * A page object for `<vista-ticket-redemption>` (as material-web ships `harness.ts` beside each
 * element): what a patron sees and does with their cards, without the shadow-DOM plumbing. For
 * tests; not part of the element's bundle.
 *
 *   const redemption = new VistaTicketRedemptionHarness(el);
 *   await redemption.settled();
 *   await redemption.useCard(cardId);
 *   redemption.stepUp(cardId);
 *   await redemption.confirmTickets();
 */
import { waitUntil } from '@open-wc/testing';
import { ElementHarness } from '../../shared/element-harness.js';
import { lateContentSettled } from '../../shared/late-content.js';
import type { VistaTicketRedemption } from './vista-ticket-redemption.js';

/** An element's text as a person reads it: whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export class VistaTicketRedemptionHarness extends ElementHarness<VistaTicketRedemption> {
  $$<E extends Element = HTMLElement>(selector: string): E[] {
    return [...this.root.querySelectorAll<E>(selector)];
  }

  text(selector: string): string {
    return textOf(this.$(selector));
  }

  /** The ids of the member's cards listed, in order. */
  get cardIds(): string[] {
    return this.$$('[part="card"]').map((c) => c.dataset['cardId']!);
  }

  /** One of the member's cards, by id (compared, not put in a selector: a vendor's id may hold anything). */
  card(id: string): HTMLElement {
    return this.$$('[part="card"]').find((c) => c.dataset['cardId'] === id)!;
  }

  /** The card offers "Use this card" (it is active and not in use yet). */
  canUse(id: string): boolean {
    return this.card(id)?.querySelector('[part="use-card"]') != null;
  }

  /** A card in use (added to the order), by id. */
  added(id: string): HTMLElement {
    return this.$$('.added-card').find((c) => c.dataset['cardId'] === id)!;
  }

  /** A card in use's limit, as written ("Up to 2 tickets"). */
  limit(id: string): string {
    return textOf(this.added(id).querySelector('[part="limit"]'));
  }

  quantity(id: string): HTMLInputElement {
    return this.added(id).querySelector<HTMLInputElement>('[part="quantity"]')!;
  }

  /** A card in use's − and + buttons. */
  stepButtons(id: string): [fewer: HTMLButtonElement, more: HTMLButtonElement] {
    return [...this.added(id).querySelectorAll<HTMLButtonElement>('.stepper button')] as [HTMLButtonElement, HTMLButtonElement];
  }

  /** Presses + (or −) on a card in use; resolves once rendered. */
  async step(id: string, direction: 1 | -1, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.stepButtons(id)[direction === 1 ? 1 : 0].click();
      await this.el.updateComplete;
    }
  }

  /** Types a quantity into a card in use's field. */
  async setQuantity(id: string, value: string): Promise<void> {
    const input = this.quantity(id);
    input.value = value;
    input.dispatchEvent(new Event('change'));
    await this.el.updateComplete;
  }

  get confirmButton(): HTMLButtonElement {
    return this.$<HTMLButtonElement>('[part="confirm"]')!;
  }

  /** The schemes the partner card form offers, as named. */
  get schemeNames(): string[] {
    return this.$$<HTMLOptionElement>('#scheme option').map((o) => o.textContent ?? '');
  }

  /** The `name` of the error shown in `part="error"` (ConfigError, NetworkError…), if any. */
  get errorName(): string | undefined {
    return this.$('[part="error"]')?.getAttribute('data-error-name') ?? undefined;
  }

  /** Nothing is loading any more (no "Loading…" line). */
  async settled(): Promise<void> {
    await this.until(() => !this.has('[role="status"].muted'), 'still loading');
  }

  async until(condition: () => unknown, message: string, timeout = 5000): Promise<void> {
    await waitUntil(condition, message, { timeout });
    await lateContentSettled();
    await this.el.updateComplete;
  }

  /** No button says it is at work ("Adding…", "Confirming…"). */
  private idle(message: string): Promise<void> {
    return this.until(() => !this.$$('button').some((b) => textOf(b).endsWith('…')), message);
  }

  /** Presses a member card's "Use this card"; resolves once Vista answered. */
  async useCard(id: string): Promise<void> {
    this.card(id).querySelector<HTMLButtonElement>('[part="use-card"]')!.click();
    await this.el.updateComplete;
    await this.idle('the card was not checked');
  }

  /** Types a card number into the partner form, as a patron does (the scheme may follow it). */
  async typeCardNumber(number: string): Promise<void> {
    const input = this.$<HTMLInputElement>('#card-number')!;
    input.value = number;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.el.updateComplete;
  }

  /** Sends the partner form with a scheme and a number; resolves once the card was checked. */
  async addPartnerCard(scheme: string, number: string): Promise<void> {
    this.$<HTMLSelectElement>('#scheme')!.value = scheme;
    this.$<HTMLInputElement>('#card-number')!.value = number;
    this.submitPartnerForm();
    await this.el.updateComplete;
    await this.idle('the card was not checked');
  }

  submitPartnerForm(): void {
    this.$<HTMLButtonElement>('[part="third-party-form"] button[type="submit"]')!.click();
  }

  /** Presses "Add N tickets to the order"; resolves once Vista answered. */
  async confirmTickets(): Promise<void> {
    this.confirmButton.click();
    await this.el.updateComplete;
    await this.idle('the tickets were not set');
  }

  /** Presses the error view's retry. */
  retry(): void {
    this.$<HTMLButtonElement>('[part="retry"]')!.click();
  }
}
