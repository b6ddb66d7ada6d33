export * from './av-calendar.js';
