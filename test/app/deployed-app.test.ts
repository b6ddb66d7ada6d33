/**
 * The door app as a venue deploys it, following the README's "Deploy the door app" steps: a
 * scanner.config.json, `npx venue-widgets scanner-app --out <folder> --config <file>` (run by the
 * test server on this run's build, test/app/app-server.mjs), the folder published as it is (here at
 * /door/ of this page's origin). Its AudienceView is the mock server's own origin, not this page's:
 * the calls cross origins as they do to AudienceView or a venue's proxy, never through /mock.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { authenticate } from '../../src/api/audienceview/scanning.js';
import { rememberFilter } from '../../src/components/ticket-scanner/controllers/scan-choice.js';
import { closeScannerDb, saveSession } from '../../src/components/ticket-scanner/offline/scanner-db.js';
import { cacheInfo } from '../../src/components/ticket-scanner/offline/ticket-cache.js';
import { DOOR, freshScannerDb, openScannerWorld, type ScannerWorld } from '../scanner-world.js';
import { scannerAppBuilt } from './scanner-app-build.js';
import { openSecondPage, type SecondPage } from './second-page.js';
import { describeWhere, SECOND_PAGE } from '../engines.js';

const DOOR_APP = '/door/';
const PHONE = { width: 390, height: 844 };
const DEVICE_KEY = 'scanner-app:device';
const SCANNER = `document.querySelector('ticket-scanner')?.shadowRoot`;
const PHASE = `${SCANNER}?.querySelector('.scanner')?.dataset.phase`;
const VIEW = `document.getElementById('app')?.dataset.view`;

interface Published {
  code: number;
  stdout: string;
  stderr: string;
  files: string[];
  mockReferences: string[];
}

const publish = (config: object | string) => executeServerCommand<Published, { config: object | string }>('scanner-app-publish', { config });
/** The venue edits the published file by hand afterwards (`null`: deletes it). */
const editPublishedConfig = (text: string | null) => executeServerCommand('scanner-app-edit-config', { text });

function setCookie(name: string, value: string | undefined): void {
  document.cookie = value === undefined ? `${name}=; path=/; max-age=0` : `${name}=${value}; path=/`;
}

/** Signed in and the walk chosen on an earlier visit (the app's own database and choice, this origin's). */
async function signedInEarlier(world: ScannerWorld, apiBase: string): Promise<void> {
  const { session, accessTokenExpiration } = await authenticate(apiBase, DOOR);
  await saveSession({ ...session, accessTokenExpiration });
  rememberFilter(apiBase, world.filter);
  await closeScannerDb();
}

