/**
 * Data safety at the door and for members: the scanner never loses a scan (a reload, a service
 * worker that dies mid-sync, a full disk, a sign-out with scans waiting), and no token, password
 * or patron data is left in localStorage, sessionStorage, URLs, console output, IndexedDB or
 * caches once people sign out.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ControlPerformance } from '../mock.js';
import { openMockWorld, type MockWorld } from '../mock.js';
import { DOOR, smallPerformanceTonight, dumpScannerDb, freshScannerDb, openScannerWorld } from '../scanner-world.js';
import { replayPendingScans, pendingCount } from '../../src/components/ticket-scanner/offline/scan-queue.js';
import { closeScannerDb, saveSession } from '../../src/components/ticket-scanner/offline/scanner-db.js';
import { SYNC_NOW_MESSAGE } from '../../src/components/ticket-scanner/offline/scan-sync.js';
import { activeWorker, nextWorkerReport, registerScannerWorker } from '../scanner-worker.js';
import { recordOfflineScan } from '../../src/components/ticket-scanner/offline/ticket-cache.js';
import { forgetVistaSessionsInMemory } from '../../src/shared/vista/session.js';
import '../../src/components/ticket-scanner/index.js';
import '../../src/components/vista-member-login/index.js';
import { settled, tally } from './harness.js';

type Scanner = HTMLElement & { scan(barcode: string): Promise<unknown>; mode: string };
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Everything console.* printed meanwhile, as text. */
function recordConsole(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((name) => console[name]);
  methods.forEach((name, i) => {
    console[name] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      originals[i]!.apply(console, args);
    };
  });
  return { lines, stop: () => methods.forEach((name, i) => (console[name] = originals[i]!)) };
}

/** Every place outside IndexedDB a secret could leak to: web storage, cache storage, the URL. */
async function leakableText(): Promise<string> {
  const parts = [location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) parts.push(request.url, await ((await cache.match(request))?.text() ?? ''));
  }
  return parts.join('\n');
}

