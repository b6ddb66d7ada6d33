import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../mock.js';
import { strictestReadingsOf } from './readings.js';
import { expectSameShape } from '../shape.js';
import {
  addMemberTicketRedemptionCardRequestExample,
  addMemberTicketRedemptionCardResponseExample,
  addThirdPartyMemberCardRequestExample,
  addThirdPartyMemberCardResponseExample,
  authenticationTokenResponseExample,
  memberTicketRedemptionCardsResponseExample,
  problemResponseExample,
  setShowtimeSubscriptionRequestExample,
  thirdPartyMemberSchemesResponseExample,
} from '../fixtures/seed-examples/vista.js';
import { itWhere, SECURE_COOKIES_OVER_HTTP } from '../engines.js';

const NOW = '2027-03-01T12:00:00Z';
/**
 * These tests pin the mock's generous reading of each silence of the seeds (members/current
 * served, the showtime in SetShowtime's answer, ticket types in the card answer, its own refusal
 * codes, a camelCase lock-out period); 'readings' below checks each default, the strictest.
 */
const GENEROUS = {
  'vista.lockOut.casing': 'lockOutPeriodInSeconds',
  'vista.membersCurrent': 'served',
  'vista.setShowtime.answer': 'showtime',
  'vista.ticketTypes': 'card-answer',
  'vista.refusalCodes': 'listed',
};
const EMMA = { email: 'emma.janssens@example.com', password: 'Popcorn-2027' };
const EMMA_CARD = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const EMMA_EXPIRED_CARD = 'b3e1f7a2-1c5d-4f8e-a9b0-7c2d6e4f1a93';
const LUCAS_SHARED_CARD = 'f41d4c72-96c0-481b-ac55-a3286e384fd5';
const DEVICE_TOKEN = 'dim_boxoffice_antwerp_01_x7Qp';
const SITE_TOKEN = 'ocapi_site_2f9c1e7b4a6d';

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

