/**
 * Typed payloads of the AudienceView Professional API (seed: audienceview-professional-api.txt):
 * the public "future events" API (calendar, series, events) and the scanning API.
 * Nullability follows the seed's tables; `""` may stand for an absent string as well as `null`
 * (VENDOR-NOTES), so treat both as "absent".
 */

// ---------------------------------------------------------------------------------------------
// System codes
// ---------------------------------------------------------------------------------------------

/** Event Display Codes: I invisible, M message (`customMessage`), T normal, C cancelled, S sold out. */
export type DisplayCode = 'I' | 'M' | 'T' | 'C' | 'S';

/** Event Availability Codes: N not available, P package holders only, A anyone. */
export type AvailabilityCode = 'N' | 'P' | 'A';

/** Event Production Statuses: D deleted, U under construction, T normal (the only one to show). */
export type ProductionStatus = 'D' | 'U' | 'T';

/** Event Production Colors: the background colour of a series, by `productionStyle`. */
export type ProductionStyle = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** The seed's production colour table: `productionStyle` → name and hex code. */
export const PRODUCTION_COLOURS: Readonly<Record<ProductionStyle, { readonly name: string; readonly hex: string }>> = {
  0: { name: 'White', hex: '#ffffff' },
  1: { name: 'Light Pink', hex: '#ffe2e9' },
  2: { name: 'Light Blue', hex: '#e2f1ff' },
  3: { name: 'Light Green', hex: '#ddffbb' },
  4: { name: 'Light Purple', hex: '#eadfff' },
  5: { name: 'Light Yellow', hex: '#fff5ce' },
  6: { name: 'Dark Blue', hex: '#b6c5f4' },
  7: { name: 'Light Brown', hex: '#eddac7' },
  8: { name: 'Beige', hex: '#ffe7d7' },
  9: { name: 'Dark Green', hex: '#dcecdc' },
};

/** Scanning Error Codes 1–17. */
export type ScanningErrorCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17;

/** The ticket-level codes: the ticket may not enter, but the session is fine. */
export type TicketErrorCode = 8 | 9 | 10 | 11 | 12 | 13 | 14;

export interface ScanningErrorCodeInfo {
  /** The seed's short name. */
  readonly name: string;
  /**
   * `errorCodeKey` for i18n. The seed shows only `error.authentication.password_expired` (4) and
   * `error.ticket.not_valid` (11); the others follow the same pattern (our choice).
   */
  readonly key: string;
  /** The session is over: sign in again. */
  readonly forceLogout: boolean;
}

/**
 * The seed's scanning error table. Force-logout: 4, 5, 6 and 17 per the seed's descriptions
 * ("they must reauthenticate"); 1 (no usable Authorization header) and 3 (no scanning
 * permission: no token will ever work) too, because no call can succeed until the user signs in
 * again. Everything else leaves the token usable.
 */
export const SCANNING_ERROR_CODES: Readonly<Record<ScanningErrorCode, ScanningErrorCodeInfo>> = {
  1: { name: 'Authorization Header Invalid', key: 'error.authorization.header_invalid', forceLogout: true },
  2: { name: 'Authentication Failed', key: 'error.authentication.failed', forceLogout: false },
  3: { name: 'Not Authorized', key: 'error.authentication.not_authorized', forceLogout: true },
  4: { name: 'Password Expired', key: 'error.authentication.password_expired', forceLogout: true },
  5: { name: 'Token Expired', key: 'error.authorization.token_expired', forceLogout: true },
  6: { name: 'Token Not Valid', key: 'error.authorization.token_not_valid', forceLogout: true },
  7: { name: 'User Wrong Client', key: 'error.authorization.user_wrong_client', forceLogout: false },
  8: { name: 'Ticket Wrong Client', key: 'error.ticket.wrong_client', forceLogout: false },
  9: { name: 'Ticket Wrong Series', key: 'error.ticket.wrong_series', forceLogout: false },
  10: { name: 'Ticket Wrong Performance', key: 'error.ticket.wrong_performance', forceLogout: false },
  11: { name: 'Ticket Not Valid', key: 'error.ticket.not_valid', forceLogout: false },
  12: { name: 'Ticket Already Scanned', key: 'error.ticket.already_scanned', forceLogout: false },
  13: { name: 'Ticket Voided', key: 'error.ticket.voided', forceLogout: false },
  14: { name: 'Ticket Refunded', key: 'error.ticket.refunded', forceLogout: false },
  15: { name: 'Input Missing Required Field', key: 'error.input.missing_required_field', forceLogout: false },
  16: { name: 'Unanticipated Error', key: 'error.unanticipated', forceLogout: false },
  17: { name: 'Unanticipated Error Forced Logout', key: 'error.unanticipated.force_logout', forceLogout: true },
};

