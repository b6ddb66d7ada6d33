/**
 * Patron pages on a phone: Lighthouse 12 with its mobile preset (Moto G Power class, simulated
 * slow 4G, 4× CPU slowdown, Lantern) on the built elements, served from loopback against the mock
 * vendor backend, beside FullCalendar 6 showing the same month of the same data in the same run.
 *
 *   npm run bench:lighthouse            (or `npm run bench -- lighthouse`, or as part of `npm run bench`)
 *   LIGHTHOUSE_RUNS=1 npm run bench:lighthouse     fewer runs (default 3; the table shows medians)
 *   LIGHTHOUSE_PAGES=calendar,fullcalendar ...     only these pages
 *   LIGHTHOUSE_WORLDS=typical ...                  only this world
 *   LIGHTHOUSE_FROM_REPORTS=1 ...                  the table again from the last run's reports
 *   LIGHTHOUSE_DIST=dist ...                       use an existing build instead of building one
 *   LIGHTHOUSE_TRACE=1 ...                         keep each page's trace beside its report (*.trace)
 *   LIGHTHOUSE_LANTERN=1 ...                       print the path through Lantern's simulation that set each run's LCP, and the tasks that made its TBT (bench/lantern-path.ts)
 *   LIGHTHOUSE_KEEP_REPORTS=1 ...                  add to the last run's reports instead of starting afresh
 *   LIGHTHOUSE_WHAT_IF=1 ...                       instead of the table (the last run's reports kept): each page's LCP had its render-blocking module been 1, 2, … 12 KB smaller (bench/lantern-what-if.ts)
 *   LIGHTHOUSE_SERVE=1 ...                         serve the pages and wait (Ctrl-C), to profile them in a browser's DevTools
 *
 * Pages: <av-calendar>, <av-event-list>, <av-series-list> each alone, all three on one page, and
 * FullCalendar (core + dayGrid, bundled with esbuild) fed the mock's calendar answer for the same
 * month; each in two worlds of the mock:
 * - typical: client 284 at noon on 24 March 2027 (venue time), whose March still holds 59
 *   performances (83 in the answer's whole weeks), every upcoming performance in the events
 *   answer (~2,000) and the 13 productions of the season;
 * - heavy: the mock's `oversize` fault (every list ten times as long) on 18 March 2027, whose
 *   calendar answer then holds 1,300 performances (1,030 in March). A repeat keeps its date and
 *   production but gets an id of its own (the fault's `idField`, as a venue with ten times the data
 *   would send), or the calendar would show each once.
 * Every page is a small venue page: a heading, the element(s), a footer (so a growing element
 * shifts what is under it, as on a real page). The vendor API is another origin (a preflight for
 * the `clientId` header, as in production) behind a loopback "edge" that gzips JSON, as
 * AudienceView's CDN would; the pages and modules are gzipped too.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { build as viteBuild, type Plugin } from 'vite';
import * as chromeLauncher from 'lighthouse/node_modules/chrome-launcher/dist/index.js';
import TraceGatherer from 'lighthouse/core/gather/gatherers/trace.js';
import { startMockServer } from '../mock/server.js';
import { findChrome } from '../scripts/find-chrome.mjs';
import { blockingTasks, lcpPath } from './lantern-path.js';
import { moduleSizeWhatIf } from './lantern-what-if.js';
import { median } from './stats.js';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ZONE = 'America/New_York';
const CLIENT = '284';

/** The two worlds: a fixed `now` (so the month has data) and, for the heavy one, ten times the data. */
const WORLDS = {
  typical: { now: '2027-03-24T16:00:00Z', oversize: false },
  heavy: { now: '2027-03-18T16:00:00Z', oversize: true },
} as const;
type WorldName = keyof typeof WORLDS;

/** The goals every page of ours must meet (README, issue 20). */
const GOALS = { performance: 98, accessibility: 100, bestPractices: 100, tbt: 50, cls: 0.01, lcp: 1500, allThreeJsGzip: 26 * 1024 };

