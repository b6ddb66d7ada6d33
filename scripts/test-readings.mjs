// The browser suite under the mock's other readings of the vendors' silences (issue 14): once per
// reading set, each run's mock backend playing it for every world that does not choose its own
// (MOCK_READINGS, see mock/core.ts and docs/vendor-readings.md). The default readings are what
// `npm run test:browser` plays. Prints one closing line per reading set; fails if any set failed.
//
//   npm run test:readings                      every alternative reading set, the whole suite
//   npm run test:readings -- --vendor-tests    only the test files that talk to a vendor mock (CI)
//   npm run test:readings -- --readings all:2 --files 'src/components/utick-*/**/*.test.ts'
//
// Run with tsx (it reads the mock's declared readings from mock/server.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createVendorBackend, vendorModules } from '../mock/server.ts';
import { minutes, runSuite } from './run-suite.mjs';

const args = process.argv.slice(2);
const valuesOf = (flag) => args.flatMap((arg, i) => (arg === flag && args[i + 1] ? [args[i + 1]] : []));

// `all:N` plays every reading's N-th choice (its last where it has fewer): all:1 … all:(most choices − 1)
// between them play every choice of every reading at least once.
const mostChoices = Math.max(...vendorModules.flatMap((m) => Object.values(m.readings ?? {}).map((r) => r.choices.length)));
const readingSets = valuesOf('--readings');
if (!readingSets.length) for (let n = 1; n < mostChoices; n++) readingSets.push(`all:${n}`);

/**
 * The test files whose pages talk to a vendor mock: the file, or a test helper or harness it
 * imports (test/**, *.harness.ts, followed through their own imports), opens a mock world or uses
 * the mock's origin (the scanner app, embeds and WordPress pages are served against it). Unit
 * tests of formatting, parsing and the build are left out: no reading can change what they see.
 */
const TALKS_TO_MOCK = /openMockWorld|__MOCK_ORIGIN__/;
const IMPORTS = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;
function talksToMock(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (TALKS_TO_MOCK.test(text)) return true;
  for (const [, specifier] of text.matchAll(IMPORTS)) {
    const target = join(dirname(file), specifier).replace(/\.js$/, '.ts');
    const helper = target.startsWith('test/') || target.endsWith('.harness.ts');
    if (helper && existsSync(target) && talksToMock(target, seen)) return true;
  }
  return false;
}
function vendorTestFiles() {
  // The runner's own files: src/**/*.test.ts and test/**/*.test.ts but test/unit/ (web-test-runner.config.mjs).
  const testFiles = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? testFiles(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
    );
  return ['src', 'test'].flatMap(testFiles).sort().filter((file) => !file.startsWith('test/unit/') && talksToMock(file));
}

let files = valuesOf('--files');
if (args.includes('--vendor-tests')) files = vendorTestFiles();
if (args.includes('--list')) {
  for (const file of files) console.log(file);
  process.exit(0);
}

/** What the backend plays under a reading set: the same code the runner's mock runs, with the same variable. */
function playedReadings(value) {
  const before = process.env.MOCK_READINGS;
  process.env.MOCK_READINGS = value;
  try {
    const world = createVendorBackend().world();
    return vendorModules.flatMap((m) => Object.keys(m.readings ?? {})).map((name) => `${name}=${world.reading(name)}`);
  } finally {
    if (before === undefined) delete process.env.MOCK_READINGS;
    else process.env.MOCK_READINGS = before;
  }
}

const closing = [];
for (const readings of readingSets) {
  const played = playedReadings(readings);
  console.log(`\n=== MOCK_READINGS=${readings}: ${files.length ? `${files.length} test files` : 'the whole browser suite'}; the mock plays ${played.join(', ')}\n`);
  // Chromium unless BROWSERS says otherwise.
  const env = { ...process.env, MOCK_READINGS: readings, BROWSERS: process.env.BROWSERS || 'chromium' };
  const { code, summary, counts, seconds } = await runSuite({ env, args: files.flatMap((file) => ['--files', file]) });
  const ok = code === 0 && counts?.failed === 0;
  closing.push({ ok, line: `Readings ${readings}: ${summary ?? `Tests: no summary (runner exited ${code})`} in ${minutes(seconds)}` });
}
console.log('');
for (const { line } of closing) console.log(line);
process.exit(closing.every((c) => c.ok) ? 0 : 1);