/** True for the codes that judge the ticket (8–14) rather than the request or the session. */
export function isTicketErrorCode(code: unknown): code is TicketErrorCode {
  return typeof code === 'number' && code >= 8 && code <= 14;
}

// ---------------------------------------------------------------------------------------------
// Public API (calendar, series, events)
// ---------------------------------------------------------------------------------------------

/**
 * An entry in `errors` / `warnings`. The seed only shows empty arrays; servers send strings, but
 * an object with a `message` has been seen too, so both are typed.
 */
export type PublicApiMessage = string | { message?: string; [key: string]: unknown };

export interface ServiceMessages {
  errors: PublicApiMessage[];
  warnings: PublicApiMessage[];
  infoMessages: PublicApiMessage[];
  allMessages: PublicApiMessage[];
}

/** The envelope every public answer shares. Errors come back as 200 with non-empty `errors`. */
export interface PublicApiResponse {
  serviceMessages: ServiceMessages | null;
  departmentId: number | null;
  clientId: number | null;
  clientName: string | null;
  clientActive: boolean;
  errors: PublicApiMessage[];
  warnings: PublicApiMessage[];
}

/** Event PerformanceEntryTime Object (timed entry, e.g. an exhibition). */
export interface PerformanceEntryTime {
  performanceEntryTimeId: number;
  /** "HH:mm:ss" */
  entryTime: string;
  /** "h:mm a" */
  entryTimeFormatted: string;
  /** "H" per the seed's table (its example shows two digits). */
  entryTimeHour: string;
  /** "m" per the seed's table (its example shows two digits). */
  entryTimeMinute: string;
  displaySoldOut: boolean;
}

/** Event Performance Object, as in the calendar and events answers. */
export interface Performance {
  performanceId: number;
  /**
   * Epoch ms, but NOT a true instant: the venue's wall-clock time read as US Eastern
   * (VENDOR-NOTES). Build the start from `performanceDate` + `performanceTime24` in the venue's zone.
   */
  performanceStart: number;
  /** "MM/dd/yyyy" */
  performanceDate: string;
  /** "h:mm a" */
  performanceTime: string;
  /** "HH:mm:ss" */
  performanceTime24: string;
  /** "EEE, MMM d, yyyy - h:mm a" */
  performanceStartDate: string;
  performanceSuperTitle: string | null;
  performanceSubTitle: string | null;
  /** May hold HTML: sanitize. */
  performanceNotes: string | null;
  availabilityCode: AvailabilityCode;
  displayCode: DisplayCode;
  productionId: number;
  productionName: string;
  /** Can be false while `availabilityCode` is 'A' (sold out, or past the shut-off). */
  hasAvailableTickets: boolean;
  /** Never show this to consumers (the seed says so, for security). */
  tixRemaining: number;
  /** Shown if and only if `displayCode` is 'M'. May hold HTML. */
  customMessage: string | null;
  noRemainingTicketsMessage: string | null;
  /** Hours before the start that web sales close; a float, can be negative. */
  shutoffHour: number;
  /** May hold HTML. */
  shutoffHourMessage: string | null;
  generalAdmission: boolean;
  allDayEvent: boolean;
  /** "MM/dd/yyyy"; meaningful when `allDayEvent`, often "" otherwise. */
  doorEntryStartDate: string;
  /** "h:mm a" */
  doorEntryStartTime: string;
  doorEntryEndDate: string;
  doorEntryEndTime: string;
  productionLogoLink: string | null;
  /** May hold HTML. */
  productionDescription: string | null;
  departmentId: number | null;
  departmentName: string | null;
  performanceEntryTimes: PerformanceEntryTime[] | null;
}

