// Finds the browsers for the test runner and the benchmarks: an environment variable first, then the
// usual install paths. Browsers cannot be downloaded on our CI machines; .ci/run installs Debian's.
import { existsSync } from 'node:fs';

/** The first candidate path that exists; else an error that says how to get one. */
export function findExecutable(candidates, missing) {
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error(missing);
  return found;
}

export function findChrome() {
  return findExecutable(
    [
      process.env.CHROME_PATH,
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    'No Chrome or Chromium found. Set CHROME_PATH, or install one (Debian: apt-get install -y --no-install-recommends chromium).',
  );
}

/** Flags for a quiet headless browser on a machine with a closed network; --no-sandbox only as root. */
export function chromeArgs() {
  return [
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
