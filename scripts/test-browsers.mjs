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
const tests = (count) => `${count} test${count === 1 ? '' : 's'}`;
const playing = (readings) => (readings ? `readings ${readings}` : 'default readings');

async function runEngine(engine) {
  const readings = sameReadings ? '' : READINGS[engine];
  const report = join(reports, `${engine}.json`);
  console.log(`\n=== ${NAMES[engine]}: the browser suite, the mock playing the ${playing(readings)}\n`);
  const run = await runSuite({ env: environment(engine, readings, { NOT_RUNNABLE_REPORT: report }), args: passThrough });
  // Every engine's list: this engine's, and what the others will not run (test/engines.ts reports both).
  const lists = {};
  for (const test of existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : []) (lists[test.engine] ??= []).push(test);
  const passed = run.code === 0 && run.counts?.failed === 0 && run.counts?.skipped === 0;
  const line = `${run.summary ?? `${NAMES[engine]}: Tests: no summary (the runner exited ${run.code})`} (${playing(readings)}, ${minutes(run.seconds)})`;
  return { passed, line, failures: run.failures, readings, notRunnable: lists[NAMES[engine]] ?? [], lists };
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
  const passed = run.code === 0 && run.counts?.failed === 0 && run.counts?.skipped === 0 && run.counts.passed === notRunnable.length;
  const ran = run.counts ? `${run.counts.passed} passed, ${run.counts.failed} failed` : `no summary (the runner exited ${run.code})`;
  return { passed, line: `Chromium for the ${tests(notRunnable.length)} ${NAMES[engine]} cannot run: ${ran} (${playing(readings)}, ${minutes(run.seconds)})`, failures: run.failures };
}

const key = ({ file, title }) => `${file}\u0000${title}`;
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
