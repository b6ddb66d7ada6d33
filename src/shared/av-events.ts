/**
 * The events of the three AudienceView elements, declared once: `av-performance-click` and
 * `av-error` come from more than one element, so their shapes and their place in
 * `GlobalEventHandlersEventMap` live here rather than in any one of them.
 */
import type { SeriesInformation } from '../api/audienceview/types.js';
import type { PerformanceView } from './av-performance.js';
import type { WidgetErrorDetail, WidgetEvent } from './events.js';

/** `detail` of `av-performance-click` (calendar and event list). */
export interface AvPerformanceClickDetail {
  performance: PerformanceView;
}

/** `detail` of `av-series-click` (series list). */
export interface AvSeriesClickDetail {
  series: SeriesInformation;
}

/** `detail` of `av-month-change` (calendar): the month now shown, `month` 1–12. */
export interface AvMonthChangeDetail {
  year: number;
  month: number;
}

export type AvPerformanceClickEvent = WidgetEvent<AvPerformanceClickDetail>;
export type AvSeriesClickEvent = WidgetEvent<AvSeriesClickDetail>;
export type AvMonthChangeEvent = WidgetEvent<AvMonthChangeDetail>;
export type AvErrorEvent = WidgetEvent<WidgetErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'av-error': AvErrorEvent;
    'av-month-change': AvMonthChangeEvent;
    'av-performance-click': AvPerformanceClickEvent;
    'av-series-click': AvSeriesClickEvent;
  }
}
