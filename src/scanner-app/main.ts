/**
 * The installable door app: reads the venue's settings (scanner.config.json beside the app, kept
 * by the service worker for starts with no network), asks on a device's first start what differs
 * per door (its name, sound), then runs the `<ticket-scanner>` configured from both. A broken or
 * missing settings file is shown on screen, key by key, instead of a scanner that cannot work.
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import '../components/ticket-scanner/index.js';
import type { TicketScanner } from '../components/ticket-scanner/index.js';
import { registerAppWorker } from '../components/ticket-scanner/app/app-update.js';
import { HttpError } from '../api/errors.js';
import { request } from '../api/request.js';
import { messageLanguage } from '../shared/locale.js';
import { parseScannerConfig, scannerAttributes, SCANNER_CONFIG_FILE, type ScannerAppConfig, type ScannerConfigProblem } from './config.js';
import { loadDeviceSettings, MAX_DOOR_NAME, saveDeviceSettings } from './device-settings.js';
import { SCANNER_APP_MESSAGES, type ScannerAppMessages } from './messages.js';

type View =
  | { name: 'starting' }
  | { name: 'config-problem'; problems: ScannerConfigProblem[] }
  | { name: 'config-missing' }
  | { name: 'setup' }
  | { name: 'scanner' };

const app = document.getElementById('app')!;
/** Beside index.html: the manifest's folder is the app's, whatever address in scope opened it. */
const configUrl = new URL(SCANNER_CONFIG_FILE, document.querySelector<HTMLLinkElement>('link[rel=manifest]')?.href ?? document.baseURI).href;

let view: View = { name: 'starting' };
let words: ScannerAppMessages = SCANNER_APP_MESSAGES.en;
let config: ScannerAppConfig | undefined;
let device = loadDeviceSettings();
let doorNameProblem = false;
/** The one `<ticket-scanner>`, configured from the venue's file and put on screen once the device is set up. */
const scanner = document.createElement('ticket-scanner') as TicketScanner;

// The update prompt speaks the scanner's language (its `locale`, else the phone's).
registerAppWorker({ scriptUrl: './sw.js', localeHost: scanner });
void start();

async function start(): Promise<void> {
  show({ name: 'starting' });
  const loaded = await loadConfig();
  await useLanguage(loaded.config?.locale ?? navigator.language);
  if (loaded.view) return show(loaded.view);
  config = loaded.config!;
  for (const [name, value] of Object.entries(scannerAttributes(config))) {
    if (value === false) scanner.removeAttribute(name);
    else scanner.setAttribute(name, value === true ? '' : value);
  }
  show(device ? { name: 'scanner' } : { name: 'setup' });
}

/** The settings file: from the network when there is one (a changed file counts from this start), else the service worker's copy. */
async function loadConfig(): Promise<{ config?: ScannerAppConfig; view?: View }> {
  let text: string;
  try {
    text = await request<string>(configUrl, { responseType: 'text', timeoutMs: 10_000, retries: 1 });
  } catch (error) {
    if (error instanceof HttpError && error.status !== 404) {
      return { view: { name: 'config-problem', problems: [{ key: `(${SCANNER_CONFIG_FILE})`, expected: `the file, answered with status 200 at ${configUrl}`, found: `status ${error.status}` }] } };
    }
    return { view: { name: 'config-missing' } }; // 404, or no network and no copy kept
  }
  const result = parseScannerConfig(text);
  return result.ok ? { config: result.config } : { view: { name: 'config-problem', problems: result.problems } };
}

async function useLanguage(locale: string): Promise<void> {
  let canonical = 'en';
  try {
    canonical = Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    // not a locale: English
  }
  document.documentElement.lang = canonical;
  const language = messageLanguage(canonical);
  words = SCANNER_APP_MESSAGES.en;
  if (language === 'en') return;
  const others = await SCANNER_APP_MESSAGES.others().catch(() => undefined);
  words = others?.default[language] ?? SCANNER_APP_MESSAGES.en;
}

function show(next: View): void {
  view = next;
  app.dataset.view = next.name;
  document.title = device && next.name === 'scanner' ? `${device.doorName} · Door scanner` : 'Door scanner';
  // The device's sound setting is the scanner's `sound` property (its Sound toggle flips the same one).
  if (next.name === 'scanner') scanner.sound = device!.sound;
  render(template(), app);
  // A new screen (not the scanner, which manages its own focus) is announced by moving to its heading.
  if (next.name !== 'scanner' && next.name !== 'starting') app.querySelector<HTMLElement>('h1')?.focus();
}

