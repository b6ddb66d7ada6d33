/**
 * Form pieces both Vista elements use: a labelled field whose problem is tied to it
 * (`aria-invalid` + `aria-describedby`), and an error summary (GOV.UK's pattern) whose items link
 * to their fields. Focus moves to the summary when it appears, so a screen reader reads it first;
 * its links move focus to the field (plain `#id` links cannot reach into a shadow root).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { renderErrorView } from '../error-view.js';

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  problem?: string | undefined;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  value?: string;
  hint?: string;
  pattern?: string;
}

/** A labelled input with its hint and problem text tied to it. */
export function renderField(f: FieldOptions): TemplateResult {
  const described = [f.hint ? `${f.id}-hint` : '', f.problem ? `${f.id}-problem` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${f.id}>${f.label}</label>
    ${f.hint ? html`<p id="${f.id}-hint" class="muted">${f.hint}</p>` : nothing}
    ${f.problem ? html`<p id="${f.id}-problem" class="field-problem">${f.problem}</p>` : nothing}
    <input
      id=${f.id}
      name=${f.name}
      type=${f.type ?? 'text'}
      autocomplete=${f.autocomplete ?? 'off'}
      inputmode=${ifDefined(f.inputmode)}
      pattern=${ifDefined(f.pattern)}
      autocapitalize="off"
      spellcheck="false"
      required
      .value=${f.value ?? ''}
      aria-invalid=${f.problem ? 'true' : 'false'}
      aria-describedby=${described || nothing}
    />
  </div>`;
}

/** One line of an error summary; `field` is the id of the input it is about. */
export interface SummaryItem {
  text: string;
  field?: string;
}

/** `part="error-summary"`: a title and the problems, each linked to its field. Focus it after render. */
export function renderSummary(title: string, items: readonly SummaryItem[], root: () => ShadowRoot | null): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const focusField = (event: Event, id: string) => {
    event.preventDefault();
    root()?.getElementById(id)?.focus();
  };
  return html`<div part="error-summary" class="summary" tabindex="-1" aria-labelledby="summary-title">
    <h3 id="summary-title">${title}</h3>
    <ul>
      ${items.map((item) =>
        item.field
          ? html`<li><a href="#${item.field}" @click=${(e: Event) => focusField(e, item.field!)}>${item.text}</a></li>`
          : html`<li>${item.text}</li>`,
      )}
    </ul>
  </div>`;
}

/** Minutes and seconds, `m:ss`, for a countdown. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A failure in `part="error"`, worded for Vista; with `retry`, its button first clears the error
 * (`clear`) and then tries again.
 */
export function renderVistaError(error: Error | undefined, locale: string, retry: (() => void) | undefined, clear: () => void): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return renderErrorView(error, {
    locale,
    vendorName: 'Vista',
    ...(retry
      ? {
          onRetry: () => {
            clear();
            retry();
          },
        }
      : {}),
  });
}
