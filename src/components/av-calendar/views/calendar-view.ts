/** What the calendar's views read from the element: one month, its words, and the callbacks. */
import type { PerformanceView } from '../../../shared/audienceview/performance.js';
import { addDays, daysInMonth, formatInZone, weekday, type CalendarDate } from '../../../shared/time-zone.js';
import type { CalendarMessages } from '../av-calendar.messages.types.js';

export interface MonthRef {
  year: number;
  month: number;
}

export interface CalendarView {
  locale: string;
  m: CalendarMessages;
  /** The venue's IANA zone: every time is its wall clock. */
  timeZone: string;
  /** The month shown. */
  visible: MonthRef;
  /** The venue's today, `YYYY-MM-DD`. */
  today: string;
  /** The month's performances and those of the days around it, by `YYYY-MM-DD`. */
  byDate: Map<string, PerformanceView[]>;
  /**
   * The days of the list to render now, each with how many of its performances: a batch of
   * performances at a time (the rest come in later tasks; the last day may be cut); `list` names the list.
   */
  batch(list: string, days: readonly string[], size: (iso: string) => number): Array<[iso: string, performances: number]>;
  /** More of the list is on its way. */
  readonly growing: boolean;
  onPerformanceClick(event: MouseEvent, performance: PerformanceView): void;
}

/** A calendar date needs no zone: format noon UTC of that date in UTC. */
export function formatDate(date: CalendarDate, locale: string, options: Intl.DateTimeFormatOptions): string {
  return formatInZone(Date.UTC(date.year, date.month - 1, date.day, 12), 'UTC', locale, options);
}

const DAY_LABEL: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };

export function dayLabel(date: CalendarDate, locale: string): string {
  return formatDate(date, locale, DAY_LABEL);
}

/** The grid's first day (a Sunday) and how many weeks it shows (the skeleton takes as many). */
export function gridFrame(year: number, month: number): { start: CalendarDate; weeks: number } {
  const first: CalendarDate = { year, month, day: 1 };
  return { start: addDays(first, -weekday(first)), weeks: Math.ceil((weekday(first) + daysInMonth(year, month)) / 7) };
}
