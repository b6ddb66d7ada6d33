// Long main-thread tasks in a Lighthouse trace, with time by event kind inside each (self time).
import { readFileSync } from 'node:fs';
const raw = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const mainPid = (() => { const m = events.find((e) => e.name === 'TracingStartedInBrowser'); return null; })();
// main thread: CrRendererMain of the page's renderer with most RunTask time
const threads = new Map();
for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
for (const e of events) if (e.ph === 'X' && e.name === 'RunTask') { const k = `${e.pid}:${e.tid}`; if (threads.has(k)) threads.set(k, threads.get(k) + e.dur); }
const main = [...threads].sort((a, b) => b[1] - a[1])[0][0];
const ev = events.filter((e) => `${e.pid}:${e.tid}` === main && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E')).filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const fcp = events.find((e) => e.name === 'firstContentfulPaint');
const nav = events.find((e) => e.name === 'navigationStart');
const t0 = nav?.ts ?? ev[0].ts;
const tasks = ev.filter((e) => e.name === 'RunTask');
const min = +(process.argv[3] || 12.5);
let tbt = 0;
for (const t of tasks) {
  const dur = t.dur / 1000;
  if (dur < min) continue;
  const inside = ev.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  // self time per name at depth 1 (direct children) roughly: sum durations of children minus grandchildren
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const name = e.name + (e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? ':' + (e.args?.data?.url || '').split('/').pop() + ':' + (e.args?.data?.functionName || '') : '') + (e.name==='TimerFire'||e.name==='FireAnimationFrame'?'':'');
    self.set(name, (self.get(name) || 0) + e.dur);
    if (parent) { const pn = parent._n; self.set(pn, self.get(pn) - e.dur); }
    e._n = name; stack.push(e);
  }
  const top = [...self].filter(([, d]) => d > 500).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(' | ');
  console.log(`${((t.ts - t0) / 1000).toFixed(0).padStart(6)} ms  ${dur.toFixed(1).padStart(6)} ms  ${top}`);
}
console.log('fcp', fcp ? ((fcp.ts - t0) / 1000).toFixed(0) : '?');