/** A raw call to the mock's OCAPI, the way a browser page would make it. */
async function call(mock: MockWorld, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${mock.base('vista')}/ocapi/v1/${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

function signIn(mock: MockWorld, fields: Record<string, string>): Promise<Answer> {
  return call(mock, 'members/authentication-token', { method: 'POST', body: form({ grant_type: 'password', ...fields }) });
}

async function memberToken(mock: MockWorld, fields: Record<string, string> = EMMA): Promise<string> {
  const answer = await signIn(mock, fields);
  expect(answer.status).to.equal(200);
  return answer.json.access_token as string;
}

function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

function expectProblem(answer: Answer, status: number, errorCode: number | null): void {
  expect(answer.status).to.equal(status);
  expect(answer.headers.get('content-type')).to.contain('application/problem+json');
  expectSameShape(answer.json, problemResponseExample);
  expect(answer.json.status).to.equal(status);
  expect(answer.json.errorCode).to.equal(errorCode);
}

describe('mock Vista OCAPI: member authentication', () => {
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW, readings: GENEROUS });
  });

  it('answers a urlencoded password sign-in with the seed token shape', async () => {
    const answer = await signIn(mock, EMMA);
    expect(answer.status).to.equal(200);
    expectSameShape(answer.json, authenticationTokenResponseExample);
    expect(answer.json.token_type).to.equal('Bearer');
    expect(answer.json.expires_in).to.equal(1800);
    expect(answer.json.refresh_token).to.be.a('string').and.not.equal(answer.json.access_token);
  });

  it('accepts the multipart body the seed curl sends, and a username instead of an email', async () => {
    const body = new FormData();
    body.append('grant_type', 'password');
    body.append('username', 'emma.janssens');
    body.append('password', 'Popcorn-2027');
    const answer = await call(mock, 'members/authentication-token', { method: 'POST', body });
    expect(answer.status).to.equal(200);
    expect(answer.json.access_token).to.be.a('string');
  });

  it('refuses a wrong password with problem+json 401 / 32001', async () => {
    expectProblem(await signIn(mock, { ...EMMA, password: 'popcorn-2027' }), 401, 32001);
  });

  it('locks a member out after five wrong passwords, then answers 429 with Retry-After even for the right one', async () => {
    const liam = { email: 'liam.peeters@example.com' };
    for (let attempt = 1; attempt <= 4; attempt++) expectProblem(await signIn(mock, { ...liam, password: `guess-${attempt}` }), 401, 32001);
    const fifth = await signIn(mock, { ...liam, password: 'guess-5' });
    expectProblem(fifth, 401, 32000);
    expect(fifth.json.lockOutPeriodInSeconds).to.equal(30);

    const whileLocked = await signIn(mock, { ...liam, password: 'Interval-2027' });
    expectProblem(whileLocked, 429, 32000);
    expect(Number(whileLocked.headers.get('retry-after'))).to.be.within(1, 30);
    expect(whileLocked.json.lockOutPeriodInSeconds).to.be.within(1, 30);
  });

  it('only sends lockOutPeriodInSeconds with error 32000', async () => {
    const answer = await signIn(mock, { ...EMMA, password: 'nope' });
    expect(answer.json).not.to.have.property('lockOutPeriodInSeconds');
  });

  it('signs a second-club member in only with their club_id', async () => {
    const noah = { email: 'noah.dubois@example.com', password: 'Matinee-2027' };
    expectProblem(await signIn(mock, noah), 401, 32001);
    expect((await signIn(mock, { ...noah, club_id: '2' })).status).to.equal(200);
  });

  it('asks the reCAPTCHA member for a challenge (32002) and accepts one', async () => {
    const sofia = { email: 'sofia.martin@example.com', password: 'Trailer-2027' };
    expectProblem(await signIn(mock, sofia), 403, 32002);
    expect((await signIn(mock, { ...sofia, 'g-recaptcha-response': 'solved' })).status).to.equal(200);
  });

  it('refreshes a session once per refresh token, and remember=true keeps the refresh token longer', async () => {
    const first = (await signIn(mock, EMMA)).json;
    const refreshed = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }),
    });
    expect(refreshed.status).to.equal(200);
    expect(refreshed.json.access_token).not.to.equal(first.access_token);
    const replayed = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }),
    });
    expectProblem(replayed, 401, 32003);

    await signIn(mock, { ...EMMA, remember: 'true' });
    const { refreshTokens } = await mock.control<{ refreshTokens: { expiresAt: number; remember: boolean }[] }>('vista', '/sessions');
    const remembered = refreshTokens.find((t) => t.remember)!;
    const normal = refreshTokens.find((t) => !t.remember)!;
    expect(remembered.expiresAt - normal.expiresAt).to.be.greaterThan(7 * 24 * 3600 * 1000);
  });

  it('signs in with a linked external issuer token and refuses an unlinked one', async () => {
    const linked = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'external_issuer', external_issuer_id: 'lumiere-sso', external_token: 'sso-emma-7d41' }),
    });
    expect(linked.status).to.equal(200);
    const unlinked = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'external_issuer', external_issuer_id: 'lumiere-sso', external_token: 'sso-someone-else' }),
    });
    expectProblem(unlinked, 401, 32004);
  });

  it('refuses a missing grant_type as a validation problem', async () => {
    expectProblem(await call(mock, 'members/authentication-token', { method: 'POST', body: form(EMMA) }), 400, null);
  });

  it('serves the current member for a LoyaltySessionToken, and 403 "Token Expired" once it expires', async () => {
    const token = await memberToken(mock);
    const member = await call(mock, 'members/current', { headers: { LoyaltySessionToken: token } });
    expect(member.status).to.equal(200);
    expect(member.json.member.name.givenName).to.equal('Emma');

    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    const expired = await call(mock, 'members/current', { headers: { LoyaltySessionToken: token } });
    expectProblem(expired, 403, null);
    expect(expired.json.title).to.equal('Loyalty Member Authentication Token Expired');
  });

  it('keeps refresh tokens through expire-sessions unless asked to end them too', async () => {
    const first = await signIn(mock, EMMA);
    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    const refreshed = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token }),
    });
    expect(refreshed.status).to.equal(200);
    await mock.control('vista', '/expire-sessions', json('POST', { refreshTokens: true }));
    const refused = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'refresh_token', refresh_token: refreshed.json.refresh_token }),
    });
    expectProblem(refused, 401, 32003);
  });

  it('issues access tokens with the lifetime set by config, to watch a client refresh in time', async () => {
    const config = await mock.control<{ accessTokenSeconds: number }>('vista', '/config', json('POST', { accessTokenSeconds: 2 }));
    expect(config.accessTokenSeconds).to.equal(2);
    expect((await signIn(mock, EMMA)).json.expires_in).to.equal(2);
  });

  it('answers an unknown session token with the same 403, and no session at all with 401', async () => {
    const unknown = await call(mock, 'members/current', { headers: { LoyaltySessionToken: 'vat_forged' } });
    expect(unknown.json.title).to.equal('Loyalty Member Authentication Token Expired');
    expectProblem(await call(mock, 'members/current'), 401, null);
  });

  it('accepts a missing or correct site token and refuses a wrong one with 401', async () => {
    expect((await signIn(mock, EMMA)).status).to.equal(200);
    const correct = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'password', ...EMMA }),
      headers: { Authorization: `Bearer ${SITE_TOKEN}` },
    });
    expect(correct.status).to.equal(200);
    const wrong = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'password', ...EMMA }),
      headers: { Authorization: 'Bearer not-this-site' },
    });
    expectProblem(wrong, 401, null);
  });

  it('keeps the region code in the request log and, when the tenant requires one, refuses calls without it', async () => {
    await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'password', ...EMMA }),
      headers: { 'Connect-Region-Code': 'BE' },
    });
    const logged = (await mock.requests()).find((r) => r.path.endsWith('authentication-token'));
    expect(logged?.headers['connect-region-code']).to.equal('BE');

    await mock.control('vista', '/config', json('POST', { requireRegionCode: 'BE' }));
    expectProblem(await signIn(mock, EMMA), 400, null);
    const withRegion = await call(mock, 'members/authentication-token', {
      method: 'POST',
      body: form({ grant_type: 'password', ...EMMA }),
      headers: { 'Connect-Region-Code': 'BE' },
    });
    expect(withRegion.status).to.equal(200);
  });

  it('lists the demo credentials on its control endpoint', async () => {
    const demo = await mock.control<{ members: { email: string; password: string }[]; deviceTokens: string[]; apiToken: string }>('vista', '/members');
    expect(demo.members.map((m) => m.email)).to.include(EMMA.email);
    expect(demo.deviceTokens).to.include(DEVICE_TOKEN);
    expect(demo.apiToken).to.equal(SITE_TOKEN);
  });
});

