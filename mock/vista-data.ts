/**
 * The Vista mock's demo data: members, their subscription cards, third-party schemes and cards,
 * tokens and the error codes the mock answers with. Static on purpose (a demo and a test both
 * sign in with the same credentials); per-world randomness (tokens, ids) lives in vista.ts.
 * `GET /__mock/vista/members` serves all of this.
 */

/** The site's OCAPI bearer token. A missing token is accepted (the demo runs without one); a wrong one is refused. */
export const SITE_API_TOKEN = 'ocapi_site_2f9c1e7b4a6d';

/** Central Identity Management device (DIM) tokens of box-office workstations. */
export const DEVICE_TOKENS = ['dim_boxoffice_antwerp_01_x7Qp', 'dim_kiosk_ghent_02_M3tz'] as const;

/** The club a sign-in without `club_id` belongs to. */
export const DEFAULT_CLUB_ID = '1';

export const CLUBS = [
  { id: '1', name: 'Cinema Lumière Loyalty' },
  { id: '2', name: 'Lumière Premiere Club' },
] as const;

/** Access tokens live this long (seconds, on the world clock). */
export const ACCESS_TOKEN_SECONDS = 1800;
/** Refresh tokens (and cookie sessions) without `remember`. */
export const REFRESH_TOKEN_SECONDS = 24 * 3600;
/** Refresh tokens (and cookie sessions) with `remember=true`. */
export const REMEMBERED_REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
/** Wrong passwords in a row before error 32000. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_OUT_SECONDS = 30;

/**
 * Error codes. Only 32000 is in the seeds; the others are the mock's assumptions (OCAPI's real
 * numbers are not public), grouped like it: 32xxx member authentication, 34xxx redemption.
 */
export const ERROR_CODES = {
  lockedOut: 32000,
  invalidCredentials: 32001,
  /** Assumption: the account must pass a reCAPTCHA (send `g-recaptcha-response`, any value, in the form). */
  recaptchaRequired: 32002,
  invalidRefreshToken: 32003,
  externalTokenNotLinked: 32004,
  workstationCannotUpdateMember: 32005,
  cardNotFound: 34001,
  cardDeclined: 34002,
  cardNotActive: 34003,
  cardNotOnOrder: 34004,
  overRedemptionLimit: 34010,
  underRedemptionMinimum: 34011,
  duplicateTicketId: 34012,
  ticketTypeNotAvailable: 34013,
} as const;

export interface DemoLimit {
  isUnlimited: boolean;
  maximum: number | null;
  minimum: number | null;
}

export interface DemoSubscriptionCard {
  id: string;
  subscriptionId: number;
  cardNumber: string;
  status: 'Active' | 'Inactive';
  limit: DemoLimit;
  /** Members (by id) the owner shared the card with. */
  sharedWith: string[];
}

export interface DemoMember {
  id: string;
  clubId: string;
  givenName: string;
  familyName: string;
  middleName: string | null;
  email: string;
  username: string;
  password: string;
  /** Loyalty card number and PIN, and phone number, for workstation sign-in. */
  cardNumber: string;
  phoneNumber: string;
  pin: string;
  requiresRecaptcha: boolean;
  externalTokens: { issuerId: string; token: string }[];
  subscriptionCards: DemoSubscriptionCard[];
  /** What the member is for, in the demo. */
  purpose: string;
}

