// The browser suite in every engine (npm run test:engines; npm test's test:browser runs it for Chromium
// alone, with BROWSERS=chromium): web-test-runner once per engine, one after
// the other (two cores: engines side by side would time each other out), each engine's mock playing
// one set of the vendors' silences, so one run covers every engine and every reading:
//
//   Chromium  the default readings (the strictest each vendor document allows)
//   Firefox   all:1, every reading's second choice
//   WebKit    all:2, every reading's third choice (its last where it has fewer)
//
// Then one closing line per engine. BROWSERS narrows the engines (BROWSERS=firefox npm run
// test:engines); ENGINE_READINGS=defaults plays the default readings everywhere; other arguments go to
// web-test-runner (--files 'src/components/av-calendar/**/*.test.ts').
// `npm run test:readings` plays every reading set over the suite in Chromium alone.
import { spawn } from 'node:child_process';
import { ENGINES, selectedEngines } from './engines.mjs';

const READINGS = { chromium: '', firefox: 'all:1', webkit: 'all:2' };
const NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
const passThrough = process.argv.slice(2);
const sameReadings = process.env.ENGINE_READINGS === 'defaults';

function run(engine) {
  const readings = sameReadings ? '' : READINGS[engine];
  const env = { ...process.env, BROWSERS: engine };
  if (readings) env.MOCK_READINGS = readings;
  else delete env.MOCK_READINGS;
  console.log(`\n=== ${NAMES[engine]}: the browser suite, the mock playing ${readings ? `the readings ${readings}` : 'the default readings'}\n`);
  return new Promise((resolve) => {
    const started = Date.now();
    let tail = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', ...passThrough], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + String(chunk)).slice(-8000);
    });
    child.on('close', (code) => {
      const summary = /\w+: Tests: \d+ passed, \d+ failed, \d+ skipped, \d+ not runnable here/.exec(tail)?.[0];
      const seconds = Math.round((Date.now() - started) / 1000);
      resolve({ engine, readings, code, summary, seconds });
    });
  });
}

const engines = selectedEngines();
const results = [];
for (const engine of ENGINES.filter((name) => engines.includes(name))) results.push(await run(engine));

console.log('');
for (const { engine, readings, code, summary, seconds } of results) {
  const played = readings ? `readings ${readings}` : 'default readings';
  console.log(`${summary ?? `${NAMES[engine]}: Tests: no summary (the runner exited ${code})`} (${played}, ${Math.floor(seconds / 60)} min ${seconds % 60} s)`);
}
const passed = results.every(({ code, summary }) => code === 0 && summary && /, 0 failed, 0 skipped/.test(summary));
process.exit(passed ? 0 : 1);
