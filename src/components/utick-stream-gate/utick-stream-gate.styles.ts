import { css } from 'lit';
import { cardListStyles } from '../../shared/audienceview/cards.styles.js';

/** On the shared theme (`--av-*`): one column that reads well from 320 px up. */
export const styles = [
  ...cardListStyles,
  css`
    :host {
      max-width: 48rem;
    }
    .details,
    .status,
    .form,
    .content {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 1rem;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .details + *,
    .countdown + .form,
    .form + .shop,
    .details ~ .content {
      margin-top: var(--_gap);
    }
    .details p,
    .status p,
    .form p,
    .content p {
      margin: 0;
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0.2rem 0;
    }
    .dates dt {
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: var(--_muted);
    }
    .dates dd {
      margin: 0;
      font-weight: 600;
    }
    .where {
      color: var(--_muted);
    }
    .venue-name {
      font-weight: 600;
    }
    .status {
      border-inline-start: 4px solid var(--_warning);
      font-weight: 600;
    }
    .status[data-availability='cancelled'] {
      border-inline-start-color: var(--_danger);
    }
    .countdown {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      margin: 0;
    }
    .countdown-value {
      font-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--_accent);
    }
    .label {
      font-weight: 600;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.92rem;
    }
    .free-access {
      font-weight: 600;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    input {
      flex: 1 1 12rem;
      min-width: 0;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      font: inherit;
      font-size: 1.1rem;
      letter-spacing: 0.08em;
      color: var(--_text);
      background: var(--_surface);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    input:focus-visible,
    .granted:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .button[disabled] {
      opacity: 0.7;
      cursor: progress;
    }
    .denied {
      color: var(--_danger);
      font-weight: 600;
    }
    .feedback:empty {
      display: none;
    }
    .shop a {
      color: var(--_accent);
      font-weight: 600;
    }
    .granted {
      font-weight: 600;
    }
    .player ::slotted(*) {
      display: block;
      max-width: 100%;
    }
  `,
];
