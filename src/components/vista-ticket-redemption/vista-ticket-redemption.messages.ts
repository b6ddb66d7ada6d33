/**
 * Every word `<vista-ticket-redemption>` writes itself, in the five message languages. Scheme
 * and ticket-type names come from Vista (`{text, translations}`, picked by `localizedText`);
 * a scheme's refusal reason (e.g. "visits used this month") is shown as Vista sent it. The English
 * words only a late chunk writes come with that chunk: the partner card form's
 * (vista-ticket-redemption.messages.partner.ts) and the cards in use's (…messages.added.ts).
 */
import type { Catalog } from '../../shared/locale.js';
import type { RedemptionMessages } from './vista-ticket-redemption.messages.types.js';

export type { AddedMessages, PartnerFormMessages, RedemptionMessages } from './vista-ticket-redemption.messages.types.js';

export const REDEMPTION_MESSAGES: Catalog<RedemptionMessages> = {
  en: {
    title: 'Use a membership card',
    loading: 'Loading your cards…',
    signInFirst: 'Sign in to use your subscription card. A partner member card can be used without signing in.',
    sessionEnded: 'Your session has ended. Sign in again to use your subscription card.',
    yourCards: 'Your subscription cards',
    noCards: 'You have no subscription cards.',
    subscription: (m) => `Subscription ${m}`,
    sharedBy: (n) => `Shared with you by ${n}`,
    friendsCard: 'A friend’s card',
    notActive: 'Not active',
    useCard: 'Use this card',
    useCardLabel: (c) => `Use this card: ${c}`,
    inUse: 'In use for this showtime',
    adding: 'Checking the card…',
    cardNotRecognised: 'This card number is not recognised',
    declined: 'The card was declined',
    cardRefused: 'Vista did not accept this card',
    cardNotActive: 'This card is not active',
    partnerCard: (s, m) => `${s} ${m}`,
    overLimit: 'More tickets than this card allows for this showtime',
    underMinimum: 'Fewer tickets than this card requires for this showtime',
    ticketsRefused: 'Vista did not accept these tickets',
    noTicketType: 'Vista did not say which ticket type this card redeems (set ticket-type-id).',
  },
  others: () => import('./vista-ticket-redemption.messages.i18n.js'),
};
