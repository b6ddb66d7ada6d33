/**
 * What every framework binding needs to know about the eight elements, in one place: each tag's
 * element class and the events it fires. Types only: nothing here reaches a page's bytes.
 */
import type { LitElement } from 'lit';
import type { AvCalendar } from '../components/av-calendar/av-calendar.js';
import type { AvEventList } from '../components/av-event-list/av-event-list.js';
import type { AvSeriesList } from '../components/av-series-list/av-series-list.js';
import type { TicketScanner } from '../components/ticket-scanner/ticket-scanner.js';
import type { UtickPackList } from '../components/utick-pack-list/utick-pack-list.js';
import type { UtickStreamGate } from '../components/utick-stream-gate/utick-stream-gate.js';
import type { VistaMemberLogin } from '../components/vista-member-login/vista-member-login.js';
import type { VistaTicketRedemption } from '../components/vista-ticket-redemption/vista-ticket-redemption.js';

type Events<Name extends keyof GlobalEventHandlersEventMap> = Pick<GlobalEventHandlersEventMap, Name>;

/** Each tag: its element class and the events it fires (name → event type). */
export interface VenueWidgetElements {
  'av-calendar': { element: AvCalendar; events: Events<'av-performance-click' | 'av-month-change' | 'av-error'> };
  'av-series-list': { element: AvSeriesList; events: Events<'av-series-click' | 'av-error'> };
  'av-event-list': { element: AvEventList; events: Events<'av-performance-click' | 'av-error'> };
  'ticket-scanner': {
    element: TicketScanner;
    events: Events<'ticket-scan' | 'ticket-scanner-sync' | 'ticket-scanner-logout' | 'ticket-scanner-error'>;
  };
  'vista-member-login': { element: VistaMemberLogin; events: Events<'vista-member-login' | 'vista-member-logout' | 'vista-member-error'> };
  'vista-ticket-redemption': {
    element: VistaTicketRedemption;
    events: Events<'vista-redemption-card-added' | 'vista-showtime-tickets-set' | 'vista-redemption-error'>;
  };
  'utick-stream-gate': { element: UtickStreamGate; events: Events<'utick-access-granted' | 'utick-access-denied' | 'utick-error'> };
  'utick-pack-list': { element: UtickPackList; events: Events<'utick-error'> };
}

export type VenueWidgetTag = keyof VenueWidgetElements;

/** `ticket-scan` → `ticketScan`: how frameworks name an event's listener prop after `on`. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/**
 * The properties a page may set on an element (`clientId`, `limit`, …): its own public fields,
 * without Lit's and HTMLElement's members or methods. Attributes (`client-id`) are strings.
 */
export type WidgetProperties<E> = {
  [K in keyof E as K extends keyof LitElement ? never : E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** The attributes of each tag, kebab-case as in HTML (`client-id="284"`), from the contract. */
export interface VenueWidgetAttributes {
  'av-calendar': AvAttributes & { month?: string; view?: 'month' | 'list' | 'auto'; 'purchase-url'?: string };
  'av-series-list': AvAttributes & { 'production-url'?: string; 'purchase-url'?: string };
  'av-event-list': AvAttributes & { limit?: number | string; 'purchase-url'?: string };
  'ticket-scanner': CommonAttributes & {
    'client-id'?: number | string;
    'production-id'?: number | string;
    'performance-id'?: number | string;
    mode?: 'auto' | 'online' | 'offline';
    'hide-patron-names'?: boolean | '';
    'time-zone'?: string;
    'barcode-formats'?: string;
    'decoder-url'?: string;
  };
  'vista-member-login': CommonAttributes & {
    'api-token'?: string;
    mode?: 'token' | 'cookie' | 'workstation';
    'region-code'?: string;
    'club-id'?: string;
    'device-token'?: string;
  };
  'vista-ticket-redemption': CommonAttributes & {
    'api-token'?: string;
    mode?: 'token' | 'cookie' | 'workstation';
    'order-id'?: string;
    'showtime-id'?: string;
    'site-id'?: string;
    'ticket-type-id'?: string;
    'region-code'?: string;
  };
  'utick-stream-gate': CommonAttributes & { 'stream-id'?: string; 'contact-id'?: string; 'time-zone'?: string };
  'utick-pack-list': CommonAttributes & { limit?: number | string; 'time-zone'?: string };
}

interface CommonAttributes {
  'api-base'?: string;
  locale?: string;
}

interface AvAttributes extends CommonAttributes {
  'client-id'?: number | string;
  'production-id'?: number | string;
  'department-id'?: number | string;
  'time-zone'?: string;
}
