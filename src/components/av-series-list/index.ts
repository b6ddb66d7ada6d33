export * from './av-series-list.js';
