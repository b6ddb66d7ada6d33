/**
 * Every word `<av-calendar>` writes itself, in the five message languages. Dates, month names
 * and weekday names come from Intl in the element's locale; the vendor's own messages
 * (custom, sold-out, shut-off) are shown as the vendor wrote them.
 */
import type { Catalog } from '../../shared/locale.js';
import type { PerformanceState } from '../../shared/av-performance.js';

export interface CalendarMessages {
  previousMonth: string;
  nextMonth: string;
  today: string;
  /** The accessible name of the month navigation group. */
  navigation: string;
  loading: string;
  noPerformances: string;
  /** The client is not active at AudienceView (`clientActive: false`): said politely instead of an empty month. */
  inactive: string;
  allDay: string;
  doors: string;
  entry: string;
  /** Marks one sold-out entry time: "2:30 PM (sold out)". */
  entrySoldOut: (time: string) => string;
  /** Screen-reader count in a day cell. */
  performanceCount: (count: number) => string;
  /** A busy day's cell shows a few performances and this button for the rest: "+28 more". */
  showMore: (count: number) => string;
  /** Folds an opened busy day back. */
  showFewer: string;
  /** Before the vendor's warnings (a 200 answer with `warnings`). */
  vendorNotice: string;
  /** The state text for each performance state that is not plainly on sale. */
  states: Record<Exclude<PerformanceState, 'on-sale'>, string>;
}

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
