/** The events of `<vista-member-login>`: one class each, typed on `GlobalEventHandlersEventMap`. */
import type { VistaMember } from '../../api/vista/types.js';
import { WidgetEvent, type WidgetErrorDetail } from '../../shared/events.js';

/** `detail` of `vista-member-login`. */
export interface VistaMemberLoginDetail {
  /** The member, where Vista told us (`members/current`). */
  member?: VistaMember;
  /** Token mode: the `access_token` to send as `LoyaltySessionToken` (it is refreshed; read it again on each login event). */
  token?: string;
  /** True when the session was found at start-up (remembered, or a cookie session) rather than signed in now. */
  restored: boolean;
}

/** `detail` of `vista-member-logout`: `sign-out` (the member chose to), or `expired` (Vista ended the session). */
export interface VistaMemberLogoutDetail {
  reason: 'sign-out' | 'expired';
}

export class VistaMemberLoginEvent extends WidgetEvent<VistaMemberLoginDetail> {
  constructor(detail: VistaMemberLoginDetail) {
    super('vista-member-login', detail);
  }
}
export class VistaMemberLogoutEvent extends WidgetEvent<VistaMemberLogoutDetail> {
  constructor(detail: VistaMemberLogoutDetail) {
    super('vista-member-logout', detail);
  }
}
export class VistaMemberErrorEvent extends WidgetEvent<WidgetErrorDetail> {
  constructor(detail: WidgetErrorDetail) {
    super('vista-member-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vista-member-login': VistaMemberLoginEvent;
    'vista-member-logout': VistaMemberLogoutEvent;
    'vista-member-error': VistaMemberErrorEvent;
  }
}
