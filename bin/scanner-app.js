// `npx venue-widgets scanner-app`: the door app ready to publish (src/scanner-app/cli.ts).
// The package runs its built copy (dist/cli/); a clone of the repository runs the source through tsx,
// so the command always matches the code beside it.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(packageRoot, 'src/scanner-app/cli.ts');
let cli;
if (existsSync(source) && existsSync(resolve(packageRoot, 'node_modules/tsx'))) {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  cli = await import('../dist/cli/scanner-app.js');
}
process.exitCode = cli.scannerAppCommand(process.argv.slice(3), packageRoot);
