/**
 * The partner member card form (`part="third-party-form"`): a scheme and a card number, checked
 * against the scheme's format before Vista is asked, the scheme chosen from the number's first
 * characters where only one fits. Its own chunk, loaded only where `site-id` is set: it takes the
 * pieces it shares with the element from the element (`parts`), so that no third chunk is fetched,
 * and its English words come with it (vista-ticket-redemption.messages.partner.ts).
 */
import type { ThirdPartyMemberScheme } from '../../../api/vista/types.js';
import { partnerWords } from '../vista-ticket-redemption.messages.partner.js';
import type { RedemptionMessages } from '../vista-ticket-redemption.messages.js';
import type { RedemptionView } from './redemption-view.js';

const SUMMARY = '[part="third-party-form"] [part="error-summary"]';

export class PartnerCardForm {
  problem?: { text: string; detail?: string; field?: string };
  /** Announced when the card number's prefix chose its scheme. */
  schemeNote = '';

  constructor(private readonly v: RedemptionView) {}


  submit(event: SubmitEvent, schemes: ThirdPartyMemberScheme[]): void {
    event.preventDefault();
    const { ctx, redemption } = this.v;
    const m = partnerWords(ctx.words());
    const data = new FormData(event.target as HTMLFormElement);
    const cardNumber = String(data.get('card-number') ?? '').replace(/\s+/g, '');
    const scheme = schemes.find((s) => s.id === data.get('scheme'));
    const schemeName = scheme ? this.v.parts.localizedText(scheme.name, ctx.locale()) : '';
    const problem = !cardNumber || !scheme ? m.cardNumberMissing : !matchesFormat(cardNumber, scheme.cardNumberFormat?.fullFormat) ? m.notSchemeFormat(schemeName) : undefined;
    this.problem = problem ? { text: problem, field: 'card-number' } : undefined;
    if (problem) return ctx.focus(SUMMARY);
    void redemption.addCard('third-party', { type: 'ThirdPartyMemberCard', credentials: { cardNumber, thirdPartyMemberSchemeId: scheme!.id }, showtimeId: ctx.host.showtimeId }, schemeName, (refusal) => {
      this.problem = { ...refusal, ...(refusal.text === m.cardNotRecognised ? { field: 'card-number' } : {}) };
      ctx.focus(SUMMARY);
    });
  }

  /**
   * A scheme's card numbers start with its own first `prefixLength` characters, which its
   * `partialFormat` matches (seed): once the patron has typed that much, the scheme is chosen for
   * them when the one selected cannot start this way and exactly one other can.
   */
  chooseSchemeFromNumber(event: Event, schemes: ThirdPartyMemberScheme[], locale: string): void {
    const typed = (event.target as HTMLInputElement).value.replace(/\s+/g, '');
    const select = this.v.shadowRoot?.querySelector<HTMLSelectElement>('#scheme');
    const selected = schemes.find((s) => s.id === select?.value);
    if (!select || !selected || fitsStart(typed, selected) !== false) return;
    const fitting = schemes.filter((s) => s !== selected && fitsStart(typed, s) === true);
    if (fitting.length !== 1) return;
    select.value = fitting[0]!.id;
    this.schemeNote = partnerWords(this.v.ctx.words()).schemeFromNumber(this.v.parts.localizedText(fitting[0]!.name, locale));
    this.v.ctx.host.requestUpdate();
  }

  render(words: RedemptionMessages, schemes: ThirdPartyMemberScheme[], locale: string) {
    const m = partnerWords(words);
    const { problem } = this;
    const { html } = this.v.parts;
    const busy = this.v.redemption.busy;
    return html`<form part="third-party-form" class="partner" novalidate aria-labelledby="partner-title" @submit=${(e: SubmitEvent) => this.submit(e, schemes)}>
      <h3 id="partner-title">${m.partnerTitle}</h3>
      ${this.v.parts.renderSummary(
        m.summaryTitle,
        problem ? [{ text: problem.detail ? `${problem.text}: ${problem.detail}` : problem.text, ...(problem.field ? { field: problem.field } : {}) }] : [],
        () => this.v.shadowRoot,
      )}
      <fieldset ?disabled=${busy !== undefined}>
        <div class="field">
          <label for="scheme">${m.scheme}</label>
          <select id="scheme" name="scheme">
            ${schemes.map((s) => html`<option value=${s.id}>${this.v.parts.localizedText(s.name, locale)}</option>`)}
          </select>
        </div>
        <div @input=${(e: Event) => this.chooseSchemeFromNumber(e, schemes, locale)}>
          ${this.v.parts.renderField({ id: 'card-number', name: 'card-number', label: m.cardNumber, problem: problem?.field ? problem.text : undefined, autocomplete: 'off' })}
        </div>
        <p class="sr-only" role="status" aria-live="polite">${this.schemeNote}</p>
        <button type="submit">${busy === 'third-party' ? m.adding : m.addCard}</button>
      </fieldset>
    </form>`;
  }
}

/**
 * Whether a typed number can be the start of a scheme's card: `undefined` when the scheme cannot
 * tell (no `partialFormat`, a pattern JavaScript cannot read, or fewer characters than its
 * `prefixLength` typed).
 */
export function fitsStart(typed: string, scheme: ThirdPartyMemberScheme): boolean | undefined {
  const format = scheme.cardNumberFormat;
  if (!format?.partialFormat || typed.length < Math.max(1, format.prefixLength ?? 0)) return undefined;
  try {
    return new RegExp(format.partialFormat).test(typed);
  } catch {
    return undefined;
  }
}

/**
 * Whether a card number fits its scheme's `fullFormat`, so that a typo is caught before a call.
 * A pattern JavaScript cannot read (Vista's are written for .NET) checks nothing: Vista decides.
 */
export function matchesFormat(cardNumber: string, pattern: string | null | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern).test(cardNumber);
  } catch {
    return true;
  }
}
