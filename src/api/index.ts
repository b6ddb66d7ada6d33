/**
 * The fetch layer and vendor clients, for pages and apps that want the data without an element.
 * Each vendor is also importable on its own so a bundler keeps only what is used.
 */
export * from './errors.js';
export { request, joinUrl, type RequestOptions, type ErrorAnswer, type HttpMethod } from './request.js';
