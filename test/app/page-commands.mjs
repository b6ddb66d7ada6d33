// A test-runner plugin that lets a test drive a second page of its own browser context: open a URL
// (the installable app, a page a service worker controls), evaluate in it, wait for something, type
// and press keys, take it offline, reload, close: through Puppeteer's own API, which drives Chromium
// (DevTools protocol) and Firefox (WebDriver BiDi) alike. `cdp` sends a DevTools protocol command,
// Chromium only (installability). The browser side is test/app/second-page.ts.
import { pageOptions } from '../../scripts/engines.mjs';

let next = 0;
const engineOf = (session) => session.browser.name.toLowerCase();
const pages = new Map();

export function secondPagePlugin() {
  return {
    name: 'second-page',
    async executeCommand({ command, payload, session }) {
      if (command !== 'second-page') return undefined;
      const { action, id } = payload;
      if (action === 'open') {
        // The test's own context (its storage and cookies), or the browser's default one: Chromium
        // never calls a page in an incognito-like context installable.
        const testPage = session.browser.getPage(session.id);
        const context = payload.context === 'default' ? testPage.browser().defaultBrowserContext() : testPage.browserContext();
        const page = await context.newPage(pageOptions(engineOf(session)));
        if (payload.viewport) await page.setViewport(payload.viewport);
        const errors = [];
        page.on('pageerror', (error) => {
          // Firefox reports a cross-origin request that got no answer (the network down, as a test
          // made it) as a page error; the page itself threw nothing. A refused one (CORS headers
          // missing) says another reason and stays an error.
          if (/Cross-Origin Request Blocked: .*\(Reason: CORS request did not succeed\)/.test(String(error))) return;
          // Firefox also logs each CSP refusal as one; pages count those through `securitypolicyviolation`.
          if (/^Error: Content-Security-Policy: /.test(String(error))) return;
          errors.push(String(error));
        });
        await page.goto(payload.url, { waitUntil: 'load' });
        const key = `p${next++}`;
        pages.set(key, { page, errors, cdp: undefined });
        return { id: key };
      }
      const entry = pages.get(id);
      if (!entry) throw new Error(`second-page: no page ${id}`);
      const { page, errors } = entry;
      switch (action) {
        case 'evaluate':
          return { value: await page.evaluate(payload.expression) };
        case 'waitFor': {
          const handle = await page.waitForFunction(payload.expression, { polling: 50, timeout: payload.timeoutMs ?? 15000 });
          return { value: await handle.jsonValue() };
        }
        case 'cdp':
          entry.cdp ??= await page.createCDPSession().catch((error) => {
            throw new Error(`second-page: the DevTools protocol (${payload.method}) is Chromium's; this browser has none (${error.message})`);
          });
          return { value: await entry.cdp.send(payload.method, payload.params ?? {}) };
        // Firefox gives keys to the window in front only.
        case 'type':
          await page.bringToFront();
          await page.keyboard.type(payload.text);
          return { ok: true };
        case 'press':
          await page.bringToFront();
          await page.keyboard.press(payload.key);
          return { ok: true };
        case 'offline':
          await page.setOfflineMode(payload.offline === true);
          return { ok: true };
        case 'clearCookies': {
          const context = page.browserContext();
          await context.deleteCookie(...(await context.cookies()));
          return { ok: true };
        }
        case 'reload':
          try {
            await page.reload({ waitUntil: 'load' });
            return { ok: true };
          } catch (error) {
            return { ok: false, error: String(error) };
          }
        case 'errors':
          return { value: errors };
        case 'close':
          pages.delete(id);
          await page.close();
          return { ok: true };
        default:
          throw new Error(`second-page: unknown action ${action}`);
      }
    },
  };
}