interface PageSpec {
  id: string;
  label: string;
  ours: boolean;
  /** Markup inside <main>, given the world's api-base and month (`YYYY-MM`). */
  body(apiBase: string, month: string): string;
  /** Module scripts the page loads. */
  scripts: string[];
}

/** What a venue pastes (docs/embedding.md): the CDN layout's modules. */
const CDN = `/dist/cdn/${(JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }).version}`;
const attrs = (apiBase: string) => `api-base="${apiBase}" client-id="${CLIENT}" time-zone="${ZONE}"`;
const PAGES: PageSpec[] = [
  { id: 'calendar', label: '<av-calendar>', ours: true, scripts: [`${CDN}/av-calendar.js`], body: (api, month) => `<av-calendar ${attrs(api)} month="${month}"></av-calendar>` },
  { id: 'event-list', label: '<av-event-list>', ours: true, scripts: [`${CDN}/av-event-list.js`], body: (api) => `<av-event-list ${attrs(api)} limit="12"></av-event-list>` },
  { id: 'series-list', label: '<av-series-list>', ours: true, scripts: [`${CDN}/av-series-list.js`], body: (api) => `<av-series-list ${attrs(api)}></av-series-list>` },
  {
    id: 'all-three',
    label: 'all three',
    ours: true,
    // As docs/embedding.md tells a venue with several AudienceView elements on a page: one module.
    scripts: [`${CDN}/audienceview.js`],
    body: (api, month) =>
      `<av-calendar ${attrs(api)} month="${month}"></av-calendar>\n<h2>Coming up</h2>\n<av-event-list ${attrs(api)} limit="6"></av-event-list>\n<h2>The season</h2>\n<av-series-list ${attrs(api)}></av-series-list>`,
  },
  { id: 'fullcalendar', label: 'FullCalendar 6', ours: false, scripts: ['/fullcalendar.js'], body: (api) => `<div id="calendar" data-api="${api}"></div>` },
];

/** FullCalendar fed the same calendar answer, as a venue would wire it: fetch, map, render. */
function fullCalendarEntry(world: WorldName): string {
  // The month as the mock numbers it by default (0-based, docs/vendor-readings.md); the answer's dates decide what shows.
  const month = new Date(WORLDS[world].now);
  return `
import { Calendar } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
const host = document.getElementById('calendar');
const api = host.dataset.api;
const answer = await (await fetch(api + '/public/calendar/client(${CLIENT})?month=${month.getUTCMonth()}&year=${month.getUTCFullYear()}', { headers: { clientId: '${CLIENT}' } })).json();
const events = [];
for (const day of Object.values(answer.performancesByDateDisplay ?? {})) {
  for (const p of day) {
    if (p.displayCode === 'I') continue;
    const [m, d, y] = p.performanceDate.split('/');
    events.push({ id: String(p.performanceId), title: p.productionName, start: y + '-' + m + '-' + d + (p.allDayEvent ? '' : 'T' + p.performanceTime24), allDay: p.allDayEvent, url: 'https://web.ovationtix.com/trs/pe.c/' + p.performanceId });
  }
}
new Calendar(host, { plugins: [dayGridPlugin], initialView: 'dayGridMonth', initialDate: '${WORLDS[world].now.slice(0, 10)}', dayMaxEvents: 3, events }).render();
`;
}

