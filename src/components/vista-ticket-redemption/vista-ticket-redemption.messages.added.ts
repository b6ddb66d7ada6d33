/**
 * The English words only the cards in use (views/added.ts, a chunk fetched as the element connects)
 * write: their limits, quantities and the confirm button. They travel with that chunk, not with the
 * element's first load; the other languages carry them with the rest of their words.
 */
import type { AddedMessages, RedemptionMessages } from './vista-ticket-redemption.messages.types.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const ADDED_ENGLISH: AddedMessages = {
  ticketsTitle: 'Tickets for this showtime',
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
  ticketsSet: (n) => `${n} ${plural(n, 'ticket is', 'tickets are')} in your order.`,
};

/** Every word the view needs, in the page's language: the element's (another language's hold these too, and win) over this English. */
export function addedWords(m: RedemptionMessages): RedemptionMessages & AddedMessages {
  return { ...ADDED_ENGLISH, ...m };
}
