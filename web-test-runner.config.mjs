// Component and fetch-layer tests in real headless Chromium. The mock vendor backend runs on its
// own port (a different origin, as a real vendor is), and each test file opens its own world in it.
import { readFileSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { startMockServer } from './mock/server.ts';
import { freePort } from './scripts/free-port.mjs';
import { ENGINE_NAMES, inputInFront, pageOptions, puppeteerLaunchOptions, selectedEngines, webkitLauncher } from './scripts/engines.mjs';
import { takeNetworkViolations, watchNetwork } from './scripts/network-guard.mjs';
import { scannerAppServer } from './test/app/app-server.mjs';
import { secondPagePlugin } from './test/app/page-commands.mjs';
import { syncEventPlugin } from './test/sync-event-command.mjs';
import { embedPages } from './test/embed/embed-server.mjs';
import { hardeningSummary, hardeningTallyPlugin } from './test/hardening/summary.mjs';
import { wordpressPlugin } from './test/wordpress/wordpress-server.mjs';

export const BROWSER_TIME_ZONE = 'Asia/Tokyo';
let mock;
// The installable scanner at /scanner/ of the test server (built on first use), talking to the mock.
const scannerApp = scannerAppServer(() => mock.origin);
// The built library, the framework examples and the hostile host pages (strict CSP as a header).
const embed = embedPages(() => mock.origin);

/**
 * Tests an engine cannot run because it lacks what they need (test/engines.ts), with the reasons:
 * reported by every engine for every engine, so a Chromium run also knows what the others will not run.
 */
const notRunnable = [];
/** A session's test file, from the project's root (as test/engines.ts and the scripts name it). */
const fileOf = (session) => session.testFile.replace(`${process.cwd()}/`, '');
/** An error's first line, short enough for a summary. */
const firstLine = (message) => String(message ?? 'no message').split('\n')[0].slice(0, 300);

function notRunnablePlugin() {
  return {
    name: 'not-runnable',
    executeCommand({ command, payload, session }) {
      if (command !== 'not-runnable') return undefined;
      const entry = { engine: ENGINE_NAMES[payload.engine], file: fileOf(session), title: payload.title, reason: payload.reason };
      const known = notRunnable.some((n) => n.engine === entry.engine && n.file === entry.file && n.title === entry.title);
      if (!known) notRunnable.push(entry);
      return true;
    },
  };
}

/**
 * ONLY_TESTS (a JSON file of `{ title }`, as NOT_RUNNABLE_REPORT writes them): the page learns the
 * full titles (`describe › it`) and test/engines.ts runs only those.
 */
function onlyTests() {
  if (!process.env.ONLY_TESTS) return undefined;
  return JSON.parse(readFileSync(process.env.ONLY_TESTS, 'utf8')).map(({ title }) => title);
}

/**
 * The run's closing lines: the tests an engine could not run, each named with its reason, then one
 * plain line per engine, `Chromium: Tests: N passed, N failed, N skipped, N not runnable here`, for
 * people and CI logs alike.
 */
function summaryLine() {
  /** A session's tests, each with its full title (`suite › test`, as test/engines.ts picks them). */
  function* testsIn(suite, path = []) {
    for (const test of suite?.tests ?? []) yield { test, title: [...path, test.name].join(' › ') };
    for (const child of suite?.suites ?? []) yield* testsIn(child, [...path, child.name]);
  }
  let byEngine;
  return {
    onTestRunFinished({ sessions }) {
      byEngine = new Map();
      // TEST_TITLES_REPORT: every test this run registered, by file (to compare what engines ran).
      if (process.env.TEST_TITLES_REPORT) {
        const titles = sessions.flatMap((session) =>
          [...testsIn(session.testResults)].map(({ test, title }) => ({ file: fileOf(session), title, passed: test.passed })),
        );
        writeFileSync(process.env.TEST_TITLES_REPORT, JSON.stringify(titles));
      }
      for (const session of sessions) {
        const name = session.browser.name;
        if (!byEngine.has(name)) byEngine.set(name, { passed: 0, failed: 0, skipped: 0, failures: [] });
        const totals = byEngine.get(name);
        const failedBefore = totals.failed;
        const file = fileOf(session);
        for (const { test, title } of testsIn(session.testResults)) {
          totals[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
          if (!test.skipped && !test.passed) totals.failures.push(`${file} › ${title}: ${firstLine(test.error?.message)}`);
        }
        // A file that failed outside its tests (did not load, or tried the network): one failure.
        if (!session.passed && totals.failed === failedBefore) {
          totals.failed++;
          totals.failures.push(`${file}: ${firstLine(session.errors?.[0]?.message ?? 'the file failed outside its tests (see above)')}`);
        }
      }
    },
    // Written as the process exits, after the progress bar's last frame, so they close the run
    // (the runner buffers console output while it draws).
    stop() {
      process.once('exit', () => {
        if (!byEngine) return;
        const lines = [''];
        for (const [engine, totals] of byEngine) {
          const missing = notRunnable.filter((n) => n.engine === engine);
          for (const n of missing) lines.push(`Not runnable in ${engine}: ${n.file} › ${n.title} — ${n.reason}`);
          // Named again next to the counts, so the last lines of a long run's log say what failed.
          for (const failure of totals.failures) lines.push(`Failed in ${engine}: ${failure}`);
          lines.push(`${engine}: Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${missing.length} not runnable here`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        // For scripts/test-browsers.mjs, which runs these tests in Chromium under this run's readings.
        if (process.env.NOT_RUNNABLE_REPORT) writeFileSync(process.env.NOT_RUNNABLE_REPORT, JSON.stringify(notRunnable));
      });
    },
  };
}

export default {
  // A free port, not 8000: a run never waits on another run or a dev server that holds it.
  port: await freePort(),
  // test/unit/ holds Node's unit tests of the core (npm run test:unit, mocha): not browser files.
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/unit/**'],
  nodeResolve: true,
  concurrency: Number(process.env.TEST_CONCURRENCY) || 2,
  // Firefox and WebKitGTK (software rendering) on a busy 2-core machine miss a timing now and then
  // (a camera frame, an axe pass): a failed test is run once more there, and fails if it fails again.
  // Chromium's runs are stable and get no second try.
  testFramework: {
    config: { timeout: 10000, retries: selectedEngines().every((engine) => engine === 'chromium') ? 0 : 1 },
  },
  browserStartTimeout: 60000,
  // Lit's dev build warns once per file that it is in dev mode; keep its other warnings.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryLine(), hardeningSummary()],
  middleware: [scannerApp.middleware, embed.middleware],
  plugins: [
    secondPagePlugin(),
    notRunnablePlugin(),
    syncEventPlugin(), // a real Background Sync event through the DevTools protocol (sw.test.ts)
    wordpressPlugin(() => mock.origin), // a real WordPress, started by the first test that asks for it
    hardeningTallyPlugin(),
    scannerApp.plugin,
    {
      // Workbox's modules read process.env.NODE_ENV, which a bundler replaces: served unbundled
      // (sw.ts in its tests) they get the production value.
      name: 'workbox-node-env',
      transform(context) {
        if (context.path.includes('/node_modules/workbox-') && typeof context.body === 'string') {
          return { body: context.body.replaceAll('process.env.NODE_ENV', '"production"') };
        }
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    {
      name: 'mock-vendor-backend',
      async serverStart() {
        mock = await startMockServer();
      },
      async serverStop() {
        await Promise.all([mock?.close(), scannerApp.stop(), embed.stop()]);
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>window.__MOCK_ORIGIN__ = ${JSON.stringify(mock?.origin ?? '')}; window.__ONLY_TESTS__ = ${JSON.stringify(onlyTests() ?? null)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  // The browser runs in Tokyo: every venue-time assertion then proves itself against a zone far
  // from the venue's (America/New_York, America/Los_Angeles in the mock and tests).
  browsers: selectedEngines().map((engine) =>
    engine === 'webkit'
      ? webkitLauncher({ timeZone: BROWSER_TIME_ZONE })
      : freshContextPerFile(
          (engine === 'firefox' ? inputInFront : (launcher) => launcher)(chromeLauncher({
            puppeteer: puppeteerCore,
            launchOptions: puppeteerLaunchOptions(engine, BROWSER_TIME_ZONE),
            // A browser context per test page: files run side by side, and IndexedDB, service workers
            // and Web Locks are per origin (the scanner's database must not be shared between files).
            // Firefox opens a page as a tab of one window, and a tab in the background gets no video
            // frames, throttled timers and no keyboard focus: each file gets a window of its own.
            createPage: async ({ browser }) => watchNetwork(await (await browser.createBrowserContext()).newPage(pageOptions(engine))),
          })),
        ),
  ),
};

/**
 * The runner keeps a finished file's page for the next file, so storage (localStorage, IndexedDB,
 * caches, service workers) would carry over from one file to another. Closing the page's context
 * after each file gives every file a browser of its own. (Reaches into the launcher's page pool:
 * @web/test-runner-chrome 0.18 has no option for it.)
 */
function freshContextPerFile(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const page = launcher.activePages.get(sessionId);
    const result = await stopSession(sessionId);
    // A file that tried to reach beyond localhost fails, naming the addresses (scripts/network-guard.mjs).
    const violation = page ? takeNetworkViolations(page.puppeteerPage) : undefined;
    launcher.inactivePages = launcher.inactivePages.filter((p) => p !== page);
    await page?.puppeteerPage.browserContext().close().catch(() => undefined);
    if (violation) throw violation; // the runner marks the file failed with this error
    return result;
  };
  return launcher;
}
