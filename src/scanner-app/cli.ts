/**
 * `npx venue-widgets scanner-app --out <folder> --config <file>`: the door app ready to publish.
 * Copies the built app (dist/scanner/ of the package), checks the venue's settings with the same
 * validator the app runs at start-up, puts them beside it as scanner.config.json, and prints what
 * the venue's web server and AudienceView must allow. Refuses, changing nothing, when the settings
 * are wrong or the folder holds something else.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIENCEVIEW_API_BASE } from '../api/audienceview/public.js';
import { describeProblem, parseScannerConfig, SCANNER_CONFIG_FILE, type ScannerAppConfig } from './config.js';

const USAGE = `Usage: npx venue-widgets scanner-app --out <folder> --config <scanner.config.json> [--from <built app>]

  --out     the folder to publish (created; an earlier output of this command is replaced)
  --config  the venue's settings (see the README, "Deploy the door app")
  --from    the built app to copy (default: dist/scanner/ of this package)`;

/** Files every build of the app has: a folder with all of them is an earlier output, safe to replace. */
const APP_FILES = ['index.html', 'sw.js', 'manifest.webmanifest'];

export interface CliIo {
  log(text: string): void;
  error(text: string): void;
}

/** Runs the command; resolves with the exit code. `packageRoot`: where dist/scanner/ is. */
export function scannerAppCommand(argv: string[], packageRoot: string, io: CliIo = console): number {
  let values: { out?: string; config?: string; from?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, config: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    io.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.log(USAGE);
    return 0;
  }
  if (!values.out || !values.config) {
    io.error(`Missing ${!values.out ? '--out' : '--config'}.\n\n${USAGE}`);
    return 2;
  }
  const out = resolve(values.out);
  const configFile = resolve(values.config);
  const from = resolve(values.from ?? join(packageRoot, 'dist/scanner'));

  if (!existsSync(configFile)) {
    io.error(`No settings file at ${configFile}.`);
    return 1;
  }
  const text = readFileSync(configFile, 'utf8');
  const result = parseScannerConfig(text);
  if (!result.ok) {
    io.error(`${configFile} has ${result.problems.length} problem(s); nothing was written:\n${result.problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`);
    return 1;
  }
  if (!APP_FILES.every((file) => existsSync(join(from, file)))) {
    io.error(`No built door app at ${from} (it needs ${APP_FILES.join(', ')}). In a clone of the repository, run \`npm run build\` first.`);
    return 1;
  }
  if (existsSync(out) && readdirSync(out).length > 0 && !APP_FILES.every((file) => existsSync(join(out, file)))) {
    io.error(`${out} is not empty and is not an earlier door app: choose an empty or new folder (nothing was written).`);
    return 1;
  }
  if (resolve(out) === from) {
    io.error('--out must not be the built app itself.');
    return 1;
  }

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(from, out, { recursive: true });
  // The venue's file as written (its $comment and layout kept): it was checked above.
  writeFileSync(join(out, SCANNER_CONFIG_FILE), text.endsWith('\n') ? text : `${text}\n`);
  io.log(`The door app is ready to publish: ${out}\n  with ${SCANNER_CONFIG_FILE}: ${summary(result.config)}\n\n${requirements(result.config)}`);
  return 0;
}

function summary(config: ScannerAppConfig): string {
  const parts = [`AudienceView at ${config.apiBase ?? `${AUDIENCEVIEW_API_BASE} (AudienceView itself)`}`, `time zone ${config.timeZone}`, `mode ${config.mode}`];
  if (config.clientId) parts.push(`client ${config.clientId}`);
  if (config.productionId) parts.push(`production ${config.productionId}`);
  if (config.performanceId) parts.push(`performance ${config.performanceId}`);
  if (config.hidePatronNames) parts.push('patron names hidden');
  if (config.locale) parts.push(`language ${config.locale}`);
  return parts.join(', ');
}

/** What the venue's site and AudienceView must do for the published app to work: the same list the README gives. */
export function requirements(config: ScannerAppConfig): string {
  const lines = [
    'Before the doors open, check:',
    '1. HTTPS. Publish the folder over HTTPS, at a path of its own (e.g. https://tickets.venue.example/door/).',
    '   Service workers (starting with no network), installing to the home screen and the camera all need',
    '   a secure page; only http://localhost is exempt.',
    '2. Caching. Serve index.html, sw.js, manifest.webmanifest and scanner.config.json with',
    '   "Cache-Control: no-cache" (how phones find a new version or new settings); files under assets/',
    '   may be cached for good. Serve .wasm as application/wasm and .webmanifest as application/manifest+json.',
  ];
  const base = config.apiBase;
  if (base?.startsWith('/')) {
    lines.push(
      `3. The proxy. ${base} is on the app's own site: your web server must pass ${base}/public/scanning/… on to`,
      `   ${AUDIENCEVIEW_API_BASE}/public/scanning/… (methods GET, POST, DELETE; the Authorization and Content-Type`,
      '   headers and the answers unchanged). Same origin as the app, so no CORS is needed.',
    );
  } else {
    const target = new URL(base ?? AUDIENCEVIEW_API_BASE);
    lines.push(
      `3. CORS. The app calls ${target.origin}. Unless the app is published on that very origin, that server must`,
      '   answer the browser\'s preflight (OPTIONS) and each call with:',
      '     Access-Control-Allow-Origin: <the app\'s origin, exactly>',
      '     Access-Control-Allow-Methods: GET, POST, DELETE',
      '     Access-Control-Allow-Headers: Authorization, Content-Type, clientId',
      base
        ? '   (your proxy: configure it so).'
        : '   AudienceView only does so for origins it has whitelisted: ask AudienceView to whitelist the app\'s origin,\n   or run a proxy on the app\'s own site and set "apiBase" to its path (e.g. "/audienceview").',
      '   A blocked preflight shows on the phone as a network error at sign-in.',
    );
    if (target.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(target.hostname)) {
      lines.push(`   WARNING: ${target.origin} is plain http: a page served over HTTPS may not call it (mixed content). Use https://.`);
    }
  }
  lines.push(
    '4. First start on each phone: open the address once with a network, set up the device (door name, sound),',
    '   sign in, and "Add to Home Screen" / "Install". From then on it starts with no network.',
    '5. Changing settings later: publish a new scanner.config.json in the same place; phones use it from their next',
    '   start with a network (until then, the copy they kept).',
  );
  return lines.join('\n');
}
