// A test-runner plugin that lets a test drive a second page of its own browser context: open a URL
// (the installable app, a page a service worker controls), evaluate in it, wait for something,
// send it Chrome DevTools Protocol commands (offline emulation, installability), reload, close.
// The browser side is test/app/second-page.ts.
let next = 0;
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
        const page = await context.newPage();
        if (payload.viewport) await page.setViewport(payload.viewport);
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(payload.url, { waitUntil: 'load' });
        const key = `p${next++}`;
        pages.set(key, { page, errors, cdp: await page.createCDPSession() });
        return { id: key };
      }
      const entry = pages.get(id);
      if (!entry) throw new Error(`second-page: no page ${id}`);
      const { page, cdp, errors } = entry;
      switch (action) {
        case 'evaluate':
          return { value: await page.evaluate(payload.expression) };
        case 'waitFor': {
          const handle = await page.waitForFunction(payload.expression, { polling: 50, timeout: payload.timeoutMs ?? 15000 });
          return { value: await handle.jsonValue() };
        }
        case 'cdp':
          return { value: await cdp.send(payload.method, payload.params ?? {}) };
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
