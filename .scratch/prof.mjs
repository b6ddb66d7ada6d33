// Loads a page with the V8 sampler on; lists main-thread tasks over MIN ms after FCP with the functions sampled inside (source-mapped).
import puppeteer from 'puppeteer-core';
import { readFileSync, existsSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
const url = process.argv[2]; const MIN = +(process.env.MIN || 12.5); const DIST = process.env.DIST || '/tmp/dist-sm/cdn/0.1.0';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const ctx = await browser.createBrowserContext(); const page = await ctx.newPage();
await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'] });
await page.goto(url, { waitUntil: 'load' }); await new Promise((r) => setTimeout(r, 4000));
const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents; await browser.close();
const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const per = new Map();
for (const e of events) if (e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) { const k = `${e.pid}:${e.tid}`; (per.get(k) ?? per.set(k, []).get(k)).push(e); }
const ours = events.find((e) => mains.has(`${e.pid}:${e.tid}`) && (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'ParseHTML') && JSON.stringify(e.args || {}).includes('127.0.0.1'));
const mainKey = `${ours.pid}:${ours.tid}`; const tasks = per.get(mainKey);
const [pid, tid] = mainKey.split(':').map(Number);
const fcp = events.find((e) => e.name === 'firstContentfulPaint');
// profile chunks
const nodes = new Map(); const samples = []; let t = 0;
for (const e of events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'))) {
  if (e.name === 'Profile') { t = e.args.data.startTime; continue; }
  const d = e.args.data.cpuProfile || {}; for (const n of d.nodes || []) nodes.set(n.id, n);
  const td = e.args.data.timeDeltas || []; (d.samples || []).forEach((s, i) => { t += td[i]; samples.push({ id: s, ts: t }); });
}
const maps = new Map();
function loc(cf) {
  const file = (cf.url || '').split('/').pop(); if (!file) return cf.functionName || '(' + (cf.codeType || 'native') + ')';
  const p = [DIST, DIST + '/chunks'].map((d) => `${d}/${file}.map`).find(existsSync) ?? (existsSync(`/tmp/dist-sm/${file}.map`) ? `/tmp/dist-sm/${file}.map` : null);
  if (!p) return `${cf.functionName || '?'}@${file}`;
  if (!maps.has(p)) maps.set(p, new SourceMapConsumer(JSON.parse(readFileSync(p, 'utf8'))));
  const o = maps.get(p).originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
  return `${o.name || cf.functionName || '?'} ${(o.source || '').replace(/.*node_modules\//, '').replace(/.*\/src\//, '')}:${o.line}`;
}
const parent = new Map(); for (const n of nodes.values()) for (const c of n.children || []) parent.set(c, n.id);
function stack(id) { const out = []; while (id != null) { const n = nodes.get(id); if (!n) break; out.push(n.callFrame); id = parent.get(id); } return out; }
for (const task of tasks.filter((x) => x.dur / 1000 >= MIN && x.ts >= (fcp?.ts ?? 0))) {
  const inside = samples.filter((s) => s.ts >= task.ts && s.ts <= task.ts + task.dur);
  const self = new Map(); const incl = new Map();
  for (const s of inside) { const st = stack(s.id); if (!st.length) continue; const top = loc(st[0]); self.set(top, (self.get(top) || 0) + 1); const seen = new Set(); for (const f of st) { const l = loc(f); if (l.includes('src/') || l.includes('lit') || l.includes('purify')) { if (!seen.has(l)) { seen.add(l); incl.set(l, (incl.get(l) || 0) + 1); } } } }
  const n = inside.length || 1;
  console.log(`\n${((task.ts - fcp.ts) / 1000).toFixed(0)} ms after FCP: ${(task.dur / 1000).toFixed(1)} ms, ${inside.length} samples`);
  console.log('  self: ' + [...self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${Math.round(v / n * 100)}%`).join(' | '));
  console.log('  incl: ' + [...incl].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${Math.round(v / n * 100)}%`).join(' | '));
}
