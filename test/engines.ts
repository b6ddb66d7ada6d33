/**
 * Which engine a test file runs in, and tests that need what an engine lacks. Such a test is not
 * skipped in silence: in an engine that lacks the feature it is not registered, and the runner's
 * closing lines name it with the reason (web-test-runner.config.mjs, `not-runnable`).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

const agent = navigator.userAgent;
/** The engine this page runs in (WebKitGTK's agent names neither Chrome nor Firefox). */
export const ENGINE: Engine = /Firefox\//.test(agent) ? 'firefox' : /Chrome\//.test(agent) ? 'chromium' : 'webkit';

const reporting: Array<Promise<unknown>> = [];
// Registered as this module loads, so on the root suite: the file's session ends after every report arrived.
after(() => Promise.all(reporting));

// The titles of the suites being registered, so that a test is named by its full title
// (`suite › test`): two tests of one file may share their own title in different suites. This module
// is imported before a test file's body registers its tests.
const suitePath: string[] = [];
const registerSuite = globalThis.describe;
const describeInPath = ((title: string, body: (this: Mocha.Suite) => void) =>
  registerSuite(title, function (this: Mocha.Suite) {
    suitePath.push(title);
    try {
      return body.call(this);
    } finally {
      suitePath.pop();
    }
  })) as Mocha.SuiteFunction;
globalThis.describe = Object.assign(describeInPath, registerSuite);
const fullTitle = (title: string) => [...suitePath, title].join(' › ');

// Chromium standing in for an engine that could not run some tests (scripts/test-browsers.mjs): only
// those are registered (the file's others ran in that engine), so suites left without a test run no
// hooks either.
const only = (window as { __ONLY_TESTS__?: string[] | null }).__ONLY_TESTS__;
if (only) {
  const register = globalThis.it;
  const standIn = ((title: string, test?: Mocha.Func) => (only.includes(fullTitle(title)) ? register(title, test) : undefined)) as Mocha.TestFunction;
  globalThis.it = Object.assign(standIn, register);
}

/** What a test needs, and why each engine that lacks it cannot run it. */
export type Lacking = Partial<Record<Engine, string>>;

/**
 * `it`, in the engines that have what the test needs. Elsewhere the test is reported as not
 * runnable there, by its title, with the reason.
 */
export function itWhere(lacking: Lacking, title: string, test: Mocha.Func): void {
  reportLacking(lacking, [fullTitle(title)]);
  // While a describeWhere reads its titles, every test counts, whether this engine can run it or not.
  if (readingTitles || lacking[ENGINE] === undefined) it(title, test);
}

/**
 * `describe`, in the engines that have what its tests need. Elsewhere each of its tests is reported
 * as not runnable there, by its title, with the reason (its hooks do not run either).
 */
export function describeWhere(lacking: Lacking, title: string, suite: (this: Mocha.Suite) => void): void {
  reportLacking(lacking, testTitles(title, suite).map(fullTitle));
  if (lacking[ENGINE] === undefined) describe(title, suite);
}

/**
 * Tells the runner which engines cannot run these tests, and why: this engine's are named in its
 * closing lines; the others' let scripts/test-browsers.mjs know them before those engines run.
 */
function reportLacking(lacking: Lacking, titles: string[]): void {
  // An itWhere inside a describeWhere whose titles are being read: the describeWhere reports them.
  if (readingTitles) return;
  for (const [engine, reason] of Object.entries(lacking)) {
    for (const title of titles) reporting.push(executeServerCommand('not-runnable', { engine, title, reason }));
  }
}

let readingTitles = false;

/** The titles of a suite's tests (from its own title), read by running its body with mocha's functions set aside. */
function testTitles(title: string, suite: (this: Mocha.Suite) => void): string[] {
  const titles: string[] = [];
  const names = ['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach'] as const;
  const global = globalThis as unknown as Record<string, unknown>;
  const saved = names.map((name) => global[name]);
  const path: string[] = [title];
  global.describe = (inner: string, body: () => void) => {
    path.push(inner);
    body.call({} as Mocha.Suite);
    path.pop();
  };
  global.it = (test: string) => titles.push([...path, test].join(' › '));
  for (const hook of names.slice(2)) global[hook] = () => undefined;
  readingTitles = true;
  try {
    suite.call({ timeout: () => undefined, retries: () => undefined } as unknown as Mocha.Suite);
  } finally {
    readingTitles = false;
    names.forEach((name, i) => (global[name] = saved[i]));
  }
  return titles;
}

/** Tests that drive a second page of their own (test/app/second-page.ts): Puppeteer's, Chromium and Firefox. */
export const SECOND_PAGE: Lacking = {
  webkit:
    'it drives a second page (a window of its own, its keys, its network) through Puppeteer, which drives Chromium and Firefox; WebKitGTK is driven through WebDriver here, where switching to a second window hung the test page and a strict page’s Trusted Types refuse WebDriver’s scripts',
};

/** Tests of Vista's cookie sessions against the mock, which serves plain http on 127.0.0.1. */
export const SECURE_COOKIES_OVER_HTTP: Lacking = {
  webkit:
    'WebKitGTK keeps no `Secure` cookie set over plain http, and the mock Vista serves http on 127.0.0.1 (Chromium and Firefox count loopback as secure); real Vista is https',
};
