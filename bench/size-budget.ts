/**
 * The size budget of issue 17: no element may grow by more than 0.3 KB gzip across the split into
 * controllers and views. Each element's entry (`src/components/<tag>/index.ts`) is bundled the
 * way the other benches weigh it (bundle.ts: esbuild, minified, Lit literals minified, gzip -9;
 * what the entry imports statically counted in it, dynamic imports apart) in two trees:
 *
 * - before: a git worktree of `SIZE_BUDGET_BEFORE` (default `8bb3119^`, the commit before the
 *   split began), made once in the system's temp folder; its node_modules a link to ours, so no
 *   install is needed (the entry's sources come from that tree, the packages from ours, so only
 *   our code differs);
 * - after: this tree.
 *
 * Printed per element: first load with Lit (what a page with no other Lit element fetches at
 * once), first load without Lit (what it adds to a page that has Lit), and the late chunks apart;
 * before, after and the difference in bytes of gzip, and whether the raw difference is within the
 * budget (it includes features that landed meanwhile: `--by-commit <tag>` separates them, and sums
 * the split's own bytes: every commit not in NOT_THE_SPLIT, marked `*`).
 * `npx tsx bench/size-budget.ts` runs it alone; `npm run bench` runs it too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, LIT_PACKAGES } from './bundle.js';

export const BUDGET_BYTES = 300;
const root = resolve(import.meta.dirname, '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** A worktree of `ref` (made once, reused while it exists) that shares our node_modules. */
function beforeTree(ref: string): { dir: string; commit: string } {
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(tmpdir(), `venue-widgets-before-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'src'))) {
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', dir, commit);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { dir, commit };
}

interface Weight {
  withLit: number;
  withoutLit: number;
  late: number;
}

async function weigh(tree: string, tag: string, external: string[] = []): Promise<Weight | undefined> {
  const entry = join(tree, 'src/components', tag, 'index.ts');
  if (!existsSync(entry)) return undefined;
  const [withLit, withoutLit] = await Promise.all([bundle({ entry }, { external }), bundle({ entry }, { external: [...LIT_PACKAGES, ...external] })]);
  return { withLit: withLit.entry.gzip, withoutLit: withoutLit.entry.gzip, late: withLit.lazy.reduce((sum, f) => sum + f.gzip, 0) };
}

export interface BudgetRow {
  tag: string;
  before?: Weight;
  after: Weight;
}

/** The commit before the split began (8bb3119, "One element base"). */
export const BEFORE = process.env.SIZE_BUDGET_BEFORE ?? '8bb3119^';

/**
 * Where an element's "before" is another commit. The scanner's files were moved into app/, camera/,
 * controllers/ and offline/ by c02196e (a dependency commit that took the staged moves along) while
 * ticket-scanner.ts still imported them from the folder's top, so the scanner does not build at
 * 8bb3119^ or c02196e; its parent c02196e^ holds the same code (c02196e^..8bb3119^ only moved those
 * files and added a sanitizer test).
 */
const BEFORE_OF: Record<string, string> = process.env.SIZE_BUDGET_BEFORE ? {} : { 'ticket-scanner': 'c02196e^' };

/**
 * Packages the before tree imports that we no longer install: left out of its bundle (imported,
 * not bundled). The scanner's decoder used barcode-detector (replaced by zxing-wasm since), in a
 * chunk loaded only when the camera opens, so its first load is weighed whole all the same.
 */
const GONE_PACKAGES = ['barcode-detector', 'barcode-detector/*'];

export async function measureSizeBudget(): Promise<{ commits: Record<string, string>; rows: BudgetRow[] }> {
  const tags = readdirSync(join(root, 'src/components')).filter((tag) => existsSync(join(root, 'src/components', tag, 'index.ts')));
  const commits: Record<string, string> = {};
  const rows: BudgetRow[] = [];
  // One element at a time: esbuild is quick, and the machine is shared.
  for (const tag of tags) {
    const { dir, commit } = beforeTree(BEFORE_OF[tag] ?? BEFORE);
    commits[tag] = commit;
    rows.push({ tag, before: await weigh(dir, tag, GONE_PACKAGES), after: (await weigh(root, tag))! });
  }
  return { commits, rows };
}

const signed = (bytes: number) => `${bytes > 0 ? '+' : ''}${bytes}`.padStart(6);
const cell = (before: number | undefined, after: number) => `${String(before ?? '—').padStart(6)} → ${String(after).padStart(6)} ${before === undefined ? '      ' : signed(after - before)}`;

/** Prints the table; returns the elements over budget. */
export async function benchSizeBudget(): Promise<string[]> {
  const { commits, rows } = await measureSizeBudget();
  const main = git('rev-parse', '--short=7', `${BEFORE}^{commit}`);
  console.log(`Size budget (issue 17): each element's first load, before (${BEFORE} = ${main}) → after (this tree), bytes gzip -9; budget +${BUDGET_BYTES} B`);
  console.log(`  ${'element'.padEnd(24)} ${'with Lit'.padEnd(22)} ${'without Lit'.padEnd(22)} ${'late chunks (all)'.padEnd(22)} raw delta ≤ +${BUDGET_BYTES}`);
  const over: string[] = [];
  for (const { tag, before, after } of rows) {
    const grew = before ? Math.max(after.withLit - before.withLit, after.withoutLit - before.withoutLit) : 0;
    if (grew > BUDGET_BYTES) over.push(tag);
    // 'over' only says the raw delta is past the budget; --by-commit tells whose bytes they are.
    console.log(
      `  ${tag.padEnd(24)} ${cell(before?.withLit, after.withLit)}   ${cell(before?.withoutLit, after.withoutLit)}   ${cell(before?.late, after.late)}   ${before ? (grew > BUDGET_BYTES ? 'over' : 'ok') : 'new'}` +
        (commits[tag]!.startsWith(main) ? '' : `   (before = ${commits[tag]!.slice(0, 7)})`),
    );
  }
  console.log('  The raw deltas include features that landed between the split\'s commits: `npx tsx bench/size-budget.ts --by-commit <tag>`');
  console.log('  weighs an element at each commit since, to tell the split\'s own bytes apart (README, "The split\'s size budget").');
  return over;
}

/**
 * Commits since before that are not the split (issue 17), by the issue or feature they belong to:
 * `--by-commit` counts their bytes apart, and what is left is the split's own (the budget's).
 * Every other commit that touched an element's code since before is the split's.
 */
export const NOT_THE_SPLIT: Record<string, string> = {
  ab84772: 'AudienceView under every reading (issue 14)',
  ce9e446: 'skeletons of the final size',
  '03d10b7': 'an inactive AudienceView client',
  e756082: 'the series list\'s first logo at high priority',
  '8eb5ffc': 'series dates under both readings (issue 14)',
  '8f89e26': 'scanner exactly-once readings (issue 14)',
  '78bcce5': 'Utick under the strictest reading (issue 14)',
  e8fe4f1: 'scanner performanceStart readings (issue 14)',
  beeb983: 'Vista under the strictest readings (issue 14)',
  '710a5fa': 'Vista\'s who-is-signed-in fallback',
  d60c652: 'patron pages on a phone (issue 20)',
  '0a3cb87': 'audienceview.js in one module (issue 20)',
  '2c3368f': 'content-visibility taken out (issue 20)',
  c8f9392: 'the calendar waits for DOMPurify before a month with markup',
  e8f7cc3: 'which performances a patron may see',
  '9b64761': 'venue time east of UTC',
  '1cdb0e9': 'scanner guns that send no Enter',
  af337a7: 'the scanner\'s door log',
  '8fe1bab': 'the door log\'s README and screenshots',
  '2bff9b7': 'the door log\'s entry type',
  a81f6ca: 'the ticket list\'s refresh cadence',
  '620652f': 'the scanner\'s refresh bench',
  c02193d: 'the camera reads the newest frame',
  '1953cbd': 'the camera\'s hard pass one frame in three',
  '94db6a1': 'no ticket-list refresh while hidden',
  '97c34be': 'the freshness line\'s weight',
  f35a4e8: 'engines and the scanner\'s eviction notice (issue 15)',
  '4f1e6a4': 'the suite in three engines (issue 15)',
  d56bbfe: 'the camera\'s in-view rule (issue 15, WebKit)',
};

/**
 * Where an element's bytes came from between before and now: the element weighed at every commit
 * since before that touched its code or what it imports (src/components/<tag>, src/shared,
 * src/api), in a second worktree, each against the last commit that built. Other features landed
 * between the split's commits; this tells their bytes from the split's. A commit whose tree did not
 * build (one helper's half-committed move) shows "—" and its bytes fall to the next that builds.
 */
export async function sizeByCommit(tag: string): Promise<void> {
  const before = BEFORE_OF[tag] ?? BEFORE;
  const commits = git('rev-list', '--reverse', `${before}..HEAD`, '--', `src/components/${tag}`, 'src/shared', 'src/api').split('\n').filter(Boolean);
  const dir = join(tmpdir(), 'venue-widgets-size-walk');
  if (!existsSync(join(dir, 'src'))) {
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', dir, `${before}^{commit}`);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const at = async (commit: string) => {
    execFileSync('git', ['checkout', '-q', '--force', '--detach', commit], { cwd: dir });
    return weigh(dir, tag, GONE_PACKAGES).catch(() => undefined);
  };
  const first = (await at(`${before}^{commit}`))!;
  let last = first;
  const others = { withLit: 0, withoutLit: 0 };
  console.log(`<${tag}> first load by commit since ${before}, bytes gzip -9 (with Lit, without Lit): ${last.withLit}, ${last.withoutLit}`);
  const row = (label: string, subject: string, w: Weight | undefined) => {
    const change = w ? `${signed(w.withLit - last.withLit)} ${signed(w.withoutLit - last.withoutLit)}` : `${'—'.padStart(6)} ${'—'.padStart(6)}`;
    const notTheSplit = Object.keys(NOT_THE_SPLIT).find((commit) => label.startsWith(commit));
    const mark = notTheSplit ? ' ' : '*';
    if (w && (w.withLit !== last.withLit || w.withoutLit !== last.withoutLit)) console.log(`${mark} ${label}  ${change}  ${subject.slice(0, 110)}`);
    else if (!w) console.log(`${mark} ${label}  ${change}  (does not build) ${subject.slice(0, 90)}`);
    if (w && notTheSplit) {
      others.withLit += w.withLit - last.withLit;
      others.withoutLit += w.withoutLit - last.withoutLit;
    }
    if (w) last = w;
  };
  for (const commit of commits) row(commit.slice(0, 7), git('log', '-1', '--format=%s', commit), await at(commit));
  row('tree   ', 'this working tree (uncommitted changes included)', await weigh(root, tag));
  const own = [last.withLit - first.withLit - others.withLit, last.withoutLit - first.withoutLit - others.withoutLit];
  console.log(
    `  raw ${signed(last.withLit - first.withLit)} / ${signed(last.withoutLit - first.withoutLit)} = other features (NOT_THE_SPLIT) ${signed(others.withLit)} / ${signed(others.withoutLit)}` +
      ` + the split's own (*) ${signed(own[0]!)} / ${signed(own[1]!)}: ${Math.max(...own) > BUDGET_BYTES ? 'over' : 'within'} the budget (+${BUDGET_BYTES})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--by-commit') {
  for (const tag of process.argv.slice(3)) await sizeByCommit(tag);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchSizeBudget();
}
