/**
 * The look the two Vista elements share, so a cinema themes them once: colours, font and radius
 * from `--vista-*` custom properties with light and dark defaults (WCAG AA on their surfaces),
 * and the form controls, error summary and notices both use. `--widget-*` feed the shared error view.
 */
import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

export const vistaThemeStyles = css`
  ${baseStyles}
  :host {
    display: block;
    --_accent: var(--vista-accent, #0b5cad);
    --_on-accent: var(--vista-on-accent, #ffffff);
    --_text: var(--vista-text, #1b1c1f);
    --_muted: var(--vista-muted, #55585f);
    --_surface: var(--vista-surface, #ffffff);
    --_surface-alt: var(--vista-surface-alt, #f2f4f7);
    --_border: var(--vista-border, #8a8f98);
    --_danger: var(--vista-danger, #b3261e);
    --_success: var(--vista-success, #1e6b34);
    --_radius: var(--vista-radius, 0.5rem);
    --_gap: var(--vista-gap, 1rem);
    --widget-accent: var(--_accent);
    --widget-danger: var(--_danger);
    --widget-radius: var(--_radius);
    font-family: var(--vista-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
    line-height: 1.45;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--vista-accent, #9cc7ff);
      --_on-accent: var(--vista-on-accent, #00203f);
      --_text: var(--vista-text, #e8e9ec);
      --_muted: var(--vista-muted, #b8bcc4);
      --_surface: var(--vista-surface, #16181c);
      --_surface-alt: var(--vista-surface-alt, #22252b);
      --_border: var(--vista-border, #80858f);
      --_danger: var(--vista-danger, #ffb4ab);
      --_success: var(--vista-success, #8fd6a0);
    }
  }
  .panel {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    max-width: 32rem;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.2;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  p {
    margin: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  .field {
    display: grid;
    gap: 0.3rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox'], [type='radio']),
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.7rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .field-problem {
    color: var(--_danger);
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .summary,
  .notice {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  .summary ul {
    margin: 0.4rem 0 0;
    padding-inline-start: 1.2rem;
  }
  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice.info {
    border-color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s;
    }
  }
`;
