// A real WordPress for the tests, started lazily by the first `wordpress` command (other test files
// never pay for it): Debian's WordPress 6.1 and MariaDB, a private database and wp-content in a
// temporary folder, PHP's built-in server on a loopback port. The plugin is installed from the zip
// `npm run build` makes (scripts/build-wordpress-plugin.ts, over a fresh `vite build`).
// Commands (browser side: test/wordpress/wordpress.ts):
//   { action: 'start' }                          → { ready: true, origin, users: { role: { login, password } }, … }
//                                                  or { ready: false } after 12 s (ask again)
//   { action: 'post', role, post }               → the REST answer (context=edit: what WordPress stored)
//   { action: 'turn', owner, release? }          → { granted }: page visits, one test file at a time
//   { action: 'row', row, cells }                → a row of the roles × elements table printed at the end
//   { action: 'lint' }                           → `php -l` of each plugin file, PHP_CodeSniffer's report
//   { action: 'log' }                            → PHP's debug log so far (warnings, notices)
// Everything is stopped (MariaDB, the PHP server and its workers) and removed when the runner stops.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { PLUGIN_FOLDER, unzip, zip, pluginFiles } from '../../scripts/build-wordpress-plugin.ts';
import { freePort } from '../../scripts/free-port.mjs';

const root = resolve(import.meta.dirname, '../..');
const WORDPRESS = '/usr/share/wordpress';
const THEME = '/usr/share/wordpress/wp-content/themes/twentytwentythree';
export const ROLES = ['administrator', 'editor', 'author', 'contributor'];
const run = promisify(execFile);

