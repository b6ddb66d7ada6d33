/**
 * What every OCAPI call shares: the api-base, the site's bearer token, the region, the member's
 * session, and the problem+json error form. members.ts and redemption.ts sit on this.
 */
import { ConfigError } from '../errors.js';
import { joinUrl, request, type HttpMethod } from '../request.js';
import { vistaProblemToError } from './problem.js';

/** Options every OCAPI call accepts; a client's defaults are overridden per call. */
export interface VistaCallOptions {
  /** The site's OCAPI bearer token (sites embed it in their pages): `Authorization: Bearer`. */
  apiToken?: string;
  /** `Connect-Region-Code`, for tenants that serve several regions. */
  regionCode?: string;
  /** The member's `access_token`, sent as `LoyaltySessionToken`. */
  memberToken?: string;
  /**
   * Send the browser's cookies (cookie and workstation modes: the member session lives in an
   * HttpOnly cookie the page cannot read).
   */
  withCookies?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A client's fixed settings: the tenant's api-base and defaults for every call. */
export interface VistaClientConfig extends Omit<VistaCallOptions, 'signal'> {
  /** e.g. `https://tenant-digital-api.app.vista.co`; paths are appended as `/ocapi/v1/...`. */
  apiBase: string;
}

interface VistaRequest {
  method?: HttpMethod;
  body?: unknown;
  responseType?: 'json' | 'text' | 'none';
  /** Replaces the site token in `Authorization` (the workstation endpoint's device token). */
  authorization?: string;
  credentials?: RequestCredentials;
}

/** One OCAPI call: `${apiBase}/ocapi/v1/${path}` with the shared headers and error form. */
export function vistaRequest<T>(config: VistaClientConfig, path: string, call: VistaRequest, options: VistaCallOptions = {}): Promise<T> {
  const merged: VistaCallOptions = { ...config, ...definedOnly(options) };
  if (!config.apiBase) return Promise.reject(new ConfigError('Vista needs an api-base (the tenant\'s OCAPI address)', 'api-base'));
  const headers: Record<string, string> = {};
  const authorization = call.authorization ?? (merged.apiToken ? `Bearer ${merged.apiToken}` : undefined);
  if (authorization) headers['authorization'] = authorization;
  if (merged.regionCode) headers['connect-region-code'] = merged.regionCode;
  if (merged.memberToken) headers['loyaltysessiontoken'] = merged.memberToken;
  return request<T>(joinUrl(config.apiBase, `/ocapi/v1/${path}`), {
    method: call.method ?? 'GET',
    headers,
    body: call.body,
    responseType: call.responseType ?? 'json',
    credentials: call.credentials ?? (merged.withCookies ? 'include' : undefined),
    signal: merged.signal,
    timeoutMs: merged.timeoutMs,
    toVendorError: vistaProblemToError,
  });
}

/** A path segment from caller data (ids can hold anything). */
export function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
