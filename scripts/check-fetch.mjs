/**
 * `npm run lint:deps`, with dependency-cruiser: only src/api calls the network. dependency-cruiser
 * sees imports, not calls, so this finds calls of the global `fetch` (`fetch(…)`,
 * `globalThis.fetch(…)`, `window.fetch(…)`, `self.fetch(…)`) in product code outside src/api,
 * parsed with swc (not a text search: comments and strings do not count; a local function named
 * `fetch`, a parameter for instance, is not the global one).
 *
 * Allowed elsewhere, on purpose:
 * - src/proxy/: the Utick signing proxy is a server; its upstream call is its job.
 * - the scanner's barcode decoder fetches its own wasm, an asset from its own origin, not vendor data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from '@swc/core';

const ROOT = join(import.meta.dirname, '..');
const ALLOWED = [/^src\/api\//, /^src\/proxy\//, /^src\/components\/ticket-scanner\/camera\/barcode-decoder\.ts$/];
const GLOBALS = new Set(['globalThis', 'window', 'self']);

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.(test|d)\.m?ts$/.test(entry.name)) yield path;
  }
}

/** Calls of the global fetch in one module's AST (a module that binds its own `fetch` is not calling the global one by that name). */
function globalFetchCalls(ast) {
  const found = [];
  let bindsFetch = false;
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if ((node.type === 'Identifier' || node.type === 'BindingIdentifier') && node.value === 'fetch' && node.typeAnnotation !== undefined) bindsFetch = true;
    if (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && node.id.value === 'fetch') bindsFetch = true;
    if (node.type === 'FunctionDeclaration' && node.identifier?.value === 'fetch') bindsFetch = true;
    if (node.type === 'CallExpression') {
      const callee = node.callee;
      if (callee?.type === 'Identifier' && callee.value === 'fetch') found.push({ node, bare: true });
      if (callee?.type === 'MemberExpression' && callee.property?.value === 'fetch' && callee.object?.type === 'Identifier' && GLOBALS.has(callee.object.value)) found.push({ node, bare: false });
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(ast);
  return found.filter((call) => !(call.bare && bindsFetch));
}

const problems = [];
for (const file of sources(join(ROOT, 'src'))) {
  const path = relative(ROOT, file).split('\\').join('/');
  if (ALLOWED.some((pattern) => pattern.test(path))) continue;
  const text = readFileSync(file, 'utf8');
  if (!text.includes('fetch')) continue;
  const ast = parseSync(text, { syntax: 'typescript', decorators: true, target: 'es2022' });
  for (const call of globalFetchCalls(ast)) {
    const line = text.slice(0, call.node.span.start - ast.span.start).split('\n').length;
    problems.push(`${path}:${line}: calls fetch; only src/api talks to the network (through src/api/request.ts)`);
  }
}
if (problems.length) {
  console.error(`${problems.join('\n')}\n\nx ${problems.length} fetch call(s) outside src/api`);
  process.exit(1);
}
console.log('✔ no fetch calls outside src/api');
