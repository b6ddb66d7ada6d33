/**
 * <av-calendar> against FullCalendar (dayGrid), measured in the same run:
 * - size: each bundled and minified (ours with Lit, theirs with its injected CSS), gzip -9;
 * - in headless Chromium: rendering a month of 1,000 performances, and switching back to a month
 *   already loaded (ours from its month cache, FullCalendar with its events in memory).
 * The month's data is generated here and served from loopback, so the figures are rendering, not network.
 */
import { makePerformance } from '../test/fixtures/performance.js';
import { bundle, SANITIZER_CHUNKS } from './bundle.js';
import { median } from './stats.js';
import type { Performance } from '../src/api/audienceview/types.js';
import { openBenchBrowser } from './browser.js';
import { startMockServer } from '../mock/server.js';
import { DEFAULT_PURCHASE_URL, toPerformanceView } from '../src/shared/audienceview/performance.js';

const PERFORMANCES = 1000;
const RUNS = 7;

/** A festival month: `count` performances spread over March 2027, all on sale. */
function festivalMonth(count: number): { performancesByDateDisplay: Record<string, Performance[]> } {
  const byDate: Record<string, Performance[]> = {};
  for (let i = 0; i < count; i++) {
    const day = (i % 31) + 1;
    const hour = 10 + (Math.floor(i / 31) % 12);
    const minutes = i % 2 ? '30' : '00';
    const date = `2027-03-${String(day).padStart(2, '0')}`;
    (byDate[date] ??= []).push(
      makePerformance({
        performanceId: 20_000_000 + i,
        performanceStart: Date.UTC(2027, 2, day, hour + 5),
        performanceDate: `03/${String(day).padStart(2, '0')}/2027`,
        performanceTime: `${hour % 12 || 12}:${minutes} ${hour < 12 ? 'AM' : 'PM'}`,
        performanceTime24: `${String(hour).padStart(2, '0')}:${minutes}:00`,
        performanceStartDate: '',
        performanceSuperTitle: null,
        performanceSubTitle: `Stage ${(i % 4) + 1}`,
        productionId: 900_000 + (i % 40),
        productionName: `Festival show ${(i % 40) + 1}`,
        tixRemaining: 100,
        shutoffHour: 0,
        departmentId: null,
        departmentName: null,
      }),
    );
  }
  return { performancesByDateDisplay: byDate };
}

const emptyMonth = { performancesByDateDisplay: {} };

/** The season: the festival's 40 productions, all for public display (only what the calendar reads). */
const festivalSeries = Array.from({ length: 40 }, (_, i) => ({ productionId: 900_000 + i, productionName: `Festival show ${i + 1}`, productionStatus: 'T' }));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{margin:0;width:1200px}</style></head>
<body><script type="module">
  const settle = () => new Promise((r) => setTimeout(r, 0));
  // A bench that waits forever tells nobody anything: give up loudly after 20 s.
  const until = async (done, what) => {
    const deadline = performance.now() + 20000;
    while (!done()) {
      if (performance.now() > deadline) throw new Error('av-calendar never ' + what + ': ' + (el?.shadowRoot?.textContent ?? '').trim().slice(0, 200));
      await settle();
    }
  };
  let el;
  const layout = (el) => el.getBoundingClientRect().height;
  const calendar = (view) => {
    el = document.createElement('av-calendar');
    Object.entries({ 'api-base': location.origin + '/av', 'client-id': '284', month: '2027-03', view, 'time-zone': 'America/New_York' })
      .forEach(([k, v]) => el.setAttribute(k, v));
    return el;
  };
  const showsMarch = () => el.shadowRoot && el.shadowRoot.querySelectorAll('[part~="performance"]').length > 0 && !el.shadowRoot.querySelector('[part~="loading"]');
  window.benchOurs = async (view) => {
    await import('/av-calendar.js');
    // 1. A patron's first visit: fetch the month over loopback, parse it, render it.
    let started = performance.now();
    document.body.append(calendar(view));
    await until(showsMarch, 'showed March');
    layout(el);
    const withFetch = performance.now() - started;
    el.remove();
    // 2. Rendering alone: a new calendar for a month already in memory (as FullCalendar gets its
    //    events), built from nothing: no views, no DOM.
    started = performance.now();
    document.body.append(calendar(view));
    await el.updateComplete;
    layout(el);
    const firstRender = performance.now() - started;
    if (!showsMarch()) throw new Error('av-calendar did not render March from memory at once');
    el.setAttribute('month', '2027-04');
    // April has nothing of its own (March's last days may still show in its first row).
    await until(() => el.shadowRoot.querySelector('[part~="empty"]') && !el.shadowRoot.querySelector('[part~="loading"]'), 'showed April');
    // 3. Back to a month this calendar has shown.
    const switchStarted = performance.now();
    el.setAttribute('month', '2027-03');
    await el.updateComplete;
    layout(el);
    const cachedSwitch = performance.now() - switchStarted;
    const shown = el.shadowRoot.querySelectorAll('[part~="performance"]').length;
    el.remove();
    return { withFetch, firstRender, cachedSwitch, shown };
  };
  window.benchFullCalendar = async (events) => {
    const { Calendar, dayGridPlugin } = await import('/fullcalendar.js');
    const host = document.createElement('div');
    document.body.append(host);
    const started = performance.now();
    const calendar = new Calendar(host, { plugins: [dayGridPlugin], initialView: 'dayGridMonth', initialDate: '2027-03-01', timeZone: 'UTC', dayMaxEvents: 4, events });
    calendar.render();
    layout(host);
    const firstRender = performance.now() - started;
    calendar.next();
    layout(host);
    const switchStarted = performance.now();
    calendar.prev();
    layout(host);
    const cachedSwitch = performance.now() - switchStarted;
    const shown = [...host.querySelectorAll('.fc-event')].filter((e) => e.checkVisibility({ visibilityProperty: true })).length;
    calendar.destroy();
    host.remove();
    return { firstRender, cachedSwitch, shown };
  };
