#!/usr/bin/env node
// Scores each module of the mutation run (test/unit/modules.mjs) from Stryker's JSON report, the way
// Stryker scores a file: killed + timed out over every valid mutant (survivors and uncovered ones
// count against). Lists every mutant still alive, with its place and the change Stryker made.
//   node scripts/mutation-summary.mjs [report.json …] [--goal 85]   exits 1 when a module is below the goal
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

// Mutants judged equivalent (no behaviour a user or caller could notice changes), each with its
// reason: left out of the adjusted score, listed apart. Keyed by file:line:column mutator.
const EQUIVALENT = new Map(
  JSON.parse(readFileSync(new URL('../test/unit/equivalent-mutants.json', import.meta.url), 'utf8')).map((e) => [`${e.at} ${e.mutator}`, e.reason]),
);
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const files = [...byFile];
const moduleOf = (path) => Object.entries(MODULES).find(([, module]) => module.files.includes(path))?.[1].title;

const rows = new Map(Object.values(MODULES).map(({ title }) => [title, { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, files: 0 }]));
const alive = [];
const equivalent = [];
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
    const reason = EQUIVALENT.get(`${path}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName}`);
    if (reason) {
      row.equivalent++;
      equivalent.push({ name, path, mutant, reason });
    } else alive.push({ name, path, mutant });
  }
}

const pct = (n) => (Number.isFinite(n) ? `${n.toFixed(1)}%` : 'n/a');
let failing = 0;
console.log(`| module | score | without equivalents | killed | timeout | survived | no coverage | of which equivalent |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const [name, row] of rows) {
  if (!row.files) continue;
  const detected = row.killed + row.timeout;
  const score = (100 * detected) / (detected + row.survived + row.noCoverage);
  const adjusted = (100 * detected) / (detected + row.survived + row.noCoverage - row.equivalent);
  if (!(adjusted >= goal)) failing++;
  console.log(`| ${name} | ${pct(score)} | ${pct(adjusted)} | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.equivalent} |`);
}
const skipped = [...rows].filter(([, row]) => !row.files).map(([name]) => name);
if (skipped.length) console.log(`\n(not in this report: ${skipped.join('; ')})`);

console.log(`\n${alive.length} mutant(s) alive and not judged equivalent:`);
for (const { name, path, mutant } of alive.sort((a, b) => a.path.localeCompare(b.path) || a.mutant.location.start.line - b.mutant.location.start.line)) {
  const { line, column } = mutant.location.start;
  const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90);
  console.log(`- ${path}:${line}:${column} ${mutant.status} ${mutant.mutatorName}: ${replacement}  [${name}]`);
}
console.log(`\n${equivalent.length} equivalent mutant(s), with reasons (test/unit/equivalent-mutants.json):`);
for (const { name, path, mutant, reason } of equivalent) {
  const { line, column } = mutant.location.start;
  console.log(`- ${path}:${line}:${column} ${mutant.mutatorName}: ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}  [${name}] — ${reason}`);
}
if (failing) {
  console.log(`\n${failing} module(s) below ${goal}%`);
  process.exitCode = 1;
}