describe('data safety: <ticket-scanner>', () => {
  let mock: MockWorld;
  let tonight: ControlPerformance;
  let el: Scanner;

  beforeEach(async () => {
    await freshScannerDb();
    localStorage.clear();
    mock = await openMockWorld();
    tonight = await smallPerformanceTonight(mock);
  });
  afterEach(async () => {
    el?.remove();
    await closeScannerDb();
  });

  async function mountAtTheDoor(): Promise<Scanner> {
    const scanner = document.createElement('ticket-scanner') as Scanner;
    for (const [name, value] of Object.entries({
      'api-base': mock.base('audienceview'),
      'client-id': '284',
      'production-id': String(tonight.productionId),
      'performance-id': String(tonight.performanceId),
      locale: 'en',
    })) scanner.setAttribute(name, value);
    Object.assign(scanner, { doorTimeoutMs: 500, probeIntervalMs: 200 });
    document.body.append(scanner);
    await settled(scanner);
    return scanner;
  }

  async function signIn(scanner: Scanner): Promise<void> {
    ($(scanner, '#username') as HTMLInputElement).value = DOOR.username;
    ($(scanner, '#password') as HTMLInputElement).value = DOOR.password;
    $(scanner, '.sign-in button[type="submit"]')!.click();
    await settled(scanner);
    await waitUntil(() => /Cache from/.test(text($(scanner, '[part="cache"]'))), 'the tickets were not downloaded', { timeout: 10_000 });
  }

  const validBarcodes = async (n: number) =>
    (await mock.control<{ tickets: Array<{ barcode: string }> }>('audienceview', `/tickets?performanceId=${tonight.performanceId}&state=valid&limit=${n}`)).tickets.map((t) => t.barcode);
  const delivered = async () => new Set((await mock.received<{ barcode: string }>('syncScans')).map((s) => s.barcode));
  const waiting = (scanner: Scanner) => Number($(scanner, '[part="sync-status"]')!.dataset.pending);

  /** Scans while AudienceView cannot be reached: each decided from the downloaded tickets. */
  async function scanOffline(scanner: Scanner, barcodes: string[]): Promise<void> {
    await mock.fault({ vendor: 'audienceview', kind: 'offline' });
    for (const barcode of barcodes) {
      await scanner.scan(barcode);
      await settled(scanner);
      expect($(scanner, '[part="verdict"]')?.dataset.verdict, barcode).to.equal('valid');
    }
  }

  async function expectAllDelivered(barcodes: string[]): Promise<void> {
    await waitUntil(
      async () => {
        lastDelivered = await delivered();
        return barcodes.every((b) => lastDelivered.has(b));
      },
      'scans were not delivered',
      { timeout: 15_000 },
    );
    const applied = await mock.received<{ barcode: string }>('syncScans');
    for (const barcode of barcodes) expect(applied.filter((s) => s.barcode === barcode), `${barcode} counted once`).to.have.length(1);
    await tally({ scansKept: barcodes.length });
  }
  let lastDelivered = new Set<string>();

  it('a full disk: the staff are warned, scanning goes on in memory, and every scan is delivered', async () => {
    el = await mountAtTheDoor();
    await signIn(el);
    const barcodes = await validBarcodes(3);
    // IndexedDB refuses every write to the queue from now on, as a device out of quota does.
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'queue') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      await scanOffline(el, barcodes);
      expect(text($(el, '.storage-full')), 'the warning').to.contain('storage is full');
      expect($(el, '.storage-full')!.getAttribute('role')).to.equal('alert');
      expect(waiting(el), 'the held scans count as waiting').to.equal(3);
      // A scan held in memory reads as "already scanned" when shown again.
      await el.scan(barcodes[0]!);
      await settled(el);
      expect($(el, '[part="verdict"]')?.dataset.verdict).to.equal('duplicate');
      // AudienceView is back while the disk is still full: the scans go straight from memory.
      await mock.clearFaults();
      await expectAllDelivered(barcodes);
      await waitUntil(() => waiting(el) === 0, 'the waiting count did not drop', { timeout: 10_000 });
      await waitUntil(() => $(el, '.storage-full') === null, 'the warning stayed after the held scans were sent', { timeout: 10_000 });
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    await tally({ scansLost: barcodes.filter((b) => !lastDelivered.has(b)).length });
  });

  it('a reload: the queue on disk outlives the page and is delivered after it', async () => {
    el = await mountAtTheDoor();
    await signIn(el);
    const barcodes = await validBarcodes(3);
    await scanOffline(el, barcodes);
    expect(waiting(el)).to.equal(3);
    // The page goes: element, database connection and memory (a reload keeps only what is on disk).
    el.remove();
    await closeScannerDb();
    el = await mountAtTheDoor();
    await waitUntil(() => $(el, '[part="sync-status"]') !== null, 'the scanner did not resume', { timeout: 10_000 });
    expect(waiting(el), 'still waiting after the reload').to.equal(3);
    await mock.clearFaults();
    lastDelivered = new Set();
    await expectAllDelivered(barcodes);
    await tally({ scansLost: barcodes.filter((b) => !lastDelivered.has(b)).length });
  });

  it('sign-out with scans waiting: warned, personal data wiped, the scans kept and sent after the next sign-in; no secret leaks', async () => {
    const consoleLines = recordConsole();
    try {
      el = await mountAtTheDoor();
      await signIn(el);
      const barcodes = await validBarcodes(2);
      await scanOffline(el, barcodes);
      const patron = text($(el, '[part="verdict"] .facts dd'));
      $(el, '[part="context"] .sign-out')!.click();
      await waitUntil(() => $(el, 'dialog.confirm') !== null, 'no warning before signing out');
      expect(text($(el, 'dialog.confirm'))).to.contain('2 scans have not reached AudienceView yet');
      $(el, 'dialog .confirm-sign-out')!.click();
      await waitUntil(() => $(el, '.sign-in') !== null, 'did not sign out', { timeout: 10_000 });

      const stored = JSON.stringify(await dumpScannerDb());
      const requests = await mock.requests();
      const session = requests.find((r) => r.headers.authorization?.startsWith('Basic '))?.headers.authorization ?? '';
      const token = atob(session.slice(6)).split(':')[1] ?? '';
      expect(token.length, 'a token was used').to.be.greaterThan(5);
      const secrets = [DOOR.password, token, ...(patron ? [patron] : [])];
      const leaks = await leakableText();
      const urls = requests.map((r) => r.path + r.query).join('\n');
      for (const secret of secrets) {
        expect(stored.includes(secret), `IndexedDB keeps "${secret.slice(0, 6)}…"`).to.equal(false);
        expect(leaks.includes(secret), `web storage, caches or the URL keep "${secret.slice(0, 6)}…"`).to.equal(false);
        expect(urls.includes(secret), `a request URL carries "${secret.slice(0, 6)}…"`).to.equal(false);
        expect(consoleLines.lines.join('\n').includes(secret), `the console printed "${secret.slice(0, 6)}…"`).to.equal(false);
      }
      expect(stored.includes(DOOR.username), 'the username is gone').to.equal(false);
      for (const barcode of barcodes) expect(stored.includes(barcode), 'the waiting scans stay').to.equal(true);

      await mock.clearFaults();
      lastDelivered = new Set();
      ($(el, '#username') as HTMLInputElement).value = DOOR.username;
      ($(el, '#password') as HTMLInputElement).value = DOOR.password;
      $(el, '.sign-in button[type="submit"]')!.click();
      await settled(el);
      await expectAllDelivered(barcodes);
      await tally({ scansLost: barcodes.filter((b) => !lastDelivered.has(b)).length });
    } finally {
      consoleLines.stop();
    }
  });
});

