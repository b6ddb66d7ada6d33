/**
 * Mock Vista OCAPI (api-base = origin + '/vista', paths `/ocapi/v1/...`). Seeds:
 * vista-ocapi-member-authentication.txt, vista-ocapi-subscription-tickets.txt,
 * vista-ocapi-third-party-member-tickets.txt; quirks from VENDOR-NOTES.md.
 *
 * Demo credentials (also served by `GET /__mock/vista/members`; data in vista-data.ts):
 *   Site API token (optional; a WRONG one answers 401):  ocapi_site_2f9c1e7b4a6d
 *   Workstation DIM tokens:  dim_boxoffice_antwerp_01_x7Qp, dim_kiosk_ghent_02_M3tz
 *   emma.janssens@example.com / emma.janssens  Popcorn-2027   club 1, card 6004100000004821 PIN 4821,
 *       phone +32470123456; subscription card Active (2 max, 1 min), an Inactive one, and
 *       Lucas's shared unlimited card. External issuer `lumiere-sso`, token `sso-emma-7d41`.
 *   lucas.maes@example.com      Encore-2027      club 1 (Emma's friend)
 *   noah.dubois@example.com     Matinee-2027     club 2 only: needs club_id=2 (card: 2 to 4 tickets)
 *   sofia.martin@example.com    Trailer-2027     reCAPTCHA required: error 32002 (403) unless the
 *       form carries `g-recaptcha-response` (any value). ASSUMPTION: OCAPI's code and field are not public.
 *   liam.peeters@example.com    Interval-2027    lock-out demo: the 5th wrong password in a row
 *       answers 401 errorCode 32000 with lockOutPeriodInSeconds 30; while locked, every attempt
 *       answers 429 (Retry-After) with 32000 and the seconds left. Any member can be locked out.
 *   Third-party cards: CINECARD 6371004412345678 (unlimited), 6371009900000013 (declined),
 *       STUDENTPASS STU20270042 (exactly 1), DUOCLUB DUO-2027-0815 (2 to 4). Sites 0001
 *       (schemes wrapped) and 0002 (bare array, the guide's form).
 *
 * Decisions where the seeds are silent (ASSUMPTIONS):
 * - Wrong credentials: 401, errorCode 32001. Bad refresh token 401/32003; external token not
 *   linked to one member 401/32004. Missing fields: 400 validation problem (no errorCode).
 * - No member session: 401 "Member authentication required"; unknown or expired
 *   `LoyaltySessionToken` (or auth cookie): 403 "Loyalty Member Authentication Token Expired".
 * - Cookie sessions last as long as the refresh token would (the seed: the API refreshes the
 *   cookie itself), so the mock never expires them early. The HttpOnly session cookie's Path is
 *   the world's api-base path rather than `/`: every world shares the mock's one origin. The
 *   readable `vista-loyalty-member-is-authenticated` cookie has `Path=/`, as on the vendor's host,
 *   so a page on the same host (the demo mounts the mock at /mock) can read it; only pages read
 *   it, never the mock. Both are `Partitioned` by default so a cross-site page keeps them (see
 *   `cookieAttributes`).
 * - Readings (`VISTA_READINGS`, first = default): `members/current` absent (404) or served;
 *   SetShowtime's answer 204, the order, or the showtime; ticket types from the venue (`MEMBER`)
 *   or in AddTicketRedemptionCard's answer; refusal codes unlisted or the mock's own; the
 *   lock-out period spelled as the seed (`LockOutPeriodInSeconds`) or camelCase.
 * - `GET members/current` (when served) answers `{ member: {...} }`; `PATCH members/current` updates the name
 *   and email, and is refused (403/32005) for workstation sessions (the seed).
 * - AddTicketRedemptionCard answers an extra `ticketTypes` (the ticket types this card redeems
 *   for the showtime) under the `card-answer` reading: the seeds never say where SetShowtime's
 *   `ticketTypeId` comes from. Every card also redeems the venue's `MEMBER` type.
 *   Standard types `ADULT`, `CHILD`, `SENIOR` are accepted without a card.
 * - Card refusals: 400 with errorCode 34001 (unknown card), 34002 (declined by the scheme),
 *   34003 (card not active), 34004 (card not on this order/showtime), 34010 (over the limit),
 *   34011 (under the minimum), 34012 (duplicate ticket id), 34013 (ticket type not available)
 *   under the `listed` reading; `unlisted`: no errorCode, title "Bad Request", the reason in `detail`.
 * - SetShowtime replaces the showtime's tickets and answers as the reading says.
 *
 * Control (`/__mock/vista/...`): `GET members` (all of the above), `GET sessions`,
 * `POST expire-sessions` (every access token and cookie session expires now; with
 * `{ refreshTokens: true }` the refresh tokens too),
 * `POST config` `{ requireRegionCode?: 'BE' | null, partitionedCookies?: boolean, accessTokenSeconds?: number }`
 * (refuse calls without that `Connect-Region-Code`; send cookies a third-party-cookie-blocking
 * browser drops; new access tokens live this long, to watch a client refresh before expiry),
 * `GET orders/{orderId}`.
 */
