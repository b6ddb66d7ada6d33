/**
 * What the in-browser benchmarks share: a loopback server for the page and the bundles under
 * test, and headless Chromium (the browser `scripts/find-chrome.mjs` finds) pointed at it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';

/** What the server answers for a path: a body and its type, or `undefined` for a 404. */
export type Route = (url: URL, req: IncomingMessage) => { type: string; body: string | Uint8Array } | undefined;

export interface BenchBrowser {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves `route` on 127.0.0.1 (any origin may call it, preflights included: a page can play a
 * vendor on another origin) and launches headless Chromium.
 */
export async function openBenchBrowser(route: Route, options: { protocolTimeout?: number } = {}): Promise<BenchBrowser> {
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    const answer = route(new URL(req.url ?? '/', 'http://bench'), req);
    if (!answer) return res.writeHead(404, cors).end();
    res.writeHead(200, { 'content-type': answer.type, ...cors }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs(), headless: true, ...(options.protocolTimeout ? { protocolTimeout: options.protocolTimeout } : {}) });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
