/**
 * Every word `<av-calendar>` writes itself, in the five message languages. Dates, month names
 * and weekday names come from Intl in the element's locale; the vendor's own messages
 * (custom, sold-out, shut-off) are shown as the vendor wrote them.
 */
import type { Catalog } from '../../shared/locale.js';
import type { CalendarMessages } from './av-calendar.messages.types.js';

export type { CalendarMessages } from './av-calendar.messages.types.js';

export const CALENDAR_MESSAGES: Catalog<CalendarMessages> = {
  en: {
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    today: 'Today',
    navigation: 'Change month',
    loading: 'Loading performances…',
    noPerformances: 'No performances this month',
    inactive: 'This box office is not selling tickets online at the moment. Please contact the venue.',
    allDay: 'All day',
    doors: 'Doors',
    entry: 'Entry',
    entrySoldOut: (t) => `${t} (sold out)`,
    performanceCount: (n) => (n === 1 ? '1 performance' : `${n} performances`),
    showMore: (n) => `+${n} more`,
    showFewer: 'Show fewer',
    vendorNotice: 'Note from AudienceView:',
    states: {
      'package-holders': 'Package holders',
      message: 'See note',
      cancelled: 'Cancelled',
      'sold-out': 'Sold out',
      'not-available': 'Not available online',
      'sales-closed': 'Online sales closed',
    },
  },
  others: () => import('./av-calendar.messages.i18n.js'),
};
