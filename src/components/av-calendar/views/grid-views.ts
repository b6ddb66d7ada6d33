/**
 * The month grid with its keyboard (one tab stop, roving tabindex) and its own styles: a chunk of
 * its own, fetched only by a calendar wide enough to show the grid, beside the month views'
 * chunk (month-views.ts, whose performances it shows through the view it is given).
 */
export { nextDay, renderGrid } from './grid.js';
export { RovingTabindexController } from '../../../shared/roving-tabindex.js';
export { gridStyles } from './grid.styles.js';