describe('mock Vista OCAPI: cookie sessions', () => {
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW, readings: GENEROUS });
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'signs in with an HttpOnly cookie that authenticates later calls, and signs out with DELETE', async () => {
    const created = await call(mock, 'members/authentication-cookie', {
      method: 'POST',
      body: form({ grant_type: 'password', ...EMMA }),
      credentials: 'include',
    });
    expect(created.status).to.equal(204);
    const member = await call(mock, 'members/current', { credentials: 'include' });
    expect(member.status).to.equal(200);
    expect(member.json.member.email).to.equal(EMMA.email);
    const log = await mock.requests();
    expect(log.at(-1)?.headers['cookie']).to.contain('vista-loyalty-member-is-authenticated=true');

    expect((await call(mock, 'members/authentication-cookie', { method: 'DELETE', credentials: 'include' })).status).to.equal(204);
    expectProblem(await call(mock, 'members/current', { credentials: 'include' }), 401, null);
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'sets the readable vista-loyalty-member-is-authenticated cookie on Path=/ and the HttpOnly one on the world\'s path', async () => {
    // A page on the mock's own host reads the readable one (cookies ignore ports).
    const sameHost = mock.base('vista').replace('127.0.0.1', location.hostname);
    const created = await fetch(`${sameHost}/ocapi/v1/members/authentication-cookie`, {
      method: 'POST',
      body: form({ grant_type: 'password', ...EMMA }),
      credentials: 'include',
    });
    expect(created.status).to.equal(204);
    expect(document.cookie).to.contain('vista-loyalty-member-is-authenticated=true');
    expect(document.cookie).not.to.contain('vista-loyalty-member-auth=');
    await fetch(`${sameHost}/ocapi/v1/members/authentication-cookie`, { method: 'DELETE', credentials: 'include' });
    expect(document.cookie).not.to.contain('vista-loyalty-member-is-authenticated');
  });

  itWhere(
    {
      firefox: 'Firefox keeps a cross-site cookie in the page’s own partition (Total Cookie Protection) instead of dropping it, so an unpartitioned one works there',
      webkit: SECURE_COOKIES_OVER_HTTP.webkit,
    },
    'can send unpartitioned cookies, which a third-party-cookie-blocking browser drops',
    async () => {
      await mock.control('vista', '/config', json('POST', { partitionedCookies: false }));
      const created = await call(mock, 'members/authentication-cookie', {
        method: 'POST',
        body: form({ grant_type: 'password', ...EMMA }),
        credentials: 'include',
      });
      expect(created.status).to.equal(204);
      expectProblem(await call(mock, 'members/current', { credentials: 'include' }), 401, null);
    },
  );

  it('requires a known device token for a workstation cookie', async () => {
    const body = () => form({ grant_type: 'password', card_number: '6004100000004821', pin: '4821' });
    const noDevice = await call(mock, 'members/workstation-authentication-cookie', { method: 'POST', body: body(), credentials: 'include' });
    expectProblem(noDevice, 401, null);
    const siteTokenOnly = await call(mock, 'members/workstation-authentication-cookie', {
      method: 'POST',
      body: body(),
      credentials: 'include',
      headers: { Authorization: `Bearer ${SITE_TOKEN}` },
    });
    expectProblem(siteTokenOnly, 401, null);
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'signs a member in on a workstation by card number or phone number and PIN, without the right to edit details', async () => {
    const byPhone = await call(mock, 'members/workstation-authentication-cookie', {
      method: 'POST',
      body: form({ grant_type: 'password', phone_number: '+32470123456', pin: '0000' }),
      credentials: 'include',
      headers: { Authorization: `Bearer ${DEVICE_TOKEN}` },
    });
    expectProblem(byPhone, 401, 32001);

    const byCard = await call(mock, 'members/workstation-authentication-cookie', {
      method: 'POST',
      body: form({ grant_type: 'password', card_number: '6004100000004821', pin: '4821' }),
      credentials: 'include',
      headers: { Authorization: `Bearer ${DEVICE_TOKEN}` },
    });
    expect(byCard.status).to.equal(204);
    const member = await call(mock, 'members/current', { credentials: 'include' });
    expect(member.json.member.canUpdateDetails).to.equal(false);
    const update = await call(mock, 'members/current', { ...json('PATCH', { name: { givenName: 'Em' } }), credentials: 'include' });
    expectProblem(update, 403, 32005);
    await call(mock, 'members/authentication-cookie', { method: 'DELETE', credentials: 'include' });
  });

  it('lets a normal session update the member', async () => {
    const token = await memberToken(mock);
    const update = await call(mock, 'members/current', json('PATCH', { name: { givenName: 'Emmy' } }, { LoyaltySessionToken: token }));
    expect(update.status).to.equal(200);
    expect(update.json.member.name.givenName).to.equal('Emmy');
  });
});