function page(spec: PageSpec, apiBase: string, month: string, now: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<script>
  // The patron's clock agrees with the box office's: the page runs at the world's time, as a phone at the venue would
  // (the event list reads "this month" from it, and every element its sales shut-offs). Every page alike, FullCalendar's too.
  Date.now = ((offset, realNow) => () => realNow() + offset)(${Date.parse(now)} - Date.now(), Date.now.bind(Date));
</script>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What's on · Harbour Lights Theatre</title>
<meta name="description" content="Performances at Harbour Lights Theatre.">
<link rel="icon" href="data:,">
${spec.scripts.map((src) => `<script type="module"${spec.ours && process.env.LIGHTHOUSE_NO_BLOCKING !== '1' ? ' blocking="render"' : ''} src="${src}"></script>`).join('\n')}
<style>
  body { margin: 0; font-family: system-ui, sans-serif; color: #1d1d1f; line-height: 1.4; }
  header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }
  header { border-bottom: 1px solid #ddd; }
  footer { border-top: 1px solid #ddd; color: #555; }
  h1 { font-size: 1.5rem; margin: 0; }
</style>
</head>
<body>
<header><h1>Harbour Lights Theatre</h1></header>
<main>
${spec.body(apiBase, month)}
</main>
<footer><p>12 Quay Street · Box office open daily 10–18 · <a href="/access">Access</a></p></footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Serving
// ---------------------------------------------------------------------------------------------

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** The venue's site: pages from `pagesDir`, the built modules under /dist/, gzipped when asked. */
function siteServer(pagesDir: string, distDir: string): Server {
  const gzipped = new Map<string, Buffer>();
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    const [base, rel] = path.startsWith('/dist/') ? [distDir, path.slice(6)] : [pagesDir, path.slice(1)];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base) || !existsSync(file) || !extname(file)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const body = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let zipped = gzipped.get(file);
      if (!zipped) gzipped.set(file, (zipped = gzipSync(body, { level: 9 })));
      return res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(zipped);
    }
    res.writeHead(200, headers).end(body);
  });
}

/**
 * The vendor's edge in front of the mock: forwards every request (preflights included) and
 * gzips JSON.
 */
function edgeServer(mockOrigin: string): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? '/', mockOrigin);
    const headers = { ...req.headers, host: target.host };
    delete headers['accept-encoding'];
    const forward = httpRequest(target, { method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let body: Buffer = Buffer.concat(chunks);
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) out[k] = v;
        const json = String(answer.headers['content-type'] ?? '').includes('json');
        if (json && body.length && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          body = gzipSync(body, { level: 6 });
          out['content-encoding'] = 'gzip';
          out.vary = 'accept-encoding';
        }
        res.writeHead(answer.statusCode ?? 502, out).end(body);
      });
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

/**
 * The library as `npm run build` builds it (its vite step, vite.config.ts), into a folder of our
 * own. When another part of the tree does not build right now, the three AudienceView entries alone.
 */
async function buildLibrary(): Promise<string> {
  if (process.env.LIGHTHOUSE_DIST) return resolve(root, process.env.LIGHTHOUSE_DIST);
  const out = mkdtempSync(join(tmpdir(), 'venue-widgets-lh-dist-'));
  const configFile = resolve(root, 'vite.config.ts');
  const env = process.env.VENUE_WIDGETS_OUT_DIR;
  process.env.VENUE_WIDGETS_OUT_DIR = out; // read by vite.config.ts
  try {
    try {
      await viteBuild({ configFile, logLevel: 'silent' });
    } catch {
      console.log('  (the whole library does not build right now: building the three AudienceView elements alone)');
      const avOnly: Plugin = {
        name: 'av-entries-only',
        config(config) {
          const lib = config.build?.lib;
          if (lib && typeof lib.entry === 'object' && !Array.isArray(lib.entry)) {
            lib.entry = Object.fromEntries(Object.entries(lib.entry).filter(([name]) => name.startsWith('av-')));
          }
        },
      };
      await viteBuild({ configFile, logLevel: 'silent', plugins: [avOnly] });
    }
  } finally {
    if (env === undefined) delete process.env.VENUE_WIDGETS_OUT_DIR;
    else process.env.VENUE_WIDGETS_OUT_DIR = env;
  }
  return out;
}

