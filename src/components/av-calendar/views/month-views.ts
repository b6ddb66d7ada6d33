/**
 * What only a month with its answer needs: the list, the performances and their views by day. A
 * chunk of its own, fetched from the moment a calendar is connected, alongside the month's answer,
 * which takes longer: the skeleton (views/frame.ts) is painted meanwhile and the month's task waits
 * for both, so a patron never sees a step between them (see `monthViews` in av-calendar.ts).
 * The grid is another chunk (grid-views.ts): a phone, which shows the list, never fetches it.
 */
export { renderList } from './list.js';
export { renderPerformance } from './performance.js';
export { MonthDaysCache } from '../month-days.js';
export { monthStyles } from './month.styles.js';
