/**
 * The mock Utick's own signature check and path rules, written with `node:crypto` apart from
 * the product's signing code: the mock is a witness, so a fault in the product's signer (or a
 * venue's replacement) shows up here as a 401 instead of agreeing with itself.
 *
 * The scheme (ours; the seed does not document one, see VENDOR-NOTES "Utick"):
 *   X-Utick-Public-Key, X-Utick-Timestamp (Unix seconds), X-Utick-Signature =
 *   lowercase hex HMAC-SHA256(private key, `${publicKey}\n${timestamp}\n${METHOD}\n${pathAndQuery}`),
 * refused when the timestamp is more than five minutes from the mock world's clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const MAX_SKEW_MS = 5 * 60 * 1000;

/** True when the request carries a signature the holder of `privateKey` made for it, at about `now`. */
export function mockUtickSignatureValid(options: {
  headers: IncomingHttpHeaders;
  method: string;
  pathAndQuery: string;
  keys: { publicKey: string; privateKey: string };
  now: number;
}): boolean {
  const header = (name: string) => {
    const value = options.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const publicKey = header('x-utick-public-key');
  const timestamp = header('x-utick-timestamp');
  const signature = header('x-utick-signature');
  if (publicKey !== options.keys.publicKey || !timestamp || !signature) return false;
  if (!/^\d{1,12}$/.test(timestamp) || !(Math.abs(options.now - Number(timestamp) * 1000) <= MAX_SKEW_MS)) return false;
  if (!/^(?:[0-9a-f]{2}){32}$/.test(signature)) return false;
  const expected = createHmac('sha256', options.keys.privateKey)
    .update(`${publicKey}\n${timestamp}\n${options.method.toUpperCase()}\n${options.pathAndQuery}`)
    .digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/**
 * The seed's paths, byte for byte (`utick-api-v1-packs-streams.txt`): lists without a trailing
 * slash, `/catalogue/packs/{id}` and `/catalogue/streams/{id}` without, the pack's stocks
 * `/catalogue/packs/details/{id}/` WITH one, and `/catalogue/streams/{id}/control` without.
 */
const DOCUMENTED_PATHS: readonly RegExp[] = [
  /^\/catalogue\/packs$/,
  /^\/catalogue\/packs\/details\/[^/]+\/$/,
  /^\/catalogue\/packs\/(?!details$)[^/]+$/,
  /^\/catalogue\/streams$/,
  /^\/catalogue\/streams\/[^/]+$/,
  /^\/catalogue\/streams\/[^/]+\/control$/,
];

/**
 * Reading `utick.paths`: whether the mock serves a catalogue path. `documented-only` (default,
 * strictest): only the seed's exact forms; `tolerant`: each with or without its trailing slash.
 */
export function utickPathServed(path: string, reading: string): boolean {
  if (!path.startsWith('/catalogue/')) return true; // not a catalogue path: the route's own 404
  if (DOCUMENTED_PATHS.some((pattern) => pattern.test(path))) return true;
  if (reading !== 'tolerant') return false;
  const other = path.endsWith('/') ? path.replace(/\/+$/, '') : `${path}/`;
  return DOCUMENTED_PATHS.some((pattern) => pattern.test(other));
}
