/**
 * The English words only the late chunk (controllers/member-actions.ts) writes: Vista's refusals,
 * the lock-out's countdown, the reCAPTCHA notice, the details editor. They travel with that chunk,
 * not with the element's first load (a patron who never meets a refusal never needs them); the
 * other languages carry them with the rest of their words (vista-member-login.messages.i18n.ts).
 */
import type { AllLoginMessages, LateLoginMessages, LoginMessages } from './vista-member-login.messages.types.js';

const LATE_ENGLISH: LateLoginMessages = {
  wrongPassword: 'The email, username or password is not right',
  wrongPin: 'The card number, phone number or PIN is not right',
  lockedOut: 'Too many failed sign-in attempts. Signing in is locked for a while.',
  tryAgainIn: (c) => `Try again in ${c}`,
  lockedAnnouncement: (s) => (s >= 60 ? `Signing in is locked for ${Math.ceil(s / 60)} more minutes.` : `Signing in is locked for ${s} more seconds.`),
  unlocked: 'You can sign in again now.',
  tooManyAttempts: 'Too many attempts. Wait a moment, then try again.',
  recaptchaRequired: 'For your security this account must pass a reCAPTCHA check. Complete the check below, then sign in again.',
  recaptchaReady: 'Check complete: you can sign in now.',
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Your details are saved.',
};

/**
 * Every word, in the page's language: the element's words for it (another language's hold the
 * late ones too, and win), over the late chunk's English.
 */
export function lateWords(m: LoginMessages): AllLoginMessages {
  return { ...LATE_ENGLISH, ...m };
}
