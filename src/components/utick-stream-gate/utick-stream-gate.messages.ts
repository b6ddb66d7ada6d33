/** Every string <utick-stream-gate> writes itself, in the five languages of the package. */
import type { Catalog } from '../../shared/locale.js';
import type { StreamGateMessages } from './utick-stream-gate.messages.types.js';

export type { GrantCode, StreamGateMessages } from './utick-stream-gate.messages.types.js';

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
