import { expect, fixture, html } from '@open-wc/testing';
import type { ControlPerformance, MockWorld } from '../../../test/mock.js';
import { DOOR, doorTonight, type ControlTicket } from '../../../test/scanner-world.js';
import { authenticate, fetchValidTickets, validateTicket } from '../../api/audienceview/scanning.js';
import './index.js';
import { closeScannerDb } from './offline/scanner-db.js';
import type { TicketScanDetail, TicketScanner } from './ticket-scanner.js';
import { TicketScannerHarness, textOf } from './ticket-scanner.harness.js';

/** RFC 4180, written here (not the product's): quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** A barcode a damaged or foreign code could give: a quote and a comma in it. */
const ODD_BARCODE = 'ODD"CODE,1';
const VENUE_ZONE = 'America/New_York';

describe('<ticket-scanner> door log', () => {
  let mock: MockWorld;
  let tonight: ControlPerformance;
  let scans: TicketScanDetail[];
  const record = (e: Event) => scans.push((e as CustomEvent<TicketScanDetail>).detail);

  beforeEach(async () => {
    ({ mock, tonight } = await doorTonight());
    scans = [];
    window.addEventListener('ticket-scan', record);
  });

  afterEach(async () => {
    window.removeEventListener('ticket-scan', record);
    await closeScannerDb();
  });

  async function atTheDoor(options: { exportPatronNames?: boolean; locale?: string } = {}): Promise<TicketScannerHarness> {
    const el = await fixture<TicketScanner>(html`<ticket-scanner
      api-base=${mock.base('audienceview')}
      client-id="284"
      production-id=${tonight.productionId}
      performance-id=${tonight.performanceId}
      time-zone=${VENUE_ZONE}
      locale=${options.locale ?? 'en'}
      ?export-patron-names=${options.exportPatronNames}
      .doorTimeoutMs=${1000}
      .probeIntervalMs=${300}
      .cacheRefreshMs=${600_000}
    ></ticket-scanner>`);
    const door = new TicketScannerHarness(el);
    await door.settled();
    await door.signIn(DOOR);
    await door.cacheReady();
    return door;
  }

  const validTickets = async (limit: number): Promise<ControlTicket[]> =>
    (await mock.control<{ tickets: ControlTicket[] }>('audienceview', `/tickets?performanceId=${tonight.performanceId}&state=valid&limit=${limit}`)).tickets;

  /** Presses Export CSV and returns the file the browser was handed (the download itself is stopped). */
  async function exportCsv(door: TicketScannerHarness): Promise<{ name: string; text: string }> {
    await door.openDoorLog();
    let anchor: HTMLAnchorElement | undefined;
    const catchDownload = (event: Event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement && target.download) {
        anchor = target;
        event.preventDefault();
      }
    };
    door.root.addEventListener('click', catchDownload, true);
    try {
      door.$<HTMLButtonElement>('.door-log-export')!.click();
      await door.until(() => anchor, 'no file was offered for download');
    } finally {
      door.root.removeEventListener('click', catchDownload, true);
    }
    const blob = await (await fetch(anchor!.href)).blob();
    expect(blob.type).to.contain('text/csv');
    return { name: anchor!.download, text: (await blob.text()).replace(/^\uFEFF/, '') };
  }

  it('exports every scan of this device as CSV: venue time, barcode, verdict, online or offline, synced / waiting / refused with the reason; no names', async () => {
    const door = await atTheDoor();
    const el = door.element;
    const [online, admittedElsewhere, waiting] = await validTickets(3);
    // Online: AudienceView decides and counts it.
    await door.scanAndWait(online!.barcode);
    // Offline from here; the queue cannot be sent yet.
    await mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'offline' });
    el.mode = 'offline';
    await door.scanAndWait(admittedElsewhere!.barcode);
    // Another door admits the same ticket before this one sends its queue: AudienceView refuses it later.
    const { session } = await authenticate(mock.base('audienceview'), DOOR);
    await validateTicket(session, { barcodeString: admittedElsewhere!.barcode, clientId: 284, productionId: tonight.productionId, performanceId: tonight.performanceId });
    await door.scanAndWait(ODD_BARCODE);
    await mock.clearFaults();
    el.syncNow();
    await door.until(() => door.has('[part="failed"]'), 'the refusal was not shown');
    await mock.fault({ vendor: 'audienceview', path: 'syncScans', kind: 'offline' });
    await door.scanAndWait(waiting!.barcode);
    await door.scanAndWait(waiting!.barcode); // the same ticket again: a duplicate

    const { name, text } = await exportCsv(door);
    expect(name).to.equal(`door-log-${tonight.performanceId}.csv`);
    expect(text.endsWith('\r\n')).to.equal(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).to.deep.equal(['scan time', 'time zone', 'barcode', 'verdict', 'checked', 'AudienceView', 'reason']);
    expect(rows.map((row) => row.slice(2, 6))).to.deep.equal([
      [online!.barcode, 'valid', 'online', 'synced'],
      [admittedElsewhere!.barcode, 'valid', 'offline', 'refused'],
      [ODD_BARCODE, 'unknown', 'offline', 'not sent'],
      [waiting!.barcode, 'valid', 'offline', 'waiting'],
      [waiting!.barcode, 'duplicate', 'offline', 'not sent'],
    ]);
    expect(rows[1]![6], "AudienceView's reason for the refusal").to.match(/already|scanned|another/i);
    expect(rows.filter((row) => row !== rows[1]).every((row) => row[6] === '')).to.equal(true);
    // Each time is the venue's wall clock with its offset (New York in winter: UTC-5), and the same instant as the scan.
    expect(scans).to.have.length(5);
    rows.forEach((row, i) => {
      expect(row[1]).to.equal(VENUE_ZONE);
      expect(row[0]).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(new Date(row[0]!).getTime()).to.equal(Math.floor(scans[i]!.scannedAt / 1000) * 1000);
      const wall = new Intl.DateTimeFormat('en-GB', { timeZone: VENUE_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(scans[i]!.scannedAt);
      expect(row[0]!.slice(11, 16)).to.equal(wall);
    });
    // No patron data: no name column, and no name from the list anywhere in the file.
    const list = await fetchValidTickets(session, { clientId: 284, productionId: tonight.productionId, performanceId: tonight.performanceId });
    const names = [online, admittedElsewhere, waiting].map((t) => list.tickets.find((l) => l.barcode === t!.barcode)!.orderConsumerName!);
    expect(names.every(Boolean)).to.equal(true);
    for (const patron of names) expect(text).not.to.contain(patron);
  });

  it('adds the patron names only when the page allows it (export-patron-names)', async () => {
    const door = await atTheDoor({ exportPatronNames: true });
    const [ticket] = await validTickets(1);
    await door.scanAndWait(ticket!.barcode);
    await door.scanAndWait(ODD_BARCODE);
    const [header, ...rows] = parseCsv((await exportCsv(door)).text);
    expect(header!.at(-1)).to.equal('patron');
    const { session } = await authenticate(mock.base('audienceview'), DOOR);
    const list = await fetchValidTickets(session, { clientId: 284, productionId: tonight.productionId, performanceId: tonight.performanceId });
    const name = list.tickets.find((l) => l.barcode === ticket!.barcode)!.orderConsumerName;
    expect(rows.map((row) => [row[2], row.at(-1)])).to.deep.equal([
      [ticket!.barcode, name],
      [ODD_BARCODE, ''],
    ]);
  });

  it('charts arrivals in 5-minute bins with a table for screen readers, and says the rate now', async () => {
    const door = await atTheDoor();
    const tickets = await validTickets(3);
    // scan() resolves with the verdict (several in one second, as at a busy door).
    for (const code of [...tickets.map((t) => t.barcode), ODD_BARCODE]) expect(await door.element.scan(code), code).to.not.equal(undefined);
    await door.openDoorLog();
    // 4 scans in the last 10 minutes: 0.4 a minute.
    expect(door.text('[part="door-log-rate"]')).to.equal('Now: 0.4 scans a minute (last 10 min)');
    const svg = door.$('[part="door-log-chart"]')!;
    expect(svg.getAttribute('aria-hidden'), 'the chart is pictures; the table says it').to.equal('true');
    const table = door.$('[part="door-log-table"]')!;
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => textOf(c)));
    // All four scans fall in the last bin or two (a scan at a bin's edge): admitted 3, refused 1 in all.
    const totals = cells.reduce((sum, row) => [sum[0]! + Number(row[1]), sum[1]! + Number(row[2])], [0, 0]);
    expect(totals).to.deep.equal([3, 1]);
    expect(cells.at(-1)![0]).to.match(/\d:\d\d/);
    // The counts are written on the bars too, not left to bar heights or colour alone.
    const written = [...svg.querySelectorAll('text.count')].map((t) => Number(t.textContent)).reduce((a, b) => a + b, 0);
    expect(written).to.equal(4);
    // Opened, with its chart, table and export button: nothing axe finds wrong.
    await expect(door.element).to.be.accessible();
  });

  it("speaks the page's language: the fold, the rate, the totals, the chart's table, the export", async () => {
    const door = await atTheDoor({ locale: 'fr-BE' });
    const [ticket] = await validTickets(1);
    expect(await door.element.scan(ticket!.barcode)).to.not.equal(undefined);
    expect(await door.element.scan(ODD_BARCODE)).to.not.equal(undefined);
    expect(door.text('[part="door-log"] summary')).to.equal('Journal des entrées');
    const { text } = await exportCsv(door); // opens the log, presses its export button
    expect(text.split('\r\n').filter(Boolean)).to.have.length(3); // the header and two scans
    expect(door.text('.door-log-note')).to.equal('2 scans exportés.');
    // Two scans in the last 10 minutes, written as French writes numbers.
    expect(door.text('[part="door-log-rate"]')).to.equal('Maintenant : 0,2 scans par minute (10 dernières min)');
    expect(door.text('.door-log-total')).to.equal('Cet appareil : 1 admis, 1 refusés');
    expect([...door.$('[part="door-log-table"] thead tr')!.children].map((th) => textOf(th))).to.deep.equal(['À partir de', 'Admis', 'Refusés']);
    expect(door.text('.door-log-export')).to.equal('Exporter en CSV');
  });
});
