/**
 * <av-calendar> against FullCalendar (dayGrid), measured in the same run:
 * - size: each bundled and minified (ours with Lit, theirs with its injected CSS), gzip -9;
 * - in headless Chromium: rendering a month of 1,000 performances, and switching back to a month
 *   already loaded (ours from its month cache, FullCalendar with its events in memory).
 * The month's data is generated here and served from loopback, so the figures are rendering, not network.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import type { Performance } from '../src/api/audienceview/types.js';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';

const root = resolve(import.meta.dirname, '..');
const PERFORMANCES = 1000;
const RUNS = 7;

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: resolve(root, 'tsconfig.json'),
  });
  return result.outputFiles[0]!.text;
}

/** A festival month: `count` performances spread over March 2027, all on sale. */
function festivalMonth(count: number): { performancesByDateDisplay: Record<string, Performance[]> } {
  const byDate: Record<string, Performance[]> = {};
  for (let i = 0; i < count; i++) {
    const day = (i % 31) + 1;
    const hour = 10 + (Math.floor(i / 31) % 12);
    const date = `2027-03-${String(day).padStart(2, '0')}`;
    const time24 = `${String(hour).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00`;
    (byDate[date] ??= []).push({
      performanceId: 20_000_000 + i,
      performanceStart: Date.UTC(2027, 2, day, hour + 5),
      performanceDate: `03/${String(day).padStart(2, '0')}/2027`,
      performanceTime: `${hour % 12 || 12}:${i % 2 ? '30' : '00'} ${hour < 12 ? 'AM' : 'PM'}`,
      performanceTime24: time24,
      performanceStartDate: '',
      performanceSuperTitle: null,
      performanceSubTitle: `Stage ${(i % 4) + 1}`,
      performanceNotes: '',
      availabilityCode: 'A',
      displayCode: 'T',
      productionId: 900_000 + (i % 40),
      productionName: `Festival show ${(i % 40) + 1}`,
      hasAvailableTickets: true,
      tixRemaining: 100,
      customMessage: '',
      noRemainingTicketsMessage: null,
      shutoffHour: 0,
      shutoffHourMessage: null,
      generalAdmission: true,
      allDayEvent: false,
      doorEntryStartDate: '',
      doorEntryStartTime: '',
      doorEntryEndDate: '',
      doorEntryEndTime: '',
      productionLogoLink: null,
      productionDescription: null,
      departmentId: null,
      departmentName: null,
      performanceEntryTimes: null,
    });
  }
  return { performancesByDateDisplay: byDate };
}

const emptyMonth = { performancesByDateDisplay: {} };

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{margin:0;width:1200px}</style></head>
<body><script type="module">
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const layout = (el) => el.getBoundingClientRect().height;
  window.benchOurs = async () => {
    await import('/av-calendar.js');
    const el = document.createElement('av-calendar');
    Object.entries({ 'api-base': location.origin + '/av', 'client-id': '284', month: '2027-03', view: 'month', 'time-zone': 'America/New_York' })
      .forEach(([k, v]) => el.setAttribute(k, v));
    const started = performance.now();
    document.body.append(el);
    while (el.shadowRoot?.querySelectorAll('[part~="performance"]').length === 0 || el.shadowRoot?.querySelector('[part~="loading"]')) await settle();
    layout(el);
    const firstRender = performance.now() - started;
    el.setAttribute('month', '2027-04');
    while (el.shadowRoot.querySelectorAll('[part~="performance"]').length > 0 || el.shadowRoot.querySelector('[part~="loading"]')) await settle();
    const switchStarted = performance.now();
    el.setAttribute('month', '2027-03');
    await el.updateComplete;
    layout(el);
    const cachedSwitch = performance.now() - switchStarted;
    const shown = el.shadowRoot.querySelectorAll('[part~="performance"]').length;
    el.remove();
    return { firstRender, cachedSwitch, shown };
  };
  window.benchFullCalendar = async (events) => {
    const { Calendar, dayGridPlugin } = await import('/fullcalendar.js');
    const host = document.createElement('div');
    document.body.append(host);
    const started = performance.now();
    const calendar = new Calendar(host, { plugins: [dayGridPlugin], initialView: 'dayGridMonth', initialDate: '2027-03-01', timeZone: 'UTC', dayMaxEvents: false, events });
    calendar.render();
    layout(host);
    const firstRender = performance.now() - started;
    calendar.next();
    layout(host);
    const switchStarted = performance.now();
    calendar.prev();
    layout(host);
    const cachedSwitch = performance.now() - switchStarted;
    const shown = host.querySelectorAll('.fc-event').length;
    calendar.destroy();
    host.remove();
    return { firstRender, cachedSwitch, shown };
  };