describe('mock Vista OCAPI: ticket redemption', () => {
  let mock: MockWorld;
  let token: string;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW, readings: GENEROUS });
    token = await memberToken(mock);
  });

  const asMember = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), LoyaltySessionToken: token } });

  it('lists the member\'s own, expired and shared subscription cards in the seed shape', async () => {
    const answer = await call(mock, 'members/current/ticket-redemption-cards', asMember());
    expect(answer.status).to.equal(200);
    expectSameShape(answer.json, memberTicketRedemptionCardsResponseExample);
    const cards = answer.json.ticketRedemptionCards as { id: string; status: string; friendId: string | null; memberName: { givenName: string } }[];
    const own = cards.find((c) => c.id === EMMA_CARD)!;
    expect(own).to.include({ status: 'Active', friendId: null });
    expect(cards.find((c) => c.id === EMMA_EXPIRED_CARD)?.status).to.equal('Inactive');
    const shared = cards.find((c) => c.id === LUCAS_SHARED_CARD)!;
    expect(shared.friendId).to.be.a('string');
    expect(shared.memberName.givenName).to.equal('Lucas');
  });

  it('answers third-party schemes wrapped for site 0001 and as a bare array for site 0002', async () => {
    const wrapped = await call(mock, 'sites/0001/third-party-member-schemes');
    expectSameShape(wrapped.json.thirdPartyMemberSchemes, thirdPartyMemberSchemesResponseExample);
    const bare = await call(mock, 'sites/0002/third-party-member-schemes');
    expect(bare.json).to.be.an('array');
    expectSameShape(bare.json, thirdPartyMemberSchemesResponseExample);
    const tags = (bare.json[0].name.translations as { languageTag: string }[]).map((t) => t.languageTag);
    expect(tags).to.include.members(['fr', 'nl', 'de', 'es']);
    expectProblem(await call(mock, 'sites/9999/third-party-member-schemes'), 404, null);
  });

  it('adds a member subscription card to an order and answers the seed shape with its limit and ticket types', async () => {
    const request = { ...addMemberTicketRedemptionCardRequestExample, memberTicketRedemptionCardId: EMMA_CARD, showtimeId: '0001-88231' };
    const answer = await call(mock, 'orders/ord-1/ticket-redemption-cards', asMember(json('POST', request)));
    expect(answer.status).to.equal(200);
    expectSameShape(answer.json, addMemberTicketRedemptionCardResponseExample);
    expect(answer.json.ticketRedemptionCard.id).to.equal(EMMA_CARD);
    expect(answer.json.redemptionLimit).to.deep.equal({ isUnlimited: false, maximum: 2, minimum: 1 });
    expect(answer.json.ticketTypes[0].id).to.be.a('string');
  });

  it('refuses an inactive card (34003), a card the member does not have (34001) and a missing showtimeId (400)', async () => {
    const add = (body: object) => call(mock, 'orders/ord-1/ticket-redemption-cards', asMember(json('POST', body)));
    expectProblem(await add({ type: 'MemberTicketRedemptionCard', memberTicketRedemptionCardId: EMMA_EXPIRED_CARD, showtimeId: 's1' }), 400, 34003);
    expectProblem(await add({ type: 'MemberTicketRedemptionCard', memberTicketRedemptionCardId: '0e6a2b4c-7d8f-4a1b-b2c3-d4e5f6a7b8c9', showtimeId: 's1' }), 400, 34001);
    expectProblem(await add({ type: 'MemberTicketRedemptionCard', memberTicketRedemptionCardId: EMMA_CARD }), 400, null);
  });

  it('adds a third-party card in the seed shape, unlimited for CinéCard, and refuses unknown and declined numbers', async () => {
    const add = (cardNumber: string, schemeId = 'CINECARD') =>
      call(mock, 'orders/ord-2/ticket-redemption-cards', json('POST', {
        ...addThirdPartyMemberCardRequestExample,
        credentials: { cardNumber, thirdPartyMemberSchemeId: schemeId },
        showtimeId: '0001-88231',
      }));
    const added = await add('6371004412345678');
    expect(added.status).to.equal(200);
    expectSameShape(added.json, addThirdPartyMemberCardResponseExample);
    expect(added.json.redemptionLimit.isUnlimited).to.equal(true);
    expect(added.json.ticketRedemptionCard.maskedCardNumber).to.equal('************5678');
    expectProblem(await add('6371000000000000'), 400, 34001);
    expectProblem(await add('6371009900000013'), 400, 34002);
  });

  describe('SetShowtime', () => {
    const showtimeId = '0001-88231';
    let ticketTypeId: string;
    beforeEach(async () => {
      const added = await call(
        mock,
        'orders/ord-3/ticket-redemption-cards',
        asMember(json('POST', { type: 'MemberTicketRedemptionCard', memberTicketRedemptionCardId: EMMA_CARD, showtimeId })),
      );
      ticketTypeId = added.json.ticketTypes[0].id;
    });
    const put = (tickets: object[]) => call(mock, `orders/ord-3/showtimes/${showtimeId}`, json('PUT', { tickets }));
    const ticket = (id: string) => ({ id, ticketTypeId, ticketRedemptionCardId: EMMA_CARD });

    it('accepts the seed\'s request shape within the limit, answers the showtime\'s tickets and records it once', async () => {
      const request = { tickets: [{ ...setShowtimeSubscriptionRequestExample.tickets[0]!, id: 't-1', ticketTypeId }, { id: 't-2', ticketTypeId: 'ADULT' }] };
      const answer = await call(mock, `orders/ord-3/showtimes/${showtimeId}`, json('PUT', request));
      expect(answer.status).to.equal(200);
      expect(answer.json.showtime.id).to.equal(showtimeId);
      expect(answer.json.showtime.tickets.map((t: { id: string }) => t.id)).to.deep.equal(['t-1', 't-2']);
      const recorded = await mock.received<{ orderId: string; tickets: unknown[] }>('setShowtime');
      expect(recorded).to.have.length(1);
      expect(recorded[0]!.tickets).to.have.length(2);
    });

    it('refuses more tickets than the card\'s maximum (34010) and records nothing', async () => {
      expectProblem(await put([ticket('a'), ticket('b'), ticket('c')]), 400, 34010);
      expect(await mock.received('setShowtime')).to.have.length(0);
    });

    it('refuses fewer tickets than the minimum (34011)', async () => {
      const duo = await call(mock, 'orders/ord-3/ticket-redemption-cards', json('POST', {
        type: 'ThirdPartyMemberCard',
        credentials: { cardNumber: 'DUO-2027-0815', thirdPartyMemberSchemeId: 'DUOCLUB' },
        showtimeId,
      }));
      expect(duo.json.redemptionLimit).to.deep.equal({ isUnlimited: false, maximum: 4, minimum: 2 });
      const card = duo.json.ticketRedemptionCard.id as string;
      const duoType = duo.json.ticketTypes[0].id as string;
      expectProblem(await put([{ id: 'd1', ticketTypeId: duoType, ticketRedemptionCardId: card }]), 400, 34011);
    });

    it('refuses duplicate ticket ids (34012), cards not on the order (34004) and foreign ticket types (34013)', async () => {
      expectProblem(await put([ticket('same'), ticket('same')]), 400, 34012);
      expectProblem(await put([{ ...ticket('x'), ticketRedemptionCardId: LUCAS_SHARED_CARD }]), 400, 34004);
      expectProblem(await put([{ ...ticket('y'), ticketTypeId: 'TPMS-CINECARD' }]), 400, 34013);
    });
  });
});