/** `GET /public/calendar/client(:clientId)[/production(:id)|/department(:id)]?month=&year=` */
export interface CalendarResponse extends PublicApiResponse {
  /**
   * "yyyy-MM-dd" → performances. Whole weeks (Sunday–Saturday) around the month, keys in no
   * particular order; neighbouring months repeat the edge days (de-duplicate by `performanceId`).
   */
  performancesByDateDisplay: Record<string, Performance[]>;
}

/** VenueAddress Object. */
export interface VenueAddress {
  line1: string;
  line2: string;
  city: string;
  /** Full state name. */
  state: string;
  stateAbbreviation: string | null;
  zipcode: string;
  country: string;
  countryAbbreviation: string | null;
}

/** ProductionVenue Object. */
export interface ProductionVenue {
  name: string;
  location: string | null;
  venuePhone: string | null;
  transitInfo: string | null;
  venueAddress: VenueAddress | null;
}

/** Series Information Object. */
export interface SeriesInformation {
  productionId: number;
  productionName: string;
  /** Only 'T' is for public display. */
  productionStatus: ProductionStatus;
  productionStyle: ProductionStyle;
  productionVenue: ProductionVenue | null;
  hasAvailableTickets: boolean;
  noRemainingMessage: string;
  shutoffHour: number;
  shutoffHourMessage: string;
  seriesSuperTitle: string | null;
  seriesSubTitle: string | null;
  /** May hold HTML. */
  purchaseAlert: string | null;
  /** May hold HTML. */
  productionDescription: string | null;
  productionLogoClientFileId: number | null;
  productionLogoLink: string | null;
  productionLogoAltName: string | null;
  /** Epoch ms of the first future performance (same wall-clock-as-Eastern quirk as `performanceStart`). */
  firstPerformanceDate: number;
  lastPerformanceDate: number;
  performanceIdIfOnlyOneEventAvailable: number | null;
  showLinkToBuyTickets: boolean;
  departmentId: number | null;
  departmentName: string | null;
}

/** `GET /public/series/client(:clientId)[/production(:id)|/department(:id)]` */
export interface SeriesResponse extends PublicApiResponse {
  seriesInformation: SeriesInformation[];
}

/** `GET /public/events/client(:clientId)[/production(:id)|/department(:id)]` */
export interface EventsResponse extends PublicApiResponse {
  /** All future performances, in start order. */
  performances: Performance[];
}

// ---------------------------------------------------------------------------------------------
// Scanning API
// ---------------------------------------------------------------------------------------------

/** Scanning Error Details Object. */
export interface ErrorDetails {
  errorCodeId: ScanningErrorCode;
  errorCodeKey: string;
  errorCodeName: string;
  forceLogout: boolean;
}

/** What every scanning answer carries ("Authorization Data Response"). */
export interface ScanningResponse {
  /** Epoch ms; moved to one hour after every call. */
  accessTokenExpiration: number | null;
  error: boolean;
  /** Displayable HTML (sanitize). */
  errorMessageHTML: string | null;
  errorDetails: ErrorDetails | null;
}

/** `POST /public/scanning/authenticate` body. */
export interface AuthenticateRequest {
  username: string;
  password: string;
}

