/**
 * The Utick browser client and its payload types. The request signature (`signature.ts`) is
 * deliberately not exported here: it needs the private key and belongs to the server side.
 */
export * from './catalogue.js';
export * from './types.js';