export const MEMBERS: DemoMember[] = [
  {
    id: '6f1c2d3e-8a41-4c7b-9e02-5d3a7b1c4e21',
    clubId: '1',
    givenName: 'Emma',
    familyName: 'Janssens',
    middleName: 'Louise',
    email: 'emma.janssens@example.com',
    username: 'emma.janssens',
    password: 'Popcorn-2027',
    cardNumber: '6004100000004821',
    phoneNumber: '+32470123456',
    pin: '4821',
    requiresRecaptcha: false,
    externalTokens: [{ issuerId: 'lumiere-sso', token: 'sso-emma-7d41' }],
    subscriptionCards: [
      {
        id: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
        subscriptionId: 1201,
        cardNumber: '7100000012014821',
        status: 'Active',
        limit: { isUnlimited: false, maximum: 2, minimum: 1 },
        sharedWith: [],
      },
      {
        id: 'b3e1f7a2-1c5d-4f8e-a9b0-7c2d6e4f1a93',
        subscriptionId: 1187,
        cardNumber: '7100000011873310',
        status: 'Inactive',
        limit: { isUnlimited: false, maximum: 2, minimum: 1 },
        sharedWith: [],
      },
    ],
    purpose: 'Normal member: subscription card (Active), an expired one (Inactive), and a friend\'s shared card',
  },
  {
    id: 'a8d4e2f1-3b6c-4d7e-8f90-1a2b3c4d5e6f',
    clubId: '1',
    givenName: 'Lucas',
    familyName: 'Maes',
    middleName: null,
    email: 'lucas.maes@example.com',
    username: 'lucas.maes',
    password: 'Encore-2027',
    cardNumber: '6004100000007755',
    phoneNumber: '+32471555777',
    pin: '7755',
    requiresRecaptcha: false,
    externalTokens: [],
    subscriptionCards: [
      {
        id: 'f41d4c72-96c0-481b-ac55-a3286e384fd5',
        subscriptionId: 1322,
        cardNumber: '7100000013227755',
        status: 'Active',
        limit: { isUnlimited: true, maximum: null, minimum: 0 },
        sharedWith: ['6f1c2d3e-8a41-4c7b-9e02-5d3a7b1c4e21'],
      },
    ],
    purpose: 'Emma\'s friend: shares an unlimited subscription card with her',
  },
  {
    id: 'c2b7e9d1-4f3a-4b8c-9d6e-2f1a8b7c6d54',
    clubId: '2',
    givenName: 'Noah',
    familyName: 'Dubois',
    middleName: null,
    email: 'noah.dubois@example.com',
    username: 'noah.dubois',
    password: 'Matinee-2027',
    cardNumber: '6004200000001937',
    phoneNumber: '+32470987654',
    pin: '1937',
    requiresRecaptcha: false,
    externalTokens: [],
    subscriptionCards: [
      {
        id: '0e6a2b4c-7d8f-4a1b-b2c3-d4e5f6a7b8c9',
        subscriptionId: 2044,
        cardNumber: '7200000020441937',
        status: 'Active',
        limit: { isUnlimited: false, maximum: 4, minimum: 2 },
        sharedWith: [],
      },
    ],
    purpose: 'Member of club 2: signs in only with club_id=2; card needs 2 to 4 tickets',
  },
  {
    id: 'd9e8f7a6-5b4c-4d3e-8f2a-1b0c9d8e7f65',
    clubId: '1',
    givenName: 'Sofia',
    familyName: 'Martin',
    middleName: null,
    email: 'sofia.martin@example.com',
    username: 'sofia.martin',
    password: 'Trailer-2027',
    cardNumber: '6004100000003306',
    phoneNumber: '+32472330600',
    pin: '3306',
    requiresRecaptcha: true,
    externalTokens: [],
    subscriptionCards: [],
    purpose: `Account requires reCAPTCHA: error ${ERROR_CODES.recaptchaRequired} unless the form has g-recaptcha-response`,
  },
  {
    id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
    clubId: '1',
    givenName: 'Liam',
    familyName: 'Peeters',
    middleName: null,
    email: 'liam.peeters@example.com',
    username: 'liam.peeters',
    password: 'Interval-2027',
    cardNumber: '6004100000009012',
    phoneNumber: '+32473901200',
    pin: '9012',
    requiresRecaptcha: false,
    externalTokens: [],
    subscriptionCards: [],
    purpose: `Lock-out demo: ${MAX_FAILED_SIGN_INS} wrong passwords give error 32000 (${LOCK_OUT_SECONDS} s), then 429 while locked (any member can be locked out)`,
  },
];

export interface DemoText {
  text: string;
  translations: { languageTag: string; text: string }[];
}

function translated(text: string, fr: string, nl: string, de: string, es: string): DemoText {
  return {
    text,
    translations: [
      { languageTag: 'fr', text: fr },
      { languageTag: 'nl', text: nl },
      { languageTag: 'de', text: de },
      { languageTag: 'es', text: es },
    ],
  };
}

export interface DemoScheme {
  id: string;
  name: DemoText;
  cardNumberFormat: { partialFormat: string | null; fullFormat: string | null; prefixLength: number };
  redemptionLimitPerShowtime: number | null;
  /** The redemption limit each of the scheme's cards gets. */
  limit: DemoLimit;
  /** The surcharge of the scheme's ticket type. */
  priceInCents: number;
}

