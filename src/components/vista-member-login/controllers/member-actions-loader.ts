/**
 * The element's late chunk (controllers/member-actions.ts: the sign-in calls, Vista's refusals,
 * the details editor), fetched once for every element on the page, and the code it is handed:
 * it imports none of its own, since a chunk importing these modules would move them, and Lit,
 * out of the element's module into a shared chunk that costs more than the late one saves.
 */
import { html } from 'lit';
import { clock, renderField } from '../../../shared/vista/form.js';
import { ConfigError, NetworkError, VendorError } from '../../../api/errors.js';
import { createVistaMembersClient } from '../../../api/vista/members.js';
import { isMemberLockedOut, isRecaptchaRequired } from '../../../api/vista/problem.js';
import { askVistaWhoIsSignedIn, isNobodySignedIn, tokenFromAnswer, updateVistaMember, vistaConfigOf, withVistaMember } from '../../../shared/vista/session.js';
import { sessionModeOf } from './login-host.js';
import type { SignInTools } from './member-actions.js';

/** Handed to the late chunk. */
export const SIGN_IN_TOOLS: SignInTools = {
  ConfigError,
  VendorError,
  createVistaMembersClient,
  askVistaWhoIsSignedIn,
  isNobodySignedIn,
  tokenFromAnswer,
  vistaConfigOf,
  sessionModeOf,
  isMemberLockedOut,
  isRecaptchaRequired,
  updateVistaMember,
  withVistaMember,
  html,
  clock,
  renderField,
};

export type SignInCalls = typeof import('./member-actions.js');
let calls: Promise<SignInCalls> | undefined;
let loaded: SignInCalls | undefined;

/** The chunk, once here (the member panel's details editor renders from it). */
export const signInCallsIfLoaded = (): SignInCalls | undefined => loaded;

/** Fetches the late chunk (started when the element connects); a failed fetch (offline) is a NetworkError, tried again by the next attempt. */
export function loadSignInCalls(): Promise<SignInCalls> {
  calls ??= import('./member-actions.js').then(
    (chunk) => (loaded = chunk),
    (error: unknown) => {
      calls = undefined;
      throw new NetworkError(import.meta.url, { cause: error });
    },
  );
  return calls;
}
