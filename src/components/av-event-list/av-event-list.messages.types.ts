/**
 * The shape of `<av-event-list>`'s words: what the English catalog (av-event-list.messages.ts) and the lazily
 * loaded others (av-event-list.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
import type { CardListMessages } from '../../shared/audienceview/cards.js';
import type { PerformanceState } from '../../shared/audienceview/performance.js';

export interface EventListMessages extends CardListMessages {
  /** Accessible name of the list. */
  listLabel: string;
  /** The state of a performance, shown with it (on sale needs no word). */
  states: Record<Exclude<PerformanceState, 'on-sale'>, string>;
  /** The visible call to action on a performance that can be bought. */
  buy: string;
  allDay: string;
  /** All-day events: when doors open and close. */
  doors: (open: string, close: string) => string;
  doorsOpen: (open: string) => string;
  /** Timed entries, then each entry time. */
  entries: string;
  entrySoldOut: string;
  showMore: string;
  /** The seating line: `generalAdmission` performances are first come, first served, no seat line. */
  generalAdmission: string;
  reservedSeating: string;
  /** Below the list: how many of how many are shown. */
  showing: (shown: string, total: string) => string;
}
