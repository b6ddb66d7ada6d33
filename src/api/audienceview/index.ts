/**
 * AudienceView Professional: the public events API (calendar, series, events) and the scanning
 * API, with their typed payloads.
 */
export * from './types.js';
export * from './public.js';
export * from './scanning.js';
