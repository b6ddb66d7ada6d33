// The proof that the hardening suite catches a missing sanitizer: the same runner, with
// `vendorHtml` made to pass vendor HTML through raw while it is served (nothing on disk changes).
//   [HARDENING_ONLY=av-series-list] npx tsx node_modules/@web/test-runner/dist/bin.js --config test/hardening/no-sanitizer.config.mjs
// It must FAIL (payloads run); `npm test` runs it through scripts/no-sanitizer-proof.ts, which checks why.
import config from '../../web-test-runner.config.mjs';

export default {
  ...config,
  files: ['test/hardening/hostile-data.test.ts'],
  testsFinishTimeout: 60000,
  // HARDENING_ONLY=av-series-list,… limits the attack to those elements; HARDENING_PAYLOADS=0-34 to those payloads.
  testRunnerHtml: (framework) =>
    config.testRunnerHtml(framework).replace('<script>', `<script>window.__HARDENING_ONLY__ = ${JSON.stringify(process.env.HARDENING_ONLY ?? '')}; window.__HARDENING_PAYLOADS__ = ${JSON.stringify(process.env.HARDENING_PAYLOADS ?? '')};`),
  plugins: [
    {
      name: 'remove-the-sanitizer',
      transform(context) {
        if (!process.env.KEEP_SANITIZER && context.path.endsWith('/src/shared/sanitize.ts') && typeof context.body === 'string') {
          const body = context.body.replace(
            'return cleanNodes(html!).hasChildNodes() ? vendorMarkup(html!) : nothing;',
            "{ const raw = document.createElement('template'); raw.innerHTML = html!; return raw.content; } // sanitizer removed for the proof",
          );
          if (body === context.body) throw new Error('no-sanitizer proof: vendorHtml no longer has the line to replace');
          return { body };
        }
      },
    },
    ...config.plugins,
  ],
};
