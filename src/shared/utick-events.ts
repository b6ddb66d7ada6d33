/**
 * The events of the two Utick elements, declared once: `utick-error` comes from both, so its
 * shape and its place in `GlobalEventHandlersEventMap` live here rather than in either.
 */
import type { UtickControlCode } from '../api/utick/types.js';
import type { WidgetErrorDetail, WidgetEvent } from './events.js';

/** `detail` of `utick-access-granted`. */
export interface UtickAccessGrantedDetail {
  streamId: string;
  /**
   * Utick's return code (1, 10, 20, 30). `null` when the grant was remembered from an earlier
   * visit: only the grant's expiry is kept, never the code or what it was for.
   */
  code: UtickControlCode | null;
  /** When the remembered grant ends (epoch ms): `access_duration` hours, never past `accessendtime`. */
  expiresAt: number;
  /** True when restored from this browser's memory rather than checked just now. */
  remembered: boolean;
}

/** `detail` of `utick-access-denied`: Utick's return code (-1, or a code the seed does not list). */
export interface UtickAccessDeniedDetail {
  streamId: string;
  code: number;
  /** How the patron asked: a typed code, or the page's `contact-id`. */
  via: 'access-code' | 'contact-id';
}

export type UtickAccessGrantedEvent = WidgetEvent<UtickAccessGrantedDetail>;
export type UtickAccessDeniedEvent = WidgetEvent<UtickAccessDeniedDetail>;
export type UtickErrorEvent = WidgetEvent<WidgetErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'utick-access-granted': UtickAccessGrantedEvent;
    'utick-access-denied': UtickAccessDeniedEvent;
    'utick-error': UtickErrorEvent;
  }
}
