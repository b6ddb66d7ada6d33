/** The Vista OCAPI client: member authentication, the current member, ticket redemption. */
export * from './types.js';
export { createVistaMembersClient, type VistaMembersClient } from './members.js';
export { createVistaRedemptionClient, type VistaRedemptionClient, type ShowtimeTicketInput } from './redemption.js';
export {
  isMemberLockedOut,
  isMemberSessionExpired,
  isRecaptchaRequired,
  vistaProblemToError,
  MEMBER_SESSION_EXPIRED_TITLE,
  VISTA_LOCKED_OUT,
  VISTA_RECAPTCHA_REQUIRED,
} from './problem.js';
export { localizedText } from './text.js';
export type { VistaCallOptions, VistaClientConfig } from './call.js';