import { seededRandom, type FaultRule, type MockRequest, type MockResponse, type VendorModule, type World } from './core.js';
import {
  ACCESS_TOKEN_SECONDS,
  CLUBS,
  DEFAULT_CLUB_ID,
  DEVICE_TOKENS,
  ERROR_CODES,
  LOCK_OUT_SECONDS,
  MAX_FAILED_SIGN_INS,
  MEMBER_TICKET_TYPE_ID,
  MEMBERS,
  REFRESH_TOKEN_SECONDS,
  REMEMBERED_REFRESH_TOKEN_SECONDS,
  SCHEMES,
  SITE_API_TOKEN,
  SITES,
  STANDARD_TICKET_TYPES,
  SUBSCRIPTION_TICKET_NAME,
  THIRD_PARTY_CARDS,
  type DemoLimit,
  type DemoMember,
  type DemoSubscriptionCard,
  type DemoText,
} from './vista-data.js';

/** The HttpOnly cookie that carries the member session (an alternative to `LoyaltySessionToken`). */
const AUTH_COOKIE = 'vista-loyalty-member-auth';
/** Readable by the page: tells it a member is signed in (the seed). */
const IS_AUTHENTICATED_COOKIE = 'vista-loyalty-member-is-authenticated';
const SESSION_EXPIRED_TITLE = 'Loyalty Member Authentication Token Expired';
const PREFIX = '/ocapi/v1/';

interface MemberSession {
  memberId: string;
  expiresAt: number;
  /** From the workstation endpoint: may not update member details. */
  workstation: boolean;
  cookie: boolean;
}

interface RefreshGrant {
  memberId: string;
  expiresAt: number;
  remember: boolean;
}

interface OrderCard {
  card: CardView;
  showtimeId: string;
  limit: DemoLimit;
  ticketTypes: { id: string; name: DemoText; priceInCents: number }[];
}

interface OrderTicketView {
  id: string;
  ticketTypeId: string;
  ticketRedemptionCardId: string | null;
  priceInCents: number;
}

interface MockOrder {
  id: string;
  createdAt: number;
  cards: Map<string, OrderCard>;
  showtimes: Map<string, OrderTicketView[]>;
}

interface CardView {
  id: string;
  type: 'MemberSubscriptionCard' | 'ThirdPartyMemberCard';
  maskedCardNumber: string;
  subscriptionId: number | null;
  thirdPartyMemberSchemeId: string | null;
  memberName: { givenName: string; familyName: string; middleName: string | null };
}

export interface VistaState {
  /** The world, for its readings of the seeds' silences (see `VISTA_READINGS`). */
  world: World;
  random: () => number;
  /** Access tokens (and cookie session values) → session. */
  sessions: Map<string, MemberSession>;
  refreshTokens: Map<string, RefreshGrant>;
  failedSignIns: Map<string, number>;
  lockedUntil: Map<string, number>;
  /** Member details changed by PATCH members/current. */
  members: DemoMember[];
  orders: Map<string, MockOrder>;
  requireRegionCode: string | null;
  /** Whether the session cookies are `Partitioned` (see `cookieAttributes`). */
  partitionedCookies: boolean;
  /** Lifetime of new access tokens (`POST config` shortens it to watch a client refresh in time). */
  accessTokenSeconds: number;
}

/**
 * The silences of the Vista seeds the mock plays either way (first choice = default = strictest);
 * `docs/vendor-readings.md` says what the elements do under each and how a venue finds out.
 */
export const VISTA_READINGS = {
  'vista.lockOut.casing': {
    choices: ['LockOutPeriodInSeconds', 'lockOutPeriodInSeconds'],
    doc: 'The seed spells the lock-out property LockOutPeriodInSeconds (.NET); JSON serializers usually camel-case it.',
  },
  'vista.membersCurrent': {
    choices: ['absent', 'served'],
    doc: 'No seed documents GET/PATCH members/current: absent answers 404; served answers { member }.',
  },
  'vista.setShowtime.answer': {
    choices: ['no-content', 'order', 'showtime'],
    doc: "The seeds show SetShowtime's request, never its answer: 204 with no body, the order ({ order: { id, showtimes: [{ id, tickets }] } }), or the showtime ({ orderId, showtime: { id, tickets } }).",
  },
  'vista.ticketTypes': {
    choices: ['page', 'card-answer'],
    doc: "The seeds never say where SetShowtime's ticketTypeId comes from: the venue's own redemption ticket type (MEMBER), or ticketTypes added to AddTicketRedemptionCard's answer.",
  },
  'vista.refusalCodes': {
    choices: ['unlisted', 'listed'],
    doc: "Card and ticket refusals' error codes are not public: unlisted answers them with no errorCode and a generic title; listed with the mock's 34xxx codes.",
  },
} as const satisfies Record<string, { choices: readonly [string, ...string[]]; doc: string }>;