async function until(check, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`WordPress test site: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A child in its own process group, so stopping it stops its workers too. */
function startDetached(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.on('error', (error) => (stderr += String(error)));
  return {
    child,
    stderr: () => stderr,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          done();
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, 3000).unref();
      }),
  };
}

const php = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

async function startSite() {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'venue-widgets-wordpress-'));
  const site = { dir, processes: [], configFile: '' };
  try {
    // The plugin zip, exactly as `npm run build` writes it, over a fresh library build; the
    // database's files are made meanwhile (both mostly wait on the disk).
    // (VENUE_WIDGETS_WORDPRESS_DIST=<a built dist/> skips the build, when iterating on the plugin.)
    const distDir = process.env.VENUE_WIDGETS_WORDPRESS_DIST || join(dir, 'dist');
    const data = join(dir, 'db');
    await Promise.all([
      process.env.VENUE_WIDGETS_WORDPRESS_DIST
        ? undefined
        : run(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
            cwd: root,
            env: { ...process.env, VENUE_WIDGETS_OUT_DIR: distDir },
          }),
      run('mariadb-install-db', ['--no-defaults', '--user=root', `--datadir=${data}`, '--auth-root-authentication-method=socket', '--skip-test-db'], { cwd: dir }),
    ]);
    const archive = zip(await pluginFiles(distDir));
    const content = join(dir, 'wp-content');
    for (const [name, data] of unzip(archive)) {
      const target = join(content, 'plugins', name);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    await mkdir(join(content, 'themes'), { recursive: true });
    await mkdir(join(content, 'uploads'), { recursive: true });
    await symlink(THEME, join(content, 'themes', 'twentytwentythree'));

    // MariaDB: a private data folder, a socket, no TCP.
    const socket = join(dir, 'mysqld.sock');
    const db = startDetached('mariadbd', ['--no-defaults', '--user=root', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--innodb-buffer-pool-size=32M', '--performance-schema=0', `--pid-file=${join(dir, 'mysqld.pid')}`], { cwd: dir });
    site.processes.push(db);
    const sql = (statement) => run('mariadb', ['--no-defaults', '-S', socket, '-u', 'root', '-e', statement]);
    await until(() => sql('SELECT 1').then(() => true), `MariaDB (${db.stderr().slice(-300)})`);
    await sql("CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';");

    // Debian's wp-config.php loads /etc/wordpress/config-<WORDPRESS_CONFIG>.php: one for this run only.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const name = `venue-widgets-test-${randomBytes(4).toString('hex')}`;
    site.configFile = `/etc/wordpress/config-${name}.php`;
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    await writeFile(
      site.configFile,
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', ${php(`localhost:${socket}`)} );
define( 'WP_HOME', ${php(origin)} );
define( 'WP_SITEURL', ${php(origin)} );
define( 'WP_CONTENT_DIR', ${php(content)} );
define( 'WP_CONTENT_URL', ${php(`${origin}/wp-content`)} );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${php(join(dir, 'debug.log'))} );
${salts.map((key) => `define( '${key}', '${randomBytes(24).toString('hex')}' );`).join('\n')}
`,
    );
    // PHP's built-in server: wp-content from the private folder, WordPress's files as they are,
    // everything else through index.php (pretty permalinks, /wp-json/).
    const router = join(dir, 'router.php');
    await writeFile(
      router,
      `<?php
$_SERVER['WORDPRESS_CONFIG'] = ${php(name)};
$path = rawurldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( 0 === strpos( $path, '/wp-content/' ) ) {
	$file = realpath( ${php(content)} . substr( $path, strlen( '/wp-content' ) ) );
	if ( $file && is_file( $file ) && '.php' !== substr( $file, -4 ) ) {
		$types = array( 'js' => 'text/javascript', 'css' => 'text/css', 'wasm' => 'application/wasm', 'json' => 'application/json', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'woff2' => 'font/woff2', 'txt' => 'text/plain' );
		$ext = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
		header( 'Content-Type: ' . ( isset( $types[ $ext ] ) ? $types[ $ext ] : 'application/octet-stream' ) );
		readfile( $file );
		return true;
	}
	http_response_code( 404 );
	return true;
}
$file = ${php(WORDPRESS)} . $path;
if ( is_dir( $file ) && is_file( rtrim( $file, '/' ) . '/index.php' ) ) {
	$path = rtrim( $path, '/' ) . '/index.php';
	$file = ${php(WORDPRESS)} . $path;
}
if ( is_file( $file ) && '.php' !== substr( $file, -4 ) ) {
	return false;
}
if ( ! is_file( $file ) ) {
	$path = '/index.php';
	$file = ${php(WORDPRESS)} . '/index.php';
}
$_SERVER['SCRIPT_NAME'] = $path;
$_SERVER['PHP_SELF'] = $path;
$_SERVER['SCRIPT_FILENAME'] = $file;
chdir( dirname( $file ) );
require $file;
`,
    );
    const web = startDetached('php', ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS, router], { cwd: dir, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
    site.processes.push(web);

    // Install without a browser: the site, one user per role, pretty permalinks, the plugin
    // activated, an application password per user (the block editor's REST API, as a script).
    const install = join(dir, 'install.php');
    await writeFile(
      install,
      `<?php
$_SERVER['WORDPRESS_CONFIG'] = ${php(name)};
$_SERVER['HTTP_HOST'] = ${php(`127.0.0.1:${port}`)};
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define( 'WP_INSTALLING', true );
require ${php(WORDPRESS)} . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_false' );
wp_install( 'Harbour Lights', 'administrator', 'administrator@example.test', true, '', 'administrator-password-1' );
update_option( 'timezone_string', 'America/New_York' );
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
$wp_rewrite->flush_rules( false );
$out = array();
foreach ( ${`array( ${ROLES.map(php).join(', ')} )`} as $role ) {
	$user = get_user_by( 'login', $role );
	if ( ! $user ) {
		$id   = wp_insert_user( array( 'user_login' => $role, 'user_pass' => $role . '-password-1', 'user_email' => $role . '@example.test', 'role' => $role ) );
		$user = get_user_by( 'id', $id );
	}
	list( $application ) = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'tests' ) );
	$out[ $role ] = array( 'login' => $role, 'password' => $role . '-password-1', 'application' => $application );
}
$activated = activate_plugin( ${php(`${PLUGIN_FOLDER}/venue-widgets.php`)} );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
echo wp_json_encode( $out );
`,
    );
    await until(() => fetch(`${origin}/wp-includes/css/dashicons.min.css`).then((r) => r.ok), `the PHP server (${web.stderr().slice(-300)})`);
    const { stdout } = await run('php', [install], { cwd: dir });
    const users = JSON.parse(stdout.slice(stdout.indexOf('{')));
    await until(() => fetch(`${origin}/`).then((r) => r.ok), 'the front page');
    Object.assign(site, { origin, users, debugLog: join(dir, 'debug.log'), startedInMs: Date.now() - started, zipBytes: archive.length });
    return site;
  } catch (error) {
    await stopSite(site).catch(() => undefined);
    throw error;
  }
}

