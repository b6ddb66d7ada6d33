import { expect } from '@open-wc/testing';
import { createStore, get, set } from 'idb-keyval';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { createVistaMembersClient } from '../../api/vista/members.js';
import { createVistaRedemptionClient } from '../../api/vista/redemption.js';
import {
  beginVistaSession,
  currentVistaSession,
  endVistaSession,
  forgetVistaSessionsInMemory,
  refreshVistaToken,
  restoreVistaSession,
  tokenFromAnswer,
  watchVistaSession,
  withVistaMember,
  type VistaSessionChange,
} from './session.js';
import { itWhere, SECURE_COOKIES_OVER_HTTP } from '../../../test/engines.js';

const EMMA = { grant_type: 'password', email: 'emma.janssens@example.com', password: 'Popcorn-2027' } as const;

describe('the shared Vista member session', () => {
  let mock: MockWorld;
  let apiBase: string;
  const members = () => createVistaMembersClient({ apiBase });
  const stored = () => get(apiBase, createStore('vista-member', 'session'));

  async function signIn(remember: boolean): Promise<void> {
    const token = tokenFromAnswer(await members().createAuthenticationToken({ ...EMMA, remember }));
    await beginVistaSession({ apiBase }, { mode: 'token', token, remember }, EMMA.email);
  }

  beforeEach(async () => {
    forgetVistaSessionsInMemory();
    mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
    apiBase = mock.base('vista');
  });

  afterEach(async () => {
    await endVistaSession(apiBase, 'signed-out');
    forgetVistaSessionsInMemory();
  });

  it('is one session per api-base, a trailing slash or not', async () => {
    await signIn(false);
    expect(currentVistaSession(`${apiBase}/`)).to.equal(currentVistaSession(apiBase));
    expect(currentVistaSession(`${apiBase}-other`)).to.equal(undefined);
  });

  it('refreshes once however many callers ask at the same time', async () => {
    await signIn(false);
    const before = currentVistaSession(apiBase)!.token!.accessToken;
    const tokens = await Promise.all([refreshVistaToken(apiBase), refreshVistaToken(apiBase), refreshVistaToken(apiBase)]);
    expect(new Set(tokens.map((t) => t.accessToken)).size).to.equal(1);
    expect(tokens[0]!.accessToken).not.to.equal(before);
    const grants = (await mock.requests()).filter((r) => r.path.endsWith('authentication-token'));
    expect(grants).to.have.length(2);
  });

  it('keeps a token in IndexedDB only when the member asked to be remembered', async () => {
    await signIn(false);
    expect(await stored()).to.equal(undefined);
    await endVistaSession(apiBase, 'signed-out');
    await signIn(true);
    expect(((await stored()) as { session: { token: { accessToken: string } } }).session.token.accessToken).to.equal(currentVistaSession(apiBase)!.token!.accessToken);
    await endVistaSession(apiBase, 'signed-out');
    expect(await stored()).to.equal(undefined);
  });

  it('takes over the session another tab refreshed, instead of signing the member out', async () => {
    await signIn(true);
    const mine = currentVistaSession(apiBase)!;
    // Another tab of the same member refreshes first: the refresh token is single use.
    const theirs = tokenFromAnswer(await members().createAuthenticationToken({ grant_type: 'refresh_token', refresh_token: mine.token!.refreshToken!, remember: true }));
    await set(apiBase, { session: { ...mine, token: theirs } }, createStore('vista-member', 'session'));
    const token = await refreshVistaToken(apiBase);
    expect(token.accessToken).to.equal(theirs.accessToken);
    expect(currentVistaSession(apiBase)!.token!.accessToken).to.equal(theirs.accessToken);
  });

  it('keeps a remembered session when the check at start-up cannot reach Vista', async () => {
    await signIn(true);
    forgetVistaSessionsInMemory();
    await mock.fault({ vendor: 'vista', path: 'members/current', kind: 'offline', times: 3 });
    const session = await restoreVistaSession({ apiBase }, 'token');
    expect(session?.token).to.not.equal(undefined);
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'ends the session as expired when Vista refuses it and nothing can refresh it', async () => {
    const changes: VistaSessionChange['kind'][] = [];
    watchVistaSession(apiBase, (change) => changes.push(change.kind));
    await members().createAuthenticationCookie(EMMA);
    await beginVistaSession({ apiBase }, { mode: 'cookie', remember: false });
    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    let failed = false;
    // A documented member call (GetMemberTicketRedemptionCards): members/current is in no seed.
    await withVistaMember(apiBase, (options) => createVistaRedemptionClient({ apiBase }).getMemberTicketRedemptionCards(options)).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(changes).to.deep.equal(['signed-in', 'expired']);
    expect(currentVistaSession(apiBase)).to.equal(undefined);
  });

  it('makes calls without member credentials when nobody is signed in', async () => {
    let sent: unknown;
    await withVistaMember(apiBase, async (options) => (sent = options));
    expect(sent).to.deep.equal({});
  });
});
