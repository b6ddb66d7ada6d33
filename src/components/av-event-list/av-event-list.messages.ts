/** Every string <av-event-list> writes itself, in the five languages of the package. */
import type { CardListMessages } from '../../shared/av-cards.js';
import type { PerformanceState } from '../../shared/av-performance.js';
import type { Catalog } from '../../shared/locale.js';

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

export const EVENT_LIST_MESSAGES: Catalog<EventListMessages> = {
  en: {
    loading: 'Loading performances…',
    warnings: 'AudienceView sent a notice:',
    empty: 'No upcoming performances. Please check back soon.',
    inactive: 'This box office is not selling tickets online at the moment. Please contact the venue.',
    listLabel: 'Upcoming performances',
    states: {
      'package-holders': 'Package holders only',
      message: 'Not on sale here',
      cancelled: 'Cancelled',
      'sold-out': 'Sold out',
      'not-available': 'Not available online',
      'sales-closed': 'Online sales closed',
    },
    buy: 'Tickets',
    allDay: 'All day',
    doors: (open, close) => `Doors ${open} – ${close}`,
    doorsOpen: (open) => `Doors open ${open}`,
    entries: 'Entry times:',
    entrySoldOut: 'sold out',
    showMore: 'Show more',
    generalAdmission: 'General admission',
    reservedSeating: 'Reserved seating',
    showing: (shown, total) => `Showing ${shown} of ${total}`,
  },
  others: () => import('./av-event-list.messages.i18n.js'),
};
