/** Every string <utick-stream-gate> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';

/** The return codes that grant access (seed: "Return code"). */
export type GrantCode = 1 | 10 | 20 | 30;

export interface StreamGateMessages {
  loading: string;
  /** Labels of the date lines. */
  starts: string;
  ends: string;
  accessUntil: string;
  /** A stream without dates. */
  onDemand: string;
  /** Label of the countdown before `starttime`; then the time left. */
  startsIn: string;
  countdown: (days: number, clock: string) => string;
  /** Status 10 after `accessendtime`. */
  closed: (when: string) => string;
  /** Status 20. */
  cancelled: string;
  /** Status 11. */
  noBooking: string;
  /** Any other status (drafts, archives, deleted, codes the seed does not list). */
  unavailable: string;
  codeLabel: string;
  codeHint: string;
  /** `freeaccess_packs`, `freeaccess_seats` (seed): who watches for free, and with which code. */
  freeForPackHolders: string;
  freeForTicketHolders: string;
  freeForBoth: string;
  submit: string;
  checking: string;
  /** What each granting return code means for the patron. */
  granted: Record<GrantCode, string>;
  /** Restored from an earlier visit. */
  grantedBefore: string;
  grantedUntil: (when: string) => string;
  /** -1 for a typed code. */
  denied: string;
  /** -1 for the page's contact id: the patron can still type a code. */
  deniedContact: string;
  /** An answer the seed does not list: treated as a refusal. */
  deniedUnknown: (code: number) => string;
  tooManyAttempts: (minutes: number) => string;
  /** The link to `shop_url`, for those without access. */
  noCodeYet: string;
  buyAccess: string;
  boxOffice: string;
  /** The fallback when the page slots no player: a link to the stream's `url`. */
  openStream: string;
}

export const STREAM_GATE_MESSAGES: Catalog<StreamGateMessages> = {
  en: {
    loading: 'Loading the stream…',
    starts: 'Starts',
    ends: 'Ends',
    accessUntil: 'Watch until',
    onDemand: 'On demand',
    startsIn: 'Starts in',
    countdown: (days, clock) => (days > 0 ? `${days} d ${clock}` : clock),
    closed: (when) => `This stream closed on ${when}.`,
    cancelled: 'This stream has been cancelled.',
    noBooking: 'Access to this stream is not on sale online.',
    unavailable: 'This stream is not available.',
    codeLabel: 'Access code',
    codeHint: 'You will find it in your booking confirmation.',
    freeForPackHolders: 'Free for pack holders: enter the code from your pack’s confirmation.',
    freeForTicketHolders: 'Free with a ticket for the performance: enter the code from your ticket’s confirmation.',
    freeForBoth: 'Free for pack holders and for ticket holders of the performance: enter the code from your confirmation.',
    submit: 'Watch',
    checking: 'Checking your code…',
    granted: {
      1: 'Access granted. Enjoy the show!',
      10: 'Access granted: you bought this stream.',
      20: 'Access granted with your ticket for this show.',
      30: 'Access granted with your pack.',
    },
    grantedBefore: 'Welcome back: your access is still valid.',
    grantedUntil: (when) => `You can watch until ${when}.`,
    denied: 'This code does not open this stream. Check it against your booking confirmation.',
    deniedContact: 'Your account has no access to this stream. If you have an access code, enter it below.',
    deniedUnknown: (code) => `Access was not granted (answer ${code}).`,
    tooManyAttempts: (minutes) => `Too many attempts. Please try again in ${minutes} min.`,
    noCodeYet: 'No access code yet?',
    buyAccess: 'Buy access',
    boxOffice: 'Box office',
    openStream: 'Open the stream',
  },
  others: () => import('./utick-stream-gate.messages.i18n.js'),
};
