#!/usr/bin/env node
// Scores each module of the mutation run (test/unit/modules.mjs) from Stryker's JSON reports and
// lists every mutant still alive, with its place, the code it changed and how it was judged.
// "score" = (killed + timed out + killed by a browser test) / (every valid mutant − equivalent ones);
// "Stryker's score" = (killed + timed out) / every valid mutant, as Stryker prints it.
//   node scripts/mutation-summary.mjs [report.json …] [--goal 85]   exits 1 when a module's score is below the goal or a survivor is not judged
//   node scripts/mutation-summary.mjs --run [--incremental]          runs Stryker module by module first
// With several reports, each file is scored from the newest report that holds it. Default: the
// modules' reports (reports/mutation/<id>.json).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import { MODULES } from '../test/unit/modules.mjs';

const args = process.argv.slice(2);
const goalAt = args.indexOf('--goal');
const goal = goalAt >= 0 ? Number(args.splice(goalAt, 2)[1]) : 85;
const flag = (name) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const run = flag('--run');
const incremental = flag('--incremental');
if (run) {
  // `npm run mutation`: each module in its own Stryker run (its own report and incremental file), one
  // after the other, timed; then the table below over their reports.
  for (const id of Object.keys(MODULES)) {
    const started = Date.now();
    const result = spawnSync('npx', ['stryker', 'run', ...(incremental ? ['--incremental'] : [])], { stdio: 'inherit', env: { ...process.env, MUTATION_MODULE: id } });
    if (result.status !== 0) process.exit(result.status ?? 1);
    console.log(`mutation: ${id} took ${((Date.now() - started) / 60_000).toFixed(1)} min (load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  }
  args.push(...Object.keys(MODULES).map((id) => `reports/mutation/${id}.json`));
}
const reportPaths = args.length ? args : Object.keys(MODULES).map((id) => `reports/mutation/${id}.json`).filter((path) => existsSync(path));
const reports = reportPaths.map((path) => ({ path, mtime: statSync(path).mtimeMs, report: JSON.parse(readFileSync(path, 'utf8')) })).sort((a, b) => a.mtime - b.mtime);
const byFile = new Map();
for (const { report } of reports) for (const [path, file] of Object.entries(report.files)) byFile.set(relative(process.cwd(), resolve(path)), file);

// Every mutant Stryker leaves alive is judged one by one, with the reason written down:
// - test/unit/equivalent-mutants.json: `reason` — no behaviour a user or caller could notice changes;
//   left out of the score (neither for nor against).
// - test/unit/mutants-beyond-node.json: faults a user could notice that the node unit tests cannot
//   reach (IndexedDB durability, the built worker's precache, a failed dynamic import, …):
//   `killedBy` — a browser test seen to fail with the mutant applied by hand: counted as killed;
//   `notKilled` — nothing catches it (why, and what would): counted against the score.
// A survivor in neither file is "unexplained" and counts against the score; the run fails while any is left.
// An entry is found by file, line and column (`at`), mutator, replacement and the code it replaced (`original`); if a file's lines moved since, by the
// same file, mutator, original code and replacement (`original`), when that is unique.
const readJudged = (name) => JSON.parse(readFileSync(new URL(`../test/unit/${name}`, import.meta.url), 'utf8'));
const judged = [...readJudged('equivalent-mutants.json').map((e) => ({ ...e, kind: 'equivalent' })), ...readJudged('mutants-beyond-node.json').map((e) => ({ ...e, kind: e.killedBy ? 'killedElsewhere' : 'notKilled' }))];
const byPlace = new Map(judged.map((e) => [`${e.at} ${e.mutator} ${e.replacement}${e.original === undefined ? '' : `\u0000${e.original}`}`, e]));
const textKey = (path, mutator, original, replacement) => `${path}\u0000${mutator}\u0000${original}\u0000${replacement}`;
const byText = new Map();
for (const e of judged) {
  if (e.original === undefined) continue;
  const key = textKey(e.at.split(':')[0], e.mutator, e.original, e.replacement);
  byText.set(key, byText.has(key) ? null : e);
}
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const files = [...byFile];
const moduleOf = (path) => Object.entries(MODULES).find(([, module]) => module.files.includes(path))?.[1].title;
/** The code a mutant replaced, from the report's copy of the source. */
function originalOf(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

const rows = new Map(Object.values(MODULES).map(({ title }) => [title, { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, killedElsewhere: 0, notKilled: 0, unexplained: 0, files: 0 }]));
const listed = { unexplained: [], notKilled: [], killedElsewhere: [], equivalent: [] };
const used = new Set();
for (const [path, file] of files) {
  const name = moduleOf(path);
  if (!name) continue;
  const row = rows.get(name);
  row.files++;
  for (const mutant of file.mutants) {
    if (mutant.status === 'Killed') row.killed++;
    else if (mutant.status === 'Timeout') row.timeout++;
    else if (mutant.status === 'Survived') row.survived++;
    else if (mutant.status === 'NoCoverage') row.noCoverage++;
    if (!UNDETECTED.has(mutant.status)) continue;
    const { line, column } = mutant.location.start;
    const original = originalOf(file.source, mutant.location);
    const at = `${path}:${line}:${column} ${mutant.mutatorName} ${mutant.replacement ?? ''}`;
    const entry = byPlace.get(`${at}\u0000${original}`) ?? byPlace.get(at) ?? byText.get(textKey(path, mutant.mutatorName, original, mutant.replacement ?? '')) ?? undefined;
    const kind = entry?.kind ?? 'unexplained';
    if (entry) used.add(entry);
    row[kind]++;
    listed[kind].push({ name, path, mutant, original, entry });
  }
}

const pct = (n) => (Number.isFinite(n) ? `${n.toFixed(1)}%` : 'n/a');
let failing = 0;
console.log(`| module | score | Stryker's score | mutants | killed | timeout | killed in a browser test | equivalent | not killed | unexplained |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const [name, row] of rows) {
  if (!row.files) continue;
  const mutants = row.killed + row.timeout + row.survived + row.noCoverage;
  const raw = (100 * (row.killed + row.timeout)) / mutants;
  const score = (100 * (row.killed + row.timeout + row.killedElsewhere)) / (mutants - row.equivalent);
  if (!(score >= goal) || row.unexplained) failing++;
  console.log(`| ${name} | ${pct(score)} | ${pct(raw)} | ${mutants} | ${row.killed} | ${row.timeout} | ${row.killedElsewhere} | ${row.equivalent} | ${row.notKilled} | ${row.unexplained} |`);
}
const skipped = [...rows].filter(([, row]) => !row.files).map(([name]) => name);
if (skipped.length) console.log(`\n(not in this report: ${skipped.join('; ')})`);

const place = ({ path, mutant }) => `${path}:${mutant.location.start.line}:${mutant.location.start.column}`;
const change = ({ mutant, original }) => `${original.replace(/\s+/g, ' ').slice(0, 60)} → ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}`;
const sorted = (list) => list.sort((a, b) => a.path.localeCompare(b.path) || a.mutant.location.start.line - b.mutant.location.start.line || a.mutant.location.start.column - b.mutant.location.start.column);
const sections = [
  ['unexplained', 'survivor(s) not yet judged (kill them, or add them to test/unit/equivalent-mutants.json or mutants-beyond-node.json)', () => ''],
  ['notKilled', 'mutant(s) a user could notice that nothing kills (test/unit/mutants-beyond-node.json, counted against the score)', (e) => ` — ${e.notKilled}`],
  ['killedElsewhere', 'mutant(s) the node tests cannot reach, killed by a browser test (test/unit/mutants-beyond-node.json)', (e) => ` — killed by ${e.killedBy}`],
  ['equivalent', 'equivalent mutant(s), with reasons (test/unit/equivalent-mutants.json)', (e) => ` — ${e.reason}`],
];
for (const [kind, title, why] of sections) {
  console.log(`\n${listed[kind].length} ${title}:`);
  for (const item of sorted(listed[kind])) console.log(`- ${place(item)} ${item.mutant.status} ${item.mutant.mutatorName}: ${change(item)}${item.entry ? why(item.entry) : ''}`);
}
const stale = judged.filter((e) => !used.has(e) && rows.get(moduleOf(e.at.split(':')[0]))?.files);
if (stale.length) console.log(`\n${stale.length} judged mutant(s) no longer alive or no longer found (stale entries):\n${stale.map((e) => `- ${e.at} ${e.mutator}`).join('\n')}`);
if (failing) {
  console.log(`\n${failing} module(s) below ${goal}% or with survivors not yet judged`);
  process.exitCode = 1;
}
