/**
 * `<vista-member-login>` and `<vista-ticket-redemption>`: what each element's module costs a
 * page, minified, gzip -9 (bundle.ts).
 *
 * - with Lit: the module as a page with no other Lit element loads it;
 * - without Lit (goal ≤ 15 KB each): the same bundle with Lit left out (imported, not bundled),
 *   what the element adds to a page that has Lit already;
 * - the chunks fetched only when needed: the words of fr/nl/de/es, DOMPurify (a Vista message holding HTML);
 *   <vista-member-login>'s actions after its first paint (fetched when it connects), workstation mode's fields.
 *
 * Run alone: `npx tsx bench/vista.ts`.
 */
import { pathToFileURL } from 'node:url';
import { bundle, LIT_PACKAGES, SANITIZER_CHUNKS } from './bundle.js';

const ELEMENTS = ['vista-member-login', 'vista-ticket-redemption'] as const;
const GOAL_KB = 15;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2).padStart(6)} KB`;

export async function benchVista(): Promise<void> {
  const elements = await Promise.all(
    ELEMENTS.map(async (tag) => {
      const entry = `src/components/${tag}/index.ts`;
      return { built: await bundle({ entry }), without: (await bundle({ entry }, { external: LIT_PACKAGES })).entry.gzip };
    }),
  );
  console.log('Vista elements, minified, gzip -9');
  elements.forEach(({ built, without }, i) => {
    const withLit = built.entry.gzip;
    const late = (test: RegExp) => built.lazy.filter((f) => test.test(f.name)).reduce((sum, f) => sum + f.gzip, 0);
    console.log(
      `  ${ELEMENTS[i]!.padEnd(24)} without Lit ${kb(without)}   with Lit ${kb(withLit)}   goal ≤ ${GOAL_KB} KB without Lit: ${without <= GOAL_KB * 1024 ? 'met' : 'NOT met'}`,
    );
    console.log(`    + only when the page is in fr, nl, de or es ${kb(late(/i18n/))}   + only when a Vista text holds HTML and the browser has no sanitizer (Safari) ${kb(late(SANITIZER_CHUNKS))}`);
    // <vista-member-login>'s actions after its first paint (fetched when it connects) and workstation mode's fields.
    if (late(/member-actions|workstation/)) console.log(`    + fetched at connect: sign-in, refusals, details editor ${kb(late(/member-actions/))}   + only in workstation mode ${kb(late(/workstation/))}`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchVista();
