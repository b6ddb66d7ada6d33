import puppeteer from 'puppeteer-core';
const url = process.argv[2];
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
await page.goto(url, { waitUntil: 'load' }); await new Promise((r) => setTimeout(r, 6000));
console.log(await page.evaluate(() => {
  const out = {};
  for (const el of document.querySelectorAll('av-calendar, av-event-list, av-series-list')) {
    const r = el.shadowRoot; const all = r.querySelectorAll('*').length;
    const entries = r.querySelectorAll('.entry, [part="series"], [part="event"], li').length;
    let text = 0; const w = document.createTreeWalker(r, NodeFilter.SHOW_TEXT); while (w.nextNode()) text++;
    out[el.localName] = { elements: all, textNodes: text, entries, sample: (r.querySelector('.entry') || r.querySelector('li'))?.outerHTML.slice(0, 1500) };
  }
  return JSON.stringify(out, null, 1);
}));
await browser.close();
