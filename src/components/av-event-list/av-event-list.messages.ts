/** Every string <av-event-list> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';
import type { EventListMessages } from './av-event-list.messages.types.js';

export type { EventListMessages } from './av-event-list.messages.types.js';

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
