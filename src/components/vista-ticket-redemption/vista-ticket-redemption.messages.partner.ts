/**
 * The English words only the partner card form (views/partner-form.ts, its own chunk) writes: they
 * travel with that chunk, not with the element's first load (a page without `site-id` never needs
 * them); the other languages carry them with the rest of their words.
 */
import type { PartnerFormMessages, RedemptionMessages } from './vista-ticket-redemption.messages.types.js';

const PARTNER_ENGLISH: PartnerFormMessages = {
  partnerTitle: 'Partner member card',
  scheme: 'Scheme',
  cardNumber: 'Card number',
  addCard: 'Add card',
  summaryTitle: 'There is a problem',
  cardNumberMissing: 'Enter the card number',
  notSchemeFormat: (s) => `This is not a ${s} card number: check it and try again`,
  schemeFromNumber: (s) => `This is a ${s} card number: ${s} is chosen`,
};

/** Every word the form needs, in the page's language: the element's (another language's hold these too, and win) over this English. */
export function partnerWords(m: RedemptionMessages): RedemptionMessages & PartnerFormMessages {
  return { ...PARTNER_ENGLISH, ...m };
}
