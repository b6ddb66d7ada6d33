import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { ifDefined } from 'lit/directives/if-defined.js';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { currentVistaSession, forgetVistaSessionsInMemory } from '../../shared/vista/session.js';
import type { WidgetEvent } from '../../shared/events.js';
import './index.js';
import { textOf, VistaMemberLoginHarness } from './vista-member-login.harness.js';
import type { VistaMemberLogin, VistaMemberLoginDetail, VistaMemberLogoutDetail } from './vista-member-login.js';
import { itWhere, SECURE_COOKIES_OVER_HTTP } from '../../../test/engines.js';

const SITE_TOKEN = 'ocapi_site_2f9c1e7b4a6d';
const DEVICE_TOKEN = 'dim_boxoffice_antwerp_01_x7Qp';
const EMMA = { login: 'emma.janssens@example.com', password: 'Popcorn-2027' };

interface Attrs {
  mode?: string;
  apiBase?: string;
  regionCode?: string;
  clubId?: string;
  deviceToken?: string;
  locale?: string;
}

describe('<vista-member-login>', () => {
  let mock: MockWorld;
  let events: Array<{ type: string; detail: unknown }>;
  const record = (e: Event) => events.push({ type: e.type, detail: (e as WidgetEvent<unknown>).detail });
  const EVENT_TYPES = ['vista-member-login', 'vista-member-logout', 'vista-member-error'] as const;

  beforeEach(async () => {
    forgetVistaSessionsInMemory();
    // Most tests greet the member by name, which only a tenant serving members/current (in no
    // seed) tells; 'members/current absent' below plays the strictest reading.
    mock = await openMockWorld({ now: '2027-03-01T12:00:00Z', readings: { 'vista.membersCurrent': 'served' } });
    events = [];
    for (const type of EVENT_TYPES) window.addEventListener(type, record);
  });

  afterEach(async () => {
    for (const type of EVENT_TYPES) window.removeEventListener(type, record);
    forgetVistaSessionsInMemory();
    await clearRememberedSessions();
  });

  // -------------------------------------------------------------------------------------------
  // Page object
  // -------------------------------------------------------------------------------------------

  /** Mounts the element and waits for its first screen; returns its page object. */
  async function mount(attrs: Attrs = {}): Promise<VistaMemberLoginHarness> {
    const el = await fixture<VistaMemberLogin>(html`<vista-member-login
      api-base=${attrs.apiBase ?? mock.base('vista')}
      api-token=${SITE_TOKEN}
      mode=${ifDefined(attrs.mode)}
      region-code=${ifDefined(attrs.regionCode)}
      club-id=${ifDefined(attrs.clubId)}
      device-token=${ifDefined(attrs.deviceToken)}
      locale=${attrs.locale ?? 'en'}
    ></vista-member-login>`);
    const login = new VistaMemberLoginHarness(el);
    await login.started();
    return login;
  }

  const clearRememberedSessions = () => clear(createStore('vista-member', 'session'));

  const logged = async (ending: string, method?: string) =>
    (await mock.requests()).filter((r) => r.path.endsWith(ending) && (!method || r.method === method));

  // -------------------------------------------------------------------------------------------
  // Token mode
  // -------------------------------------------------------------------------------------------

  describe('token mode', () => {
    it('signs a member in with email and password, greets them, and tells the page with the token', async () => {
      const el = await mount({ regionCode: 'BE' });
      expect(el.el.authenticated).to.equal(false);
      await el.signIn(EMMA);
      expect(el.text('#member-title')).to.equal('Signed in as Emma Janssens');
      expect(el.el.authenticated).to.equal(true);
      expect(el.el.hasAttribute('authenticated')).to.equal(true);
      expect(el.focused?.id).to.equal('member-title');
      await expect(el.el).to.be.accessible();

      const login = events.find((e) => e.type === 'vista-member-login')!.detail as VistaMemberLoginDetail;
      expect(login.member?.email).to.equal('emma.janssens@example.com');
      expect(login.token).to.be.a('string').and.not.equal('');
      expect(login.restored).to.equal(false);

      const [signInCall] = await logged('authentication-token', 'POST');
      expect(signInCall!.headers['authorization']).to.equal(`Bearer ${SITE_TOKEN}`);
      expect(signInCall!.headers['connect-region-code']).to.equal('BE');
      const [memberCall] = await logged('members/current');
      expect(memberCall!.headers['loyaltysessiontoken']).to.equal(login.token);
      // The token never reaches storage a page script reads synchronously.
      expect(JSON.stringify({ ...localStorage })).not.to.contain(login.token!);
      expect(JSON.stringify({ ...sessionStorage })).not.to.contain(login.token!);
      expect(document.cookie).not.to.contain(login.token!);
    });

    it('signs in with a username, and with the club the element is set to', async () => {
      const el = await mount({ clubId: '2' });
      await el.signIn({ login: 'noah.dubois@example.com', password: 'Matinee-2027' });
      expect(el.text('#member-title')).to.equal('Signed in as Noah Dubois');
      await el.el.signOut();

      const club1 = await mount();
      await club1.signIn({ login: 'emma.janssens', password: 'Popcorn-2027' });
      expect(club1.text('#member-title')).to.equal('Signed in as Emma Janssens');
    });

    it('offers the fields password managers recognise, in a real form', async () => {
      const el = await mount();
      const form = el.$<HTMLFormElement>('form[part="form"]')!;
      expect(el.input('login').name).to.equal('username');
      expect(el.input('login').autocomplete).to.equal('username');
      expect(el.input('password').autocomplete).to.equal('current-password');
      expect(el.input('password').type).to.equal('password');
      expect(form.contains(el.input('password'))).to.equal(true);
      expect(el.text('label[for="login"]')).to.equal('Email or username');
      el.el.focus();
      expect(el.focused?.id).to.equal('login');
      await expect(el.el).to.be.accessible();
    });

    it('lists missing fields in a summary that takes focus and links to each field', async () => {
      const el = await mount();
      el.submit();
      await el.el.updateComplete;
      const summary = el.$('[part="error-summary"]')!;
      expect(el.focused).to.equal(summary);
      const links = [...summary.querySelectorAll('a')];
      expect(links.map((a) => textOf(a))).to.deep.equal(['Enter your email address or username', 'Enter your password']);
      expect(el.input('login').getAttribute('aria-invalid')).to.equal('true');
      expect(el.input('login').getAttribute('aria-describedby')).to.equal('login-problem');
      links[1]!.click();
      expect(el.focused?.id).to.equal('password');
      expect(await logged('authentication-token')).to.have.length(0);
      await expect(el.el).to.be.accessible();
    });

    it('explains wrong credentials on the password field and keeps the name typed', async () => {
      const el = await mount();
      await el.signIn({ login: EMMA.login, password: 'wrong' });
      expect(el.text('[part="error-summary"] a')).to.equal('The email, username or password is not right');
      expect(el.input('password').getAttribute('aria-invalid')).to.equal('true');
      expect(el.input('login').value).to.equal(EMMA.login);
      expect(el.focused).to.equal(el.$('[part="error-summary"]'));
      expect(el.el.authenticated).to.equal(false);
      expect(events.find((e) => e.type === 'vista-member-error')).to.not.equal(undefined);
    });

    it('refreshes the token before it expires, and calls keep working with the new one', async function () {
      this.timeout(20_000);
      // Four seconds: one refresh (a second before expiry) in the test's window, not a chain of them
      // racing the assertions on a loaded machine.
      await mock.control('vista', '/config', { method: 'POST', body: JSON.stringify({ accessTokenSeconds: 4 }), headers: { 'content-type': 'application/json' } });
      const el = await mount();
      await el.signIn(EMMA);
      const first = currentVistaSession(mock.base('vista'))!.token!.accessToken;
      await waitUntil(async () => (await logged('authentication-token', 'POST')).length >= 2, 'no refresh', { timeout: 8000, interval: 200 });
      await waitUntil(() => currentVistaSession(mock.base('vista'))?.token?.accessToken !== first, 'token not replaced');
      expect(el.el.authenticated).to.equal(true);
      const fresh = currentVistaSession(mock.base('vista'))!.token!.accessToken;
      await waitUntil(() => el.el.memberToken === fresh, 'the element does not hand out the new token');
      const answer = await fetch(`${mock.base('vista')}/ocapi/v1/members/current`, { headers: { LoyaltySessionToken: fresh } });
      expect(answer.status).to.equal(200);
      expect(events.filter((e) => e.type === 'vista-member-logout')).to.have.length(0);
    });

    it('refreshes on demand when Vista says the token expired, and the call goes through', async () => {
      const el = await mount();
      await el.signIn(EMMA);
      await mock.control('vista', '/expire-sessions', { method: 'POST' });
      await el.editDetails({ 'given-name': 'Emmy' });
      expect(el.text('#member-title')).to.equal('Signed in as Emmy Janssens');
      expect(el.text('.saved'), 'the confirmation, in words that come with the late chunk').to.equal('Your details are saved.');
      const grants = await logged('authentication-token', 'POST');
      expect(grants).to.have.length(2); // the sign-in, then one refresh
      expect(el.el.authenticated).to.equal(true);
    });

    it('keeps a remembered member signed in across a reload, in IndexedDB', async () => {
      const el = await mount();
      await el.signIn(EMMA, { remember: true });
      el.el.remove();
      forgetVistaSessionsInMemory(); // what a reload does
      events = [];
      const again = await mount();
      await again.until(() => again.showsMember, 'not restored');
      expect(again.text('#member-title')).to.equal('Signed in as Emma Janssens');
      const login = events.find((e) => e.type === 'vista-member-login')!.detail as VistaMemberLoginDetail;
      expect(login.restored).to.equal(true);
      expect(Object.keys(localStorage)).to.have.length(0);
    });

    it('forgets a member who did not ask to be remembered at the reload', async () => {
      const el = await mount();
      await el.signIn(EMMA);
      el.el.remove();
      forgetVistaSessionsInMemory();
      const again = await mount();
      expect(again.$('form[part="form"]')).to.not.equal(null);
      expect(again.el.authenticated).to.equal(false);
    });

    it('asks to sign in again, name kept, when Vista ended the session (403) and the refresh token is gone', async () => {
      const el = await mount();
      await el.signIn(EMMA, { remember: true });
      el.el.remove();
      forgetVistaSessionsInMemory();
      await mock.control('vista', '/expire-sessions', { method: 'POST', body: JSON.stringify({ refreshTokens: true }), headers: { 'content-type': 'application/json' } });
      events = [];
      const again = await mount();
      await again.until(() => again.showsForm, 'the form did not come back');
      expect(again.text('[part="notice"]')).to.equal('Your session has ended. Please sign in again.');
      expect(again.input('login').value).to.equal(EMMA.login);
      expect(again.el.authenticated).to.equal(false);
      expect((events.find((e) => e.type === 'vista-member-logout')!.detail as VistaMemberLogoutDetail).reason).to.equal('expired');
      const members = await logged('members/current');
      expect(members.at(-1)!.status).to.equal(403);
      // Signing in again works and clears the notice.
      again.input('password').value = EMMA.password;
      again.submit();
      await again.until(() => again.showsMember, 'not signed in again');
    });

    it('signs out by forgetting the token, and says so', async () => {
      const el = await mount();
      await el.signIn(EMMA, { remember: true });
      await el.signOut();
      expect(el.el.authenticated).to.equal(false);
      expect(el.focused?.id).to.equal('login');
      expect((events.find((e) => e.type === 'vista-member-logout')!.detail as VistaMemberLogoutDetail).reason).to.equal('sign-out');
      expect(currentVistaSession(mock.base('vista'))).to.equal(undefined);
      forgetVistaSessionsInMemory();
      const again = await mount();
      expect(again.el.authenticated).to.equal(false);
    });

    it('signs in with a linked external identity token', async () => {
      const el = await mount();
      expect(await el.el.signInWithExternalToken('lumiere-sso', 'sso-emma-7d41')).to.equal(true);
      await el.el.updateComplete;
      expect(el.text('#member-title')).to.equal('Signed in as Emma Janssens');
    });
  });

  // -------------------------------------------------------------------------------------------
  // Lock-out, 429, reCAPTCHA
  // -------------------------------------------------------------------------------------------

  describe('refusals', () => {
    it('counts a lock-out down live, with the form disabled until it ends', async () => {
      await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 2, times: 1 });
      const el = await mount();
      await el.signIn(EMMA);
      expect(el.formDisabled).to.equal(true);
      expect(el.text('[part="lockout"]')).to.match(/^Try again in 0:0[12]$/);
      expect(el.$('[part="lockout"] [role="timer"]')).to.not.equal(null);
      expect(el.text('[part="error-summary"]')).to.contain('Too many failed sign-in attempts');
      expect(el.announcement).to.equal('Signing in is locked for 2 more seconds.');
      await expect(el.el).to.be.accessible();
      await el.until(() => !el.formDisabled, 'the lock-out did not end', 5000);
      expect(el.$('[part="lockout"]')).to.equal(null);
      expect(el.announcement).to.equal('You can sign in again now.');
      expect(el.focused?.id).to.equal('password');
      el.input('password').value = EMMA.password;
      el.submit();
      await el.until(() => el.showsMember, 'no sign-in after the lock-out');
    });

    it('keeps the form locked until Vista\'s lock ends, and not a second less', async () => {
      await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 3, times: 1 });
      const el = await mount();
      const realNow = Date.now;
      const askedAt = realNow();
      await el.signIn(EMMA);
      const answeredAt = realNow();
      expect(el.formDisabled).to.equal(true);
      // A controlled clock: Vista's 3-second lock began after we asked, so it cannot end before
      // askedAt + 3 s; it began before the answer arrived, so it has ended by answeredAt + 3 s.
      let clock = askedAt + 3000 - 1;
      Date.now = () => clock;
      try {
        await new Promise((resolve) => setTimeout(resolve, 1300)); // a tick of the countdown, at least
        await el.el.updateComplete;
        expect(el.formDisabled, 'the form reopened while Vista still locks the member out').to.equal(true);
        expect(el.$('[part="lockout"]')).to.not.equal(null);
        clock = answeredAt + 3000 + 1;
        await el.until(() => !el.formDisabled, 'the form stayed locked after Vista\'s lock ended', 3000);
        expect(el.$('[part="lockout"]')).to.equal(null);
      } finally {
        Date.now = realNow;
      }
    });

    it('goes on counting down when moved in the page', async () => {
      await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'lockout', lockOutPeriodInSeconds: 1, times: 1 });
      const el = await mount();
      await el.signIn(EMMA);
      const parent = el.el.parentElement!;
      el.el.remove();
      parent.append(el.el);
      await el.until(() => !el.$('[part="lockout"]'), 'the lock-out did not end after the move', 4000);
      expect(el.formDisabled).to.equal(false);
    });

    it('locks out after five wrong passwords with Vista\'s period', async () => {
      const el = await mount();
      for (let attempt = 1; attempt <= 5; attempt++) await el.signIn({ login: 'liam.peeters@example.com', password: `guess-${attempt}` });
      expect(el.formDisabled).to.equal(true);
      expect(el.text('[part="lockout"]')).to.match(/^Try again in 0:(30|29)$/);
    });

    it('turns a 429 into a countdown from Retry-After, and never repeats the sign-in itself', async () => {
      await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'rate-limit', retryAfter: 1, times: 1 });
      const el = await mount();
      await el.signIn(EMMA);
      expect(el.text('[part="lockout"]')).to.equal('Try again in 0:01');
      expect(await logged('authentication-token', 'POST')).to.have.length(1);
      await el.until(() => !el.$('[part="lockout"]'), 'the wait did not end');
    });

    it('explains a reCAPTCHA requirement and signs in once the page supplies the answer', async () => {
      const el = await mount();
      await el.signIn({ login: 'sofia.martin@example.com', password: 'Trailer-2027' });
      const notice = el.$('[part="notice"]')!;
      expect(textOf(notice)).to.contain('must pass a reCAPTCHA check');
      expect(notice.querySelector('slot[name="recaptcha"]')).to.not.equal(null);
      expect(el.focused).to.equal(notice);
      el.el.recaptchaResponse = 'token-from-the-widget';
      await el.el.updateComplete;
      expect(el.text('[part="notice"]')).to.equal('Check complete: you can sign in now.');
      el.input('password').value = 'Trailer-2027';
      el.submit();
      await el.until(() => el.showsMember, 'not signed in');
      expect(el.text('#member-title')).to.equal('Signed in as Sofia Martin');
    });

    it('shows other failures in part="error" and retries the sign-in', async () => {
      await mock.fault({ vendor: 'vista', path: 'authentication-token', kind: 'html', status: 502, times: 1 });
      const el = await mount();
      await el.signIn(EMMA);
      expect(el.errorName).to.equal('ParseError');
      el.$<HTMLButtonElement>('[part="retry"]')!.click();
      await el.until(() => el.showsMember, 'the retry did not sign in');
    });

    it('speaks the page\'s language, Vista\'s refusals included', async () => {
      const el = await mount({ locale: 'fr-BE' });
      expect(el.text('label[for="password"]')).to.equal('Mot de passe');
      await el.signIn({ login: EMMA.login, password: 'wrong' });
      expect(el.text('[part="error-summary"] a')).to.equal('L’e-mail, le nom d’utilisateur ou le mot de passe est incorrect');
    });

    it('drops a session found late for the api-base it no longer uses', async function () {
      this.timeout(15_000);
      // Emma is remembered on this tenant; finding her again takes Vista 1.5 s to answer.
      const first = await mount();
      await first.signIn(EMMA, { remember: true });
      first.el.remove();
      forgetVistaSessionsInMemory();
      await mock.fault({ vendor: 'vista', path: 'members/current', kind: 'delay', delayMs: 1500, times: 1 });
      const other = await openMockWorld({ now: '2027-03-01T12:00:00Z', readings: { 'vista.membersCurrent': 'served' } });
      events = [];
      const el = new VistaMemberLoginHarness(
        await fixture<VistaMemberLogin>(html`<vista-member-login api-base=${mock.base('vista')} api-token=${SITE_TOKEN} locale="en"></vista-member-login>`),
      );
      // The page moves the element to another tenant while the first still looks for Emma.
      el.el.apiBase = other.base('vista');
      await el.until(() => el.showsForm, 'the other tenant\'s form did not come');
      await waitUntil(async () => (await logged('members/current')).length > 0, 'the first tenant was not asked', { timeout: 5000, interval: 100 });
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the late answer has come by now
      await el.el.updateComplete;
      expect(el.showsForm, 'the other tenant\'s form stays').to.equal(true);
      expect(el.el.authenticated).to.equal(false);
      expect(events.filter((e) => e.type === 'vista-member-login'), 'no sign-in announced for the old tenant').to.have.length(0);
    });

    it('refuses to start without an api-base', async () => {
      const el = await mount({ apiBase: '' });
      expect(el.errorName).to.equal('ConfigError');
    });
  });

  // -------------------------------------------------------------------------------------------
  // Cookie and workstation modes
  // -------------------------------------------------------------------------------------------

  describe('cookie mode', () => {
    itWhere(SECURE_COOKIES_OVER_HTTP, 'signs in with an HttpOnly cookie, finds the session again after a reload, and signs out with DELETE', async () => {
      const el = await mount({ mode: 'cookie' });
      await el.signIn(EMMA);
      expect(el.text('#member-title')).to.equal('Signed in as Emma Janssens');
      const login = events.find((e) => e.type === 'vista-member-login')!.detail as VistaMemberLoginDetail;
      expect(login.token ?? 'none').to.equal('none');
      // The first call is the start-up check (nobody signed in yet), the last the member after sign-in.
      const checks = await logged('members/current');
      expect(checks[0]!.status).to.equal(401);
      const member = checks.at(-1)!;
      expect(member.status).to.equal(200);
      expect(member.headers['cookie']).to.contain('vista-loyalty-member-auth=');
      expect(member.headers['loyaltysessiontoken'] ?? 'none').to.equal('none');

      el.el.remove();
      forgetVistaSessionsInMemory();
      const again = await mount({ mode: 'cookie' });
      await again.until(() => again.showsMember, 'the cookie session was not found');
      await again.signOut();
      expect(await logged('authentication-cookie', 'DELETE')).to.have.length(1);

      again.el.remove();
      forgetVistaSessionsInMemory();
      const third = await mount({ mode: 'cookie' });
      expect(third.el.authenticated).to.equal(false);
    });

    itWhere(SECURE_COOKIES_OVER_HTTP, 'reads the signed-in state from vista-loyalty-member-is-authenticated when the API is on the page\'s host', async () => {
      // The page runs on localhost; the mock answers on localhost too (another port: same cookies).
      const sameHost = mock.base('vista').replace('127.0.0.1', location.hostname);
      const el = await mount({ mode: 'cookie', apiBase: sameHost });
      await el.signIn(EMMA);
      expect(document.cookie).to.contain('vista-loyalty-member-is-authenticated=true');
      await el.signOut();
      expect(document.cookie).not.to.contain('vista-loyalty-member-is-authenticated=true');
      const before = (await logged('members/current')).length;
      forgetVistaSessionsInMemory();
      const again = await mount({ mode: 'cookie', apiBase: sameHost });
      expect(again.el.authenticated).to.equal(false);
      // The readable cookie said nobody is signed in: no request needed to know it.
      expect(await logged('members/current')).to.have.length(before);
    });
  });

  describe('members/current absent (404: no seed documents it)', () => {
    beforeEach(() => mock.chooseReadings({ 'vista.membersCurrent': 'absent' }));

    it('signs in, greeting the member by the name they typed', async () => {
      const el = await mount();
      await el.signIn(EMMA);
      expect(el.el.authenticated).to.equal(true);
      expect(el.text('#member-title')).to.equal(`Signed in as ${EMMA.login}`);
      expect(el.$('[part="error"]')).to.equal(null);
      expect(el.$('[part="edit"]'), 'no details to edit').to.equal(null);
    });

    it('keeps a remembered member signed in across a reload', async () => {
      const first = await mount();
      await first.signIn(EMMA, { remember: true });
      first.el.remove();
      forgetVistaSessionsInMemory();
      const after = await mount();
      await after.until(() => after.showsMember, 'the remembered member was signed out');
      expect(after.el.authenticated).to.equal(true);
      expect(events.some((e) => e.type === 'vista-member-logout')).to.equal(false);
    });

    itWhere(SECURE_COOKIES_OVER_HTTP, 'signs in with a cookie and finds the session again after a reload through a documented member call', async () => {
      const el = await mount({ mode: 'cookie' });
      await el.signIn(EMMA);
      expect(el.el.authenticated).to.equal(true);
      el.el.remove();
      forgetVistaSessionsInMemory();
      const after = await mount({ mode: 'cookie' });
      await after.until(() => after.showsMember, 'the cookie session was not found again');
      // Nothing of the member is kept for a cookie session, and Vista told nothing: no name.
      expect(after.text('#member-title')).to.equal('You are signed in');
      expect(await logged('members/current/ticket-redemption-cards')).to.not.have.length(0);
    });
  });

  describe('workstation mode', () => {
    itWhere(SECURE_COOKIES_OVER_HTTP, 'signs a member in by card number and PIN with the device token, without offering to edit details', async () => {
      const el = await mount({ mode: 'workstation', deviceToken: DEVICE_TOKEN });
      expect(el.$('#login')).to.equal(null);
      expect(el.input('pin').autocomplete).to.equal('off');
      await expect(el.el).to.be.accessible();
      el.input('card').value = '6004 1000 0000 4821';
      el.input('pin').value = '4821';
      el.submit();
      await el.until(() => el.showsMember, 'not signed in');
      expect(el.text('#member-title')).to.equal('Signed in as Emma Janssens');
      expect(el.text('[part="member"]')).to.contain('member details cannot be changed');
      expect(el.$('[part="edit"]')).to.equal(null);
      const [call] = await logged('workstation-authentication-cookie');
      expect(call!.headers['authorization']).to.equal(`Bearer ${DEVICE_TOKEN}`);
      await el.signOut();
      expect(await logged('authentication-cookie', 'DELETE')).to.have.length(1);
    });

    it('identifies by phone number, and ties a wrong PIN to the PIN field', async () => {
      const el = await mount({ mode: 'workstation', deviceToken: DEVICE_TOKEN });
      await el.identifyBy('phone');
      el.input('phone').value = '+32470123456';
      el.input('pin').value = '0000';
      el.submit();
      await el.until(() => el.$('[part="error-summary"]'), 'no summary');
      expect(el.text('[part="error-summary"] a')).to.equal('The card number, phone number or PIN is not right');
      expect(el.input('pin').getAttribute('aria-invalid')).to.equal('true');
    });

    itWhere(SECURE_COOKIES_OVER_HTTP, 'identifies by email and password (the seed\'s other workstation form), a wrong password tied to its field', async () => {
      const el = await mount({ mode: 'workstation', deviceToken: DEVICE_TOKEN });
      await el.identifyBy('login');
      expect(el.$('#pin')).to.equal(null);
      await expect(el.el).to.be.accessible();
      el.input('login').value = EMMA.login;
      el.input('password').value = 'not-it';
      el.submit();
      await el.until(() => el.$('[part="error-summary"]'), 'no summary');
      expect(el.text('[part="error-summary"] a')).to.equal('The email, username or password is not right');
      expect(el.input('password').getAttribute('aria-invalid')).to.equal('true');
      el.input('password').value = EMMA.password;
      el.submit();
      await el.until(() => el.showsMember, 'not signed in');
      expect(el.text('#member-title')).to.equal('Signed in as Emma Janssens');
      expect(el.$('[part="edit"]')).to.equal(null);
      const [call] = await logged('workstation-authentication-cookie');
      expect(call!.headers['authorization']).to.equal(`Bearer ${DEVICE_TOKEN}`);
    });

    it('needs the device token', async () => {
      const el = await mount({ mode: 'workstation' });
      el.input('card').value = '6004100000004821';
      el.input('pin').value = '4821';
      el.submit();
      await el.until(() => el.$('[part="error"]'), 'no error');
      expect(el.errorName).to.equal('ConfigError');
    });
  });
});
