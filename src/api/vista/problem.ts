import { VendorError } from '../errors.js';
import { retryAfterMs, type ErrorAnswer } from '../request.js';
import type { VistaProblem } from './types.js';

/** Error code 32000: too many failed sign-ins; the problem carries `LockOutPeriodInSeconds` (either casing). */
export const VISTA_LOCKED_OUT = 32000;

/**
 * The account must pass a reCAPTCHA before it may sign in. ASSUMPTION: OCAPI's code is not
 * public; the mock answers 32002, and a problem that names reCAPTCHA counts too.
 */
export const VISTA_RECAPTCHA_REQUIRED = 32002;

/** The title OCAPI gives an expired or unknown `LoyaltySessionToken` (403; VENDOR-NOTES.md). */
export const MEMBER_SESSION_EXPIRED_TITLE = 'Loyalty Member Authentication Token Expired';

/**
 * `request`'s `toVendorError` hook for OCAPI: a problem+json answer becomes a `VendorError`
 * (code = `errorCode`, else the HTTP status). Anything else (an HTML page from a proxy, a bare
 * status) is left to `request`'s own errors.
 */
export function vistaProblemToError(answer: ErrorAnswer): Error | undefined {
  const problem = asProblem(answer);
  if (!problem) return undefined;
  const status = typeof problem.status === 'number' ? problem.status : answer.status;
  const code = problem.errorCode ?? status;
  // A number, or the digits of one (a gateway that stringifies): anything else is no period.
  const period = Number(problem.lockOutPeriodInSeconds ?? Number.NaN);
  const lockOut = Number.isFinite(period) && period > 0 ? period : undefined;
  return new VendorError(problem.detail || problem.title || `Vista error ${code}`, {
    vendor: 'vista',
    code,
    status,
    lockOutPeriodInSeconds: lockOut,
    // 429 means the member or device is locked out; Retry-After says until when.
    retryAfterMs: answer.status === 429 ? retryAfterMs(answer.headers) : undefined,
    details: problem,
  });
}

/**
 * True when the member's session is over (403 "Loyalty Member Authentication Token Expired"):
 * the member must sign in again (or the token be refreshed).
 */
export function isMemberSessionExpired(error: unknown): boolean {
  if (!(error instanceof VendorError) || error.vendor !== 'vista' || error.status !== 403) return false;
  const title = (error.details as VistaProblem | undefined)?.title;
  return typeof title === 'string' && title.trim().toLowerCase() === MEMBER_SESSION_EXPIRED_TITLE.toLowerCase();
}

/** True for error 32000 (and the 429 that answers sign-ins while the lock-out lasts). */
export function isMemberLockedOut(error: unknown): boolean {
  return error instanceof VendorError && error.vendor === 'vista' && (Number(error.code) === VISTA_LOCKED_OUT || error.status === 429);
}

const PROBLEM_FIELDS = ['type', 'status', 'title', 'detail', 'instance', 'correlationId', 'errorCode', 'lockOutPeriodInSeconds'] as const;

function asProblem(answer: ErrorAnswer): VistaProblem | undefined {
  const json = answer.json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const candidate = camelCaseProblem(json as Record<string, unknown>);
  const labelled = (answer.headers.get('content-type') ?? '').includes('problem+json');
  // Some gateways label problems plain application/json: accept any object with a problem's fields.
  const looksLikeProblem = 'title' in candidate || 'errorCode' in candidate || 'detail' in candidate;
  return labelled || looksLikeProblem ? candidate : undefined;
}

/**
 * The problem's fields whichever casing they come in. The seed spells the lock-out period
 * `LockOutPeriodInSeconds` (.NET's property name) while JSON serializers usually send
 * `lockOutPeriodInSeconds`; real servers have been seen doing each (VENDOR-NOTES.md), so every
 * field is read in both, the camelCase one first.
 */
function camelCaseProblem(json: Record<string, unknown>): VistaProblem {
  const problem: Record<string, unknown> = { ...json };
  for (const field of PROBLEM_FIELDS) {
    const pascal = field[0]!.toUpperCase() + field.slice(1);
    if ((problem[field] === undefined || problem[field] === null) && json[pascal] !== undefined) problem[field] = json[pascal];
  }
  return problem as VistaProblem;
}

/** True when the sign-in needs the site's reCAPTCHA answer (`g-recaptcha-response`). */
export function isRecaptchaRequired(error: unknown): boolean {
  if (!(error instanceof VendorError) || error.vendor !== 'vista') return false;
  if (Number(error.code) === VISTA_RECAPTCHA_REQUIRED) return true;
  const problem = error.details as VistaProblem | undefined;
  return /recaptcha/i.test(`${problem?.title ?? ''} ${problem?.detail ?? ''}`);
}