</script></body></html>`;

interface RenderTimes {
  /** Ours only: the first visit, fetching the month too. */
  withFetch?: number;
  firstRender: number;
  cachedSwitch: number;
  shown: number;
}


export async function benchCalendar(): Promise<void> {
  const [ours, fullCalendar] = await Promise.all([
    bundle({ entry: 'src/components/av-calendar/index.ts' }),
    bundle({ contents: `export { Calendar } from '@fullcalendar/core'; export { default as dayGridPlugin } from '@fullcalendar/daygrid';` }),
  ]);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2).padStart(8)} KB`;
  const lazyGroups = [
    // Fetched as soon as a calendar connects, beside the month's answer (the skeleton paints first).
    { label: 'a month shows (list, days; at connect)', test: /month-views/ },
    // Fetched beside it by a calendar wide enough for the grid (this bench's 1,000 px); never by a phone's list.
    { label: 'the grid shows (a wide container)', test: /grid-views/ },
    { label: 'a vendor text holds HTML, in a browser without its own sanitizer (DOMPurify)', test: SANITIZER_CHUNKS },
    { label: 'the page is in fr, nl, de or es (words)', test: /i18n/ },
  ].map((g) => ({ ...g, gzip: ours.lazy.filter((f) => g.test.test(f.name)).reduce((sum, f) => sum + f.gzip, 0) }));
  const unexplained = ours.lazy.filter((f) => !lazyGroups.some((g) => g.test.test(f.name)));
  if (unexplained.length) throw new Error(`unexpected lazy chunks: ${unexplained.map((f) => f.name).join(', ')}`);
  console.log('<av-calendar> against FullCalendar 6 (dayGrid), minified, gzip -9');
  console.log(`  av-calendar module (Lit included)      ${kb(ours.entry.gzip)} gzip`);
  for (const g of lazyGroups) console.log(`    + only when ${g.label.padEnd(42)} ${kb(g.gzip)} gzip`);
  console.log(`  FullCalendar core + dayGrid (peer)     ${kb(fullCalendar.entry.gzip)} gzip`);
  const all = ours.entry.gzip + lazyGroups.reduce((sum, g) => sum + g.gzip, 0);
  console.log(`  ratio: ours / FullCalendar = ${(ours.entry.gzip / fullCalendar.entry.gzip).toFixed(2)} (everything loaded: ${(all / fullCalendar.entry.gzip).toFixed(2)})   goal ≤ 20 KB: ${ours.entry.gzip <= 20 * 1024 ? 'met' : 'NOT met'}`);

  const march = JSON.stringify(festivalMonth(PERFORMANCES));
  const events = Object.values(festivalMonth(PERFORMANCES).performancesByDateDisplay)
    .flat()
    .map((p) => ({ id: String(p.performanceId), title: p.productionName, start: `2027-03-${p.performanceDate.slice(3, 5)}T${p.performanceTime24}` }));
  const send = (type: string, body: string) => ({ type, body });
  const { origin, browser, close } = await openBenchBrowser((url) => {
    if (url.pathname === '/') return send('text/html', PAGE);
    if (url.pathname === '/av-calendar.js') return send('text/javascript', ours.entry.text);
    const chunk = [...ours.lazy, ...(ours.shared ?? [])].find((f) => url.pathname === `/${f.name}`);
    if (chunk) return send('text/javascript', chunk.text);
    if (url.pathname === '/fullcalendar.js') return send('text/javascript', fullCalendar.entry.text);
    // The calendar asks the season once and shows only its public productions (status T): all 40 here.
    if (url.pathname.startsWith('/av/public/series/')) return send('application/json', JSON.stringify({ seriesInformation: festivalSeries }));
    if (url.pathname.startsWith('/av/public/calendar/')) return send('application/json', url.searchParams.get('month') === '3' ? march : JSON.stringify(emptyMonth));
    return undefined;
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(origin, { waitUntil: 'load' });
    const oursRuns: RenderTimes[] = [];
    const oursListRuns: RenderTimes[] = [];
    const theirsRuns: RenderTimes[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each time: no cache carried between runs, same conditions for both.
      await page.reload({ waitUntil: 'load' });
      oursRuns.push(await page.evaluate(() => (window as any).benchOurs('month')));
      await page.reload({ waitUntil: 'load' });
      oursListRuns.push(await page.evaluate(() => (window as any).benchOurs('list')));
      theirsRuns.push(await page.evaluate((e) => (window as any).benchFullCalendar(e), events));
    }
    const med = (runs: RenderTimes[], pick: (r: RenderTimes) => number) => median(runs.map(pick));
    const row = (label: string, runs: RenderTimes[]) =>
      console.log(
        `  ${label.padEnd(34)} first render ${med(runs, (r) => r.firstRender).toFixed(1).padStart(6)} ms   switch back to it ${med(runs, (r) => r.cachedSwitch).toFixed(1).padStart(6)} ms   ${String(runs[0]!.shown).padStart(4)} on screen` +
          (runs[0]!.withFetch === undefined ? '' : `   first visit incl. fetch ${med(runs, (r) => r.withFetch!).toFixed(1)} ms`),
      );
    console.log(`\nA month of ${PERFORMANCES} performances (${(march.length / 1024).toFixed(0)} KB of JSON) in headless Chromium at 1280 px, median of ${RUNS}`);
    row('av-calendar month grid', oursRuns);
    row('FullCalendar dayGrid (peer)', theirsRuns);
    row('av-calendar list view (all shown)', oursListRuns);
    console.log('  "first render": from data in memory to laid out (ours: a new calendar for a month already fetched;');
    console.log('  FullCalendar: handed its events). Both grids show at most 4 a day (a busier day: 3 and "+N more").');
    const goal = (label: string, value: number, limit: number) => `${label} ${value.toFixed(1)} ms (goal ≤ ${limit} ms: ${value <= limit ? 'met' : 'NOT met'})`;
    const ours = (pick: (r: RenderTimes) => number) => med(oursRuns, pick);
    const theirs = (pick: (r: RenderTimes) => number) => med(theirsRuns, pick);
    console.log(`  ${goal('grid first render', ours((r) => r.firstRender), 50)}; ${goal('switch to a loaded month', ours((r) => r.cachedSwitch), 16)}`);
    console.log(`  ratios ours / FullCalendar: first render ${(ours((r) => r.firstRender) / theirs((r) => r.firstRender)).toFixed(2)}, switch ${(ours((r) => r.cachedSwitch) / theirs((r) => r.cachedSwitch)).toFixed(2)}`);
  } finally {
    await close();
  }
}