export const vista: VendorModule<VistaState> = {
  name: 'vista',
  readings: VISTA_READINGS,

  createState(world) {
    return {
      world,
      random: seededRandom(world.seed ^ 0x5157a),
      sessions: new Map(),
      refreshTokens: new Map(),
      failedSignIns: new Map(),
      lockedUntil: new Map(),
      members: MEMBERS.map((member) => ({ ...member })),
      orders: new Map(),
      requireRegionCode: null,
      partitionedCookies: true,
      accessTokenSeconds: ACCESS_TOKEN_SECONDS,
    };
  },

  handle(req, state, world) {
    if (!req.path.startsWith(PREFIX)) return undefined;
    const path = req.path.slice(PREFIX.length).replace(/\/+$/, '');
    const route = `${req.method} ${path}`;

    if (state.requireRegionCode && req.header('connect-region-code') !== state.requireRegionCode) {
      return problem(req, state, 400, 'Connect-Region-Code header is required', {
        detail: `This tenant needs the header Connect-Region-Code: ${state.requireRegionCode}.`,
      });
    }

    if (route === 'POST members/workstation-authentication-cookie') return workstationSignIn(req, state, world);

    const refusedToken = checkSiteToken(req, state);
    if (refusedToken) return refusedToken;

    switch (route) {
      case 'POST members/authentication-token':
        return signIn(req, state, world, 'token');
      case 'POST members/authentication-cookie':
        return signIn(req, state, world, 'cookie');
      case 'DELETE members/authentication-cookie': {
        const token = readCookie(req, AUTH_COOKIE);
        if (token) state.sessions.delete(token);
        return { status: 204, headers: setCookies(expiredCookies(req, state)) };
      }
      case 'GET members/current':
      case 'PATCH members/current':
        // Not in any seed: a tenant may not serve it at all (ASP.NET's bare 404 for an unknown route).
        if (world.reading('vista.membersCurrent') === 'absent') return { status: 404 };
        return req.method === 'GET'
          ? withMember(req, state, world, (member, session) => ({ body: { member: memberView(member, session) } }))
          : withMember(req, state, world, (member, session) => updateMember(req, state, member, session));
      case 'GET members/current/ticket-redemption-cards':
        return withMember(req, state, world, (member) => ({ body: { ticketRedemptionCards: memberCards(state, member) } }));
    }

    const schemes = /^sites\/([^/]+)\/third-party-member-schemes$/.exec(path);
    if (schemes && req.method === 'GET') return thirdPartySchemes(req, state, decodeURIComponent(schemes[1]!));

    const addCard = /^orders\/([^/]+)\/ticket-redemption-cards$/.exec(path);
    if (addCard && req.method === 'POST') return addTicketRedemptionCard(req, state, world, decodeURIComponent(addCard[1]!));

    const showtime = /^orders\/([^/]+)\/showtimes\/([^/]+)$/.exec(path);
    if (showtime && req.method === 'PUT') {
      return setShowtime(req, state, world, decodeURIComponent(showtime[1]!), decodeURIComponent(showtime[2]!));
    }
    return undefined;
  },

  fault(rule, req, state) {
    return faultAnswer(rule, req, state);
  },

  control(req, state, world) {
    const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /members':
        return { body: demoCatalogue(state) };
      case 'GET /sessions':
        return {
          body: {
            sessions: [...state.sessions.values()].map((s) => ({ ...s, expired: s.expiresAt <= world.now() })),
            refreshTokens: [...state.refreshTokens.values()],
          },
        };
      case 'POST /expire-sessions': {
        // `{ "refreshTokens": true }` ends the refresh tokens too: the member must sign in again.
        const options = req.body ? req.json<{ refreshTokens?: boolean }>() : {};
        for (const session of state.sessions.values()) session.expiresAt = Math.min(session.expiresAt, world.now());
        if (options.refreshTokens) state.refreshTokens.clear();
        return { body: { expired: state.sessions.size } };
      }
      case 'POST /config': {
        const config = req.body
          ? req.json<{ requireRegionCode?: string | null; partitionedCookies?: boolean; accessTokenSeconds?: number }>()
          : {};
        if ('requireRegionCode' in config) state.requireRegionCode = config.requireRegionCode ?? null;
        if (typeof config.partitionedCookies === 'boolean') state.partitionedCookies = config.partitionedCookies;
        if (typeof config.accessTokenSeconds === 'number' && config.accessTokenSeconds > 0) state.accessTokenSeconds = config.accessTokenSeconds;
        return {
          body: { requireRegionCode: state.requireRegionCode, partitionedCookies: state.partitionedCookies, accessTokenSeconds: state.accessTokenSeconds },
        };
      }
    }
    const order = /^GET \/orders\/([^/]+)$/.exec(route);
    if (order) {
      const found = state.orders.get(decodeURIComponent(order[1]!));
      if (!found) return { status: 404, body: { error: 'no such order' } };
      return {
        body: {
          id: found.id,
          cards: [...found.cards.values()],
          showtimes: Object.fromEntries(found.showtimes),
        },
      };
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Errors: problem+json (VENDOR-NOTES.md)

interface ProblemExtra {
  detail?: string;
  errorCode?: number | string;
  lockOutPeriodInSeconds?: number;
  headers?: Record<string, string>;
}

/** ASP.NET-style `type` links, as a .NET API like OCAPI answers them. */
const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
};

function problem(req: MockRequest, state: VistaState, status: number, title: string, extra: ProblemExtra = {}): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...extra.headers },
    body: {
      type: PROBLEM_TYPES[status] ?? 'about:blank',
      status,
      title,
      detail: extra.detail ?? null,
      instance: req.url.pathname,
      correlationId: uuid(state.random),
      errorCode: extra.errorCode ?? null,
      // The seed: only present with error code 32000, spelled as the world's reading says.
      ...(extra.lockOutPeriodInSeconds !== undefined ? { [state.world.reading('vista.lockOut.casing')]: extra.lockOutPeriodInSeconds } : {}),
    },
  };
}

function sessionExpired(req: MockRequest, state: VistaState): MockResponse {
  return problem(req, state, 403, SESSION_EXPIRED_TITLE, { detail: 'The member session has expired. Sign in again.' });
}

