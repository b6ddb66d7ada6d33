import puppeteer from 'puppeteer-core';
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const p = await b.newPage(); await p.goto('about:blank');
console.log(await p.evaluate(() => JSON.stringify({ setHTML: typeof Element.prototype.setHTML, Sanitizer: typeof globalThis.Sanitizer, parseHTML: typeof Document.parseHTML, setHTMLUnsafe: typeof Element.prototype.setHTMLUnsafe, out: (() => { try { const d = document.createElement('div'); d.setHTML('<b onclick=x>hi</b><script>1</script><img src=x onerror=alert(1)>', { sanitizer: { elements: ['b', 'p'] } }); return d.innerHTML; } catch (e) { return String(e); } })() })));
await b.close();