describe('mock Vista OCAPI: faults in Vista\'s own form', () => {
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW, readings: GENEROUS });
  });

  it('vendor-error answers problem+json with the rule\'s code and status', async () => {
    await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'vendor-error', code: 32777, status: 409, message: 'Member record is being merged', times: 1 });
    const answer = await signIn(mock, EMMA);
    expectProblem(answer, 409, 32777);
    expect(answer.json.detail).to.equal('Member record is being merged');
    expect((await signIn(mock, EMMA)).status).to.equal(200);
  });

  it('expired-token answers the 403 "Loyalty Member Authentication Token Expired"', async () => {
    await mock.fault({ vendor: 'vista', path: 'members/current', kind: 'expired-token' });
    const answer = await call(mock, 'members/current', { headers: { LoyaltySessionToken: 'anything' } });
    expectProblem(answer, 403, null);
    expect(answer.json.title).to.equal('Loyalty Member Authentication Token Expired');
  });

  it('lockout answers error 32000 with the rule\'s lockOutPeriodInSeconds', async () => {
    await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 45 });
    const answer = await signIn(mock, EMMA);
    expect(answer.json.errorCode).to.equal(32000);
    expect(answer.json.lockOutPeriodInSeconds).to.equal(45);
  });

  it('rate-limit answers 429 problem+json with Retry-After', async () => {
    await mock.fault({ vendor: 'vista', kind: 'rate-limit', retryAfter: 7 });
    const answer = await signIn(mock, EMMA);
    expectProblem(answer, 429, null);
    expect(answer.headers.get('retry-after')).to.equal('7');
  });

  it('http-error answers problem+json with the rule\'s status', async () => {
    await mock.fault({ vendor: 'vista', kind: 'http-error', status: 502 });
    expectProblem(await call(mock, 'sites/0001/third-party-member-schemes'), 502, null);
  });
});

