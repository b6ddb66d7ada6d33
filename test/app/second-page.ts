/**
 * A second page in the test's own browser context (same origin storage, same cookies), driven from
 * the test through the `second-page` server command (test/app/page-commands.mjs): for what a test
 * page cannot do to itself, e.g. be controlled by a service worker from its first load, reload
 * with no network, or ask Chromium whether it is installable. Chromium and Firefox (Puppeteer);
 * WebKit is driven through WebDriver here, where the command is not available.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface SecondPage {
  /** A JavaScript expression evaluated in the page (a promise is awaited); its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until the expression is truthy in the page; its JSON value. */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
  /** Types text as a keyboard does, into what has focus. */
  type(text: string): Promise<void>;
  /** Presses one key (`Tab`, `Enter`, `Escape`, `Space`…). */
  press(key: string): Promise<void>;
  /** Takes the page's network away, or gives it back (service workers included). */
  offline(offline: boolean): Promise<void>;
  /** Removes every cookie of the test's browser context. */
  clearCookies(): Promise<void>;
  /** A Chrome DevTools Protocol command for this page: Chromium only. */
  cdp<T>(method: string, params?: object): Promise<T>;
  /** Reloads; false when the page could not load. */
  reload(): Promise<boolean>;
  /** Uncaught errors the page has thrown so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

type Answer<T> = { value: T };

export interface SecondPageOptions {
  viewport?: { width: number; height: number };
  /**
   * `test` (default): the test's own browser context, sharing its storage and cookies. `default`:
   * the browser's default context, the only one Chromium may call installable (the tests' own
   * contexts are incognito-like); leave it as found.
   */
  context?: 'test' | 'default';
}

export async function openSecondPage(url: string, options: SecondPageOptions = {}): Promise<SecondPage> {
  const command = <R>(payload: object) => executeServerCommand<R, object>('second-page', payload);
  const { id } = await command<{ id: string }>({ action: 'open', url: new URL(url, location.href).href, ...options });
  return {
    evaluate: async (expression) => (await command<Answer<any>>({ action: 'evaluate', id, expression })).value,
    waitFor: async (expression, timeoutMs) => (await command<Answer<any>>({ action: 'waitFor', id, expression, timeoutMs })).value,
    type: async (text) => void (await command({ action: 'type', id, text })),
    press: async (key) => void (await command({ action: 'press', id, key })),
    offline: async (offline) => void (await command({ action: 'offline', id, offline })),
    clearCookies: async () => void (await command({ action: 'clearCookies', id })),
    cdp: async (method, params) => (await command<Answer<any>>({ action: 'cdp', id, method, params })).value,
    reload: async () => (await command<{ ok: boolean }>({ action: 'reload', id })).ok,
    errors: async () => (await command<Answer<string[]>>({ action: 'errors', id })).value,
    close: async () => void (await command({ action: 'close', id })),
  };
}