describe('data safety: the scanner service worker dies mid-sync', () => {
  after(freshScannerDb);

  it('its lost answer is re-sent by the page; every scan counted exactly once', async () => {
    const world = await openScannerWorld({ download: true });
    await saveSession({ ...world.session, accessTokenExpiration: null });
    const registration = await registerScannerWorker();
    try {
      const tickets = await world.tickets(world.walk, 'valid', 4);
      for (const ticket of tickets) expect((await recordOfflineScan(ticket.barcode, world.filter)).verdict).to.equal('valid');
      await closeScannerDb();
      const worker = await activeWorker(registration);
      // AudienceView applies the worker's batch, and the worker is gone before the answer arrives.
      await world.mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'drop-after-apply', times: 1 });
      const reported = nextWorkerReport();
      worker.postMessage({ type: SYNC_NOW_MESSAGE });
      const report = await reported;
      expect(report.pending, 'nothing leaves the queue without an answer').to.equal(4);
      await registration.unregister();

      // The page replays on its own: the batch whose answer was lost is sent again and counts as delivered.
      const again = await replayPendingScans(world.session);
      expect(again.pending).to.equal(0);
      expect(await pendingCount()).to.equal(0);
      const applied = await world.applied();
      for (const ticket of tickets) expect(applied.get(ticket.barcode), `${ticket.barcode} counted once`).to.equal(1);
      await tally({ scansKept: tickets.length, scansLost: tickets.filter((t) => applied.get(t.barcode) !== 1).length });
    } finally {
      await registration.unregister().catch(() => undefined);
    }
  });
});

describe('data safety: <vista-member-login>', () => {
  afterEach(() => forgetVistaSessionsInMemory());

  it('sign-out leaves no token, password or member data in storage, caches, URLs or the console', async () => {
    const consoleLines = recordConsole();
    const mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
    const el = document.createElement('vista-member-login');
    el.setAttribute('api-base', mock.base('vista'));
    el.setAttribute('api-token', 'ocapi_site_2f9c1e7b4a6d');
    el.setAttribute('locale', 'en');
    document.body.append(el);
    try {
      await settled(el);
      ($(el, '#login') as HTMLInputElement).value = 'emma.janssens@example.com';
      ($(el, '#password') as HTMLInputElement).value = 'Popcorn-2027';
      const remember = $(el, '[name="remember"]') as HTMLInputElement | null;
      if (remember) remember.checked = true; // the worst case: a remembered session
      $(el, 'form[part="form"] button[type="submit"]')!.click();
      await settled(el);
      expect($(el, '[part="member"]'), 'signed in').not.to.equal(null);
      const requests = await mock.requests();
      // The member's session token travels in its own header (`LoyaltySessionToken`).
      const token = requests.map((r) => r.headers.loyaltysessiontoken ?? '').find((h) => h !== '') ?? '';
      expect(token.length, 'a member token was used').to.be.greaterThan(5);

      $(el, '[part="sign-out"]')!.click();
      await settled(el);
      expect($(el, 'form[part="form"]'), 'signed out').not.to.equal(null);
      const databases = await indexedDB.databases();
      const stored: string[] = [];
      for (const { name } of databases) {
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
          });
          stored.push(JSON.stringify(all));
        }
        db.close();
      }
      const leaks = (await leakableText()) + stored.join('\n');
      const urls = (await mock.requests()).map((r) => r.path + r.query).join('\n');
      for (const secret of [token, 'Popcorn-2027', 'emma.janssens@example.com', 'Janssens']) {
        expect(leaks.includes(secret), `storage keeps "${secret.slice(0, 6)}…"`).to.equal(false);
        expect(consoleLines.lines.join('\n').includes(secret), `the console printed "${secret.slice(0, 6)}…"`).to.equal(false);
        if (secret !== 'Janssens') expect(urls.includes(secret), `a request URL carries "${secret.slice(0, 6)}…"`).to.equal(false);
      }
    } finally {
      consoleLines.stop();
      el.remove();
    }
  });
});