</script></body></html>`;

interface RenderTimes {
  firstRender: number;
  cachedSwitch: number;
  shown: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchCalendar(): Promise<void> {
  const [ours, fullCalendar] = await Promise.all([
    bundle(`import './src/components/av-calendar/index.ts';`),
    bundle(`export { Calendar } from '@fullcalendar/core'; export { default as dayGridPlugin } from '@fullcalendar/daygrid';`),
  ]);
  const oursGzip = gzipSync(ours, { level: 9 }).byteLength;
  const theirsGzip = gzipSync(fullCalendar, { level: 9 }).byteLength;
  console.log('<av-calendar> against FullCalendar 6 (dayGrid), minified, gzip -9');
  console.log(`  av-calendar (Lit included)          ${(oursGzip / 1024).toFixed(2).padStart(8)} KB gzip`);
  console.log(`  FullCalendar core + dayGrid (peer)  ${(theirsGzip / 1024).toFixed(2).padStart(8)} KB gzip`);
  console.log(`  ratio: ours / FullCalendar = ${(oursGzip / theirsGzip).toFixed(2)}`);

  const march = JSON.stringify(festivalMonth(PERFORMANCES));
  const events = Object.values(festivalMonth(PERFORMANCES).performancesByDateDisplay)
    .flat()
    .map((p) => ({ id: String(p.performanceId), title: p.productionName, start: `2027-03-${p.performanceDate.slice(3, 5)}T${p.performanceTime24}` }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const send = (type: string, body: string) => {
      res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' });
      res.end(body);
    };
    if (req.method === 'OPTIONS') return send('text/plain', '');
    if (url.pathname === '/') return send('text/html', PAGE);
    if (url.pathname === '/av-calendar.js') return send('text/javascript', ours);
    if (url.pathname === '/fullcalendar.js') return send('text/javascript', fullCalendar);
    if (url.pathname.startsWith('/av/public/calendar/')) return send('application/json', url.searchParams.get('month') === '3' ? march : JSON.stringify(emptyMonth));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs(), headless: true });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(origin, { waitUntil: 'load' });
    const oursRuns: RenderTimes[] = [];
    const theirsRuns: RenderTimes[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each time: no cache carried between runs, same conditions for both.
      await page.reload({ waitUntil: 'load' });
      oursRuns.push(await page.evaluate(() => (window as any).benchOurs()));
      theirsRuns.push(await page.evaluate((e) => (window as any).benchFullCalendar(e), events));
    }
    const row = (label: string, runs: RenderTimes[]) =>
      console.log(
        `  ${label.padEnd(36)} first render ${median(runs.map((r) => r.firstRender)).toFixed(1).padStart(7)} ms   switch to loaded month ${median(runs.map((r) => r.cachedSwitch)).toFixed(1).padStart(6)} ms   (${runs[0]!.shown} shown)`,
      );
    console.log(`\nRendering a month of ${PERFORMANCES} performances in headless Chromium (1280 px), median of ${RUNS}`);
    row('av-calendar (incl. loopback fetch)', oursRuns);
    row('FullCalendar (peer, data in memory)', theirsRuns);
  } finally {
    await browser.close();
    server.close();
  }
}
