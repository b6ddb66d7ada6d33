/**
 * The Vista member session (src/shared/vista/session.ts) and OCAPI's error form (src/api/vista:
 * problem.ts, call.ts) against a fake OCAPI tenant, IndexedDB from fake-indexeddb. What a member
 * would notice: signed out for no reason, signed in after signing out, a refresh token used twice,
 * a lock-out shown as a wrong password, a token where a page script can read it.
 */
import assert from 'node:assert/strict';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { VendorError } from '../../src/api/errors.js';
import { vistaRequest, segment } from '../../src/api/vista/call.js';
import { isMemberLockedOut, isMemberSessionExpired, isRecaptchaRequired, vistaProblemToError, MEMBER_SESSION_EXPIRED_TITLE } from '../../src/api/vista/problem.js';
import type { VistaSessionChange } from '../../src/shared/vista/session.js';
import { fresh } from './fresh.ts';

type Session = typeof import('../../src/shared/vista/session.js');
const SESSION = new URL('../../src/shared/vista/session.js', import.meta.url);
Object.assign(globalThis, { IDBKeyRange });

const EXPIRED = { type: 'about:blank', title: MEMBER_SESSION_EXPIRED_TITLE, status: 403 };
const problem = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

/** A tenant: access tokens it accepts, refresh tokens it accepts (single use), and every call seen. */
class FakeOcapi {
  static count = 0;
  readonly apiBase = `https://vista${++FakeOcapi.count}.example`;
  readonly calls: { path: string; method: string; headers: Headers; body: string; credentials?: RequestCredentials }[] = [];
  readonly access = new Set<string>(['A1']);
  readonly refresh = new Set<string>(['R1']);
  currentServed = true;
  serverDown = false;
  /** Answers every member call with a 400 problem (not "nobody signed in"; not retried). */
  failing = false;
  private issued = 1;
  private readonly original = globalThis.fetch;

  constructor() {
    globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const path = url.pathname.replace('/ocapi/v1/', '');
      const headers = new Headers(init.headers);
      this.calls.push({ path, method: init.method ?? 'GET', headers, body: String(init.body ?? ''), credentials: init.credentials });
      if (this.serverDown) throw new TypeError('Failed to fetch');
      if (path === 'members/authentication-token') {
        const form = new URLSearchParams(String(init.body));
        const token = form.get('refresh_token') ?? '';
        if (form.get('grant_type') !== 'refresh_token' || !this.refresh.delete(token)) return problem(400, { title: 'Invalid refresh token', status: 400 });
        const n = ++this.issued;
        this.access.add(`A${n}`);
        this.refresh.add(`R${n}`);
        return Response.json({ access_token: `A${n}`, refresh_token: `R${n}`, expires_in: 3600, token_type: 'Bearer' });
      }
      if (this.failing) return problem(400, { title: 'Bad request', status: 400 });
      const token = headers.get('loyaltysessiontoken');
      const cookie = init.credentials === 'include' && this.access.has('cookie');
      if (!cookie && (!token || !this.access.has(token))) return problem(token ? 403 : 401, token ? EXPIRED : { title: 'Unauthorized', status: 401 });
      if (path === 'members/current') {
        if (!this.currentServed) return new Response('', { status: 404 });
        return Response.json({ member: { memberId: 'M1', firstName: 'Ada', token } });
      }
      if (path === 'members/current/ticket-redemption-cards') return Response.json([]);
      return new Response('', { status: 404 });
    }) as typeof fetch;
  }

  restore() {
    globalThis.fetch = this.original;
  }

  callsTo(path: string) {
    return this.calls.filter((c) => c.path === path);
  }
}