describeWhere(SECOND_PAGE, 'the door app as a venue deploys it', function () {
  this.timeout(60_000);
  let world: ScannerWorld;
  let apiBase: string;
  let app: SecondPage | undefined;

  before(async function () {
    this.timeout(300_000); // the runner builds the app on first use
    await scannerAppBuilt();
  });

  beforeEach(async () => {
    world = await openScannerWorld();
    apiBase = world.mock.base('audienceview');
  });
  afterEach(async () => {
    setCookie('app-server-down', undefined);
    await app?.close();
    app = undefined;
    // The runner hands this page's browser context to later test files: leave it as found.
    await (await navigator.serviceWorker.getRegistration(DOOR_APP))?.unregister();
    for (const name of await caches.keys()) await caches.delete(name);
    localStorage.removeItem(`ticket-scanner:choice:${apiBase}`);
    localStorage.removeItem(DEVICE_KEY);
    await freshScannerDb();
  });

  it('the build names no mock, and the command publishes it with the venue’s settings and says what the venue must allow', async () => {
    expect((await executeServerCommand<{ found: string[] }, undefined>('scanner-app-mock-references')).found).to.deep.equal([]);

    const config = { apiBase, timeZone: 'America/New_York', clientId: 284 };
    const result = await publish(config);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.files).to.include.members(['index.html', 'sw.js', 'manifest.webmanifest', 'scanner.config.json', 'assets', 'icons']);
    expect(result.mockReferences).to.deep.equal([]);
    // What the venue's web server and AudienceView must do.
    expect(result.stdout).to.match(/HTTPS/);
    expect(result.stdout).to.include('Cache-Control: no-cache');
    expect(result.stdout).to.include(`The app calls ${new URL(apiBase).origin}`);
    expect(result.stdout).to.include('Access-Control-Allow-Headers: Authorization, Content-Type, clientId');

    // Published as written, beside the app.
    expect(await (await fetch(`${DOOR_APP}scanner.config.json`)).json()).to.deep.equal(config);
    expect(await (await fetch(`${DOOR_APP}index.html`)).text()).not.to.include('/mock');
  });

  it('first start: the device is set up from the keyboard, then it scans; installed, it starts with no network and scans offline', async () => {
    expect((await publish({ apiBase, timeZone: 'America/New_York' })).code).to.equal(0);
    await signedInEarlier(world, apiBase);
    const [ticket] = await world.tickets(world.walk, 'valid', 1);

    app = await openSecondPage(DOOR_APP, { viewport: PHONE });
    await app.waitFor(`navigator.serviceWorker.controller`);
    await app.waitFor(`${VIEW} === 'setup'`);
    // The screen is announced by its heading; the fields have their labels.
    expect(await app.evaluate(`document.activeElement?.id`)).to.equal('setup-title');
    expect(await app.evaluate(`[...document.querySelectorAll('#app input')].map((input) => input.labels[0]?.textContent.trim())`)).to.deep.equal([
      'Door name',
      'Play a sound with each verdict',
    ]);

    // Saving with no name says what is missing, on the field, and goes back to it.
    await app.evaluate(`document.querySelector('#app .save').click()`);
    const refused = await app.evaluate<{ view: string; invalid: string; focused: string; error: string }>(`({
      view: ${VIEW},
      invalid: document.getElementById('door-name').getAttribute('aria-invalid'),
      focused: document.activeElement?.id,
      error: document.getElementById(document.getElementById('door-name').getAttribute('aria-describedby').split(' ')[1])?.textContent,
    })`);
    expect(refused).to.deep.equal({ view: 'setup', invalid: 'true', focused: 'door-name', error: 'Enter a name for this door.' });

    // Keyboard only: type the name, Tab to the sound box, Space turns it off, Enter saves.
    await app.type('North foyer');
    await app.press('Tab');
    expect(await app.evaluate(`document.activeElement?.id`)).to.equal('sound');
    await app.press(' ');
    await app.evaluate(`document.getElementById('door-name').focus()`);
    await app.press('Enter');

    await app.waitFor(`${VIEW} === 'scanner' && ${PHASE} === 'scanning'`);
    const running = await app.evaluate<{ door: string; apiBase: string; sound: string }>(`({
      door: document.querySelector('.door-name').textContent,
      apiBase: document.querySelector('ticket-scanner').getAttribute('api-base'),
      sound: ${SCANNER}.querySelector('button.sound')?.getAttribute('aria-pressed'),
    })`);
    expect(running).to.deep.equal({ door: 'North foyer', apiBase, sound: 'false' });
    expect(JSON.parse(localStorage.getItem(DEVICE_KEY)!)).to.deep.equal({ doorName: 'North foyer', sound: false });

    // The element downloads the walk's tickets on its own, straight from the other origin.
    while (!(await cacheInfo())?.tickets) await new Promise((resolve) => setTimeout(resolve, 100));
    await closeScannerDb();
    const download = (await world.mock.requests()).find((entry) => entry.path.includes('cache/validTickets'));
    expect(download?.headers.origin).to.equal(location.origin);
    expect(new URL(apiBase).origin).not.to.equal(location.origin);

    // Everything gone: AudienceView, the app's own server, and the phone's network.
    await world.mock.fault({ vendor: 'audienceview', kind: 'offline' });
    setCookie('app-server-down', '1');
    expect(await fetch(`${DOOR_APP}scanner.config.json`).then(() => 'answered', () => 'no answer')).to.equal('no answer');
    await app.offline(true);

    expect(await app.reload()).to.equal(true);
    // The settings the service worker kept, the device's own, and the downloaded tickets.
    await app.waitFor(`${VIEW} === 'scanner' && ${PHASE} === 'scanning'`);
    expect(await app.evaluate(`document.querySelector('.door-name').textContent`)).to.equal('North foyer');
    expect(await app.evaluate(`${SCANNER}.querySelector('[part=sync-status]')?.textContent`)).to.match(/offline/i);
    await app.evaluate(`document.querySelector('ticket-scanner').scan(${JSON.stringify(ticket!.barcode)})`);
    const verdict = await app.waitFor<{ verdict: string; offline: boolean }>(
      `(() => { const v = ${SCANNER}.querySelector('[part=verdict]'); return v && { verdict: v.dataset.verdict, offline: v.hasAttribute('data-offline') }; })()`,
    );
    expect(verdict).to.deep.equal({ verdict: 'valid', offline: true });
    expect(await app.errors()).to.deep.equal([]);
  });

  it('a changed settings file is used from the next start with a network, and kept for starts without', async () => {
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ doorName: 'Balcony', sound: true }));
    expect((await publish({ apiBase, timeZone: 'America/New_York' })).code).to.equal(0);
    app = await openSecondPage(DOOR_APP, { viewport: PHONE });
    await app.waitFor(`navigator.serviceWorker.controller && ${VIEW} === 'scanner'`);
    expect(await app.evaluate(`document.querySelector('.device-settings').textContent`)).to.equal('Device settings');

    // The venue publishes new settings: French, patron names hidden.
    await editPublishedConfig(JSON.stringify({ apiBase, timeZone: 'America/New_York', locale: 'fr', hidePatronNames: true }));
    expect(await app.reload()).to.equal(true);
    const french = `${VIEW} === 'scanner' && document.querySelector('.device-settings').textContent`;
    expect(await app.waitFor(french)).to.equal('Réglages de l’appareil');
    expect(await app.evaluate(`['locale', 'hide-patron-names'].map((name) => document.querySelector('ticket-scanner').getAttribute(name))`)).to.deep.equal(['fr', '']);

    // With no network, the copy kept is the new one.
    setCookie('app-server-down', '1');
    await app.offline(true);
    expect(await app.reload()).to.equal(true);
    expect(await app.waitFor(french)).to.equal('Réglages de l’appareil');
  });

  it('refuses settings with mistakes: the command writes nothing, the app shows each one on screen', async () => {
    const wrong = { apiBase: 'tickets.venue.example', timeZone: 'Europe/Atlantis', mode: 'fast', hidePatronNames: 'yes', clientID: 284 };
    const refused = await publish(wrong);
    expect(refused.code).to.equal(1);
    expect(refused.files).to.deep.equal([]);
    expect(refused.stderr).to.include('mode: expected one of "auto", "online", "offline"; found "fast"');
    expect(refused.stderr).to.include('clientID: expected one of the settings');
    expect(refused.stderr).to.include('did you mean clientId?');

    // Published right, then edited by hand on the server with the same mistakes.
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ doorName: 'Balcony', sound: true }));
    expect((await publish({ apiBase, timeZone: 'America/New_York' })).code).to.equal(0);
    await editPublishedConfig(JSON.stringify(wrong));
    app = await openSecondPage(DOOR_APP, { viewport: PHONE });
    await app.waitFor(`${VIEW} === 'config-problem'`);
    const shown = await app.evaluate<Record<string, [string, string]>>(
      `Object.fromEntries([...document.querySelectorAll('#app .problems li')].map((item) => [item.dataset.key, [...item.querySelectorAll('dd')].map((value) => value.textContent.trim())]))`,
    );
    expect(Object.keys(shown).sort()).to.deep.equal(['apiBase', 'clientID', 'hidePatronNames', 'mode', 'timeZone']);
    expect(shown.mode).to.deep.equal(['one of "auto", "online", "offline"', '"fast"']);
    expect(shown.timeZone![1]).to.equal('"Europe/Atlantis"');
    expect(shown.hidePatronNames).to.deep.equal(['true or false', '"yes"']);
    expect(await app.evaluate(`document.activeElement?.id`)).to.equal('problem-title');
    expect(await app.evaluate(`!!document.querySelector('ticket-scanner')`)).to.equal(false);

    // Fixed on the server: "Try again" starts the scanner, nothing to reinstall.
    await editPublishedConfig(JSON.stringify({ apiBase, timeZone: 'America/New_York' }));
    await app.evaluate(`document.querySelector('#app .retry').click()`);
    await app.waitFor(`${VIEW} === 'scanner' && ${PHASE} === 'sign-in'`);

    // Not JSON at all, or no file: said so.
    await editPublishedConfig('{ "timeZone": "America/New_York", }');
    expect(await app.reload()).to.equal(true);
    await app.waitFor(`${VIEW} === 'config-problem'`);
    expect(await app.evaluate(`document.querySelector('#app .problems dd').textContent`)).to.equal('valid JSON');
    await editPublishedConfig(null);
    expect(await app.reload()).to.equal(true);
    expect(await app.waitFor(`${VIEW} === 'config-missing' && document.querySelector('#app p').textContent`)).to.include(`${location.origin}${DOOR_APP}scanner.config.json`);
    expect(await app.errors()).to.deep.equal([]);
  });

  it('is axe-clean: the device set-up, its refusal, the settings problems and the device dialog', async () => {
    expect((await publish({ apiBase, timeZone: 'America/New_York' })).code).to.equal(0);
    app = await openSecondPage(DOOR_APP, { viewport: PHONE });
    await app.evaluate(`new Promise((resolve, reject) => { const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js'; script.onload = resolve; script.onerror = reject; document.head.append(script); })`);
    const violations = `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }).then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`;

    await app.waitFor(`${VIEW} === 'setup'`);
    expect(await app.evaluate(violations), 'set-up').to.deep.equal([]);
    await app.evaluate(`document.querySelector('#app .save').click()`);
    expect(await app.evaluate(violations), 'set-up refused').to.deep.equal([]);

    await app.evaluate(`(() => { const form = document.querySelector('#app form'); form.elements.doorName.value = 'Balcony'; form.querySelector('.save').click(); })()`);
    await app.waitFor(`${VIEW} === 'scanner' && ${PHASE} === 'sign-in'`);
    await app.evaluate(`document.querySelector('.device-settings').click()`);
    expect(await app.evaluate(violations), 'device dialog').to.deep.equal([]);

    await editPublishedConfig(JSON.stringify({ timeZone: 'Europe/Atlantis', mode: 'fast' }));
    expect(await app.reload()).to.equal(true);
    await app.waitFor(`${VIEW} === 'config-problem'`);
    await app.evaluate(`new Promise((resolve) => { const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js'; script.onload = resolve; document.head.append(script); })`);
    expect(await app.evaluate(violations), 'settings problems').to.deep.equal([]);
  });

  it('the device’s settings change later from a dialog, and Escape leaves them as they were', async () => {
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ doorName: 'Balcony', sound: true }));
    expect((await publish({ apiBase, timeZone: 'America/New_York' })).code).to.equal(0);
    app = await openSecondPage(DOOR_APP, { viewport: PHONE });
    await app.waitFor(`${VIEW} === 'scanner' && ${PHASE} === 'sign-in'`);
    expect(await app.evaluate(`document.title`)).to.equal('Balcony · Door scanner');

    await app.evaluate(`document.querySelector('.device-settings').click()`);
    expect(await app.evaluate(`({ open: document.querySelector('dialog.settings').open, focused: document.activeElement?.id, value: document.activeElement?.value })`)).to.deep.equal({
      open: true,
      focused: 'door-name-later',
      value: 'Balcony',
    });
    await app.evaluate(`document.activeElement.value = 'Stalls'`);
    await app.press('Escape');
    // Focus goes back to the button on the dialog's `close` event, which comes a task after it closed (CI once read between).
    await app.waitFor(`!document.querySelector('dialog.settings').open && document.activeElement?.className === 'device-settings'`);
    expect(await app.evaluate(`({ door: document.querySelector('.door-name').textContent, focused: document.activeElement?.className })`)).to.deep.equal({
      door: 'Balcony',
      focused: 'device-settings',
    });

    await app.evaluate(`document.querySelector('.device-settings').click()`);
    await app.evaluate(`(() => { const form = document.querySelector('dialog.settings form');
      form.elements.doorName.value = 'Stalls'; form.elements.sound.click(); form.querySelector('.save').click(); })()`);
    await app.waitFor(`!document.querySelector('dialog.settings').open`);
    expect(await app.evaluate(`document.querySelector('.door-name').textContent`)).to.equal('Stalls');
    // Read on the app's own page: another page of the origin sees the write a moment later (Chromium once read it before).
    expect(JSON.parse((await app.evaluate(`localStorage.getItem(${JSON.stringify(DEVICE_KEY)})`)) as string)).to.deep.equal({ doorName: 'Stalls', sound: false });
  });
});
