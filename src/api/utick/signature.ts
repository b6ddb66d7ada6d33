/**
 * The Utick request signature, for the server side only (the mock backend now, the venue's
 * signing proxy later): the private key must never reach a browser, so the browser client does
 * not import this module. Isomorphic: WebCrypto (`crypto.subtle`) only, no Node imports, so it
 * runs in Node >= 20, edge runtimes and browsers (tests sign in the browser).
 *
 * ASSUMPTION: the seed does not document the scheme. VENDOR-NOTES.md says only "public key +
 * timestamp + an HMAC-SHA256 signature made with the private key", and a search of public code
 * and docs found no Utick/Sapiti client showing the real header names. So the scheme is ours:
 *
 *   X-Utick-Public-Key: <public key>
 *   X-Utick-Timestamp:  <Unix time in whole seconds>
 *   X-Utick-Signature:  lowercase hex of HMAC-SHA256(key = private key (UTF-8),
 *                         message = `${publicKey}\n${timestamp}\n${METHOD}\n${pathAndQuery}`)
 *
 * `pathAndQuery` is the path after the API base (`/catalogue/streams/ABC/control/?accesscode=X`),
 * query string exactly as sent: the proxy forwards it byte for byte, so both ends see the same
 * text. The API is read-only (GET), so no body is signed. A timestamp more than five minutes
 * away from the verifier's clock, either way, is refused (replay window).
 * If the real scheme turns out different, the venue passes its own `UtickSigner` to the proxy.
 */

export const UTICK_PUBLIC_KEY_HEADER = 'X-Utick-Public-Key';
export const UTICK_TIMESTAMP_HEADER = 'X-Utick-Timestamp';
export const UTICK_SIGNATURE_HEADER = 'X-Utick-Signature';

/** How far a request's timestamp may be from the verifier's clock. */
export const UTICK_SIGNATURE_MAX_SKEW_MS = 5 * 60 * 1000;

export interface UtickKeyPair {
  publicKey: string;
  privateKey: string;
}

export interface UtickSignInput extends UtickKeyPair {
  method: string;
  /** Path after the API base, with its query string as sent, e.g. `/catalogue/packs?limit=20`. */
  pathAndQuery: string;
  /** Epoch milliseconds; default `Date.now()`. Sent as whole seconds. */
  timestamp?: number;
}

/** The three headers to add to the upstream request. */
export type UtickSignatureHeaders = Record<
  typeof UTICK_PUBLIC_KEY_HEADER | typeof UTICK_TIMESTAMP_HEADER | typeof UTICK_SIGNATURE_HEADER,
  string
>;

/**
 * Makes the headers that authenticate one request to Utick. The seed does not document the
 * scheme, so the proxy takes one of these (`createUtickProxy({ sign })`): a venue whose tenant
 * signs otherwise replaces `signUtickRequest` without touching anything else.
 */
export type UtickSigner = (input: UtickSignInput) => Promise<Record<string, string>>;

/** Signs one request: the headers to send with it. */
export async function signUtickRequest(input: UtickSignInput): Promise<UtickSignatureHeaders> {
  const timestamp = String(Math.floor((input.timestamp ?? Date.now()) / 1000));
  const key = await importHmacKey(input.privateKey);
  const mac = await crypto.subtle.sign('HMAC', key, encode(signedText(input.publicKey, timestamp, input.method, input.pathAndQuery)));
  return {
    [UTICK_PUBLIC_KEY_HEADER]: input.publicKey,
    [UTICK_TIMESTAMP_HEADER]: timestamp,
    [UTICK_SIGNATURE_HEADER]: toHex(new Uint8Array(mac)),
  };
}

/** Headers as a fetch `Headers`, a Node `IncomingHttpHeaders` (lower-case keys) or a plain record. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface UtickVerifyInput {
  headers: HeaderSource;
  method: string;
  pathAndQuery: string;
  /** The private key for a public key, or undefined when the public key is unknown. */
  privateKeyFor: (publicKey: string) => string | undefined | Promise<string | undefined>;
  /** The verifier's clock, epoch milliseconds; default `Date.now()`. */
  now?: number;
  maxSkewMs?: number;
}

export type UtickVerifyResult =
  | { valid: true; publicKey: string }
  | { valid: false; reason: 'missing' | 'unknown-key' | 'stale' | 'mismatch' };

/**
 * Checks a request's signature. The comparison is WebCrypto's `verify`, which does not leak
 * through timing how much of a forged signature was right.
 */
export async function verifyUtickSignature(input: UtickVerifyInput): Promise<UtickVerifyResult> {
  const publicKey = readHeader(input.headers, UTICK_PUBLIC_KEY_HEADER);
  const timestamp = readHeader(input.headers, UTICK_TIMESTAMP_HEADER);
  const signature = readHeader(input.headers, UTICK_SIGNATURE_HEADER);
  if (!publicKey || !timestamp || !signature) return { valid: false, reason: 'missing' };

  const privateKey = await input.privateKeyFor(publicKey);
  if (privateKey === undefined) return { valid: false, reason: 'unknown-key' };

  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  const skew = Math.abs((input.now ?? Date.now()) - seconds * 1000);
  if (!(skew <= (input.maxSkewMs ?? UTICK_SIGNATURE_MAX_SKEW_MS))) return { valid: false, reason: 'stale' };

  const mac = fromHex(signature);
  if (!mac) return { valid: false, reason: 'mismatch' };
  const key = await importHmacKey(privateKey);
  const matches = await crypto.subtle.verify('HMAC', key, mac, encode(signedText(publicKey, timestamp, input.method, input.pathAndQuery)));
  return matches ? { valid: true, publicKey } : { valid: false, reason: 'mismatch' };
}

function signedText(publicKey: string, timestamp: string, method: string, pathAndQuery: string): string {
  return `${publicKey}\n${timestamp}\n${method.toUpperCase()}\n${pathAndQuery}`;
}

/** Imported keys by private key: a proxy signs every request with the same one (a few at most). */
const importedKeys = new Map<string, Promise<CryptoKey>>();

function importHmacKey(privateKey: string): Promise<CryptoKey> {
  let key = importedKeys.get(privateKey);
  if (!key) {
    if (importedKeys.size >= 8) importedKeys.clear();
    key = crypto.subtle.importKey('raw', encode(privateKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    importedKeys.set(privateKey, key);
  }
  return key;
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hex to bytes; undefined for anything that is not an even run of hex digits. */
function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