async function stopSite(site) {
  await Promise.all(site.processes.splice(0).reverse().map((p) => p.stop()));
  if (site.configFile) await rm(site.configFile, { force: true });
  await rm(site.dir, { recursive: true, force: true, maxRetries: 5 });
}

/** Cookies a response set, merged into a jar (name → value). */
function keepCookies(jar, res) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return res;
}

/**
 * The site's defaults, entered as an administrator does: signed in through wp-login.php, then the
 * settings page's own form (its nonce and referer) posted to options.php.
 */
async function saveDefaults(site, values, roles) {
  const jar = new Map([['wordpress_test_cookie', 'WP%20Cookie%20check']]);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const { login, password } = site.users.administrator;
  keepCookies(jar, await fetch(`${site.origin}/wp-login.php`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie() }, body: new URLSearchParams({ log: login, pwd: password, testcookie: '1' }) }));
  const page = await (await fetch(`${site.origin}/wp-admin/options-general.php?page=venue-widgets`, { headers: { cookie: cookie() } })).text();
  const hidden = (name) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  if (!hidden('_wpnonce')) throw new Error('WordPress test site: no settings form for the administrator');
  const form = new URLSearchParams({ option_page: 'venue_widgets', action: 'update', _wpnonce: hidden('_wpnonce'), _wp_http_referer: hidden('_wp_http_referer').replaceAll('&amp;', '&') });
  for (const [key, value] of Object.entries(values)) form.set(`venue_widgets_settings[${key}]`, value);
  for (const role of roles) form.append('venue_widgets_settings[tag_roles][]', role);
  const saved = await fetch(`${site.origin}/wp-admin/options.php`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie() }, body: form });
  if (saved.status !== 302) throw new Error(`WordPress test site: saving the settings answered ${saved.status}`);
}

/**
 * The test-runner plugin. The site's elements talk to one mock world of its own (`world`), set as
 * the site's defaults once; the test files that use the site take turns for page visits (`turn`),
 * so each visit's requests in that world's log are its own.
 * @param {() => string} mockOrigin
 */