describe('Vista', () => {
  let vista: FakeOcapi;
  let s: Session;
  beforeEach(async () => {
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = new IDBFactory();
    vista = new FakeOcapi();
    s = await fresh<Session>(SESSION);
  });
  afterEach(() => {
    s.forgetVistaSessionsInMemory();
    vista.restore();
  });

  const token = (access = 'A1', refresh: string | null = 'R1', inMs = 3_600_000) => ({ accessToken: access, refreshToken: refresh, expiresAt: Date.now() + inMs });
  const config = () => ({ apiBase: vista.apiBase + '/', apiToken: 'site-token' });

  /** The same page after a reload: this module's memory gone, IndexedDB kept. */
  async function reload(): Promise<Session> {
    s.forgetVistaSessionsInMemory();
    s = await fresh<Session>(SESSION);
    return s;
  }

  function watch(apiBase: string): VistaSessionChange['kind'][] {
    const kinds: VistaSessionChange['kind'][] = [];
    s.watchVistaSession(apiBase, (change) => kinds.push(change.kind));
    return kinds;
  }

  describe('Vista session: token mode', () => {
    it('"keep me signed in" survives a reload, and Vista is asked whether it still stands', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true }, 'ada@example.org');
      await reload();
      const kinds = watch(vista.apiBase);
      const restored = await s.restoreVistaSession(config(), 'token');
      assert.equal(restored?.token?.accessToken, 'A1');
      assert.equal((restored?.member as { firstName?: string } | undefined)?.firstName, 'Ada');
      assert.equal(s.lastVistaLogin(vista.apiBase), 'ada@example.org');
      assert.deepEqual(kinds, ['signed-in']);
      const asked = vista.callsTo('members/current')[0]!;
      assert.equal(asked.headers.get('loyaltysessiontoken'), 'A1');
      assert.equal(asked.headers.get('authorization'), 'Bearer site-token');
    });

    it('without "keep me signed in" a reload signs the member out', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      assert.equal(s.currentVistaSession(vista.apiBase)?.token?.accessToken, 'A1');
      await reload();
      assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
      assert.equal(vista.calls.length, 0);
    });

    it('a remembered session whose access token ran out is refreshed on restore', async function () {
        this.timeout(6000);
      // Stored with 1.5 s to live; the page then closed (its refresh timer gone) until after that.
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', 'R1', 1500), remember: true });
      await reload();
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const restored = await s.restoreVistaSession(config(), 'token');
      assert.equal(restored?.token?.accessToken, 'A2');
      assert.equal(vista.callsTo('members/authentication-token').length, 1);
      assert.equal(new URLSearchParams(vista.callsTo('members/authentication-token')[0]!.body).get('remember'), 'true');
      // The new pair is what the next reload finds.
      await reload();
      assert.equal((await s.restoreVistaSession(config(), 'token'))?.token?.refreshToken, 'R2');
    });

    it('a remembered session Vista no longer accepts ends as expired, and is gone after reload', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      await reload();
      vista.access.delete('A1');
      vista.refresh.clear();
      const kinds = watch(vista.apiBase);
      assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
      assert.deepEqual(kinds, ['expired']);
      await reload();
      assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
    });

    it('a Vista failure at restore (not "nobody signed in"): the remembered session is kept for the next call', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      await reload();
      vista.failing = true;
      assert.equal((await s.restoreVistaSession(config(), 'token'))?.token?.accessToken, 'A1');
    });

    it('two callers restoring at once ask IndexedDB and Vista once', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      await reload();
      const [a, b] = await Promise.all([s.restoreVistaSession(config(), 'token'), s.restoreVistaSession(config(), 'token')]);
      assert.equal(a, b);
      assert.equal(vista.callsTo('members/current').length, 1);
      assert.equal(await s.restoreVistaSession(config(), 'token'), a, 'from memory afterwards');
      assert.equal(vista.callsTo('members/current').length, 1);
    });

    it('a member call that finds the token expired refreshes once and tries again', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      vista.access.delete('A1');
      const kinds = watch(vista.apiBase);
      const member = await s.withVistaMember(vista.apiBase, (options) => vistaRequest<{ member: { token: string } }>(config(), 'members/current', {}, options));
      assert.equal(member.member.token, 'A2');
      assert.deepEqual(kinds, ['updated']);
      assert.equal(vista.callsTo('members/authentication-token').length, 1);
    });

    it('an expired session without a refresh token ends, and the error reaches the caller', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', null), remember: false });
      vista.access.delete('A1');
      const kinds = watch(vista.apiBase);
      await assert.rejects(
        s.withVistaMember(vista.apiBase, (options) => vistaRequest(config(), 'members/current', {}, options)),
        (error: unknown) => isMemberSessionExpired(error),
      );
      assert.deepEqual(kinds, ['expired']);
      assert.equal(s.currentVistaSession(vista.apiBase), undefined);
    });

    it('other failures pass through without ending the session', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      await assert.rejects(s.withVistaMember(vista.apiBase, () => Promise.reject(new VendorError('nope', { vendor: 'vista', code: 400, status: 400 }))));
      assert.ok(s.currentVistaSession(vista.apiBase));
    });

    it('a token about to expire is refreshed before the call; many callers share one refresh', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', 'R1', 10_000), remember: false });
      const seen = await Promise.all([1, 2, 3].map(() => s.withVistaMember(vista.apiBase, async (options) => options.memberToken)));
      assert.deepEqual(seen, ['A2', 'A2', 'A2']);
      assert.equal(vista.callsTo('members/authentication-token').length, 1);
    });

    it('the refresh timer renews the token shortly before it expires', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', 'R1', 400), remember: false });
      await new Promise((resolve) => setTimeout(resolve, 250));
      assert.equal(vista.callsTo('members/authentication-token').length, 0, 'not before a quarter of its life is left');
      // Renewed at 300 ms; a busy machine may be late: waited for up to 2 s.
      for (const deadline = Date.now() + 2000; s.currentVistaSession(vista.apiBase)?.token?.accessToken !== 'A2' && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(s.currentVistaSession(vista.apiBase)?.token?.accessToken, 'A2');
    });

    it('a refresh token another tab used: its newer session is taken over, not signed out', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', 'R1', 10_000), remember: true });
      // The other tab refreshed with R1 and stored A2/R2.
      vista.refresh.delete('R1');
      vista.access.add('A9');
      const other = await fresh<Session>(SESSION);
      await other.beginVistaSession(config(), { mode: 'token', token: token('A9', 'R9'), remember: true });
      other.forgetVistaSessionsInMemory();
      const kinds = watch(vista.apiBase);
      assert.equal(await s.withVistaMember(vista.apiBase, async (options) => options.memberToken), 'A9');
      assert.deepEqual(kinds, ['updated']);
    });

    it('refreshing with nothing to refresh is refused as 401', async () => {
      await assert.rejects(s.refreshVistaToken(vista.apiBase), (e: VendorError) => e.status === 401);
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', null), remember: false });
      await assert.rejects(s.refreshVistaToken(vista.apiBase), (e: VendorError) => e.status === 401);
    });

    it('a refresh that gets no answer keeps the session', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      vista.serverDown = true;
      await assert.rejects(s.refreshVistaToken(vista.apiBase), (e: Error) => e.name === 'NetworkError');
      assert.ok(s.currentVistaSession(vista.apiBase));
    });

    it('signing out ends the session here and on disk, told once', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      const kinds = watch(vista.apiBase);
      await s.endVistaSession(vista.apiBase + '//', 'signed-out');
      await s.endVistaSession(vista.apiBase, 'signed-out');
      assert.deepEqual(kinds, ['signed-out']);
      await reload();
      assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
    });

    it("a member's new details reach every watcher and the next reload", async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      const changes: VistaSessionChange[] = [];
      const stop = s.watchVistaSession(vista.apiBase, (c) => changes.push(c));
      s.updateVistaMember(vista.apiBase, { memberId: 'M1', firstName: 'Grace' } as never);
      stop();
      s.updateVistaMember(vista.apiBase, { memberId: 'M1', firstName: 'Later' } as never);
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.kind, 'updated');
      s.updateVistaMember('https://nobody.example', { memberId: 'X' } as never);
      assert.equal(s.currentVistaSession('https://nobody.example'), undefined);
    });

    it('the name typed to sign in is kept across sign-ins that do not give one', async () => {
      assert.equal(s.lastVistaLogin('https://nobody.example'), undefined);
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false }, 'ada@example.org');
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      assert.equal(s.lastVistaLogin(vista.apiBase), 'ada@example.org');
    });

    it('watchers are told the session itself, and a member update keeps the token', async () => {
      const changes: VistaSessionChange[] = [];
      s.watchVistaSession(vista.apiBase, (c) => changes.push(c));
      const session = { mode: 'token' as const, token: token(), remember: false };
      await s.beginVistaSession(config(), session);
      s.updateVistaMember(vista.apiBase, { memberId: 'M1', firstName: 'Grace' } as never);
      assert.deepEqual(changes.map((c) => c.kind), ['signed-in', 'updated']);
      assert.equal((changes[0] as { session: unknown }).session, session);
      const updated = (changes[1] as unknown as { session: typeof session & { member: { firstName: string } } }).session;
      assert.equal(updated.member.firstName, 'Grace');
      assert.equal(updated.token.accessToken, 'A1');
      assert.equal(s.currentVistaSession(vista.apiBase), updated);
    });

    it('a cookie session is never written to disk', async () => {
      await s.beginVistaSession(config(), { mode: 'cookie', remember: true });
      await reload();
      assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
    });

    it('signed out while a refresh was under way: the answer does not sign the member in again', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      const refreshing = s.refreshVistaToken(vista.apiBase);
      await s.endVistaSession(vista.apiBase, 'signed-out');
      assert.equal((await refreshing).accessToken, 'A2');
      assert.equal(s.currentVistaSession(vista.apiBase), undefined);
    });

    it("another tab's stored session is taken over only while its token is still good", async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', 'R1', 10_000), remember: true });
      vista.refresh.delete('R1');
      const other = await fresh<Session>(SESSION);
      await other.beginVistaSession(config(), { mode: 'token', token: token('A9', 'R9', -1), remember: true });
      other.forgetVistaSessionsInMemory();
      const kinds = watch(vista.apiBase);
      await assert.rejects(s.withVistaMember(vista.apiBase, async (options) => options.memberToken));
      assert.deepEqual(kinds, ['expired']);
    });

    it('a member call with nobody signed in goes without credentials', async () => {
      assert.deepEqual(await s.withVistaMember(vista.apiBase, async (options) => options), {});
    });

    it('a new token expires a little early, never later than Vista says', () => {
      const before = Date.now();
      const t = s.tokenFromAnswer({ access_token: 'a', refresh_token: undefined, expires_in: 60 } as never);
      assert.equal(t.refreshToken, null);
      assert.ok(t.expiresAt >= before + 60_000 && t.expiresAt <= Date.now() + 60_000);
    });
  });

  describe('Vista session: what a member would notice at the edges', () => {
    const expiredError = () => new VendorError(MEMBER_SESSION_EXPIRED_TITLE, { vendor: 'vista', code: 403, status: 403, details: EXPIRED });
    /** The raw IndexedDB database other tabs and the next release read: `vista-member`, store `session`. */
    async function onDisk(): Promise<Map<string, unknown>> {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('vista-member');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!db.objectStoreNames.contains('session')) return new Map();
        const tx = db.transaction('session', 'readonly');
        const [keys, values] = await Promise.all(
          [tx.objectStore('session').getAllKeys(), tx.objectStore('session').getAll()].map((request) => new Promise<unknown[]>((resolve) => (request.onsuccess = () => resolve(request.result as unknown[])))),
        );
        return new Map(keys!.map((key, i) => [String(key), values![i]]));
      } finally {
        db.close();
      }
    }

    it("a remembered session is kept in IndexedDB 'vista-member', store 'session', under the api-base", async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true }, 'ada@example.org');
      const stored = (await onDisk()).get(vista.apiBase) as { session: { token: { accessToken: string } }; login: string } | undefined;
      assert.equal(stored?.session.token.accessToken, 'A1');
      assert.equal(stored?.login, 'ada@example.org');
      // A cookie session is the browser's business, even when "keep me signed in" was ticked.
      await s.beginVistaSession(config(), { mode: 'cookie', remember: true });
      assert.equal((await onDisk()).size, 0);
    });

    it('an api-base with spaces or trailing slashes is the same tenant, the same session', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      assert.equal(s.currentVistaSession(` ${vista.apiBase}// `)?.token?.accessToken, 'A1');
    });

    it('a mode attribute that is none of three names the attribute, quoting at most 40 characters', () => {
      assert.throws(
        () => s.checkVistaMode('x'.repeat(100)),
        (e: Error & { attribute?: string }) => e.attribute === 'mode' && e.message.endsWith(`not "${'x'.repeat(40)}"`),
      );
    });

    it('signed out while a reload asked Vista: the member stays signed out', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      await reload();
      const original = globalThis.fetch;
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('members/current')) await s.endVistaSession(vista.apiBase, 'signed-out');
        return original(input, init);
      }) as typeof fetch;
      const kinds = watch(vista.apiBase);
      try {
        assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
      } finally {
        globalThis.fetch = original;
      }
      assert.equal(s.currentVistaSession(vista.apiBase), undefined);
      assert.equal(kinds.includes('signed-in'), false);
    });

    it('signed in while a cookie check was on its way: that sign-in stands', async () => {
      vista.access.add('cookie');
      const mine = { mode: 'cookie' as const, member: { memberId: 'M7' } as never, remember: false };
      const original = globalThis.fetch;
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('members/current')) await s.beginVistaSession(config(), mine);
        return original(input, init);
      }) as typeof fetch;
      try {
        assert.equal(await s.restoreVistaSession(config(), 'cookie'), mine);
      } finally {
        globalThis.fetch = original;
      }
      assert.equal(s.currentVistaSession(vista.apiBase), mine);
    });

    it('a remembered token Vista answers with 401 ends as expired at reload', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      await reload();
      const original = globalThis.fetch;
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).includes('members/current') ? problem(401, { title: 'Unauthorized', status: 401 }) : original(input, init)) as typeof fetch;
      const kinds = watch(vista.apiBase);
      try {
        assert.equal(await s.restoreVistaSession(config(), 'token'), undefined);
      } finally {
        globalThis.fetch = original;
      }
      assert.deepEqual(kinds, ['expired']);
      assert.equal((await onDisk()).size, 0);
    });

    it('nobody signed in at one restore: a later restore asks Vista again', async () => {
      assert.equal(await s.restoreVistaSession(config(), 'cookie'), undefined);
      vista.access.add('cookie');
      assert.equal((await s.restoreVistaSession(config(), 'cookie'))?.mode, 'cookie');
    });

    it('the refresh timer renews the token before it has expired', async function () {
      // Renewed 800 ms before expiry (a quarter of its life): room for a busy machine's late timer.
      this.timeout(8000);
      const expiresAt = Date.now() + 3200;
      let renewedAt = Infinity;
      s.watchVistaSession(vista.apiBase, (change) => change.kind === 'updated' && (renewedAt = Math.min(renewedAt, Date.now())));
      await s.beginVistaSession(config(), { mode: 'token', token: { accessToken: 'A1', refreshToken: 'R1', expiresAt }, remember: false });
      for (const deadline = Date.now() + 5000; renewedAt === Infinity && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(renewedAt < expiresAt, `renewed ${renewedAt - expiresAt} ms after it expired`);
    });

    it('a timed refresh that got no answer is tried again 30 s later', async function () {
      this.timeout(5000);
      const realSetTimeout = globalThis.setTimeout;
      const delays: number[] = [];
      // The clock of this test: the 30-second wait passes at once.
      globalThis.setTimeout = ((fn: () => void, ms?: number) => (delays.push(ms ?? 0), realSetTimeout(fn, ms === 30_000 ? 5 : ms))) as typeof setTimeout;
      try {
        vista.serverDown = true;
        await s.beginVistaSession(config(), { mode: 'token', token: token('A1', 'R1', 200), remember: false });
        for (const deadline = Date.now() + 2000; !vista.callsTo('members/authentication-token').length && Date.now() < deadline; ) await new Promise((resolve) => realSetTimeout(resolve, 5));
        vista.serverDown = false;
        for (const deadline = Date.now() + 2000; s.currentVistaSession(vista.apiBase)?.token?.accessToken !== 'A2' && Date.now() < deadline; ) await new Promise((resolve) => realSetTimeout(resolve, 5));
      } finally {
        globalThis.setTimeout = realSetTimeout;
      }
      assert.ok(delays.includes(30_000), 'the retry waits 30 s');
      assert.equal(s.currentVistaSession(vista.apiBase)?.token?.accessToken, 'A2');
    });

    it('refreshing a session without a token (cookie mode) is refused as 401 from Vista, with words', async () => {
      await s.beginVistaSession(config(), { mode: 'cookie', remember: false });
      await assert.rejects(
        s.refreshVistaToken(vista.apiBase),
        (e: VendorError) => e.status === 401 && e.vendor === 'vista' && e.message === 'No member session to refresh',
      );
    });

    it('a refused refresh does not end a session signed in meanwhile', async () => {
      vista.refresh.clear();
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      const refreshing = s.refreshVistaToken(vista.apiBase);
      await s.beginVistaSession(config(), { mode: 'token', token: token('A5', 'R5'), remember: false });
      await assert.rejects(refreshing);
      assert.equal(s.currentVistaSession(vista.apiBase)?.token?.accessToken, 'A5');
    });

    it('a refused refresh of a remembered session another tab signed out of ends it as expired', async () => {
      vista.refresh.clear();
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: true });
      // Another tab signed out: nothing on disk any more.
      const other = await fresh<Session>(SESSION);
      await other.endVistaSession(vista.apiBase, 'signed-out');
      const kinds = watch(vista.apiBase);
      await assert.rejects(s.refreshVistaToken(vista.apiBase), (e: Error) => e.name === 'VendorError');
      assert.deepEqual(kinds, ['expired']);
    });

    it('two refreshes one after the other each ask Vista', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token(), remember: false });
      assert.equal((await s.refreshVistaToken(vista.apiBase)).accessToken, 'A2');
      assert.equal((await s.refreshVistaToken(vista.apiBase)).accessToken, 'A3');
    });

    it('a call that finds an expired session ends only that session, not one signed in during the call', async () => {
      await s.beginVistaSession(config(), { mode: 'token', token: token('A1', null), remember: false });
      await assert.rejects(
        s.withVistaMember(vista.apiBase, async () => {
          await s.beginVistaSession(config(), { mode: 'token', token: token('A5', null), remember: false });
          throw expiredError();
        }),
      );
      assert.equal(s.currentVistaSession(vista.apiBase)?.token?.accessToken, 'A5');
    });

    it('an expired cookie session ends as expired and the error reaches the caller', async () => {
      await s.beginVistaSession(config(), { mode: 'cookie', remember: false });
      const kinds = watch(vista.apiBase);
      await assert.rejects(s.withVistaMember(vista.apiBase, async () => Promise.reject(expiredError())), (e: unknown) => isMemberSessionExpired(e));
      assert.deepEqual(kinds, ['expired']);
      assert.equal(s.currentVistaSession(vista.apiBase), undefined);
    });
  });

  describe('Vista session: cookie modes', () => {
    it('asks Vista once with the cookies whether someone is signed in', async () => {
      vista.access.add('cookie');
      const kinds = watch(vista.apiBase);
      const restored = await s.restoreVistaSession(config(), 'cookie');
      assert.deepEqual(restored, { mode: 'cookie', member: { memberId: 'M1', firstName: 'Ada', token: null }, remember: false });
      assert.equal(vista.calls[0]!.credentials, 'include');
      assert.deepEqual(kinds, ['signed-in']);
      assert.deepEqual(await s.withVistaMember(vista.apiBase, async (o) => o), { withCookies: true });
      assert.equal(await s.restoreVistaSession(config(), 'cookie'), restored);
      assert.equal(vista.calls.length, 1, 'asked once');
    });

    it('nobody signed in (401) is no session; a tenant without members/current is asked a documented call', async () => {
      assert.equal(await s.restoreVistaSession(config(), 'workstation'), undefined);
      assert.equal(vista.calls.length, 1, 'a 401 is an answer: no second question');
      vista.access.add('cookie');
      vista.currentServed = false;
      const other = await fresh<Session>(SESSION);
      const restored = await other.restoreVistaSession(config(), 'cookie');
      assert.deepEqual(restored, { mode: 'cookie', remember: false });
      assert.deepEqual(vista.calls.slice(-2).map((c) => c.path), ['members/current', 'members/current/ticket-redemption-cards']);
    });

    it('a server failure at restore is reported, not taken for "signed out"', async () => {
      vista.failing = true;
      await assert.rejects(s.restoreVistaSession(config(), 'cookie'), (e: Error) => e.name === 'VendorError' && (e as VendorError).status === 400);
    });

    it('the readable cookie answers without a request when the API is on the page host', async () => {
      const g = globalThis as { document?: unknown; location?: unknown };
      g.document = { baseURI: 'https://venue.example/page', cookie: 'a=1; vista-loyalty-member-is-authenticated=false' };
      g.location = { hostname: 'venue.example' };
      try {
        assert.equal(s.readableCookieSays('https://venue.example/api'), false);
        assert.equal(await s.restoreVistaSession({ apiBase: 'https://venue.example/api' }, 'cookie'), undefined);
        assert.equal(vista.calls.length, 0);
        (g.document as { cookie: string }).cookie = 'b=2; vista-loyalty-member-is-authenticated=true';
        assert.equal(s.readableCookieSays('/api'), true);
        assert.equal(s.readableCookieSays('https://vista.example/api'), undefined);
      } finally {
        delete g.document;
        delete g.location;
      }
      assert.equal(s.readableCookieSays('https://venue.example/api'), undefined);
    });

    it('the mode attribute is one of three', () => {
      for (const mode of ['token', 'cookie', 'workstation']) s.checkVistaMode(mode);
      assert.throws(() => s.checkVistaMode('Token'), /mode must be token, cookie or workstation, not "Token"/);
      assert.deepEqual(s.vistaConfigOf({ apiBase: 'https://x', apiToken: '', regionCode: 'EU' }), { apiBase: 'https://x', apiToken: undefined, regionCode: 'EU' });
      assert.equal(s.isNobodySignedIn(new VendorError('x', { vendor: 'vista', code: 1, status: 401 })), true);
      assert.equal(s.isNobodySignedIn(new VendorError('x', { vendor: 'vista', code: 1, status: 403 })), true);
      assert.equal(s.isNobodySignedIn(new VendorError('x', { vendor: 'vista', code: 1, status: 500 })), false);
      assert.equal(s.isNobodySignedIn({ status: 401 }), false);
    });
  });

  describe("OCAPI's error form", () => {
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => ({ url: 'u', status, headers: new Headers(headers), bodyText: JSON.stringify(json), json });

    it('a lock-out keeps its period, in either casing, and is told apart from a wrong password', () => {
      for (const body of [{ errorCode: 32000, title: 'Locked', LockOutPeriodInSeconds: 900 }, { errorCode: 32000, detail: 'Locked', lockOutPeriodInSeconds: '900' }]) {
        const error = vistaProblemToError(answer(400, body)) as VendorError;
        assert.equal(error.lockOutPeriodInSeconds, 900);
        assert.equal(error.code, 32000);
        assert.equal(isMemberLockedOut(error), true);
      }
      const wrong = vistaProblemToError(answer(400, { errorCode: 1, title: 'Wrong password', lockOutPeriodInSeconds: 0 })) as VendorError;
      assert.equal(wrong.lockOutPeriodInSeconds, undefined);
      assert.equal(isMemberLockedOut(wrong), false);
      assert.equal((vistaProblemToError(answer(400, { errorCode: 32000, lockOutPeriodInSeconds: 'soon' })) as VendorError).lockOutPeriodInSeconds, undefined);
      const throttled = vistaProblemToError(answer(429, { title: 'Too many' }, { 'retry-after': '30' })) as VendorError;
      assert.equal(throttled.retryAfterMs, 30_000);
      assert.equal(isMemberLockedOut(throttled), true);
      assert.equal((vistaProblemToError(answer(400, { title: 'x' }, { 'retry-after': '30' })) as VendorError).retryAfterMs, undefined);
      assert.equal(isMemberLockedOut(new VendorError('x', { vendor: 'utick', code: 32000 })), false);
    });

    it('message, code and status from the problem, else from the answer', () => {
      const e = vistaProblemToError(answer(400, { Title: 'Bad', Status: 422, ErrorCode: 7 })) as VendorError;
      assert.deepEqual([e.message, e.code, e.status, e.vendor], ['Bad', 7, 422, 'vista']);
      const d = vistaProblemToError(answer(400, { detail: 'Detail wins', title: 'T' })) as VendorError;
      assert.deepEqual([d.message, d.code, d.status], ['Detail wins', 400, 400]);
      const bare = vistaProblemToError(answer(500, {}, { 'content-type': 'application/problem+json' })) as VendorError;
      assert.equal(bare.message, 'Vista error 500');
      assert.equal(vistaProblemToError(answer(500, {})), undefined, 'an unlabelled object without problem fields is not a problem');
      assert.equal(vistaProblemToError(answer(500, [1])), undefined);
      assert.equal(vistaProblemToError(answer(500, 'text')), undefined);
      assert.equal(vistaProblemToError(answer(500, null)), undefined);
      assert.deepEqual((vistaProblemToError(answer(400, { title: 'x', errorCode: null, ErrorCode: 5 })) as VendorError).code, 5);
    });

    it('an expired session is the 403 with its exact title; reCAPTCHA by code or by its name', () => {
      const expired = vistaProblemToError(answer(403, { title: ' loyalty member authentication token expired ' }));
      assert.equal(isMemberSessionExpired(expired), true);
      assert.equal(isMemberSessionExpired(vistaProblemToError(answer(403, { title: 'Forbidden' }))), false);
      assert.equal(isMemberSessionExpired(vistaProblemToError(answer(401, { title: MEMBER_SESSION_EXPIRED_TITLE }))), false);
      assert.equal(isMemberSessionExpired(new VendorError('x', { vendor: 'utick', code: 1, status: 403, details: { title: MEMBER_SESSION_EXPIRED_TITLE } })), false);
      assert.equal(isMemberSessionExpired(new Error('x')), false);
      assert.equal(isRecaptchaRequired(vistaProblemToError(answer(400, { errorCode: 32002 }))), true);
      assert.equal(isRecaptchaRequired(vistaProblemToError(answer(400, { errorCode: 1, detail: 'Complete the ReCaptcha' }))), true);
      assert.equal(isRecaptchaRequired(vistaProblemToError(answer(400, { errorCode: 1, title: 'recaptcha needed' }))), true);
      assert.equal(isRecaptchaRequired(vistaProblemToError(answer(400, { errorCode: 1, title: 'Wrong password' }))), false);
      assert.equal(isRecaptchaRequired(new VendorError('x', { vendor: 'utick', code: 32002 })), false);
    });

    it('errors without a problem body are neither an expired session nor a reCAPTCHA', () => {
      const bare = new VendorError('x', { vendor: 'vista', code: 403, status: 403 });
      assert.equal(isMemberSessionExpired(bare), false);
      assert.equal(isRecaptchaRequired(bare), false);
      assert.equal(vistaProblemToError(answer(500, 'oops', { 'content-type': 'application/problem+json' })), undefined);
      const unlabelled = vistaProblemToError(answer(400, { detail: 'Only a detail' })) as VendorError;
      assert.equal(unlabelled.message, 'Only a detail');
    });

    it("every call carries the site token, region and member token; the caller's own win", async () => {
      const seen: Headers[] = [];
      const original = globalThis.fetch;
      globalThis.fetch = (async (_: unknown, init: RequestInit = {}) => {
        seen.push(new Headers(init.headers));
        return Response.json({});
      }) as typeof fetch;
      try {
        await vistaRequest({ apiBase: 'https://t.example', apiToken: 'site', regionCode: 'EU' }, 'x', {}, { memberToken: 'm', apiToken: undefined });
        await vistaRequest({ apiBase: 'https://t.example', apiToken: 'site' }, 'x', { authorization: 'Bearer device' });
        await vistaRequest({ apiBase: 'https://t.example' }, 'x', {});
      } finally {
        globalThis.fetch = original;
      }
      assert.equal(seen[0]!.get('authorization'), 'Bearer site');
      assert.equal(seen[0]!.get('connect-region-code'), 'EU');
      assert.equal(seen[0]!.get('loyaltysessiontoken'), 'm');
      assert.equal(seen[1]!.get('authorization'), 'Bearer device');
      assert.equal(seen[2]!.get('authorization'), null);
      assert.equal(seen[2]!.get('connect-region-code'), null);
      await assert.rejects(vistaRequest({ apiBase: '' }, 'x', {}), (e: Error) => e.name === 'ConfigError');
      assert.equal(segment('a/b c'), 'a%2Fb%20c');
    });

    it('a call without a method is a GET; a missing api-base names the attribute to set', async () => {
      const methods: (string | undefined)[] = [];
      const original = globalThis.fetch;
      globalThis.fetch = (async (_: unknown, init: RequestInit = {}) => {
        methods.push(init.method);
        return Response.json({});
      }) as typeof fetch;
      try {
        await vistaRequest({ apiBase: 'https://t.example' }, 'x', {});
        await vistaRequest({ apiBase: 'https://t.example' }, 'x', { method: 'POST', body: {} });
      } finally {
        globalThis.fetch = original;
      }
      // A browser refuses `method: ''` outright; the OCAPI reads are documented as GET.
      assert.deepEqual(methods, ['GET', 'POST']);
      await assert.rejects(vistaRequest({ apiBase: '' }, 'x', {}), (e: Error & { attribute?: string }) => e.attribute === 'api-base' && /api-base/.test(e.message));
    });

    it('a problem with a field in both casings is read from the camelCase one', () => {
      const both = vistaProblemToError(answer(400, { errorCode: 32000, ErrorCode: 1, title: 'Locked', Title: 'Other', lockOutPeriodInSeconds: 900, LockOutPeriodInSeconds: 60 })) as VendorError;
      assert.deepEqual([both.code, both.message, both.lockOutPeriodInSeconds], [32000, 'Locked', 900]);
    });
  });
});
