/**
 * What only a month with its answer needs: the grid with its keyboard, the list, the performances
 * and their views by day. A chunk of its own (about a third of the calendar), fetched from the
 * moment a calendar is connected, alongside the month's answer, which takes longer: the skeleton
 * (views/frame.ts) is painted meanwhile and the month's task waits for both, so a patron never
 * sees a step between them (see `loadMonthViews` in av-calendar.ts).
 */
export { nextDay, renderGrid } from './grid.js';
export { renderList } from './list.js';
export { MonthDaysCache } from '../month-days.js';
export { RovingTabindexController } from '../../../shared/roving-tabindex.js';
export { monthStyles } from './month.styles.js';
