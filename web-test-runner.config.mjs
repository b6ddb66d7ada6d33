// Component and fetch-layer tests in real headless Chromium. The mock vendor backend runs on its
// own port (a different origin, as a real vendor is), and each test file opens its own world in it.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startMockServer } from './mock/server.ts';
import { chromeArgs, findChrome } from './scripts/find-chrome.mjs';

let mock;

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  // Lit's dev build warns once per file that it is in dev mode; keep its other warnings.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testsFinishTimeout: 300000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    {
      name: 'mock-vendor-backend',
      async serverStart() {
        mock = await startMockServer();
      },
      async serverStop() {
        await mock?.close();
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>window.__MOCK_ORIGIN__ = ${JSON.stringify(mock?.origin ?? '')};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs() } })],
};
