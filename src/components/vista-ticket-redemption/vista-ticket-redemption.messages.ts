/**
 * Every word `<vista-ticket-redemption>` writes itself, in the five message languages. Scheme
 * and ticket-type names come from Vista (`{text, translations}`, picked by `localizedText`);
 * a scheme's refusal reason (e.g. "visits used this month") is shown as Vista sent it.
 */
import type { Catalog } from '../../shared/locale.js';
import type { RedemptionMessages } from './vista-ticket-redemption.messages.types.js';

export type { RedemptionMessages } from './vista-ticket-redemption.messages.types.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

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
    partnerTitle: 'Partner member card',
    scheme: 'Scheme',
    cardNumber: 'Card number',
    addCard: 'Add card',
    adding: 'Checking the card…',
    summaryTitle: 'There is a problem',
    cardNumberMissing: 'Enter the card number',
    cardNotRecognised: 'This card number is not recognised',
    notSchemeFormat: (s) => `This is not a ${s} card number: check it and try again`,
    declined: 'The card was declined',
    cardRefused: 'Vista did not accept this card',
    schemeFromNumber: (s) => `This is a ${s} card number: ${s} is chosen`,
    cardNotActive: 'This card is not active',
    ticketsTitle: 'Tickets for this showtime',
    partnerCard: (s, m) => `${s} ${m}`,
    unlimited: 'No limit on tickets',
    exactly: (n) => `Exactly ${n} ${plural(n, 'ticket', 'tickets')}`,
    between: (a, b) => `${a} to ${b} tickets`,
    upTo: (b) => `Up to ${b} ${plural(b, 'ticket', 'tickets')}`,
    atLeast: (a) => `At least ${a} ${plural(a, 'ticket', 'tickets')}`,
    quantity: 'Tickets with this card',
    fewer: 'One ticket fewer',
    more: 'One ticket more',
    remove: 'Remove',
    outOfRange: 'Choose a number of tickets this card allows',
    confirm: (n) => `Add ${n} ${plural(n, 'ticket', 'tickets')} to the order`,
    confirming: 'Adding tickets…',
    overLimit: 'More tickets than this card allows for this showtime',
    underMinimum: 'Fewer tickets than this card requires for this showtime',
    ticketsRefused: 'Vista did not accept these tickets',
    ticketsSet: (n) => `${n} ${plural(n, 'ticket is', 'tickets are')} in your order.`,
    noTicketType: 'Vista did not say which ticket type this card redeems (set ticket-type-id).',
  },
  others: () => import('./vista-ticket-redemption.messages.i18n.js'),
};