describe('mock Vista OCAPI: readings of the seeds\' silences (defaults: the strictest)', () => {
  let mock: MockWorld;
  beforeEach(async () => {
    // The defaults pinned, whatever MOCK_READINGS says (readings.test.ts checks they are the declared defaults).
    mock = await openMockWorld({ now: NOW, readings: strictestReadingsOf('vista') });
  });

  it('plays the strictest reading of each silence', async () => {
    const readings = await mock.readings();
    expect(readings['vista.lockOut.casing']).to.equal('LockOutPeriodInSeconds');
    expect(readings['vista.membersCurrent']).to.equal('absent');
    expect(readings['vista.setShowtime.answer']).to.equal('no-content');
    expect(readings['vista.ticketTypes']).to.equal('page');
    expect(readings['vista.refusalCodes']).to.equal('unlisted');
  });

  it('spells the lock-out period as the seed does', async () => {
    await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 45, times: 1 });
    const answer = await signIn(mock, EMMA);
    expect(answer.json.errorCode).to.equal(32000);
    expect(answer.json.LockOutPeriodInSeconds).to.equal(45);
    expect(answer.json).not.to.have.property('lockOutPeriodInSeconds');
  });

  it('does not serve members/current', async () => {
    const token = await memberToken(mock);
    expect((await call(mock, 'members/current', { headers: { LoyaltySessionToken: token } })).status).to.equal(404);
  });

  it('answers a card without ticket types and refusals without a code; SetShowtime with 204, the venue\'s MEMBER type accepted', async () => {
    const token = await memberToken(mock);
    const auth = { LoyaltySessionToken: token };
    const added = await call(mock, 'orders/ord-r/ticket-redemption-cards', json('POST', { ...addMemberTicketRedemptionCardRequestExample, memberTicketRedemptionCardId: EMMA_CARD, showtimeId: 'S1' }, auth));
    expect(added.status).to.equal(200);
    expect(added.json).not.to.have.property('ticketTypes');
    const refused = await call(mock, 'orders/ord-r/ticket-redemption-cards', json('POST', { ...addMemberTicketRedemptionCardRequestExample, memberTicketRedemptionCardId: EMMA_EXPIRED_CARD, showtimeId: 'S1' }, auth));
    expectProblem(refused, 400, null);
    expect(refused.json.title).to.equal('Bad Request');
    const set = await call(mock, 'orders/ord-r/showtimes/S1', json('PUT', { tickets: [{ id: 't-1', ticketTypeId: 'MEMBER', ticketRedemptionCardId: EMMA_CARD }] }, auth));
    expect(set.status).to.equal(204);
    expect(set.json).to.equal(undefined);
    expect(await mock.received('setShowtime')).to.have.length(1);
  });
});