/**
 * What every element does with an answer before it renders: the patron's view of each performance
 * (its instant in the venue's zone, state, link, timed entries). On the mock's heavy month (the
 * `oversize` fault: 1,300 performances, a museum's all-day exhibitions with 50 timed entries each,
 * and the day the clocks change), in node, whose V8 is Chromium's; median of 30 passes.
 */
export async function benchMonthViews(): Promise<void> {
  const mock = await startMockServer();
  try {
    const world = `${mock.origin}/s/bench-views`;
    const post = (path: string, body: unknown) => fetch(`${world}/__mock${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/reset', { now: '2027-03-18T16:00:00Z' });
    await post('/faults', { kind: 'oversize', vendor: 'audienceview' });
    const answer = (await (await fetch(`${world}/audienceview/public/calendar/client(284)?month=2&year=2027`, { headers: { clientId: '284' } })).json()) as { performancesByDateDisplay?: Record<string, Performance[]> };
    const performances = Object.values(answer.performancesByDateDisplay ?? {}).flat();
    const entries = performances.reduce((n, p) => n + (p.performanceEntryTimes?.length ?? 0), 0);
    const options = { timeZone: 'America/New_York', purchaseUrl: DEFAULT_PURCHASE_URL, now: Date.parse('2027-03-18T16:00:00Z') };
    const passes: number[] = [];
    for (let i = 0; i < 35; i++) {
      const started = performance.now();
      for (const p of performances) toPerformanceView(p, options);
      if (i >= 5) passes.push(performance.now() - started);
    }
    console.log(`\nThe patron's views of the heavy month (${performances.length} performances, ${entries} timed entries), in node: ${median(passes).toFixed(1)} ms (median of ${passes.length})`);
  } finally {
    await mock.close();
  }
}

// `npx tsx bench/calendar.ts` runs it alone; `views` only the views of the heavy month.
if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] !== 'views') await benchCalendar();
  await benchMonthViews();
}
