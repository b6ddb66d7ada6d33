/**
 * Every word `<vista-member-login>` writes itself, in the five message languages. Vista's own
 * problem+json texts are English only, so the element explains each known refusal in these
 * words and shows Vista's text only for refusals it does not know. The English words only the
 * late chunk writes (Vista's refusals, the lock-out, the details editor) come with that chunk:
 * vista-member-login.messages.late.ts.
 */
import type { Catalog } from '../../shared/locale.js';
import type { LoginMessages } from './vista-member-login.messages.types.js';

export type { LoginMessages } from './vista-member-login.messages.types.js';

export const LOGIN_MESSAGES: Catalog<LoginMessages> = {
  en: {
    title: 'Sign in to your membership',
    login: 'Email or username',
    password: 'Password',
    remember: 'Keep me signed in on this device',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    workstationTitle: 'Find the member',
    identifyBy: 'Identify the member by',
    byCard: 'Card number',
    byPhone: 'Phone number',
    byLogin: 'Email or username and password',
    cardNumber: 'Card number',
    phoneNumber: 'Phone number',
    pin: 'PIN',
    summaryTitle: 'There is a problem',
    loginMissing: 'Enter your email address or username',
    passwordMissing: 'Enter your password',
    cardMissing: 'Enter the card number',
    phoneMissing: 'Enter the phone number',
    pinMissing: 'Enter the PIN',
    sessionExpired: 'Your session has ended. Please sign in again.',
    signedInAs: (n) => `Signed in as ${n}`,
    signedIn: 'You are signed in',
    card: (m) => `Card ${m}`,
    workstationNote: 'Box-office session: member details cannot be changed on this device.',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    editDetails: 'Edit my details',
  },
  others: () => import('./vista-member-login.messages.i18n.js'),
};