async function bundleFullCalendar(world: WorldName, outFile: string): Promise<void> {
  await build({
    stdin: { contents: fullCalendarEntry(world), resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outfile: outFile,
    logLevel: 'error',
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

/**
 * Lighthouse 12.2.3 (the last line for Node 20) predates the PipelineReporter events of the
 * Chromium here (156): its trace engine reads `chrome_frame_reporter.frame_sequence` from them,
 * finds none and fails the CLS root causes, the LCP element and the layout-shift audits. They only
 * shift screenshot times by the frame's presentation delay (the filmstrip, Speed Index), so they
 * are left out of the trace.
 */
type TraceEvent = { name?: string };
const collectTrace = (TraceGatherer as unknown as { endTraceAndCollectEvents(session: unknown): Promise<{ traceEvents: TraceEvent[] }> }).endTraceAndCollectEvents;
(TraceGatherer as unknown as { endTraceAndCollectEvents(session: unknown): Promise<{ traceEvents: TraceEvent[] }> }).endTraceAndCollectEvents = async (session) => {
  const trace = await collectTrace.call(TraceGatherer, session);
  return { ...trace, traceEvents: trace.traceEvents.filter((e) => e.name !== 'PipelineReporter') };
};

interface Sample {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
  /** Scripts the page loaded: the built files' size, gzip -9. */
  jsGzip: number;
  /** Of which chunks loaded only for some content: DOMPurify (vendor markup), other languages' words. */
  jsLateGzip: number;
  failing: string[];
}

type Lhr = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string; details?: { items?: Record<string, unknown>[] } }>;
  runtimeError?: { code: string; message: string };
  environment?: { benchmarkIndex?: number };
  runWarnings?: string[];
};

/** Chunks an element fetches only when its content needs them (src/shared/late-content.ts). */
const LATE_CHUNK = /\/chunks\/(sanitizer-setup|[\w-]+\.messages\.i18n)-[\w-]+\.js$/;

function sampleOf(lhr: Lhr, jsGzipOf: (url: string) => number): Sample {
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const value = (a: string) => lhr.audits[a]?.numericValue ?? NaN;
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { url: string; resourceType?: string }[];
  const failing: string[] = [];
  for (const c of ['accessibility', 'best-practices']) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable') failing.push(ref.id);
    }
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    bytes: value('total-byte-weight'),
    jsGzip: requests.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + jsGzipOf(r.url), 0),
    jsLateGzip: requests.filter((r) => r.resourceType === 'Script' && LATE_CHUNK.test(r.url)).reduce((sum, r) => sum + jsGzipOf(r.url), 0),
    failing,
  };
}