function template() {
  switch (view.name) {
    case 'starting':
      return html`<p class="starting" role="status">${words.starting}</p>`;
    case 'config-missing':
      return problemView(html`<p>${words.configMissing.replace('{url}', configUrl)}</p>`);
    case 'config-problem':
      return problemView(html`<p>${words.configProblemIntro}</p>
        <h2>${SCANNER_CONFIG_FILE}</h2>
        <ul class="problems">
          ${view.problems.map(
            (problem) => html`<li data-key=${problem.key}>
              <p class="key"><code>${problem.key}</code></p>
              <dl>
                <dt>${words.expected}</dt>
                <dd>${problem.expected}</dd>
                <dt>${words.found}</dt>
                <dd>${problem.found}</dd>
              </dl>
            </li>`,
          )}
        </ul>`);
    case 'setup':
      return html`<section class="panel" aria-labelledby="setup-title">${setupForm(false)}</section>`;
    case 'scanner':
      return html`<header class="door-bar">
          <p><span class="door-label">${words.door}:</span> <strong class="door-name">${device!.doorName}</strong></p>
          <button type="button" class="device-settings" aria-haspopup="dialog" @click=${openSettings}>${words.deviceSettings}</button>
        </header>
        <dialog class="settings" aria-labelledby="setup-title" @close=${() => app.querySelector<HTMLElement>('.device-settings')?.focus()}>
          ${setupForm(true)}
        </dialog>
        ${scanner}`;
  }
}

function problemView(body: unknown) {
  return html`<section class="panel problem" aria-labelledby="problem-title">
    <h1 id="problem-title" tabindex="-1">${words.configProblemTitle}</h1>
    ${body}
    <button type="button" class="retry" @click=${() => void start()}>${words.retry}</button>
  </section>`;
}

/** The device's settings: the first start's screen, and later the dialog behind "Device settings". */
function setupForm(inDialog: boolean) {
  const id = (name: string) => (inDialog ? `${name}-later` : name);
  return html`<form novalidate @submit=${onSave}>
    <h1 id="setup-title" tabindex="-1">${words.setupTitle}</h1>
    <p>${words.setupIntro}</p>
    <div class="field">
      <label for=${id('door-name')}>${words.doorName}</label>
      <input
        id=${id('door-name')}
        name="doorName"
        autocomplete="off"
        required
        maxlength=${MAX_DOOR_NAME}
        .value=${live(device?.doorName ?? '')}
        aria-invalid=${doorNameProblem ? 'true' : 'false'}
        aria-describedby=${`${id('door-name-hint')}${doorNameProblem ? ` ${id('door-name-error')}` : ''}`}
      />
      <p class="hint" id=${id('door-name-hint')}>${words.doorNameHint}</p>
      ${doorNameProblem ? html`<p class="error" id=${id('door-name-error')}>${words.doorNameMissing}</p>` : nothing}
    </div>
    <div class="field check">
      <input type="checkbox" id=${id('sound')} name="sound" .checked=${live(device?.sound ?? true)} aria-describedby=${id('sound-hint')} />
      <label for=${id('sound')}>${words.sound}</label>
      <p class="hint" id=${id('sound-hint')}>${words.soundHint}</p>
    </div>
    <div class="actions">
      <button type="submit" class="save">${words.save}</button>
      ${inDialog ? html`<button type="button" class="cancel" @click=${closeSettings}>${words.cancel}</button>` : nothing}
    </div>
  </form>`;
}

function onSave(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const doorName = (form.elements.namedItem('doorName') as HTMLInputElement).value.trim();
  const sound = (form.elements.namedItem('sound') as HTMLInputElement).checked;
  doorNameProblem = !doorName;
  if (doorNameProblem) {
    render(template(), app);
    return (form.elements.namedItem('doorName') as HTMLInputElement).focus();
  }
  device = { doorName, sound };
  saveDeviceSettings(device); // not kept (storage refused): still used until the app closes
  app.querySelector<HTMLDialogElement>('dialog.settings')?.close();
  show({ name: 'scanner' });
}

function openSettings(): void {
  doorNameProblem = false;
  render(template(), app);
  const dialog = app.querySelector<HTMLDialogElement>('dialog.settings')!;
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('input[name=doorName]')?.focus();
}

function closeSettings(): void {
  doorNameProblem = false;
  app.querySelector<HTMLDialogElement>('dialog.settings')?.close();
  render(template(), app); // back to the saved values
}
