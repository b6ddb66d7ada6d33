/**
 * The events of the two Utick elements, declared once: `utick-error` comes from both, so its
 * shape and its place in `GlobalEventHandlersEventMap` live here rather than in either.
 */
import type { UtickControlCode } from '../../api/utick/types.js';
import { WidgetEvent, type WidgetErrorDetail } from '../events.js';

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

/** Utick opened the stream to this patron (just now, or remembered from an earlier visit). */
export class UtickAccessGrantedEvent extends WidgetEvent<UtickAccessGrantedDetail> {
  constructor(detail: UtickAccessGrantedDetail) {
    super('utick-access-granted', detail);
  }
}

/** Utick refused the code or the contact. */
export class UtickAccessDeniedEvent extends WidgetEvent<UtickAccessDeniedDetail> {
  constructor(detail: UtickAccessDeniedDetail) {
    super('utick-access-denied', detail);
  }
}

/** An element could not load, or a check failed. */
export class UtickErrorEvent extends WidgetEvent<WidgetErrorDetail> {
  constructor(detail: WidgetErrorDetail) {
    super('utick-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'utick-access-granted': UtickAccessGrantedEvent;
    'utick-access-denied': UtickAccessDeniedEvent;
    'utick-error': UtickErrorEvent;
  }
}