function faultAnswer(rule: FaultRule, req: MockRequest, state: VistaState): MockResponse {
  switch (rule.kind) {
    case 'vendor-error': {
      const status = rule.status ?? 400;
      return problem(req, state, status, rule.message ?? 'The request could not be completed', {
        errorCode: rule.code,
        detail: rule.message,
      });
    }
    case 'expired-token':
      return sessionExpired(req, state);
    case 'lockout': {
      const seconds = rule.lockOutPeriodInSeconds ?? LOCK_OUT_SECONDS;
      return problem(req, state, rule.status ?? 401, 'Member account locked', {
        errorCode: ERROR_CODES.lockedOut,
        lockOutPeriodInSeconds: seconds,
        detail: `Too many failed sign-in attempts. Try again in ${seconds} seconds.`,
      });
    }
    case 'rate-limit': {
      const seconds = rule.retryAfter ?? 1;
      return problem(req, state, 429, 'Too Many Requests', {
        errorCode: rule.code,
        detail: rule.message ?? `Too many requests. Try again in ${seconds} seconds.`,
        headers: { 'retry-after': String(seconds) },
      });
    }
    case 'http-error':
    default: {
      const status = rule.status ?? 503;
      return problem(req, state, status, rule.message ?? (status >= 500 ? 'Service Unavailable' : 'Request failed'), {
        errorCode: rule.code,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Authentication

function checkSiteToken(req: MockRequest, state: VistaState): MockResponse | undefined {
  const authorization = req.header('authorization');
  // A missing token is accepted: the demo runs without credentials.
  if (authorization === undefined || authorization === '') return undefined;
  const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
  if (token === SITE_API_TOKEN) return undefined;
  return problem(req, state, 401, 'Unauthorized', { detail: 'The API bearer token is not valid for this site.' });
}

type Identified = { member: DemoMember } | { refusal: MockResponse };

function signIn(req: MockRequest, state: VistaState, world: World, mode: 'token' | 'cookie'): MockResponse {
  // The seed's text says x-www-form-urlencoded, its curl multipart: `form()` reads both.
  const form = req.form();
  const grantType = form.get('grant_type');
  const remember = form.get('remember') === 'true';
  let identified: Identified;
  switch (grantType) {
    case 'password':
      identified = passwordSignIn(req, state, world, form, (member) => form.get('password') === member.password);
      break;
    case 'refresh_token':
      identified = refreshSignIn(req, state, world, form.get('refresh_token'));
      break;
    case 'external_issuer':
      identified = externalSignIn(req, state, form);
      break;
    default:
      return validationProblem(req, state, grantType ? `Unsupported grant_type '${grantType}'.` : 'The grant_type field is required.');
  }
  if ('refusal' in identified) return identified.refusal;
  const { member } = identified;
  const refreshSeconds = remember ? REMEMBERED_REFRESH_TOKEN_SECONDS : REFRESH_TOKEN_SECONDS;

  if (mode === 'cookie') return cookieSignIn(req, state, world, member, { workstation: false, remember });

  const accessToken = token(state.random, 'vat');
  const refreshToken = token(state.random, 'vrt');
  state.sessions.set(accessToken, { memberId: member.id, expiresAt: world.now() + state.accessTokenSeconds * 1000, workstation: false, cookie: false });
  state.refreshTokens.set(refreshToken, { memberId: member.id, expiresAt: world.now() + refreshSeconds * 1000, remember });
  return {
    body: { access_token: accessToken, token_type: 'Bearer', expires_in: state.accessTokenSeconds, refresh_token: refreshToken },
  };
}

function cookieSignIn(
  req: MockRequest,
  state: VistaState,
  world: World,
  member: DemoMember,
  options: { workstation: boolean; remember: boolean },
): MockResponse {
  const seconds = options.remember ? REMEMBERED_REFRESH_TOKEN_SECONDS : REFRESH_TOKEN_SECONDS;
  const value = token(state.random, 'vck');
  state.sessions.set(value, { memberId: member.id, expiresAt: world.now() + seconds * 1000, workstation: options.workstation, cookie: true });
  const lifetime = options.remember ? `; Max-Age=${seconds}` : '';
  return {
    status: 204,
    headers: setCookies([
      `${AUTH_COOKIE}=${value}; HttpOnly; ${cookieAttributes(req, state)}${lifetime}`,
      `${IS_AUTHENTICATED_COOKIE}=true; ${cookieAttributes(req, state, '/')}${lifetime}`,
    ]),
  };
}

function passwordSignIn(
  req: MockRequest,
  state: VistaState,
  world: World,
  form: URLSearchParams,
  secretMatches: (member: DemoMember) => boolean,
  findMember: () => DemoMember | undefined = () => findByLogin(state, form),
): Identified {
  const member = findMember();
  if (!member) return { refusal: invalidCredentials(req, state) };

  const lockedUntil = state.lockedUntil.get(member.id) ?? 0;
  if (lockedUntil > world.now()) {
    const seconds = Math.ceil((lockedUntil - world.now()) / 1000);
    // VENDOR-NOTES.md: 429 means the member is locked out.
    return {
      refusal: problem(req, state, 429, 'Member account locked', {
        errorCode: ERROR_CODES.lockedOut,
        lockOutPeriodInSeconds: seconds,
        detail: `Too many failed sign-in attempts. Try again in ${seconds} seconds.`,
        headers: { 'retry-after': String(seconds) },
      }),
    };
  }

  if (member.requiresRecaptcha && !form.get('g-recaptcha-response')) {
    return {
      refusal: problem(req, state, 403, 'reCAPTCHA verification required', {
        errorCode: ERROR_CODES.recaptchaRequired,
        detail: 'This account must complete a reCAPTCHA challenge to sign in.',
      }),
    };
  }

  if (!secretMatches(member)) {
    const failures = (state.failedSignIns.get(member.id) ?? 0) + 1;
    if (failures >= MAX_FAILED_SIGN_INS) {
      state.failedSignIns.delete(member.id);
      state.lockedUntil.set(member.id, world.now() + LOCK_OUT_SECONDS * 1000);
      return {
        refusal: problem(req, state, 401, 'Member account locked', {
          errorCode: ERROR_CODES.lockedOut,
          lockOutPeriodInSeconds: LOCK_OUT_SECONDS,
          detail: `Too many failed sign-in attempts. Try again in ${LOCK_OUT_SECONDS} seconds.`,
        }),
      };
    }
    state.failedSignIns.set(member.id, failures);
    return { refusal: invalidCredentials(req, state) };
  }
  state.failedSignIns.delete(member.id);
  return { member };
}

function findByLogin(state: VistaState, form: URLSearchParams): DemoMember | undefined {
  const clubId = form.get('club_id') || DEFAULT_CLUB_ID;
  const email = form.get('email')?.trim().toLowerCase();
  const username = form.get('username')?.trim().toLowerCase();
  if (!email && !username) return undefined;
  return state.members.find(
    (m) => m.clubId === clubId && (email ? m.email.toLowerCase() === email : m.username.toLowerCase() === username),
  );
}

function refreshSignIn(req: MockRequest, state: VistaState, world: World, refreshToken: string | null): Identified {
  const grant = refreshToken ? state.refreshTokens.get(refreshToken) : undefined;
  const member = grant && grant.expiresAt > world.now() ? state.members.find((m) => m.id === grant.memberId) : undefined;
  if (!member || !refreshToken) {
    return {
      refusal: problem(req, state, 401, 'Invalid refresh token', {
        errorCode: ERROR_CODES.invalidRefreshToken,
        detail: 'The refresh token is unknown or has expired. Sign in again.',
      }),
    };
  }
  // Refresh tokens are single use: the answer carries the next one.
  state.refreshTokens.delete(refreshToken);
  return { member };
}

function externalSignIn(req: MockRequest, state: VistaState, form: URLSearchParams): Identified {
  const issuerId = form.get('external_issuer_id');
  const externalToken = form.get('external_token');
  if (!issuerId || !externalToken) return { refusal: validationProblem(req, state, 'external_issuer_id and external_token are required.') };
  // The seed: fails unless the token links to a single loyalty member.
  const linked = state.members.filter((m) => m.externalTokens.some((t) => t.issuerId === issuerId && t.token === externalToken));
  const member = linked.length === 1 ? linked[0] : undefined;
  if (!member) {
    return {
      refusal: problem(req, state, 401, 'External token not linked to a member', {
        errorCode: ERROR_CODES.externalTokenNotLinked,
        detail: 'The external authentication token could not be linked to a single loyalty member.',
      }),
    };
  }
  return { member };
}

function workstationSignIn(req: MockRequest, state: VistaState, world: World): MockResponse {
  const device = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1]?.trim();
  if (!device || !(DEVICE_TOKENS as readonly string[]).includes(device)) {
    return problem(req, state, 401, 'Unauthorized', {
      detail: 'A valid Central Identity Management device token is required in the Authorization header.',
    });
  }
  const form = req.form();
  if (!form.get('grant_type')) return validationProblem(req, state, 'The grant_type field is required.');
  const clubId = form.get('club_id') || DEFAULT_CLUB_ID;
  const cardNumber = form.get('card_number')?.replace(/\s+/g, '');
  const phoneNumber = form.get('phone_number')?.replace(/\s+/g, '');
  let identified: Identified;
  if (cardNumber || phoneNumber) {
    identified = passwordSignIn(
      req,
      state,
      world,
      form,
      (member) => form.get('pin') === member.pin,
      () => state.members.find((m) => m.clubId === clubId && (cardNumber ? m.cardNumber === cardNumber : m.phoneNumber === phoneNumber)),
    );
  } else {
    identified = passwordSignIn(req, state, world, form, (member) => form.get('password') === member.password);
  }
  if ('refusal' in identified) return identified.refusal;
  return cookieSignIn(req, state, world, identified.member, { workstation: true, remember: false });
}

function invalidCredentials(req: MockRequest, state: VistaState): MockResponse {
  return problem(req, state, 401, 'Invalid member credentials', {
    errorCode: ERROR_CODES.invalidCredentials,
    detail: 'The username, email, card number or password is incorrect.',
  });
}

function validationProblem(req: MockRequest, state: VistaState, detail: string): MockResponse {
  return problem(req, state, 400, 'One or more validation errors occurred.', { detail });
}

/** The session of a request: the `LoyaltySessionToken` header, else the auth cookie. */
function withMember(
  req: MockRequest,
  state: VistaState,
  world: World,
  then: (member: DemoMember, session: MemberSession) => MockResponse,
): MockResponse {
  const value = req.header('loyaltysessiontoken') || readCookie(req, AUTH_COOKIE);
  if (!value) return problem(req, state, 401, 'Member authentication required', { detail: 'Sign in as a loyalty member first.' });
  const session = state.sessions.get(value);
  const member = session && session.expiresAt > world.now() ? state.members.find((m) => m.id === session.memberId) : undefined;
  if (!session || !member) return sessionExpired(req, state);
  return then(member, session);
}

function memberView(member: DemoMember, session: MemberSession) {
  return {
    id: member.id,
    name: { givenName: member.givenName, familyName: member.familyName, middleName: member.middleName },
    email: member.email,
    username: member.username,
    clubId: member.clubId,
    maskedCardNumber: mask(member.cardNumber),
    canUpdateDetails: !session.workstation,
  };
}

function updateMember(req: MockRequest, state: VistaState, member: DemoMember, session: MemberSession): MockResponse {
  if (session.workstation) {
    return problem(req, state, 403, 'Forbidden', {
      errorCode: ERROR_CODES.workstationCannotUpdateMember,
      detail: 'A workstation session may not update member details.',
    });
  }
  const changes = req.json<{ name?: { givenName?: string; familyName?: string; middleName?: string | null }; email?: string }>();
  if (changes.name?.givenName) member.givenName = changes.name.givenName;
  if (changes.name?.familyName) member.familyName = changes.name.familyName;
  if (changes.name && 'middleName' in changes.name) member.middleName = changes.name.middleName ?? null;
  if (changes.email) member.email = changes.email;
  return { body: { member: memberView(member, session) } };
}

/** `Path=/` on the vendor's own host; here the world's api-base path, since worlds share one origin. */
function cookiePath(req: MockRequest): string {
  const full = req.url.pathname;
  const base = full.endsWith(req.path) ? full.slice(0, full.length - req.path.length) : '';
  return `${base}/`;
}

/**
 * The seed's cookies are `SameSite=None; Secure`. A page on another site only keeps them when the
 * browser allows third-party cookies, which Chromium (and so the test runner) no longer does by
 * default; the mock adds `Partitioned` (CHIPS) so cookie mode works from a venue page. Set
 * `partitionedCookies: false` (POST /__mock/vista/config) to reproduce a vendor whose cookies the
 * browser drops, as VENDOR-NOTES.md warns ("survive third-party cookie blocking").
 */
function cookieAttributes(req: MockRequest, state: VistaState, path = cookiePath(req)): string {
  return `SameSite=None; Secure${state.partitionedCookies ? '; Partitioned' : ''}; Path=${path}`;
}

function expiredCookies(req: MockRequest, state: VistaState): string[] {
  const expired = '; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
  return [`${AUTH_COOKIE}=; HttpOnly; ${cookieAttributes(req, state)}${expired}`, `${IS_AUTHENTICATED_COOKIE}=; ${cookieAttributes(req, state, '/')}${expired}`];
}

/**
 * Two Set-Cookie headers. `MockResponse.headers` is typed `Record<string, string>`, but Node's
 * `writeHead` sends an array as repeated headers, which Set-Cookie needs (a comma-joined value
 * would be read as one cookie).
 */
function setCookies(cookies: string[]): Record<string, string[]> {
  return { 'set-cookie': cookies };
}

function readCookie(req: MockRequest, name: string): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Redemption

function memberCards(state: VistaState, member: DemoMember) {
  const own = member.subscriptionCards.map((card) => ({ ...subscriptionCardView(card, member), friendId: null, status: card.status }));
  const shared = state.members.flatMap((friend) =>
    friend.subscriptionCards
      .filter((card) => card.sharedWith.includes(member.id))
      .map((card) => ({ ...subscriptionCardView(card, friend), friendId: friend.id, status: card.status })),
  );
  return [...own, ...shared];
}

function subscriptionCardView(card: DemoSubscriptionCard, owner: DemoMember): CardView {
  return {
    id: card.id,
    type: 'MemberSubscriptionCard',
    maskedCardNumber: mask(card.cardNumber),
    subscriptionId: card.subscriptionId,
    thirdPartyMemberSchemeId: null,
    memberName: { givenName: owner.givenName, familyName: owner.familyName, middleName: owner.middleName },
  };
}

function thirdPartySchemes(req: MockRequest, state: VistaState, siteId: string): MockResponse {
  const site = SITES.find((s) => s.id === siteId);
  if (!site) return problem(req, state, 404, 'Not Found', { detail: `Site ${siteId} was not found.` });
  const schemes = SCHEMES.map(({ id, name, cardNumberFormat, redemptionLimitPerShowtime }) => ({
    id,
    name,
    cardNumberFormat,
    redemptionLimitPerShowtime,
  }));
  // VENDOR-NOTES.md: the API wraps the list, the guide shows a bare array; real servers do both.
  return { body: site.schemesAnswer === 'wrapped' ? { thirdPartyMemberSchemes: schemes } : schemes };
}

interface AddCardBody {
  type?: string;
  memberTicketRedemptionCardId?: string;
  credentials?: { cardNumber?: string; thirdPartyMemberSchemeId?: string };
  showtimeId?: string;
}

function addTicketRedemptionCard(req: MockRequest, state: VistaState, world: World, orderId: string): MockResponse {
  const body = req.json<AddCardBody>();
  const showtimeId = body?.showtimeId;
  if (!showtimeId) return validationProblem(req, state, 'The showtimeId field is required.');
  switch (body.type) {
    case 'MemberTicketRedemptionCard':
      return withMember(req, state, world, (member) => {
        const card = memberCards(state, member).find((c) => c.id === body.memberTicketRedemptionCardId);
        if (!card) return cardRefusal(req, state, ERROR_CODES.cardNotFound, 'Ticket redemption card not found', 'The member has no such ticket redemption card.');
        if (card.status !== 'Active') {
          return cardRefusal(req, state, ERROR_CODES.cardNotActive, 'Ticket redemption card not active', 'This subscription is not active.');
        }
        const demo = state.members.flatMap((m) => m.subscriptionCards).find((c) => c.id === card.id)!;
        const { friendId: _friend, status: _status, ...view } = card;
        return attachCard(state, world, orderId, showtimeId, {
          card: view,
          showtimeId,
          limit: demo.limit,
          ticketTypes: [{ id: `SUBS-${card.subscriptionId}`, name: SUBSCRIPTION_TICKET_NAME, priceInCents: 0 }],
        });
      });
    case 'ThirdPartyMemberCard': {
      const cardNumber = body.credentials?.cardNumber?.replace(/\s+/g, '') ?? '';
      const scheme = SCHEMES.find((s) => s.id === body.credentials?.thirdPartyMemberSchemeId);
      if (!cardNumber || !scheme) return validationProblem(req, state, 'credentials.cardNumber and a known credentials.thirdPartyMemberSchemeId are required.');
      const known = THIRD_PARTY_CARDS.find((c) => c.cardNumber === cardNumber && c.schemeId === scheme.id);
      if (!known) {
        return cardRefusal(req, state, ERROR_CODES.cardNotFound, 'Ticket redemption card not found', `${scheme.name.text} does not recognise this card number.`);
      }
      if (known.declined) return cardRefusal(req, state, ERROR_CODES.cardDeclined, 'Ticket redemption card declined', known.declined);
      const order = orderFor(state, world, orderId);
      const already = [...order.cards.values()].find((c) => c.card.maskedCardNumber === mask(cardNumber) && c.card.thirdPartyMemberSchemeId === scheme.id && c.showtimeId === showtimeId);
      if (already) return { body: addCardAnswer(state, already) };
      return attachCard(state, world, orderId, showtimeId, {
        card: {
          id: uuid(state.random),
          type: 'ThirdPartyMemberCard',
          maskedCardNumber: mask(cardNumber),
          subscriptionId: null,
          thirdPartyMemberSchemeId: scheme.id,
          memberName: { ...known.holder, middleName: null },
        },
        showtimeId,
        limit: scheme.limit,
        ticketTypes: [{ id: `TPMS-${scheme.id}`, name: scheme.name, priceInCents: scheme.priceInCents }],
      });
    }
    default:
      return validationProblem(req, state, "type must be 'MemberTicketRedemptionCard' or 'ThirdPartyMemberCard'.");
  }
}

function attachCard(state: VistaState, world: World, orderId: string, showtimeId: string, entry: OrderCard): MockResponse {
  const order = orderFor(state, world, orderId);
  // A member card keeps its id in the order (the seed's examples show the same id), so it is
  // keyed by card and showtime; adding it again answers the same.
  const key = `${entry.card.id}@${showtimeId}`;
  const stored = order.cards.get(key) ?? entry;
  order.cards.set(key, stored);
  return { body: addCardAnswer(state, stored) };
}

function addCardAnswer(state: VistaState, entry: OrderCard) {
  const answer = { ticketRedemptionCard: entry.card, redemptionLimit: entry.limit };
  return state.world.reading('vista.ticketTypes') === 'card-answer' ? { ...answer, ticketTypes: entry.ticketTypes } : answer;
}

function cardRefusal(req: MockRequest, state: VistaState, errorCode: number, title: string, detail: string): MockResponse {
  // Vista's own codes are not public: under `unlisted` a refusal says only what a generic
  // validation problem says, with the reason (the third-party scheme's, say) in `detail`.
  if (state.world.reading('vista.refusalCodes') === 'unlisted') return problem(req, state, 400, 'Bad Request', { detail });
  return problem(req, state, 400, title, { errorCode, detail });
}

/** Any order id is an in-progress order, created on first use. */
function orderFor(state: VistaState, world: World, orderId: string): MockOrder {
  let order = state.orders.get(orderId);
  if (!order) {
    order = { id: orderId, createdAt: world.now(), cards: new Map(), showtimes: new Map() };
    state.orders.set(orderId, order);
  }
  return order;
}

function setShowtime(req: MockRequest, state: VistaState, world: World, orderId: string, showtimeId: string): MockResponse {
  const body = req.json<{ tickets?: unknown }>();
  if (!body || !Array.isArray(body.tickets)) return validationProblem(req, state, 'The tickets field is required.');
  const tickets = body.tickets as { id?: unknown; ticketTypeId?: unknown; ticketRedemptionCardId?: unknown }[];
  if (tickets.some((t) => !t || typeof t.id !== 'string' || !t.id || typeof t.ticketTypeId !== 'string' || !t.ticketTypeId)) {
    return validationProblem(req, state, 'Every ticket needs an id and a ticketTypeId.');
  }
  const ids = new Set<string>();
  for (const ticket of tickets) {
    if (ids.has(ticket.id as string)) {
      return cardRefusal(req, state, ERROR_CODES.duplicateTicketId, 'Duplicate ticket id', `Ticket id ${String(ticket.id)} appears more than once.`);
    }
    ids.add(ticket.id as string);
  }

  const order = orderFor(state, world, orderId);
  const accepted: OrderTicketView[] = [];
  const perCard = new Map<string, { entry: OrderCard; count: number }>();
  for (const ticket of tickets) {
    const ticketTypeId = ticket.ticketTypeId as string;
    const cardId = typeof ticket.ticketRedemptionCardId === 'string' && ticket.ticketRedemptionCardId ? ticket.ticketRedemptionCardId : null;
    let priceInCents: number;
    if (cardId) {
      const entry = order.cards.get(`${cardId}@${showtimeId}`);
      if (!entry) {
        return cardRefusal(req, state, ERROR_CODES.cardNotOnOrder, 'Ticket redemption card not on order', `Add card ${cardId} to the order for this showtime first.`);
      }
      // The card's own types, or the venue's redemption type every card redeems (`ticket-type-id`).
      const type = entry.ticketTypes.find((t) => t.id === ticketTypeId) ?? (ticketTypeId === MEMBER_TICKET_TYPE_ID ? entry.ticketTypes[0] : undefined);
      if (!type) return ticketTypeRefusal(req, state, ticketTypeId);
      priceInCents = type.priceInCents;
      const counted = perCard.get(cardId) ?? { entry, count: 0 };
      counted.count++;
      perCard.set(cardId, counted);
    } else {
      const type = STANDARD_TICKET_TYPES.find((t) => t.id === ticketTypeId);
      if (!type) return ticketTypeRefusal(req, state, ticketTypeId);
      priceInCents = type.priceInCents;
    }
    accepted.push({ id: ticket.id as string, ticketTypeId, ticketRedemptionCardId: cardId, priceInCents });
  }

  for (const { entry, count } of perCard.values()) {
    const { isUnlimited, minimum } = entry.limit;
    // The scheme's `redemptionLimitPerShowtime` caps each of its cards, whatever the card allows.
    const perShowtime = SCHEMES.find((s) => s.id === entry.card.thirdPartyMemberSchemeId)?.redemptionLimitPerShowtime ?? null;
    const maximum = perShowtime === null ? entry.limit.maximum : Math.min(entry.limit.maximum ?? perShowtime, perShowtime);
    if ((!isUnlimited || perShowtime !== null) && maximum !== null && count > maximum) {
      return cardRefusal(
        req,
        state,
        ERROR_CODES.overRedemptionLimit,
        'Redemption limit exceeded',
        `At most ${maximum} ticket${maximum === 1 ? '' : 's'} can be redeemed with this card for this showtime.`,
      );
    }
    if (minimum !== null && count < minimum) {
      return cardRefusal(
        req,
        state,
        ERROR_CODES.underRedemptionMinimum,
        'Redemption minimum not met',
        `At least ${minimum} tickets must be redeemed with this card for this showtime.`,
      );
    }
  }

  order.showtimes.set(showtimeId, accepted);
  world.record('setShowtime', { orderId, showtimeId, tickets: accepted });
  switch (world.reading('vista.setShowtime.answer')) {
    case 'showtime':
      return { body: { orderId, showtime: { id: showtimeId, tickets: accepted } } };
    case 'order':
      return { body: { order: { id: orderId, showtimes: [...order.showtimes].map(([id, tickets]) => ({ id, tickets })) } } };
    default:
      return { status: 204 };
  }
}

function ticketTypeRefusal(req: MockRequest, state: VistaState, ticketTypeId: string): MockResponse {
  return cardRefusal(req, state, ERROR_CODES.ticketTypeNotAvailable, 'Ticket type not available', `Ticket type ${ticketTypeId} is not available for this showtime.`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function demoCatalogue(state: VistaState) {
  return {
    apiToken: SITE_API_TOKEN,
    deviceTokens: DEVICE_TOKENS,
    clubs: CLUBS,
    defaultClubId: DEFAULT_CLUB_ID,
    members: state.members.map((m) => ({
      id: m.id,
      name: `${m.givenName} ${m.familyName}`,
      email: m.email,
      username: m.username,
      password: m.password,
      clubId: m.clubId,
      cardNumber: m.cardNumber,
      phoneNumber: m.phoneNumber,
      pin: m.pin,
      requiresRecaptcha: m.requiresRecaptcha,
      externalTokens: m.externalTokens,
      subscriptionCards: m.subscriptionCards.map(({ id, subscriptionId, status, limit, sharedWith }) => ({ id, subscriptionId, status, limit, sharedWith })),
      purpose: m.purpose,
    })),
    sites: SITES,
    thirdPartyCards: THIRD_PARTY_CARDS,
    schemes: SCHEMES.map(({ id, name, limit }) => ({ id, name: name.text, limit })),
    standardTicketTypes: STANDARD_TICKET_TYPES.map(({ id, priceInCents }) => ({ id, priceInCents })),
    memberTicketTypeId: MEMBER_TICKET_TYPE_ID,
    errorCodes: ERROR_CODES,
    lockOut: { afterFailedSignIns: MAX_FAILED_SIGN_INS, seconds: LOCK_OUT_SECONDS },
    tokenLifetimes: { accessSeconds: ACCESS_TOKEN_SECONDS, refreshSeconds: REFRESH_TOKEN_SECONDS, rememberedRefreshSeconds: REMEMBERED_REFRESH_TOKEN_SECONDS },
  };
}

/** A card number as on a receipt: all but the last four replaced. */
function mask(cardNumber: string): string {
  return '*'.repeat(Math.max(0, cardNumber.length - 4)) + cardNumber.slice(-4);
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function token(random: () => number, prefix: string): string {
  let text = `${prefix}_`;
  for (let i = 0; i < 40; i++) text += TOKEN_ALPHABET[Math.floor(random() * TOKEN_ALPHABET.length)];
  return text;
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
