/**
 * The proof that the hardening suite catches a missing sanitizer, run by `npm test`: the hostile
 * data suite runs once more with `vendorHtml` passing vendor HTML through raw (see
 * test/hardening/no-sanitizer.config.mjs). It must fail, and fail because payloads ran — and only
 * payloads that run when raw HTML reaches a page (markup with an event-handler attribute: an
 * `<img>` whose load fails, an autofocused field; a frame whose `srcdoc` holds a script), never
 * text that merely looks like code (a template, an escaped tag) — not for some other reason. This
 * script passes when that is so.
 */
import { spawnSync } from 'node:child_process';
import { XSS_PAYLOADS } from '../test/hardening/payloads.js';

// Elements that show vendor HTML (AudienceView and Utick descriptions); one is enough to prove it, two to be sure.
const ELEMENTS = process.env.HARDENING_ONLY ?? 'av-series-list,utick-pack-list';
// Markup that can run once it is in a document unsanitized: an element with an event-handler attribute, or a frame
// whose `srcdoc` document holds a script (it runs once the frame has loaded, so only when the check comes later).
const runsAsRawHtml = (payload: string) => /<[a-z][^>]*\son[a-z]+\s*=/i.test(payload) || /<iframe\b[^>]*\ssrcdoc\s*=\s*["'][^"']*<script/i.test(payload);

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'test/hardening/no-sanitizer.config.mjs'],
  { env: { ...process.env, HARDENING_ONLY: ELEMENTS, BROWSERS: process.env.BROWSERS || 'chromium' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const output = `${run.stdout}\n${run.stderr}`;
const ran = new Set<number>();
for (const match of output.matchAll(/payloads that ran \(offset \d+\) \[([^\]]*)\]/g)) {
  for (const n of match[1]!.split(',')) if (n.trim()) ran.add(Number(n.trim()));
}
// What a missing sanitizer may also cause: markup injected, probes fetched, and the mock's honest
// Utick data (whose description holds an alert, as real vendor HTML might) running.
const otherFailures = [...output.matchAll(/AssertionError: ([^\n]+)/g)]
  .map((m) => m[1]!)
  .filter((line) => !/payloads that ran|requests to foreign origins|injected markup|uncaught exceptions|dialogs, navigations and CSP violations/.test(line));

const problems: string[] = [];
if (run.status === 0) problems.push('the suite passed without the sanitizer: it no longer catches a missing sanitizer');
if (ran.size === 0) problems.push('no failure said which payloads ran');
const unexpected = [...ran].filter((index) => !runsAsRawHtml(XSS_PAYLOADS[index] ?? ''));
if (unexpected.length) problems.push(`payloads ${unexpected.join(', ')} ran, which no raw HTML runs (${unexpected.map((i) => XSS_PAYLOADS[i]).join(' | ')}): something else executes vendor text`);
if (otherFailures.length) problems.push(`it also failed for other reasons:\n  ${otherFailures.slice(0, 5).join('\n  ')}`);

if (problems.length) {
  console.log(output.slice(-4000));
  console.error(`No-sanitizer proof FAILED (${ELEMENTS}):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`No-sanitizer proof (${ELEMENTS}): with vendor HTML passed through raw the hardening suite fails, and for the expected reason: payloads ${[...ran].sort((a, b) => a - b).join(', ')} ran.`);
