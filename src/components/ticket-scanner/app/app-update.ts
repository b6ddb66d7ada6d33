/**
 * The installable scanner's side of its service worker: registers it (workbox-window) and, when a
 * new version is waiting, offers it with a small prompt ("A new version is ready" · Reload · Later)
 * in the page's language. It never reloads by itself: a reload in the middle of a scan would take
 * the verdict off the screen. Reload asks the waiting worker to take over (`SKIP_WAITING`, see
 * sw.ts) and reloads once it controls the page. Queued scans live in IndexedDB and survive it.
 */
import { css, html, render } from 'lit';
import { Workbox } from 'workbox-window';
import { lateContentSettled } from '../../../shared/late-content.js';
import { messagesFor, messagesIfReady, resolveLocale } from '../../../shared/locale.js';
import { APP_UPDATE_MESSAGES, type AppUpdateMessages } from './app-update.messages.js';

export interface AppWorkerOptions {
  /** The built worker, e.g. `./sw.js`; its folder is the scope unless `scope` says otherwise. */
  scriptUrl: string;
  scope?: string;
  /** The element whose `locale` attribute or nearest `lang` picks the prompt's language (the scanner). */
  localeHost?: Element;
}

/** Registers the app's worker; `undefined` where the browser has no service workers. */
export function registerAppWorker(options: AppWorkerOptions): Workbox | undefined {
  if (!('serviceWorker' in navigator)) return undefined;
  const workbox = new Workbox(options.scriptUrl, options.scope ? { scope: options.scope } : {});
  let waiting = false;
  let accepted = false;
  let prompt: Promise<HTMLElement> | undefined;

  const reload = () => {
    accepted = true;
    if (!waiting) return location.reload();
    workbox.addEventListener('controlling', () => location.reload());
    workbox.messageSkipWaiting();
  };
  const offer = () => {
    prompt ??= showUpdatePrompt(options.localeHost ?? document.documentElement, {
      onReload: reload,
      onLater: () => void prompt?.then((element) => element.remove()),
    });
  };
  workbox.addEventListener('waiting', () => {
    waiting = true;
    offer();
  });
  // Another window of the app took the new version: this one runs old code under the new worker.
  workbox.addEventListener('controlling', (event) => {
    if (!event.isUpdate || accepted) return;
    waiting = false;
    offer();
  });
  void workbox.register().catch(() => undefined); // no worker: the app still runs, online
  return workbox;
}

const promptStyles = css`
  :host {
    display: block;
  }
  aside {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.6rem 0.75rem;
    background: #14213d;
    color: #ffffff;
    font: 1rem/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  p {
    flex: 1 1 14rem;
    margin: 0;
  }
  button {
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.4rem 1rem;
    border-radius: 0.6rem;
    border: 2px solid #ffd166;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .reload {
    background: #ffd166;
    color: #14213d;
  }
  .later {
    background: transparent;
    color: #ffffff;
  }
  button:focus-visible {
    outline: 3px solid #ffffff;
    outline-offset: 2px;
  }
`;

/**
 * The prompt, above the scanner in the page's flow (it covers nothing and takes no focus: a scan
 * under way goes on). Its status line is filled after it is in the page, so screen readers announce it.
 */
export async function showUpdatePrompt(localeHost: Element, actions: { onReload: () => void; onLater: () => void }): Promise<HTMLElement> {
  const locale = resolveLocale(localeHost, localeHost.getAttribute('locale'));
  const words: AppUpdateMessages = messagesIfReady(APP_UPDATE_MESSAGES, locale) ?? (await lateContentSettled(), messagesFor(APP_UPDATE_MESSAGES, locale));
  const host = document.createElement('div');
  host.dataset.appUpdate = '';
  host.lang = locale;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [promptStyles.styleSheet!];
  const draw = (status: string) =>
    render(
      html`<aside aria-label=${words.label}>
        <p role="status">${status}</p>
        <button type="button" class="reload" @click=${actions.onReload}>${words.reload}</button>
        <button type="button" class="later" @click=${actions.onLater}>${words.later}</button>
      </aside>`,
      root,
    );
  draw('');
  document.body.prepend(host);
  requestAnimationFrame(() => draw(words.ready));
  return host;
}
