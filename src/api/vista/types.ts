/**
 * Vista OCAPI payloads, as they travel on the wire (snake_case for the member authentication
 * forms, camelCase for JSON). Sources: the seeds vista-ocapi-member-authentication.txt,
 * vista-ocapi-subscription-tickets.txt, vista-ocapi-third-party-member-tickets.txt and the Vista
 * part of VENDOR-NOTES.md. The seeds mark most fields nullable; so do these types.
 */

/** A text that may come translated: pick one with `localizedText` (text.ts). */
export type LocalizableText = string | LocalizedTextObject;

export interface LocalizedTextObject {
  /** The default text, used when no translation fits the page's locale. */
  text: string;
  translations: TextTranslation[];
}

export interface TextTranslation {
  /** BCP 47, e.g. `fr`, `nl-BE`. */
  languageTag: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Member authentication (CreateAuthenticationToken / CreateAuthenticationCookie)

export type MemberGrantType = 'password' | 'refresh_token' | 'external_issuer';

/** Fields every member authentication request may carry. */
interface MemberAuthenticationCommon {
  /** The loyalty club, when the tenant runs more than one. */
  club_id?: string;
  /** A longer-lived refresh token ("keep me signed in"). */
  remember?: boolean;
}

/** Sign-in with a username or an email and a password. */
export interface PasswordAuthenticationRequest extends MemberAuthenticationCommon {
  grant_type: 'password';
  username?: string;
  email?: string;
  password: string;
  /**
   * The answer of the site's reCAPTCHA widget, for accounts that must pass one. ASSUMPTION: the
   * seed is silent; OCAPI sites post reCAPTCHA's standard field name (the mock checks it).
   */
  'g-recaptcha-response'?: string;
}

/** A new access token for a refresh token from an earlier sign-in. */
export interface RefreshTokenAuthenticationRequest extends MemberAuthenticationCommon {
  grant_type: 'refresh_token';
  refresh_token: string;
}

/**
 * A token from an external identity provider. The seed: it fails unless the token links to a
 * single loyalty member, so it does not suit social sign-in.
 */
export interface ExternalIssuerAuthenticationRequest extends MemberAuthenticationCommon {
  grant_type: 'external_issuer';
  external_issuer_id: string;
  external_token: string;
}

/** The seed's "member authentication request", one form per grant type. */
export type MemberAuthenticationRequest =
  | PasswordAuthenticationRequest
  | RefreshTokenAuthenticationRequest
  | ExternalIssuerAuthenticationRequest;

/**
 * The seed's "member workstation authentication request" (box-office devices). The member is
 * identified by card number or phone number with a PIN, or by username/email with a password.
 * The seed requires `grant_type` without listing its values; we send `password` (an assumption).
 */
export interface WorkstationAuthenticationRequest {
  grant_type: string;
  card_number?: string;
  phone_number?: string;
  pin?: string;
  username?: string;
  email?: string;
  password?: string;
  club_id?: string;
}

/** CreateAuthenticationToken's answer. `access_token` travels as the `LoyaltySessionToken` header. */
export interface AuthenticationTokenResponse {
  access_token: string;
  /** "Bearer". */
  token_type: string;
  /** Seconds until `access_token` expires. */
  expires_in: number;
  refresh_token: string | null;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Every OCAPI error (VENDOR-NOTES.md), served as `application/problem+json`. */
export interface VistaProblem {
  type?: string | null;
  status?: number | null;
  title?: string | null;
  detail?: string | null;
  instance?: string | null;
  correlationId?: string | null;
  errorCode?: number | string | null;
  /** Only with error code 32000: the member is locked out for this long. */
  lockOutPeriodInSeconds?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Members

export interface PersonName {
  givenName: string | null;
  familyName: string | null;
  middleName: string | null;
}

/**
 * The signed-in member, as `GET members/current` returns it. The seeds do not document this
 * answer; this is the minimum an element needs to greet the member and pick their club and
 * cards: an id, a name (the same `PersonName` the redemption cards use), an email, the club, and
 * whether the session may change details (workstation sessions may not, per the seed).
 */
export interface VistaMember {
  id: string;
  name: PersonName;
  email: string | null;
  username: string | null;
  clubId: string;
  /** Loyalty card number, masked as on a receipt. */
  maskedCardNumber: string | null;
  /** False for a workstation session (the seed: it "does not have permission to update member details"). */
  canUpdateDetails: boolean;
}

/** What `PATCH members/current` may change (not allowed for workstation sessions). */
export interface MemberDetailsUpdate {
  name?: Partial<PersonName>;
  email?: string;
}

/** The answer of `GET members/current` (wrapped, like the other member collections). */
export interface CurrentMemberResponse {
  member: VistaMember;
}

// ---------------------------------------------------------------------------------------------
// Ticket redemption cards

export type TicketRedemptionCardType = 'MemberSubscriptionCard' | 'ThirdPartyMemberCard';

/** `Active` is the seed's only value; the mock also uses `Inactive` (an expired subscription). */
export type TicketRedemptionCardStatus = 'Active' | 'Inactive' | (string & {});

/** A card that can pay for tickets: a member's (or a friend's shared) subscription, or a third-party card. */
export interface TicketRedemptionCard {
  id: string;
  type: TicketRedemptionCardType;
  maskedCardNumber: string | null;
  subscriptionId: number | null;
  thirdPartyMemberSchemeId: string | null;
  memberName: PersonName | null;
  /** Set when a friend shared the card with the member; `null` for the member's own card. */
  friendId?: string | null;
  /** Only on GetMemberTicketRedemptionCards; `Active` cards can redeem tickets. */
  status?: TicketRedemptionCardStatus;
}

/** How many tickets a card may redeem for one showtime. */
export interface RedemptionLimit {
  isUnlimited: boolean;
  /** Meaningless when `isUnlimited`. */
  maximum: number | null;
  minimum: number | null;
}

export interface CardNumberFormat {
  /** A pattern a partly typed number must match, when the scheme has one. */
  partialFormat: string | null;
  /** A pattern the whole number must match, when the scheme has one. */
  fullFormat: string | null;
  /** How many leading characters identify the scheme. */
  prefixLength: number;
}

export interface ThirdPartyMemberScheme {
  id: string;
  name: LocalizableText;
  cardNumberFormat: CardNumberFormat | null;
  redemptionLimitPerShowtime: number | null;
}

/** Answer of GetThirdPartyMemberSchemes in the API's form; the guide shows a bare array instead. */
export interface ThirdPartyMemberSchemesResponse {
  thirdPartyMemberSchemes: ThirdPartyMemberScheme[];
}

export interface MemberTicketRedemptionCardsResponse {
  ticketRedemptionCards: TicketRedemptionCard[];
}

/** Adds the member's (or a friend's shared) subscription card to an order. */
export interface AddMemberTicketRedemptionCardRequest {
  type: 'MemberTicketRedemptionCard';
  memberTicketRedemptionCardId: string;
  showtimeId: string;
}

/** Adds a third-party member card, identified by its number, to an order. */
export interface AddThirdPartyMemberCardRequest {
  type: 'ThirdPartyMemberCard';
  credentials: { cardNumber: string; thirdPartyMemberSchemeId: string };
  showtimeId: string;
}

export type AddTicketRedemptionCardRequest = AddMemberTicketRedemptionCardRequest | AddThirdPartyMemberCardRequest;

/**
 * A ticket type the card can redeem for the showtime. Not in the seeds (they never say where
 * `ticketTypeId` comes from): the mock adds them to AddTicketRedemptionCard's answer.
 */
export interface RedemptionTicketType {
  id: string;
  name: LocalizableText;
  priceInCents: number;
}

export interface AddTicketRedemptionCardResponse {
  ticketRedemptionCard: TicketRedemptionCard;
  redemptionLimit: RedemptionLimit;
  /** Mock extension (see `RedemptionTicketType`); absent on a real server. */
  ticketTypes?: RedemptionTicketType[];
}

/** One ticket of SetShowtime. `id` is generated by the client (a UUID) and names the ticket in the order. */
export interface ShowtimeTicket {
  id: string;
  ticketTypeId: string;
  /** Required for a redemption ticket: the id AddTicketRedemptionCard returned. */
  ticketRedemptionCardId?: string | null;
}

export interface SetShowtimeRequest {
  tickets: ShowtimeTicket[];
}

/** A ticket in the order, as SetShowtime returns it. */
export interface OrderTicket extends ShowtimeTicket {
  ticketRedemptionCardId: string | null;
  priceInCents: number;
}

/**
 * One form SetShowtime's answer may take: the order's showtime with its tickets. The seeds show
 * no answer (204, the order, the showtime: see `docs/vendor-readings.md`).
 */
export interface SetShowtimeResponse {
  orderId: string;
  showtime: { id: string; tickets: OrderTicket[] };
}

/** What `setShowtime` resolves to once Vista accepted (any 2xx). */
export interface SetShowtimeResult {
  /** The tickets sent, with the ids they were given: what the showtime now holds. */
  sent: ShowtimeTicket[];
  /** The showtime's tickets as Vista's answer lists them, when it lists them. */
  orderTickets?: OrderTicket[];
  /** The answer's body, parsed (undefined when empty or not JSON). */
  answer: unknown;
}
