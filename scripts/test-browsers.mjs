// The browser suite in every engine (npm test, through npm run test:engines; npm run test:browser runs
// Chromium alone): web-test-runner once per engine, one after the other (two cores: engines side by
// side would time each other out), each engine's mock playing one set of the vendors' silences, so
// one run covers every engine and every reading:
//
//   Chromium  the default readings (the strictest each vendor document allows)
//   Firefox   all:1, every reading's second choice
//   WebKit    all:2, every reading's third choice (its last where it has fewer)
//
// A test an engine cannot run (test/engines.ts names it, with the reason) also runs in Chromium under
// that engine's readings, so no reading goes unplayed over it, after the engine's own run (the
// tests it named, and any the Chromium run named for it). Then one closing line per run, each
// followed by the tests that failed in it.
// BROWSERS narrows the engines (BROWSERS=firefox npm run test:engines); ENGINE_READINGS=defaults plays
// the default readings everywhere; other arguments go to web-test-runner
// (--files 'src/components/av-calendar/**/*.test.ts').
// `npm run test:readings` plays every reading set over the suite in Chromium alone.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_NAMES as NAMES, ENGINES, selectedEngines } from './engines.mjs';
import { minutes, runSuite } from './run-suite.mjs';

const READINGS = { chromium: '', firefox: 'all:1', webkit: 'all:2' };
const passThrough = process.argv.slice(2);
const sameReadings = process.env.ENGINE_READINGS === 'defaults';
const reports = mkdtempSync(join(tmpdir(), 'not-runnable-'));
process.once('exit', () => rmSync(reports, { recursive: true, force: true }));

function environment(engine, readings, extra) {
  const env = { ...process.env, BROWSERS: engine, ...extra };
  if (readings) env.MOCK_READINGS = readings;
  else delete env.MOCK_READINGS;
  return env;
}
const key = ({ file, title }) => `${file}\u0000${title}`;
/** A run that exited cleanly with no test failed or skipped. */
const clean = (run) => run.code === 0 && run.counts?.failed === 0 && run.counts?.skipped === 0;
/** What a run's tests did, for a closing line. */
const ran = (run) => (run.counts ? `${run.counts.passed} passed, ${run.counts.failed} failed, ${run.counts.skipped} skipped` : `no summary (the runner exited ${run.code})`);
const tests = (count) => `${count} test${count === 1 ? '' : 's'}`;
const playing = (readings) => (readings ? `readings ${readings}` : 'default readings');

/** A file whose page stopped answering, as the closing lines name it (web-test-runner's "did not finish"). */
const UNFINISHED = /^Failed in \w+: (\S+\.test\.ts): Browser tests did not finish within/;

async function runEngine(engine) {
  const readings = sameReadings ? '' : READINGS[engine];
  const report = join(reports, `${engine}.json`);
  console.log(`\n=== ${NAMES[engine]}: the browser suite, the mock playing the ${playing(readings)}\n`);
  const run = await runSuite({ env: environment(engine, readings, { NOT_RUNNABLE_REPORT: report }), args: passThrough });
  let passed = clean(run);
  let line = `${run.summary ?? `${NAMES[engine]}: Tests: no summary (the runner exited ${run.code})`} (${playing(readings)}, ${minutes(run.seconds)})`;
  let failures = run.failures;
  const reportFiles = [report];
  // WebKitGTK's page now and then stops answering in the middle of a file (in 2 of 18 runs of the
  // suite on a clean clone: once the camera's file, once the barcode reader's, both of which run the
  // wasm reader in a worker and take 14–45 s there; never in 15 runs of the camera's file alone; the
  // web process then "didn't exit as expected"), and web-test-runner reports the file as not finished
  // after 5 minutes, without a test result. In Firefox and WebKit such a file runs once more, on its
  // own, and must pass whole. A test that failed does not (one more try for a test is
  // web-test-runner.config.mjs's), and Chromium, stable here, gets no second try.
  const unfinished = failures.map((failure) => UNFINISHED.exec(failure)?.[1]).filter(Boolean);
  if (!passed && engine !== 'chromium' && unfinished.length > 0 && unfinished.length === run.counts?.failed && run.counts.skipped === 0) {
    console.log(`\n=== ${NAMES[engine]}: ${unfinished.join(', ')} did not finish (its page stopped answering): once more, on its own\n`);
    const again = join(reports, `${engine}-again.json`);
    reportFiles.push(again);
    const rerun = await runSuite({ env: environment(engine, readings, { NOT_RUNNABLE_REPORT: again }), args: unfinished.flatMap((file) => ['--files', file]) });
    passed = clean(rerun);
    line += `; ${unfinished.join(', ')} did not finish, and on its own: ${ran(rerun)} (${minutes(rerun.seconds)})`;
    failures = rerun.failures;
  }
  // Every engine's list: this engine's, and what the others will not run (test/engines.ts reports both).
  const lists = {};
  const listed = new Set();
  for (const file of reportFiles) {
    for (const test of existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : []) {
      const id = `${test.engine}\u0000${key(test)}`;
      if (!listed.has(id)) (lists[test.engine] ??= []).push(test);
      listed.add(id);
    }
  }
  return { passed, line, failures, readings, notRunnable: lists[NAMES[engine]] ?? [], lists };
}

/** The tests an engine cannot run, in Chromium under that engine's readings: each must pass there. */
async function standIn(engine, notRunnable) {
  const readings = sameReadings ? '' : READINGS[engine];
  const list = join(reports, `${engine}-stand-in-${notRunnable.length}.json`);
  writeFileSync(list, JSON.stringify(notRunnable));
  const files = [...new Set(notRunnable.map(({ file }) => file))];
  console.log(`\n=== Chromium, the ${tests(notRunnable.length)} ${NAMES[engine]} cannot run, the mock playing the ${playing(readings)}\n`);
  const run = await runSuite({ env: environment('chromium', readings, { ONLY_TESTS: list }), args: files.flatMap((file) => ['--files', file]) });
  // Only those tests are registered (test/engines.ts), each picked by its full title.
  const passed = clean(run) && run.counts.passed === notRunnable.length;
  return { passed, line: `Chromium for the ${tests(notRunnable.length)} ${NAMES[engine]} cannot run: ${ran(run)} (${playing(readings)}, ${minutes(run.seconds)})`, failures: run.failures };
}

const engines = ENGINES.filter((name) => selectedEngines().includes(name));
const results = [];
let known = {}; // what each engine will not run, as the Chromium run reported it
for (const engine of engines) {
  if (engine === 'chromium') {
    const result = await runEngine(engine);
    results.push(result);
    known = result.lists;
    continue;
  }
  // Then Chromium stands in for what it cannot run: the tests the engine named, and any the Chromium
  // run named for it that the engine did not (none, when the lists agree). After the engine's run,
  // not beside it: on 2 cores side by side was slower in all (17 min 47 s against 17 min 10 s for
  // both engines with their stand-ins) and timed WebKit's tests out.
  const result = await runEngine(engine);
  results.push(result);
  const named = new Set(result.notRunnable.map(key));
  const standIns = [...result.notRunnable, ...(known[NAMES[engine]] ?? []).filter((test) => !named.has(key(test)))];
  if (standIns.length) results.push(await standIn(engine, standIns));
}

console.log('');
// Each run's line, then the tests that failed in it: the last lines of a long log say what failed.
for (const { line, failures } of results) for (const text of [line, ...failures]) console.log(text);
process.exit(results.every(({ passed }) => passed) ? 0 : 1);
