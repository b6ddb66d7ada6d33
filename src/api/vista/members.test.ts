import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { ConfigError, ParseError, VendorError } from '../errors.js';
import { createVistaMembersClient, type VistaMembersClient } from './members.js';
import { isMemberLockedOut, isMemberSessionExpired, isRecaptchaRequired } from './problem.js';
import { rejection } from '../../../test/rejection.js';
import { itWhere, SECURE_COOKIES_OVER_HTTP } from '../../../test/engines.js';

const NOW = '2027-03-01T12:00:00Z';
const SITE_TOKEN = 'ocapi_site_2f9c1e7b4a6d';
const DEVICE_TOKEN = 'dim_boxoffice_antwerp_01_x7Qp';
const EMMA = { grant_type: 'password', email: 'emma.janssens@example.com', password: 'Popcorn-2027' } as const;


describe('Vista members client', () => {
  let mock: MockWorld;
  let members: VistaMembersClient;
  beforeEach(async () => {
    // These tests call members/current, which a tenant may not serve (no seed documents it).
    mock = await openMockWorld({ now: NOW, readings: { 'vista.membersCurrent': 'served' } });
    members = createVistaMembersClient({ apiBase: mock.base('vista') + '/', apiToken: SITE_TOKEN, regionCode: 'BE' });
  });

  it('signs in with an urlencoded form and the site token, region code and tokens a caller needs', async () => {
    const token = await members.createAuthenticationToken({ ...EMMA, remember: true });
    expect(token.token_type).to.equal('Bearer');
    expect(token.expires_in).to.equal(1800);
    expect(token.refresh_token).to.be.a('string');

    const sent = (await mock.requests()).find((r) => r.path === '/ocapi/v1/members/authentication-token')!;
    expect(sent.method).to.equal('POST');
    expect(sent.headers['content-type']).to.contain('application/x-www-form-urlencoded');
    expect(sent.headers['authorization']).to.equal(`Bearer ${SITE_TOKEN}`);
    expect(sent.headers['connect-region-code']).to.equal('BE');
  });

  it('refreshes a session with the refresh token', async () => {
    const first = await members.createAuthenticationToken(EMMA);
    const next = await members.createAuthenticationToken({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(next.access_token).not.to.equal(first.access_token);
    const member = await members.getCurrentMember({ memberToken: next.access_token });
    expect(member.email).to.equal('emma.janssens@example.com');
  });

  it('turns wrong credentials into a VendorError with Vista\'s code and message', async () => {
    const error = await rejection(members.createAuthenticationToken({ ...EMMA, password: 'wrong' }));
    expect(error).to.be.instanceOf(VendorError);
    const vendorError = error as VendorError;
    expect(vendorError.vendor).to.equal('vista');
    expect(vendorError.code).to.equal(32001);
    expect(vendorError.status).to.equal(401);
    expect(vendorError.message).to.equal('The username, email, card number or password is incorrect.');
    expect(isMemberLockedOut(vendorError)).to.equal(false);
  });

  it('reports a lock-out (32000) with its period, and the 429 that follows with Retry-After', async () => {
    const liam = { grant_type: 'password', email: 'liam.peeters@example.com' } as const;
    for (let attempt = 1; attempt < 5; attempt++) await rejection(members.createAuthenticationToken({ ...liam, password: `guess-${attempt}` }));
    const locked = (await rejection(members.createAuthenticationToken({ ...liam, password: 'guess-5' }))) as VendorError;
    expect(locked.code).to.equal(32000);
    expect(locked.lockOutPeriodInSeconds).to.equal(30);
    expect(isMemberLockedOut(locked)).to.equal(true);

    const stillLocked = (await rejection(members.createAuthenticationToken({ ...liam, password: 'Interval-2027' }))) as VendorError;
    expect(stillLocked.status).to.equal(429);
    expect(stillLocked.retryAfterMs).to.be.within(1000, 30_000);
    expect(isMemberLockedOut(stillLocked)).to.equal(true);
    // A sign-in has side effects: it is never repeated on 429.
    const attempts = (await mock.requests()).filter((r) => r.path.endsWith('authentication-token') && r.method === 'POST');
    expect(attempts).to.have.length(6);
  });

  it('reads the lock-out fault\'s period', async () => {
    await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 90, times: 1 });
    const error = (await rejection(members.createAuthenticationToken(EMMA))) as VendorError;
    expect(error.lockOutPeriodInSeconds).to.equal(90);
  });

  it('reads the lock-out period as the seed spells it (LockOutPeriodInSeconds) and as JSON camel-cases it', async () => {
    for (const casing of ['LockOutPeriodInSeconds', 'lockOutPeriodInSeconds']) {
      await mock.chooseReadings({ 'vista.lockOut.casing': casing });
      await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 45, times: 1 });
      const error = (await rejection(members.createAuthenticationToken(EMMA))) as VendorError;
      expect(error.lockOutPeriodInSeconds, casing).to.equal(45);
      expect((error.details as Record<string, unknown>)[casing], 'the answer carried this spelling').to.equal(45);
    }
  });

  it('recognises an expired member session', async () => {
    const { access_token } = await members.createAuthenticationToken(EMMA);
    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    const error = await rejection(members.getCurrentMember({ memberToken: access_token }));
    expect(isMemberSessionExpired(error)).to.equal(true);
    expect((error as VendorError).status).to.equal(403);
  });

  it('does not mistake other refusals for an expired session', async () => {
    const error = await rejection(members.getCurrentMember());
    expect(error).to.be.instanceOf(VendorError);
    expect(isMemberSessionExpired(error)).to.equal(false);
  });

  it('gets the member behind a LoyaltySessionToken', async () => {
    const { access_token } = await members.createAuthenticationToken(EMMA);
    const member = await members.getCurrentMember({ memberToken: access_token });
    expect(member.name).to.deep.equal({ givenName: 'Emma', familyName: 'Janssens', middleName: 'Louise' });
    expect(member.canUpdateDetails).to.equal(true);
    const sent = (await mock.requests()).find((r) => r.path === '/ocapi/v1/members/current')!;
    expect(sent.headers['loyaltysessiontoken']).to.equal(access_token);
  });

  it('recognises a reCAPTCHA requirement, and signs in with the widget\'s answer', async () => {
    const sofia = { grant_type: 'password', email: 'sofia.martin@example.com', password: 'Trailer-2027' } as const;
    const error = await rejection(members.createAuthenticationToken(sofia));
    expect(isRecaptchaRequired(error)).to.equal(true);
    expect(isMemberLockedOut(error)).to.equal(false);
    const token = await members.createAuthenticationToken({ ...sofia, 'g-recaptcha-response': 'widget-answer' });
    expect(token.access_token).to.be.a('string');
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'updates the member\'s details, refused for a workstation session', async () => {
    const { access_token } = await members.createAuthenticationToken(EMMA);
    const member = await members.updateCurrentMember({ name: { givenName: 'Emmy' } }, { memberToken: access_token });
    expect(member.name.givenName).to.equal('Emmy');
    await members.createWorkstationCookie({ card_number: '6004100000004821', pin: '4821' }, DEVICE_TOKEN);
    const refused = (await rejection(members.updateCurrentMember({ email: 'x@example.com' }, { withCookies: true }))) as VendorError;
    expect(refused.code).to.equal(32005);
    await members.expireAuthenticationCookie();
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'signs in and out with cookies', async () => {
    await members.createAuthenticationCookie(EMMA);
    const member = await members.getCurrentMember({ withCookies: true });
    expect(member.username).to.equal('emma.janssens');
    await members.expireAuthenticationCookie();
    const error = (await rejection(members.getCurrentMember({ withCookies: true }))) as VendorError;
    expect(error.status).to.equal(401);
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'signs a member in on a workstation with the device token instead of the site token', async () => {
    await members.createWorkstationCookie({ card_number: '6004100000004821', pin: '4821' }, DEVICE_TOKEN);
    const member = await members.getCurrentMember({ withCookies: true });
    expect(member.name.givenName).to.equal('Emma');
    expect(member.canUpdateDetails).to.equal(false);
    const sent = (await mock.requests()).find((r) => r.path.endsWith('workstation-authentication-cookie'))!;
    expect(sent.headers['authorization']).to.equal(`Bearer ${DEVICE_TOKEN}`);
    await members.expireAuthenticationCookie();
  });

  it('refuses an unknown device token', async () => {
    const error = (await rejection(members.createWorkstationCookie({ phone_number: '+32470123456', pin: '4821' }, 'dim_stolen'))) as VendorError;
    expect(error).to.be.instanceOf(VendorError);
    expect(error.status).to.equal(401);
  });

  it('reports a wrong site token as a VendorError 401', async () => {
    const wrongSite = createVistaMembersClient({ apiBase: mock.base('vista'), apiToken: 'not-this-site' });
    const error = (await rejection(wrongSite.createAuthenticationToken(EMMA))) as VendorError;
    expect(error.status).to.equal(401);
    expect(error.code).to.equal(401);
  });

  it('reports an edge proxy\'s HTML page as a ParseError, not a Vista error', async () => {
    await mock.fault({ vendor: 'vista', kind: 'html', status: 502 });
    const error = await rejection(members.createAuthenticationToken(EMMA));
    expect(error).to.be.instanceOf(ParseError);
  });

  it('refuses to call without an api-base', async () => {
    const error = await rejection(createVistaMembersClient({ apiBase: '' }).getCurrentMember());
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).attribute).to.equal('api-base');
  });
});