export function wordpressPlugin(mockOrigin) {
  let site;
  const ready = () =>
    (site ??= startSite().then(async (started) => {
      const world = `wordpress${randomBytes(4).toString('hex')}`;
      const reset = await fetch(`${mockOrigin()}/s/${world}/__mock/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (!reset.ok) throw new Error(`WordPress test site: the mock world did not open (${reset.status})`);
      const defaults = {
        client_id: '284',
        time_zone: 'America/New_York',
        av_api_base: `${mockOrigin()}/s/${world}/audienceview`,
        vista_api_base: `${mockOrigin()}/s/${world}/vista`,
        utick_proxy_url: `${mockOrigin()}/s/${world}/utick-proxy`,
      };
      await saveDefaults(started, defaults, ['author']);
      return Object.assign(started, { world, defaults, tagRoles: ['author'] });
    }));
  // Page visits, one test file at a time (a turn lapses after 90 s, should a file die holding it).
  let turn = { owner: '', until: 0 };
  const waiting = new Set();
  const rows = [];
  return {
    name: 'wordpress',
    async executeCommand({ command, payload }) {
      if (command !== 'wordpress') return undefined;
      if (payload.action === 'start') {
        // A browser's command waits 20 s at most: answer `{ ready: false }` meanwhile; the test asks again.
        const started = await Promise.race([ready(), new Promise((r) => setTimeout(r, 12000, undefined))]);
        if (!started) return { ready: false };
      }
      const { origin, users, debugLog, startedInMs, zipBytes, dir, world, defaults, tagRoles } = await ready();
      switch (payload.action) {
        case 'start':
          return { ready: true, origin, startedInMs, zipBytes, world, defaults, tagRoles, users: Object.fromEntries(Object.entries(users).map(([role, u]) => [role, { login: u.login, password: u.password }])) };
        case 'turn': {
          const free = () => !turn.owner || turn.owner === payload.owner || Date.now() > turn.until;
          if (payload.release) {
            if (turn.owner === payload.owner) turn = { owner: '', until: 0 };
            for (const wake of waiting) wake();
            return { granted: false };
          }
          if (!free()) {
            let wake;
            await new Promise((resolveWait) => {
              wake = resolveWait;
              waiting.add(wake);
              setTimeout(wake, 12000);
            });
            waiting.delete(wake);
          }
          if (!free()) return { granted: false };
          turn = { owner: payload.owner, until: Date.now() + 90000 };
          return { granted: true };
        }
        case 'row':
          rows.push([payload.row, payload.cells]);
          return { rows: rows.length };
        case 'post': {
          // As the block editor saves: the REST API, as that user (kses applies to their role).
          const user = users[payload.role];
          const res = await fetch(`${origin}/wp-json/wp/v2/posts?context=edit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${user.login}:${user.application}`).toString('base64')}` },
            body: JSON.stringify(payload.post),
          });
          const body = await res.json();
          return { status: res.status, id: body.id, link: body.link, postStatus: body.status, stored: body.content?.raw, error: body.message };
        }
        case 'lint': {
          // The installed plugin's PHP (from the zip): `php -l` on every file, and Debian's
          // PHP_CodeSniffer with test/wordpress/phpcs.xml when it is installed.
          const folder = join(dir, 'wp-content', 'plugins', PLUGIN_FOLDER);
          const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.php')).sort();
          const syntax = {};
          for (const file of files) {
            syntax[file] = await run('php', ['-l', join(folder, file)]).then(() => 'ok', (error) => String(error.stdout || error.message).trim());
          }
          const phpcs = await run('phpcs', ['--standard=' + resolve(import.meta.dirname, 'phpcs.xml'), '--report=full', folder]).then(
            () => ({ available: true, clean: true, report: '' }),
            (error) => ({ available: error.code !== 'ENOENT', clean: false, report: String(error.stdout || error.message) }),
          );
          return { syntax, phpcs };
        }
        case 'log':
          return { log: await readFile(debugLog, 'utf8').catch(() => '') };
        default:
          throw new Error(`wordpress: unknown action ${payload.action}`);
      }
    },
    async serverStop() {
      if (rows.length) console.log(`\nWordPress: roles × elements\n${table(rows)}\n`);
      if (site) await stopSite(await site.catch(() => ({ processes: [], dir: '/nonexistent', configFile: '' })));
    },
  };
}

export const TAGS = ['av-calendar', 'av-series-list', 'av-event-list', 'ticket-scanner', 'vista-member-login', 'vista-ticket-redemption', 'utick-stream-gate', 'utick-pack-list'];

/** Rows of `[who, { tag: result }]` as a Markdown table, `—` where a row has no such element. */
export function table(rows) {
  const lines = [['who, how', ...TAGS], ...rows.map(([row, cells]) => [row, ...TAGS.map((tag) => cells[tag] ?? '—')])];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(lines[0]), line(widths.map((w) => '-'.repeat(w))), ...lines.slice(1).map(line)].join('\n');
}