export const SCHEMES: DemoScheme[] = [
  {
    id: 'CINECARD',
    name: translated('CinéCard Unlimited', 'CinéCard Illimitée', 'CinéCard Onbeperkt', 'CinéCard Unbegrenzt', 'CinéCard Ilimitada'),
    cardNumberFormat: { partialFormat: '^6371\\d{0,12}$', fullFormat: '^6371\\d{12}$', prefixLength: 4 },
    // Each card is unlimited; the scheme still caps one showtime at 6 tickets.
    redemptionLimitPerShowtime: 6,
    limit: { isUnlimited: true, maximum: null, minimum: 0 },
    priceInCents: 150,
  },
  {
    id: 'STUDENTPASS',
    name: translated('Student Night Pass', 'Pass Soirée Étudiante', 'Studentenavondpas', 'Studentenabend-Pass', 'Pase Noche de Estudiantes'),
    cardNumberFormat: { partialFormat: '^STU\\d{0,8}$', fullFormat: '^STU\\d{8}$', prefixLength: 3 },
    redemptionLimitPerShowtime: 1,
    limit: { isUnlimited: false, maximum: 1, minimum: 1 },
    priceInCents: 0,
  },
  {
    id: 'DUOCLUB',
    name: translated('Duo Movie Club', 'Club Cinéma Duo', 'Duo Filmclub', 'Duo-Kinoclub', 'Club de Cine Dúo'),
    cardNumberFormat: { partialFormat: null, fullFormat: '^DUO-\\d{4}-\\d{4}$', prefixLength: 4 },
    redemptionLimitPerShowtime: 4,
    limit: { isUnlimited: false, maximum: 4, minimum: 2 },
    priceInCents: 0,
  },
];

/**
 * Sites and the form their scheme list comes in: `0001` answers `{thirdPartyMemberSchemes}`
 * (the API), `0002` a bare array (the guide); both list every scheme.
 */
export const SITES = [
  { id: '0001', name: 'Cinema Lumière Antwerpen', schemesAnswer: 'wrapped' },
  { id: '0002', name: 'Cinema Lumière Gent', schemesAnswer: 'bare-array' },
] as const;

export interface DemoThirdPartyCard {
  cardNumber: string;
  schemeId: string;
  holder: { givenName: string; familyName: string };
  /** Declined by the third-party system, with its reason. */
  declined?: string;
}

export const THIRD_PARTY_CARDS: DemoThirdPartyCard[] = [
  { cardNumber: '6371004412345678', schemeId: 'CINECARD', holder: { givenName: 'Olivia', familyName: 'Claes' } },
  {
    cardNumber: '6371009900000013',
    schemeId: 'CINECARD',
    holder: { givenName: 'Arthur', familyName: 'Wouters' },
    declined: 'This month\'s CinéCard visits have been used',
  },
  { cardNumber: 'STU20270042', schemeId: 'STUDENTPASS', holder: { givenName: 'Lena', familyName: 'Vermeulen' } },
  { cardNumber: 'DUO-2027-0815', schemeId: 'DUOCLUB', holder: { givenName: 'Thomas', familyName: 'Jacobs' } },
];

/** Ticket types anyone can buy, without a redemption card (SetShowtime accepts them). */
export const STANDARD_TICKET_TYPES = [
  { id: 'ADULT', name: translated('Adult', 'Adulte', 'Volwassene', 'Erwachsener', 'Adulto'), priceInCents: 1250 },
  { id: 'CHILD', name: translated('Child', 'Enfant', 'Kind', 'Kind', 'Niño'), priceInCents: 850 },
  { id: 'SENIOR', name: translated('Senior', 'Senior', 'Senior', 'Senior', 'Mayor'), priceInCents: 950 },
] as const;

/**
 * The venue's own redemption ticket type, which every card redeems: where a page gets its
 * `ticket-type-id` when Vista's card answer names none (reading `vista.ticketTypes`: `page`).
 */
export const MEMBER_TICKET_TYPE_ID = 'MEMBER';

export const SUBSCRIPTION_TICKET_NAME = translated(
  'Subscription ticket',
  'Billet abonnement',
  'Abonnementsticket',
  'Abo-Ticket',
  'Entrada de suscripción',
);
