import puppeteer from 'puppeteer-core';
const url = process.argv[2];
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const ctx = await browser.createBrowserContext(); const page = await ctx.newPage();
await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.goto(url, { waitUntil: 'load' }); await new Promise((r) => setTimeout(r, 4000));
const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents; await browser.close();
const ours = events.find((e) => (e.name === 'ParseHTML') && JSON.stringify(e.args || {}).includes('127.0.0.1'));
const t0 = ours.ts;
let tot = { Layout: 0, UpdateLayoutTree: 0, Paint: 0, PrePaint: 0 };
for (const e of events.filter((e) => e.pid === ours.pid && e.tid === ours.tid && e.ph === 'X' && (e.name === 'Layout' || e.name === 'UpdateLayoutTree' || e.name === 'PrePaint' || e.name === 'Paint'))) {
  tot[e.name] += e.dur / 1000;
  if (e.dur > 3000) console.log(((e.ts - t0) / 1000).toFixed(0).padStart(6), e.name.padEnd(16), (e.dur / 1000).toFixed(1).padStart(6), JSON.stringify(e.args?.beginData ? { dirty: e.args.beginData.dirtyObjects, total: e.args.beginData.totalObjects } : e.args?.elementCount ?? ''));
}
console.log(Object.entries(tot).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' '));
