import { expect, fixture, html } from '@open-wc/testing';
import type { ControlPerformance, MockWorld } from '../../../test/mock.js';
import { DOOR, deleteScannerDb, doorTonight, type ControlTicket } from '../../../test/scanner-world.js';
import './index.js';
import { closeScannerDb } from './offline/scanner-db.js';
import type { TicketScanner } from './ticket-scanner.js';
import { TicketScannerHarness } from './ticket-scanner.harness.js';

/**
 * The browser deleting the scanner's storage (a full phone, Safari's seven-day rule) is played by
 * deleting its IndexedDB database between two page loads, as eviction does, while cookies stay.
 */
describe('<ticket-scanner> when the browser deleted its storage', () => {
  let mock: MockWorld;
  let tonight: ControlPerformance;

  beforeEach(async () => {
    ({ mock, tonight } = await doorTonight());
  });

  afterEach(async () => {
    await closeScannerDb();
  });

  async function openScanner(locale = 'en'): Promise<TicketScannerHarness> {
    const el = await fixture<TicketScanner>(html`<ticket-scanner
      api-base=${mock.base('audienceview')}
      client-id="284"
      production-id=${tonight.productionId}
      performance-id=${tonight.performanceId}
      time-zone="America/New_York"
      locale=${locale}
      .doorTimeoutMs=${1000}
      .cacheRefreshMs=${600_000}
    ></ticket-scanner>`);
    const door = new TicketScannerHarness(el);
    await door.settled();
    return door;
  }

  /** The page goes away (a reload, the phone asleep): nothing of it stays in memory. */
  async function closePage(door: TicketScannerHarness): Promise<void> {
    door.element.remove();
    await closeScannerDb();
  }

  async function validTickets(limit: number): Promise<ControlTicket[]> {
    return (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${tonight.performanceId}&state=valid&limit=${limit}`)).tickets;
  }

  const notice = (door: TicketScannerHarness) => door.$('[part="notice"].storage-lost');

  it('tells staff plainly how many waiting scans may be lost, and lets them acknowledge it', async () => {
    const first = await openScanner();
    await first.signIn(DOOR);
    await first.cacheReady();
    // Offline at the door, and the queue cannot be sent.
    await mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'offline' });
    first.element.mode = 'offline';
    for (const ticket of await validTickets(2)) await first.scanAndWait(ticket.barcode);
    await first.until(() => first.waitingCount === 2, 'the two offline scans were not queued');
    await closePage(first);

    await deleteScannerDb(); // the browser evicts the site's database while the page is closed
    await mock.clearFaults();

    const next = await openScanner();
    const shown = notice(next);
    expect(shown, 'a notice that the storage was deleted').to.not.equal(null);
    expect(shown!.getAttribute('role')).to.equal('alert');
    expect(next.text('[part="notice"].storage-lost span')).to.match(
      /^This browser deleted the scanner’s saved data on this device since .+: the ticket list, and 2 scans that were waiting to be sent then\. Any not sent since are lost: tell your box office\. Sign in again to download the list\.$/,
    );
    // Nothing of it is pretended: the queue on screen is the empty one, the sign-in form is back.
    expect(next.phase).to.equal('sign-in');
    expect(next.waitingCount).to.equal(0);

    next.$<HTMLButtonElement>('[part="notice"].storage-lost button')!.click();
    await next.element.updateComplete;
    expect(notice(next)).to.equal(null);

    // Said once: the next start is of the new database, which the browser kept.
    await closePage(next);
    const after = await openScanner();
    expect(notice(after)).to.equal(null);
  });

  it('says so when no scan was waiting, in the page’s language', async () => {
    const first = await openScanner();
    await first.signIn(DOOR);
    await first.cacheReady();
    await closePage(first);
    await deleteScannerDb();

    const next = await openScanner('fr');
    expect(next.text('[part="notice"].storage-lost span')).to.match(/^Ce navigateur a effacé .+ : la liste des billets, et aucun scan n’attendait d’être envoyé\. Reconnectez-vous/);
  });

  it('says nothing on a first start, after a reload, or after signing out (the queue kept on purpose)', async () => {
    const first = await openScanner();
    expect(notice(first), 'first start').to.equal(null);
    await first.signIn(DOOR);
    await first.cacheReady();
    await closePage(first);

    const reloaded = await openScanner();
    expect(notice(reloaded), 'reload').to.equal(null);
    expect(reloaded.phase).to.equal('scanning');
    await reloaded.element.signOut(true);
    await reloaded.until(() => reloaded.phase === 'sign-in', 'not signed out');
    await closePage(reloaded);

    const afterSignOut = await openScanner();
    expect(notice(afterSignOut), 'after sign-out').to.equal(null);
  });
});
