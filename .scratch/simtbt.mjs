// Alternating loads of pages from two servers; per load: Σ max(0, 4·task − 50 ms) for main-thread tasks after FCP ("4× TBT"), and the count of tasks over 12.5 ms.
import puppeteer from 'puppeteer-core';
const [urlA, urlB] = process.argv.slice(2, 4);
const N = +(process.env.N || 6);
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
async function load(url) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'] });
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, +(process.env.WAIT || 4000)));
  const buf = await page.tracing.stop();
  await ctx.close();
  const events = JSON.parse(Buffer.from(buf).toString("utf8")).traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const per = new Map();
  for (const e of events) if (e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) { const k = `${e.pid}:${e.tid}`; (per.get(k) ?? per.set(k, []).get(k)).push(e); }
  const ours = events.find((e) => mains.has(`${e.pid}:${e.tid}`) && (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'ParseHTML') && JSON.stringify(e.args || {}).includes('127.0.0.1'));
  const tasks = per.get(`${ours.pid}:${ours.tid}`);
  const after = tasks.filter((t) => t.ts >= (fcp?.ts ?? 0));
  const tbt = after.reduce((s, t) => s + Math.max(0, (4 * t.dur) / 1000 - 50), 0);
  const long = after.filter((t) => t.dur > 12500).length;
  const busy = tasks.reduce((s, t) => s + t.dur, 0) / 1000;
  return { tbt: Math.round(tbt), long, busy: Math.round(busy) };
}
const res = { A: [], B: [] };
for (let i = 0; i < N; i++) for (const [k, u] of [['A', urlA], ['B', urlB]]) { const r = await load(u); res[k].push(r); console.log(k, JSON.stringify(r)); }
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const k of ['A', 'B']) console.log(k, 'median 4×TBT', med(res[k].map((r) => r.tbt)), 'long', med(res[k].map((r) => r.long)), 'busy', med(res[k].map((r) => r.busy)), 'all', res[k].map((r) => r.tbt).join(','));
await browser.close();
