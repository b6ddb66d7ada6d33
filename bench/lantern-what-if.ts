/**
 * How much smaller would a page's render-blocking module have to be for Lighthouse's LCP to move?
 * `LIGHTHOUSE_WHAT_IF=1 npm run bench:lighthouse` loads each page of ours once, then runs
 * Lighthouse's audits again on that one load with nothing changed but the module's transfer size,
 * a KB smaller each time, and prints the LCP of each.
 *
 * Lantern (the simulation behind the mobile preset's figures) moves a download on in whole round
 * trips of 150 ms: the link's 1.6 Mbps is divided among the requests in flight, and each
 * connection's congestion window is capped by its share. So a module a KB or two smaller is
 * usually no sooner at all, and then, past some size, a whole round trip sooner. This finds that
 * size for each page, from the page's own load, instead of guessing it from a slope between pages.
 */
import lighthouse from 'lighthouse';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How far below the module's own size to look, a KB at a time. */
const SMALLER_BY_KB = 12;

interface DevtoolsEvent {
  method: string;
  params: { requestId?: string; encodedDataLength?: number; request?: { url: string } };
}

/** The simulated LCP (ms) of a gathered load, audited again (Lighthouse's `-A`). */
async function lcpOf(gathered: string): Promise<number> {
  const result = await lighthouse('http://what-if.invalid/', { auditMode: gathered, onlyCategories: ['performance'], logLevel: 'error' });
  const lcp = result?.lhr.audits['largest-contentful-paint']?.numericValue;
  if (lcp === undefined) throw new Error(`no LCP from the audits of ${gathered}`);
  return lcp;
}

/** The devtools log of a gathered load, and the finished request to `modulePath` in it. */
function moduleRequest(gathered: string, modulePath: string) {
  const log = JSON.parse(readFileSync(join(gathered, 'defaultPass.devtoolslog.json'), 'utf8')) as DevtoolsEvent[];
  const id = log.find((e) => e.method === 'Network.requestWillBeSent' && new URL(e.params.request!.url).pathname === modulePath)?.params.requestId;
  const finished = log.find((e) => e.method === 'Network.loadingFinished' && e.params.requestId === id);
  if (!id || !finished) throw new Error(`the load has no finished request to ${modulePath}`);
  return { log, id, bytes: finished.params.encodedDataLength!, finished };
}

/** A copy of a gathered load in which the request to `modulePath` transferred `bytes`, its data received scaled alike. */
function withModuleBytes(gathered: string, modulePath: string, bytes: number): string {
  const copy = mkdtempSync(join(tmpdir(), 'venue-widgets-what-if-'));
  cpSync(gathered, copy, { recursive: true });
  const { log, id, finished } = moduleRequest(copy, modulePath);
  const scale = bytes / finished.params.encodedDataLength!;
  finished.params.encodedDataLength = bytes;
  for (const e of log) if (e.method === 'Network.dataReceived' && e.params.requestId === id) e.params.encodedDataLength = Math.round(e.params.encodedDataLength! * scale);
  writeFileSync(join(copy, 'defaultPass.devtoolslog.json'), JSON.stringify(log));
  return copy;
}

/**
 * One line per size of the page's module (`modulePath`), from its own down to 12 KB smaller:
 * Lighthouse's LCP for the same load had the module been that size.
 */
export async function moduleSizeWhatIf(url: string, port: number, modulePath: string): Promise<string[]> {
  const gathered = mkdtempSync(join(tmpdir(), 'venue-widgets-gathered-'));
  try {
    await lighthouse(url, { port, gatherMode: gathered, onlyCategories: ['performance'], logLevel: 'error' });
    const own = moduleRequest(gathered, modulePath).bytes;
    const asLoaded = await lcpOf(gathered);
    const lines = [`as loaded: module ${(own / 1024).toFixed(1)} KB, LCP ${Math.round(asLoaded)} ms`];
    for (let kb = 1; kb <= SMALLER_BY_KB && own - kb * 1024 > 1024; kb++) {
      const variant = withModuleBytes(gathered, modulePath, own - kb * 1024);
      try {
        const lcp = await lcpOf(variant);
        lines.push(`${kb} KB smaller (${((own - kb * 1024) / 1024).toFixed(1)} KB): LCP ${Math.round(lcp)} ms (${lcp - asLoaded <= 0 ? '' : '+'}${Math.round(lcp - asLoaded)})`);
      } finally {
        rmSync(variant, { recursive: true, force: true });
      }
    }
    return lines;
  } finally {
    rmSync(gathered, { recursive: true, force: true });
  }
}
