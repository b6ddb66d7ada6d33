import { expect, fixture, html } from '@open-wc/testing';
import type { ControlPerformance, MockWorld } from '../../../../test/mock.js';
import { DOOR, GALA, doorTonight, type ControlTicket } from '../../../../test/scanner-world.js';
import '../index.js';
import { closeScannerDb } from '../offline/scanner-db.js';
import type { TicketScanner } from '../ticket-scanner.js';
import { TicketScannerHarness, textOf } from '../ticket-scanner.harness.js';
import { refreshCadenceMs } from './cache.js';

const MINUTE = 60_000;
const MB = 1024 * 1024;

describe('<ticket-scanner> ticket list freshness', () => {
  describe('the refresh cadence', () => {
    it('refreshes a small performance every minute', () => {
      // 400 tickets, ~180 KB, downloaded and stored in 120 ms.
      expect(refreshCadenceMs({ tickets: 400, bytes: 180_000, ms: 120 })).to.equal(MINUTE);
      expect(refreshCadenceMs({ tickets: 400 }), 'before a download is measured').to.equal(MINUTE);
    });

    it('refreshes a 100,000-ticket list no more than the network and battery allow, and at least hourly', () => {
      const big = { tickets: 100_000, bytes: 54 * MB, ms: 14_000 }; // as bench/scanner.ts measured it on a busy machine
      const cadence = refreshCadenceMs(big);
      const perHour = 3_600_000 / cadence;
      expect(cadence).to.be.above(10 * MINUTE);
      expect(cadence).to.be.at.most(60 * MINUTE);
      expect(big.bytes * perHour, 'bytes an hour').to.be.at.most(60 * MB);
      expect(big.ms / cadence, 'share of the time downloading').to.be.at.most(0.03);
      // A slow network: a 10,000-ticket list that took 40 s is not fetched again within 20 minutes.
      expect(refreshCadenceMs({ tickets: 10_000, bytes: 4.5 * MB, ms: 40_000 })).to.be.at.least(20 * MINUTE);
    });
  });

  describe('on screen', () => {
    let mock: MockWorld;
    let tonight: ControlPerformance;
    let realNow: () => number;

    beforeEach(async () => {
      ({ mock, tonight } = await doorTonight());
      realNow = Date.now;
    });

    afterEach(async () => {
      Date.now = realNow;
      await closeScannerDb();
    });

    async function atTheDoor(performance: { productionId: number; performanceId: number }, options: { mode?: string; cacheRefreshMs?: number } = {}) {
      const el = await fixture<TicketScanner>(html`<ticket-scanner
        api-base=${mock.base('audienceview')}
        client-id="284"
        production-id=${performance.productionId}
        performance-id=${performance.performanceId}
        mode=${options.mode ?? 'auto'}
        locale="en"
        .doorTimeoutMs=${2000}
        .probeIntervalMs=${300}
        .cacheRefreshMs=${options.cacheRefreshMs}
      ></ticket-scanner>`);
      const door = new TicketScannerHarness(el);
      await door.settled();
      return door;
    }

    const freshness = (door: TicketScannerHarness) => door.text('[part="freshness"] .age');

    it('says a small list is fresh and will be updated within the minute', async () => {
      const door = await atTheDoor(tonight);
      await door.signIn(DOOR);
      await door.cacheReady();
      await door.until(() => /next update/.test(freshness(door)), 'no freshness line');
      expect(freshness(door)).to.equal('Tickets updated just now · next update in 1 minute');
      expect(door.$('[part="freshness"]')!.dataset.state).to.equal('fresh');
    });

    it('spaces the refreshes of the 30,000-ticket gala by what its download cost', async function () {
      // ~16 MB of tickets stored in IndexedDB: WebKit under a loaded CI machine needs more than mocha's 10 s.
      this.timeout(60_000);
      const { performances } = await mock.control<{ performances: ControlPerformance[] }>('audienceview', `/performances?productionId=${GALA}&when=scannable`);
      const gala = performances[0]!;
      expect(gala.ticketsSold).to.be.at.least(25_000);
      const door = await atTheDoor(gala);
      await door.signIn(DOOR);
      await door.until(() => /Cache from/.test(door.text('[part="cache"]')), 'the gala was not downloaded', 30_000);
      await door.until(() => /next update/.test(freshness(door)), 'no freshness line');
      const minutes = Number(/next update in (\d+) minutes/.exec(freshness(door))?.[1]);
      // ~16 MB of tickets: at 60 MB an hour, no sooner than every 10 minutes; at least hourly.
      expect(minutes).to.be.within(10, 60);
    });

    it('keeps its words current by itself, once a minute, without announcing each minute', async () => {
      const first = await atTheDoor(tonight, { cacheRefreshMs: 10 * MINUTE });
      await first.signIn(DOOR);
      await first.cacheReady();
      first.element.remove();
      // The same list 55 s later (a reload): the line turns to "1 minute ago" by itself.
      Date.now = () => realNow.call(Date) + 55_000;
      const door = await atTheDoor(tonight, { cacheRefreshMs: 10 * MINUTE });
      await door.until(() => freshness(door), 'no freshness line after the reload');
      expect(freshness(door)).to.match(/^Tickets updated just now/);
      await door.until(() => /1 minute ago/.test(freshness(door)), 'the line did not move on to 1 minute', 9000);
      expect(freshness(door)).to.equal('Tickets updated 1 minute ago · next update in 9 minutes');
      expect(door.$('[part="freshness"] .age')!.closest('[role="status"], [aria-live]'), 'the ticking words are not a live region').to.equal(null);
      expect(door.$('[part="freshness"] .note')!.getAttribute('role')).to.equal('status');
      expect(textOf(door.$('[part="freshness"] .note'))).to.equal('');
    });

    it('does not refresh while the page is hidden, and refreshes an overdue list as soon as it is shown', async () => {
      const door = await atTheDoor(tonight, { cacheRefreshMs: 700 });
      await door.signIn(DOOR);
      await door.cacheReady();
      const downloads = async () => (await mock.requests()).filter((r) => r.path.includes('/cache/validTickets')).length;
      await door.until(async () => (await downloads()) >= 2, 'no refresh while the page was shown');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        await door.until(() => !door.has('[part="progress"]') && door.$('[part="freshness"]')?.dataset.state !== 'updating', 'a refresh was left running');
        const whileHidden = await downloads();
        await new Promise((resolve) => setTimeout(resolve, 2000)); // near three refresh periods
        expect(await downloads(), 'refreshes while hidden').to.equal(whileHidden);
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
        await door.until(async () => (await downloads()) > whileHidden, 'no refresh when shown again', 1500);
      } finally {
        delete (document as { visibilityState?: unknown }).visibilityState; // back to Document.prototype's
      }
    });

    it('keeps the list it had when a refresh fails, and says so', async () => {
      const door = await atTheDoor(tonight, { mode: 'offline' });
      await door.signIn(DOOR);
      await door.cacheReady();
      const listed = door.text('[part="cache"] .cache-info');
      // The next list breaks off half-way (and so does any retry).
      await mock.fault({ vendor: 'audienceview', path: 'validTickets', kind: 'truncated' });
      door.$<HTMLButtonElement>('[part="cache"] .refresh')!.click();
      await door.until(() => door.$('[part="freshness"]')?.dataset.state === 'failed', 'the failure was not shown', 8000);
      expect(door.text('[part="freshness"] .note')).to.equal('The last update failed: the list before it is still in use.');
      expect(freshness(door)).to.match(/^Tickets updated (just now|1 minute ago)$/);
      expect(door.text('[part="cache"] .cache-info')).to.equal(listed);
      // The kept list still decides at the door.
      const [valid] = (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${tonight.performanceId}&state=valid&limit=1`)).tickets;
      const verdict = await door.scanAndWait(valid!.barcode);
      expect(verdict.dataset.verdict).to.equal('valid');
      expect(verdict.hasAttribute('data-offline')).to.equal(true);
      // The next refresh that works clears it.
      await mock.clearFaults();
      door.$<HTMLButtonElement>('[part="cache"] .refresh')!.click();
      await door.until(() => door.$('[part="freshness"]')?.dataset.state !== 'failed' && !door.has('[part="progress"]'), 'the next refresh did not clear the failure', 8000);
      expect(door.text('[part="freshness"] .note')).to.equal('');
    });
  });
});