export async function benchLighthouse(): Promise<void> {
  const only = process.env.LIGHTHOUSE_PAGES?.split(',').map((s) => s.trim());
  const pages = PAGES.filter((p) => !only || only.includes(p.id));
  const worlds = (Object.keys(WORLDS) as WorldName[]).filter((w) => !process.env.LIGHTHOUSE_WORLDS || process.env.LIGHTHOUSE_WORLDS.split(',').includes(w));
  const whatIf = Boolean(process.env.LIGHTHOUSE_WHAT_IF);
  console.log(`Patron pages on a phone: Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU), ${whatIf ? 'one load of each page of ours, audited again with a smaller module' : `${RUNS} run(s) of each page, round-robin`}`);
  const reportsDir = join(tmpdir(), 'venue-widgets-lighthouse');
  if (process.env.LIGHTHOUSE_FROM_REPORTS) return printTable(pages, reportsDir);
  const distDir = await buildLibrary();
  const pagesDir = mkdtempSync(join(tmpdir(), 'venue-widgets-lh-pages-'));
  // LIGHTHOUSE_KEEP_REPORTS=1: add to the last run's reports (e.g. the heavy world after the typical one).
  if (!process.env.LIGHTHOUSE_KEEP_REPORTS && !whatIf) rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });

  const mock = await startMockServer();
  const edge = edgeServer(mock.origin);
  const site = siteServer(pagesDir, distDir);
  const [edgeOrigin, siteOrigin] = await Promise.all([listen(edge), listen(site)]);
  for (const [name, world] of Object.entries(WORLDS)) {
    const control = `${mock.origin}/s/${name}/__mock`;
    await fetch(`${control}/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: world.now }) });
    if (world.oversize) await fetch(`${control}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'oversize', vendor: 'audienceview', idField: 'performanceId' }) });
  }
  for (const world of Object.keys(WORLDS) as WorldName[]) {
    mkdirSync(join(pagesDir, world), { recursive: true });
    await bundleFullCalendar(world, join(pagesDir, world, 'fullcalendar.js'));
    for (const spec of pages) {
      const html = page({ ...spec, scripts: spec.scripts.map((s) => (s.startsWith('/dist/') ? s : `/${world}${s}`)) }, `${edgeOrigin}/s/${world}/audienceview`, WORLDS[world].now.slice(0, 7), WORLDS[world].now);
      writeFileSync(join(pagesDir, world, `${spec.id}.html`), html);
    }
  }
  const jsGzipOf = (() => {
    const sizes = new Map<string, number>();
    return (url: string) => {
      const path = new URL(url).pathname;
      if (!sizes.has(path)) {
        const file = path.startsWith('/dist/') ? join(distDir, path.slice(6)) : join(pagesDir, path.slice(1));
        sizes.set(path, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).byteLength : 0);
      }
      return sizes.get(path)!;
    };
  })();

  if (process.env.LIGHTHOUSE_SERVE) {
    for (const world of worlds) for (const spec of pages) console.log(`${siteOrigin}/${world}/${spec.id}.html`);
    await new Promise((done) => process.once('SIGINT', done));
    process.exit(0);
  }
  const chrome = await chromeLauncher.launch({ chromePath: findChrome(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  // An interrupted bench must not leave its browser behind.
  const stop = () => {
    void chrome.kill();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (whatIf) {
      for (const world of worlds) {
        for (const spec of pages.filter((p) => p.ours)) {
          const lines = await moduleSizeWhatIf(`${siteOrigin}/${world}/${spec.id}.html`, chrome.port, spec.scripts[0]!);
          console.log(`${world}/${spec.id}, the render-blocking module made smaller in one load (Lantern):\n${lines.map((line) => `  ${line}\n`).join('')}`);
        }
      }
      return;
    }
    const loadFile = join(reportsDir, 'load.txt');
    const loads: number[] = existsSync(loadFile) ? readFileSync(loadFile, 'utf8').split(' ').map(Number) : [];
    // Round-robin: machine noise falls on every page alike instead of on whichever ran last.
    for (let run = 0; run < RUNS; run++) {
      for (const world of worlds) {
        for (const spec of pages) {
          const key = `${world}/${spec.id}`;
          // On a machine this busy Lighthouse may also throw (a renderer gone: "Target closed"): a failed run, not the end.
          const result = await lighthouse(`${siteOrigin}/${world}/${spec.id}.html`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices'],
          }).catch((error: unknown) => ({ lhr: { runtimeError: { code: 'THROWN', message: String(error).slice(0, 200) } } }) as const);
          const lhr = result?.lhr as unknown as Lhr | undefined;
          if (!lhr || lhr.runtimeError) {
            // A run Lighthouse could not finish (a protocol timeout on a busy machine) is reported, not fatal.
            const why = `${lhr?.runtimeError?.code ?? 'no result'} ${lhr?.runtimeError?.message ?? ''}`.trim();
            writeFileSync(join(reportsDir, `${world}-${spec.id}-${run + 1}.failed`), why);
            process.stderr.write(`  run ${run + 1}/${RUNS} ${key}: Lighthouse failed: ${why}\n`);
            continue;
          }
          const sample = sampleOf(lhr, jsGzipOf);
          // The machine's load average (1 minute) after each run, printed with the table.
          loads.push(Number(loadavg()[0]!.toFixed(1)));
          writeFileSync(loadFile, loads.join(' '));
          writeFileSync(join(reportsDir, `${world}-${spec.id}-${run + 1}.json`), JSON.stringify({ ...lhr, benchSample: sample }));
          // LIGHTHOUSE_TRACE=1: the page's trace beside its report, to find what the long tasks do.
          if (process.env.LIGHTHOUSE_TRACE) writeFileSync(join(reportsDir, `${world}-${spec.id}-${run + 1}.trace`), JSON.stringify((result as { artifacts?: { Trace?: unknown } } | undefined)?.artifacts?.Trace ?? null));
          if (process.env.LIGHTHOUSE_LANTERN) {
            process.stderr.write(`  ${key}, run ${run + 1}: the simulated path to LCP\n${lcpPath().map((line) => `    ${line}\n`).join('')}`);
            const fcp = lhr.audits['first-contentful-paint']?.numericValue ?? 0;
            process.stderr.write(`  ${key}, run ${run + 1}: simulated tasks of 50 ms or more (FCP ${Math.round(fcp)} ms)\n${blockingTasks(fcp).map((line) => `    ${line}\n`).join('')}`);
          }
          process.stderr.write(`  run ${run + 1}/${RUNS} ${key}: performance ${sample.performance}, LCP ${Math.round(sample.lcp)} ms, TBT ${Math.round(sample.tbt)} ms, CLS ${sample.cls.toFixed(3)} (benchmarkIndex ${Math.round(lhr.environment?.benchmarkIndex ?? 0)})\n`);
        }
      }
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await chrome.kill();
    await mock.close();
    edge.closeAllConnections();
    site.closeAllConnections();
    await Promise.all([new Promise((r) => edge.close(r)), new Promise((r) => site.close(r))]);
    if (!process.env.LIGHTHOUSE_DIST) rmSync(distDir, { recursive: true, force: true });
    rmSync(pagesDir, { recursive: true, force: true });
  }

  printTable(pages, reportsDir);
}

/** The table from the reports of a run (also on its own: `LIGHTHOUSE_FROM_REPORTS=1`, e.g. after an interrupted run). */
function printTable(pages: PageSpec[], reportsDir: string): void {
  const samples = new Map<string, Sample[]>();
  const machine: number[] = [];
  for (const file of readdirSync(reportsDir).filter((f) => f.endsWith('.json')).sort()) {
    const report = JSON.parse(readFileSync(join(reportsDir, file), 'utf8')) as Lhr & { benchSample: Sample };
    const key = file.replace(/-\d+\.json$/, '').replace(/^(typical|heavy)-/, '$1/');
    samples.set(key, [...(samples.get(key) ?? []), report.benchSample]);
    if (report.environment?.benchmarkIndex) machine.push(report.environment.benchmarkIndex);
  }
  const loads = existsSync(join(reportsDir, 'load.txt')) ? readFileSync(join(reportsDir, 'load.txt'), 'utf8').split(' ').map(Number) : [];
  if (loads.length) console.log(`  load average (1 min) of this machine after each run: median ${median(loads).toFixed(1)} (${Math.min(...loads)}–${Math.max(...loads)}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  const failed = readdirSync(reportsDir).filter((f) => f.endsWith('.failed'));
  if (failed.length) console.log(`  Lighthouse could not finish ${failed.length} run(s): ${failed.map((f) => `${f.replace(/\.failed$/, '')} (${readFileSync(join(reportsDir, f), 'utf8').split(' ')[0]})`).join(', ')}`);
  const runs = Math.min(...[...samples.values()].map((l) => l.length));
  console.log(`  ${runs === Math.max(...[...samples.values()].map((l) => l.length)) ? `medians of ${runs} run(s)` : `medians of ${runs} or more runs`}; Lighthouse's benchmarkIndex of this machine during the runs: median ${Math.round(median(machine))} (${Math.round(Math.min(...machine))}–${Math.round(Math.max(...machine))})`);
  // The table: medians per page.
  const med = (list: Sample[], k: keyof Omit<Sample, 'failing'>) => median(list.map((s) => s[k]));
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const head = ['world', 'page', 'perf', 'a11y', 'b.p.', 'LCP', 'TBT', 'CLS', 'bytes', 'JS gzip', 'late JS', 'LCP/FC', 'bytes/FC'];
  const rows: string[][] = [];
  const misses: string[] = [];
  for (const world of Object.keys(WORLDS) as WorldName[]) {
    const fc = samples.get(`${world}/fullcalendar`);
    for (const spec of pages) {
      const list = samples.get(`${world}/${spec.id}`);
      if (!list?.length) continue;
      const m = Object.fromEntries((['performance', 'accessibility', 'bestPractices', 'lcp', 'tbt', 'cls', 'bytes', 'jsGzip', 'jsLateGzip'] as const).map((k) => [k, med(list, k)])) as Record<keyof Omit<Sample, 'failing'>, number>;
      const ratio = (k: 'lcp' | 'bytes') => (fc && spec.ours ? `${(m[k] / med(fc, k)).toFixed(2)}` : '');
      rows.push([world, spec.label, String(m.performance), String(m.accessibility), String(m.bestPractices), `${Math.round(m.lcp)} ms`, `${Math.round(m.tbt)} ms`, m.cls.toFixed(3), kb(m.bytes), kb(m.jsGzip), kb(m.jsLateGzip ?? 0), ratio('lcp'), ratio('bytes')]);
      if (!spec.ours) continue;
      const miss = (what: string, ok: boolean) => !ok && misses.push(`${world} ${spec.label}: ${what}`);
      miss(`performance ${m.performance} < ${GOALS.performance}`, m.performance >= GOALS.performance);
      miss(`accessibility ${m.accessibility} (${[...new Set(list.flatMap((s) => s.failing))].join(', ')})`, m.accessibility >= GOALS.accessibility);
      miss(`best practices ${m.bestPractices} (${[...new Set(list.flatMap((s) => s.failing))].join(', ')})`, m.bestPractices >= GOALS.bestPractices);
      miss(`TBT ${Math.round(m.tbt)} ms > ${GOALS.tbt} ms`, m.tbt <= GOALS.tbt);
      miss(`CLS ${m.cls.toFixed(3)} > ${GOALS.cls}`, m.cls <= GOALS.cls);
      miss(`LCP ${Math.round(m.lcp)} ms > ${GOALS.lcp} ms`, m.lcp <= GOALS.lcp);
      // The elements' own JavaScript; the late chunks depend on the content (vendor markup, the page's language).
      const own = m.jsGzip - (m.jsLateGzip ?? 0);
      if (spec.id === 'all-three') miss(`JavaScript ${kb(own)} gzip (without ${kb(m.jsLateGzip ?? 0)} of late chunks) > ${kb(GOALS.allThreeJsGzip)}`, own <= GOALS.allThreeJsGzip);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(`  (perf / a11y / b.p.: Lighthouse category scores; bytes: everything transferred, JSON included; JS gzip: the page's scripts, gzip -9;`);
  console.log(`   late JS: of which chunks loaded for the content (DOMPurify when vendor text holds markup in a browser without its own sanitizer: none in Chromium; other languages' words);`);
  console.log(`   LCP/FC, bytes/FC: ours over the FullCalendar page in the same world. Reports: ${reportsDir})`);
  console.log(misses.length ? `  Goals missed:\n${misses.map((m) => `    ${m}`).join('\n')}` : '  Goals: all met (performance ≥ 98, accessibility 100, best practices 100, TBT ≤ 50 ms, CLS ≤ 0.01, LCP ≤ 1.5 s, all three ≤ 26 KB JS gzip)');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/lighthouse.ts')) {
  await benchLighthouse();
}
