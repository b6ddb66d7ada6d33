/**
 * The element's late chunk (controllers/member-actions.ts: the sign-in calls, Vista's refusals,
 * the details editor), fetched once for every element on the page, and the code it is handed:
 * it imports none of the element's modules (only its own words and the lock-out), since a chunk
 * importing them would move them, and Lit, out of the element's module into a shared chunk that
 * costs more than the late one saves.
 */
import { html } from 'lit';
import { lateChunk } from '../../../shared/late-content.js';
import { clock, renderField } from '../../../shared/vista/form.js';
import { ConfigError, VendorError } from '../../../api/errors.js';
import { createVistaMembersClient } from '../../../api/vista/members.js';
import { isMemberLockedOut, isRecaptchaRequired } from '../../../api/vista/problem.js';
import { askVistaWhoIsSignedIn, isNobodySignedIn, tokenFromAnswer, updateVistaMember, vistaConfigOf, withVistaMember } from '../../../shared/vista/session.js';
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
  isMemberLockedOut,
  isRecaptchaRequired,
  updateVistaMember,
  withVistaMember,
  html,
  clock,
  renderField,
};

export type SignInCalls = typeof import('./member-actions.js');
/** Fetched when the element connects; a failed fetch (offline) is a NetworkError, tried again by the next attempt. */
const signInCalls = lateChunk(() => import('./member-actions.js'));

/** The chunk, once here (the member panel's details editor renders from it). */
export const signInCallsIfLoaded = (): SignInCalls | undefined => signInCalls.module;

/** Fetches the late chunk (started when the element connects): one fetch for every element on the page. */
export const loadSignInCalls = (): Promise<SignInCalls> => signInCalls.load();
