// The three browser engines the suite runs in, as this machine has them (Debian's packages, nothing
// downloaded): Chromium and Firefox ESR through Puppeteer (CDP; WebDriver BiDi for Firefox), WebKitGTK
// through WebKitWebDriver on a virtual X display. `BROWSERS=chromium,firefox` narrows a local run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome, findExecutable } from './find-chrome.mjs';
import { freePort } from './free-port.mjs';
import { LOOPBACK_ONLY_FLAG } from './network-guard.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
/** How the closing lines and the not-runnable lists name each engine. */
export const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** The engines this run uses: BROWSERS (comma-separated), else all three. Unknown names stop the run. */
export function selectedEngines(value = process.env.BROWSERS) {
  if (!value?.trim()) return [...ENGINES];
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`BROWSERS names ${unknown.join(', ')}: the engines are ${ENGINES.join(', ')}`);
  return [...new Set(names)];
}

export function findFirefox() {
  return findExecutable(
    [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    'No Firefox found. Set FIREFOX_PATH, or install one (Debian: apt-get install -y --no-install-recommends firefox-esr).',
  );
}

/**
 * Firefox preferences for the suite: a fake camera without a permission prompt, and no way off this
 * machine (every request but loopback goes to a proxy that is not there, the same closed network
 * Chromium gets from its host-resolver rule).
 */
export const FIREFOX_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, [::1]',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disableIPv6': true,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

/** Puppeteer launch options for Chromium or Firefox, in the browser time zone the suite asserts against. */
export function puppeteerLaunchOptions(engine, timeZone) {
  const env = { ...process.env, TZ: timeZone };
  if (engine === 'firefox') {
    return { browser: 'firefox', executablePath: findFirefox(), headless: true, extraPrefsFirefox: FIREFOX_PREFS, env };
  }
  // Chromium's fake camera (a moving test pattern), with no permission prompt: each engine's own fake device.
  const camera = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
  return { executablePath: findChrome(), headless: true, args: [...chromeArgs(), LOOPBACK_ONLY_FLAG, ...camera], env };
}

/**
 * How Puppeteer opens a page in this engine. Firefox puts a new page in a tab of the current window,
 * and a tab behind another gets no camera frames, throttled timers and no keyboard: test files run
 * side by side and second pages open during a test, so every Firefox page gets a window of its own.
 */
export function pageOptions(engine) {
  return engine === 'firefox' ? { type: 'window' } : undefined;
}

/**
 * Firefox delivers synthesized keys to the window in front only: a test file's keys (WTR's sendKeys,
 * sendMouse) would land in whichever window opened last, another file's or a second page. The page
 * the runner gives the commands is brought to the front before each.
 */
export function inputInFront(launcher) {
  const getPage = launcher.getPage.bind(launcher);
  const inFront = (page, device) =>
    new Proxy(device, {
      get(target, name) {
        const value = Reflect.get(target, name);
        if (typeof value !== 'function') return value;
        return async (...args) => {
          await page.bringToFront();
          return value.apply(target, args);
        };
      },
    });
  launcher.getPage = (sessionId) => {
    const page = getPage(sessionId);
    return new Proxy(page, {
      get(target, name) {
        if (name === 'keyboard' || name === 'mouse') return inFront(target, target[name]);
        const value = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return launcher;
}

function findWebKitDriver() {
  return findExecutable(
    [process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'],
    "No WebKitWebDriver found. Install Debian's webkit2gtk-driver (and xvfb, gir1.2-webkit2-4.1).",
  );
}

const here = dirname(fileURLToPath(import.meta.url));
/** The small WebKitGTK browser the suite drives (scripts/webkit-browser.py): on-disk storage, so IndexedDB takes Blobs. */
export const WEBKIT_BROWSER = join(here, 'webkit-browser.py');
/** The name it reports to WebKitWebDriver, which `browserName` must match. */
export const WEBKIT_BROWSER_NAME = 'VenueWidgetsWebKit';

function waitForLine(stream, pattern, what, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs} ms: ${text.slice(-400)}`)), timeoutMs);
    stream.on('data', (chunk) => {
      text += String(chunk);
      const found = pattern.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
}

async function waitForStatus(url, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await fetch(url);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer ${url} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a virtual X display and WebKitWebDriver on a free loopback port; `stop()` ends both.
 * The browser it launches inherits TZ (the suite's browser time zone) and a profile folder of its own.
 */
export async function startWebKitDriver(timeZone) {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [, display] = await waitForLine(xvfb.stdout, /(\d+)\s*\n/, 'Xvfb');
  const port = await freePort();
  const profiles = mkdtempSync(join(tmpdir(), 'wtr-webkit-'));
  const driver = spawn(findWebKitDriver(), [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DISPLAY: `:${display}`, TZ: timeZone, WEBKIT_PROFILES: profiles },
  });
  await waitForStatus(`http://127.0.0.1:${port}/status`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    driver.kill('SIGTERM');
    xvfb.kill('SIGTERM');
    // A browser still closing may write into its folder meanwhile: what is left goes with the temp folder.
    try {
      rmSync(profiles, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // left in the system's temp folder
    }
  };
  process.once('exit', stop);
  return { port, display, stop };
}

/** WebDriver capabilities for the suite's WebKit browser. */
export function webkitCapabilities() {
  return {
    browserName: WEBKIT_BROWSER_NAME,
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER, args: ['--automation'] },
  };
}

/**
 * A web-test-runner launcher for WebKit that gives every test file a browser of its own (a new
 * WebDriver session: a new browser process with an empty profile), as the Chromium and Firefox
 * launchers give each file a fresh context: IndexedDB, service workers and caches must not carry
 * over from one file to the next. One WebKitWebDriver per concurrent file (it drives one session).
 */
export function webkitLauncher({ timeZone }) {
  const drivers = [];
  const free = [];
  const sessions = new Map();
  let config;
  const driverFor = async () => {
    if (free.length) return free.pop();
    const driver = await startWebKitDriver(timeZone);
    drivers.push(driver);
    return driver;
  };
  const sessionOf = (id) => {
    const session = sessions.get(id);
    if (!session) throw new Error(`WebKit: no session ${id}`);
    return session;
  };
  return {
    name: 'WebKit',
    type: 'webdriver',
    async initialize(runnerConfig) {
      config = runnerConfig;
    },
    async stop() {
      await Promise.all([...sessions.values()].map(({ client }) => client.deleteSession().catch(() => undefined)));
      sessions.clear();
      for (const driver of drivers) driver.stop();
    },
    async startSession(id, url) {
      const { remote } = await import('webdriverio');
      const driver = await driverFor();
      const client = await remote({ hostname: '127.0.0.1', port: driver.port, path: '/', logLevel: 'error', capabilities: webkitCapabilities() });
      sessions.set(id, { client, driver, url });
      await client.navigateTo(url);
    },
    isActive: (id) => sessions.has(id),
    getBrowserUrl: (id) => sessionOf(id).url,
    async stopSession(id) {
      const { client, driver } = sessionOf(id);
      sessions.delete(id);
      await client.deleteSession().catch(() => undefined);
      free.push(driver);
      return {};
    },
    performActions: (id, actions) => sessionOf(id).client.performActions(actions),
    sendKeys: (id, keys) => sessionOf(id).client.keys(keys),
    sendMouseMove: (id, x, y) => sessionOf(id).client.performActions([{ type: 'pointer', id: 'finger1', actions: [{ type: 'pointerMove', duration: 0, x, y }] }]),
    async takeScreenshot(id, locator) {
      const { client } = sessionOf(id);
      const element = await client.$(await client.execute(locator, [])).getElement();
      return Buffer.from(await client.takeElementScreenshot(element.elementId), 'base64');
    },
    get config() {
      return config;
    },
  };
}
