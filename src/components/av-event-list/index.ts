export * from './av-event-list.js';
