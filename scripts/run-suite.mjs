// One web-test-runner run of the browser suite, as the suite scripts start it (test-browsers.mjs,
// test-readings.mjs): its output passed through, its closing line found, its time taken.
import { spawn } from 'node:child_process';

/** The runner's closing line per engine (web-test-runner.config.mjs, `summaryLine`). */
const CLOSING = /(\w+): Tests: (\d+) passed, (\d+) failed, (\d+) skipped, (\d+) not runnable here/;
/** The failed tests it names just before that line. */
const FAILED = /^Failed in \w+: .*$/gm;

/**
 * Runs web-test-runner with `args` in `env`; resolves with its exit code, its closing line and the
 * counts in it (undefined when it printed none: it did not finish), the failed tests it named, and
 * the seconds it took.
 */
export function runSuite({ env, args = [] }) {
  return new Promise((resolve) => {
    const started = Date.now();
    let tail = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + String(chunk)).slice(-64000);
    });
    child.on('close', (code) => {
      const found = CLOSING.exec(tail);
      const counts = found && { passed: Number(found[2]), failed: Number(found[3]), skipped: Number(found[4]), notRunnable: Number(found[5]) };
      resolve({ code, summary: found?.[0], counts, failures: tail.match(FAILED) ?? [], seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

/** `7 min 27 s` */
export const minutes = (seconds) => `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
