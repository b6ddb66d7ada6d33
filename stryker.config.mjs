// Mutation testing (issue 16): StrykerJS over the modules whose faults cost a venue money or data,
// judged by the fast node-level unit tests in test/unit (mocha + tsx, fake-indexeddb, jsdom),
// not the browser suite (far too slow to run once per mutant on 2 cores).
//   npm run mutation                 every module, one Stryker run each, then per-module scores (scripts/mutation-summary.mjs --run)
//   npm run mutation:incremental     the same, only mutants whose code or tests changed since the last run
// Modules (the groups scripts/mutation-summary.mjs scores) are listed in test/unit/modules.mjs;
//   MUTATION_MODULE=fetch-seam npx stryker run    one module alone (reports/mutation/fetch-seam.json)
import { MODULES, MUTATED_FILES } from './test/unit/modules.mjs';

// MUTATION_MODULE=<a key of MODULES> mutates that module alone, with its own reports: the modules can be
// measured one by one (and re-measured incrementally) when the whole run does not fit a session.
const only = process.env.MUTATION_MODULE;
if (only && !MODULES[only]) throw new Error(`MUTATION_MODULE must be one of: ${Object.keys(MODULES).join(', ')}`);
const slug = only ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  mochaOptions: { config: 'test/unit/.mocharc.json' },
  // TypeScript runs through tsx, as in `npm run test:unit`; test files load as ES modules (not through
  // require(esm)), so they share one instance of each product module with the product's own imports.
  testRunnerNodeArgs: ['--import', 'tsx', '--no-experimental-require-module'],
  // Stryker rewrites tsconfig.json through TypeScript's JS API, which TypeScript 7 (native) lacks;
  // nothing here needs it (tsx reads the sandbox's copy as it is), so point it at no file.
  tsconfigFile: 'stryker-no-tsconfig-rewrite.json',
  mutate: only ? MODULES[only].files : MUTATED_FILES,
  coverageAnalysis: 'perTest',
  // Two cores, shared with whatever else the machine runs.
  concurrency: 2,
  // A mutant that leaves a promise unsettled fails its test at mocha's 3 s (test/unit/.mocharc.json),
  // cheaply; Stryker's own time limit (which restarts the test process) is for endless loops.
  timeoutMS: 4000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  htmlReporter: { fileName: `reports/mutation/${slug}.html` },
  incrementalFile: `reports/stryker-incremental-${slug}.json`,
  thresholds: { high: 90, low: 85, break: null },
  // The sandbox needs the sources, tests and configs only.
  ignorePatterns: ['dist', 'docs', 'demo', 'bench', 'tmp', 'integrations', 'examples', 'reports', 'custom-elements.json', 'test/**', '!test/unit/**', '!test/date-formats.ts', 'mock'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
