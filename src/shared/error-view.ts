/**
 * The one way an element shows a failure (the contract): a readable message in `part="error"`,
 * what the patron or editor can do about it, and a retry control. Words come from the error's
 * literal `name`, never from its message text, except for the vendor's own words.
 */
import { css, html, nothing } from 'lit';
import type { WidgetError } from '../api/errors.js';
import { messagesFor, type Catalog } from './locale.js';
import { vendorHtml } from './sanitize.js';
import type { ErrorMessages } from './error-view.messages.types.js';

export type { ErrorMessages } from './error-view.messages.types.js';

const MESSAGES: Catalog<ErrorMessages> = {
  en: {
    retry: 'Try again',
    offline: 'You seem to be offline. Check your connection and try again.',
    blocked: (v) => `Could not reach ${v}. If this keeps happening, this site's address must be allowed by ${v}.`,
    timeout: (v) => `${v} is taking too long to answer.`,
    http: (v, s) => `${v} could not answer right now (error ${s}).`,
    parse: (v) => `${v} sent an unexpected answer. It may be down for maintenance.`,
    vendor: (v) => `${v} said:`,
    config: 'This element is not set up correctly:',
    tryAgainIn: (s) => `Please try again in ${s} s.`,
  },
  others: () => import('./error-view.messages.i18n.js'),
};

export interface ErrorViewOptions {
  locale: string;
  /** The vendor's name as patrons know it, e.g. "AudienceView". */
  vendorName: string;
  onRetry?: () => void;
}

/** What to tell a person about an error, in their language. */
export function describeError(error: Error, { locale, vendorName }: Omit<ErrorViewOptions, 'onRetry'>): { summary: string; detail?: string; detailHtml?: string } {
  const m = messagesFor(MESSAGES, locale);
  const e = error as WidgetError;
  const wait = 'retryAfterMs' in e && e.retryAfterMs ? ' ' + m.tryAgainIn(Math.ceil(e.retryAfterMs / 1000)) : '';
  switch (e.name) {
    case 'NetworkError':
      return { summary: globalThis.navigator?.onLine === false ? m.offline : m.blocked(vendorName) };
    case 'TimeoutError':
      return { summary: m.timeout(vendorName) };
    case 'HttpError':
      return { summary: m.http(vendorName, e.status) + wait };
    case 'ParseError':
      return { summary: m.parse(vendorName) };
    case 'VendorError':
      return e.messageHtml ? { summary: m.vendor(vendorName) + wait, detailHtml: e.messageHtml } : { summary: m.vendor(vendorName) + wait, detail: e.message };
    case 'ConfigError':
      return { summary: m.config, detail: e.message };
    default:
      return { summary: m.http(vendorName, 0) };
  }
}

/** `part="error"` with the message and a retry button. */
export function renderErrorView(error: Error, options: ErrorViewOptions) {
  const { summary, detail, detailHtml } = describeError(error, options);
  const retry = messagesFor(MESSAGES, options.locale).retry;
  return html`<div part="error" class="error" role="alert" data-error-name=${error.name}>
    <p class="error-summary">${summary}</p>
    ${detailHtml ? html`<div class="error-detail">${vendorHtml(detailHtml)}</div>` : detail ? html`<p class="error-detail">${detail}</p>` : nothing}
    ${options.onRetry && error.name !== 'ConfigError'
      ? html`<button type="button" part="retry" class="error-retry" @click=${options.onRetry}>${retry}</button>`
      : nothing}
  </div>`;
}

export const errorViewStyles = css`
  .error {
    border: 1px solid color-mix(in srgb, var(--widget-danger, #b3261e) 40%, transparent);
    border-inline-start-width: 4px;
    border-radius: var(--widget-radius, 0.5rem);
    padding: 0.75rem 1rem;
    background: color-mix(in srgb, var(--widget-danger, #b3261e) 6%, transparent);
  }
  .error-summary { margin: 0; font-weight: 600; }
  .error-detail { margin: 0.35rem 0 0; }
  .error-retry {
    margin-top: 0.6rem;
    font: inherit;
    padding: 0.4rem 0.9rem;
    border-radius: var(--widget-radius, 0.5rem);
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .error-retry:focus-visible { outline: 3px solid var(--widget-accent, #5b3cc4); outline-offset: 2px; }
`;
