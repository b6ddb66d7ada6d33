/**
 * The event details of the three AudienceView elements, and the classes of the two events that
 * come from more than one element (`av-performance-click`, `av-error`) with their place in
 * `GlobalEventHandlersEventMap`. An event only one element fires is declared in that element, so
 * the others do not carry its class.
 */
import type { SeriesInformation } from '../../api/audienceview/types.js';
import type { PerformanceView } from './performance.js';
import { WidgetEvent, type WidgetErrorDetail } from '../events.js';

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

/** A patron chose a performance. Cancelable: `preventDefault()` keeps the page from following the link. */
export class AvPerformanceClickEvent extends WidgetEvent<AvPerformanceClickDetail> {
  constructor(detail: AvPerformanceClickDetail) {
    super('av-performance-click', detail, { cancelable: true });
  }
}

/** An element could not load or was misconfigured. */
export class AvErrorEvent extends WidgetEvent<WidgetErrorDetail> {
  constructor(detail: WidgetErrorDetail) {
    super('av-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'av-error': AvErrorEvent;
    'av-performance-click': AvPerformanceClickEvent;
  }
}
