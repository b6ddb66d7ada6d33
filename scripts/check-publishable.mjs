// `node scripts/check-publishable.mjs [dir]` (run by `npm run build` on dist/): fails when any file
// of what gets published names the demo's mock backend (`/mock`), which exists only under
// `npm start` and the tests; a venue's site has no such address. Also used by the door app's
// build (vite.scanner.config.ts) and its tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const NEEDLE = '/mock';

/** Every file under `dir` that contains `/mock`, as `path: …context…`. */
export function mockReferences(dir) {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const text = readFileSync(path, 'latin1');
        const at = text.indexOf(NEEDLE);
        if (at >= 0) found.push(`${relative(dir, path)}: …${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…`);
      }
    }
  };
  walk(dir);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const found = mockReferences(dir);
  if (found.length) {
    console.error(`${found.length} published file(s) under ${dir} name the demo's mock backend (${NEEDLE}):\n${found.join('\n')}`);
    process.exit(1);
  }
  console.log(`publishable: nothing under ${relative(process.cwd(), dir) || '.'} names ${NEEDLE}`);
}
