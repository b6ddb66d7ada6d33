/**
 * The layering, checked in `npm test` (`npm run lint:deps`):
 *   components → shared helpers → vendor clients in src/api → one request seam (src/api/request.ts)
 * plus: product code never imports the mock; a component reaches another only through its
 * index.ts; tests reach the mock only through test/mock.ts; no cycles, type-only imports included.
 * "Only src/api calls fetch" is a call, not an import: scripts/check-fetch.mjs checks it in the
 * same script.
 *
 * .dependency-cruiser-known-violations.json (`npx depcruise-baseline src test mock`) lists what
 * other owners' files broke when the check came in, so that only new violations fail: the lazy
 * message chunks typed by their loaders (a cycle through a dynamic import) in av-*, vista-*,
 * utick-* and src/shared/error-view; two av-* tests and the WordPress test helpers importing the
 * mock directly; a Vista test reaching into the other Vista element. Fixing one
 * means regenerating that file. <ticket-scanner> shows the fix for the first: the words' shape in
 * *.messages.types.ts, which both the catalog and its lazy chunk import.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules import each other in one direction only (type-only imports count: a cycle of types is a cycle of concerns).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-is-the-bottom-layer',
      severity: 'error',
      comment: 'The vendor clients (src/api) never import elements or the helpers above them.',
      from: { path: '^src/api/' },
      to: { path: '^src/(components|shared)/' },
    },
    {
      name: 'shared-never-imports-components',
      severity: 'error',
      comment: 'Shared helpers serve the elements; they never reach into one.',
      from: { path: '^src/shared/' },
      to: { path: '^src/components/' },
    },
    {
      name: 'product-never-imports-mock',
      severity: 'error',
      comment: 'The mock is an independent witness: no product module imports it.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^mock/' },
    },
    {
      name: 'no-other-components-internals',
      severity: 'error',
      comment: "A component uses another only through that component's index.ts.",
      from: { path: '^src/components/([^/]+)/' },
      to: { path: '^src/components/([^/]+)/', pathNot: ['^src/components/$1/', '^src/components/[^/]+/index\\.ts$'] },
    },
    {
      name: 'tests-reach-mock-through-one-entry',
      severity: 'error',
      comment:
        'Browser tests and their helpers reach the mock only through test/mock.ts (worlds, and the types and helpers re-exported there). ' +
        'test/proxy-runtimes runs the mock as a Node server of its own, outside the browser.',
      from: { path: ['\\.test\\.ts$', '^test/'], pathNot: ['^test/mock\\.ts$', '^test/proxy-runtimes/'] },
      to: { path: '^mock/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports are dependencies too (a type cycle is a cycle).
    tsPreCompilationDeps: true,
    // TypeScript 7 (the native compiler) has no JavaScript API for dependency-cruiser: swc parses
    // the sources as written, so `import type` counts like any import.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
