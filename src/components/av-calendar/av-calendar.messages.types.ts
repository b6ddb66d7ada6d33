/**
 * The shape of `<av-calendar>`'s words: what the English catalog (av-calendar.messages.ts) and the lazily
 * loaded others (av-calendar.messages.i18n.ts) both fill in. Apart from the catalog so that the lazy
 * chunk and its loader do not import each other.
 */
import type { PerformanceState } from '../../shared/audienceview/performance.js';

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