export interface AuthenticateResponse extends ScanningResponse {
  accessToken: string | null;
  passwordExpiresOn: number | null;
  daysTillPasswordExpires: number | null;
}

/** `GET /public/scanning/validateToken` */
export type ValidateTokenResponse = ScanningResponse;

/** Scanning Performance Object. */
export interface FilterOptionsPerformance {
  performanceId: number;
  /** Epoch ms. */
  performanceStart: number;
}

/** Scanning Production Object. */
export interface FilterOptionsProduction {
  productionId: number;
  productionName: string;
  performances: FilterOptionsPerformance[] | null;
}

/** Scanning Client Object: `id` and the client's name in `value`. */
export interface FilterOptionsClient {
  id: number;
  value: string;
  productions: FilterOptionsProduction[] | null;
}

/** `GET /public/scanning/filterOptions` */
export interface FilterOptionsResponse extends ScanningResponse {
  clients: FilterOptionsClient[] | null;
}

/** `POST /public/scanning/validateTicket` body. */
export interface ValidateTicketRequest {
  barcodeString: string;
  clientId: number;
  productionId?: number | null;
  performanceId?: number | null;
}

/** Scannable Ticket Patron Address. */
export interface PatronAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
  country: string | null;
}

/** Scannable Ticket Patron Phone Number; `type` is home, cell, work or fax. */
export interface PatronPhone {
  phoneNumber: string | null;
  type: string | null;
}

/** Scannable Ticket Patron: only for users with the "patronReporting" permission. */
export interface Patron {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  billingAddress: PatronAddress | null;
  shippingAddress: PatronAddress | null;
  primaryPhoneNumber: PatronPhone | null;
}

/** `POST /public/scanning/validateTicket` answer ("Scan Response Data"). */
export interface ValidateTicketResponse extends ScanningResponse {
  name: string | null;
  performance: string | null;
  section: string | null;
  seat: string | null;
  ticketsScanned: number | null;
  ticketsSold: number | null;
  /** HTML: sanitize. */
  successMsg: string | null;
  patron: Patron | null;
}

/** `GET /public/scanning/cache/validTickets` query. */
export interface ValidTicketsQuery {
  clientId: number;
  productionId?: number | null;
  performanceId?: number | null;
}

/** Scannable Ticket Object. */
export interface ScannableTicket {
  ticketId: number;
  performanceId: number;
  productionName: string;
  /** Epoch ms. */
  performanceStartDate: number;
  barcode: string;
  alreadyScanned: boolean;
  refundedOrVoided: boolean;
  orderConsumerName: string | null;
  performance: string | null;
  section: string | null;
  seat: string | null;
  ticketsScanned: number | null;
  ticketsSold: number | null;
  patron: Patron | null;
}

export interface ValidTicketsResponse extends ScanningResponse {
  clientId: number;
  productionId: number | null;
  performanceId: number | null;
  tickets: ScannableTicket[];
}

/**
 * SyncTicket. The seed's example body names the barcode `barcode`, its table `barcodeString`;
 * servers differ (VENDOR-NOTES), so both are sent with the same value.
 */
export interface SyncTicket {
  ticketId: number;
  performanceId: number;
  barcode: string;
  barcodeString: string;
  /** Epoch ms when the ticket was scanned (offline). */
  scanTime: number;
}

/** `POST /public/scanning/cache/syncScans` body. */
export interface SyncScansRequest {
  clientId: number;
  productionId?: number | null;
  performanceId?: number | null;
  tickets: SyncTicket[];
}

/** Sync Scan Failure: show these to staff, never drop them. */
export interface SyncScanFailure {
  barcode: string;
  reason: string;
}

/**
 * `POST /public/scanning/cache/syncScans` answer. The seed's example has only `failedBarcodes`;
 * servers also send the common scanning fields, so they are optional here.
 */
export interface SyncScansResponse extends Partial<ScanningResponse> {
  failedBarcodes: SyncScanFailure[];
}
