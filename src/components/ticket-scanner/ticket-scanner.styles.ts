import { css } from 'lit';
import { scanningStyles } from './views/scanning.styles.js';

/**
 * The door's layout. Colours and font come from the shared AudienceView theme (`--av-*`); the
 * verdict colours are the scanner's own (`--ticket-scanner-*`), each with a text colour chosen for
 * contrast (≥ 7:1) because they are read at arm's length, often in a dark foyer. The scanning
 * screen's part (verdict, entry, camera, cache, last scans) is views/scanning.styles.ts, after this.
 */
const frameStyles = css`
  :host {
    --_radius: var(--av-radius, 0.6rem);
    --_gap: var(--av-gap, 0.75rem);
    --_valid: var(--ticket-scanner-valid, #0a5c2c);
    --_on-valid: var(--ticket-scanner-on-valid, #ffffff);
    --_duplicate: var(--ticket-scanner-duplicate, #ffc233);
    --_on-duplicate: var(--ticket-scanner-on-duplicate, #1a1200);
    --_invalid: var(--ticket-scanner-invalid, #9d1c14);
    --_on-invalid: var(--ticket-scanner-on-invalid, #ffffff);
    --_unknown: var(--ticket-scanner-unknown, #33303d);
    --_on-unknown: var(--ticket-scanner-on-unknown, #ffffff);
    --_online: #1b7f4a;
    --_offline: #a15c00;
    font-size: 1rem;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_online: #6fdca0;
      --_offline: #ffb74d;
      --_unknown: var(--ticket-scanner-unknown, #4a4658);
    }
  }

  .scanner {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-height: var(--ticket-scanner-min-height, 100dvh);
    padding: var(--_gap);
    background: var(--_surface);
    color: var(--_text);
  }
  .scanner.starting {
    justify-content: center;
    align-items: center;
    color: var(--_muted);
  }
  h2 {
    margin: 0;
    font-size: 1.2rem;
    line-height: 1.25;
  }
  p {
    margin: 0;
  }
  code {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }

  /* Controls: big enough for a thumb in a hurry (44 px), visible focus */
  button,
  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--_radius);
  }
  button {
    padding: 0.4rem 1rem;
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 650;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
    font-weight: 650;
  }
  button.link {
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 0;
    background: transparent;
    color: inherit;
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  input,
  select {
    width: 100%;
    padding: 0.4rem 0.7rem;
    border: 1px solid var(--_muted);
    background: var(--_surface);
    color: var(--_text);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .field {
    margin-block: 0.75rem;
  }
  .field-problem {
    margin-block-start: 0.3rem;
    color: var(--_danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }

  /* Status bar: always there */
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.35rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .status .dot {
    width: 0.8rem;
    height: 0.8rem;
    border-radius: 50%;
    background: var(--_online);
  }
  .status[data-connection='offline'] .dot {
    background: transparent;
    border: 3px solid var(--_offline);
  }
  .status[data-connection='offline'] .connection {
    color: var(--_offline);
  }
  .status .pending {
    margin-inline-end: auto;
    font-weight: 450;
  }
  .status:not([data-pending='0']) .pending {
    color: var(--_warning);
  }
  .status .freshness {
    font-weight: 450;
  }
  .status .freshness[data-state='failed'] {
    color: var(--_warning);
  }

  .panel {
    width: 100%;
    max-width: 30rem;
    margin-inline: auto;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .intro,
  .kept,
  .empty {
    margin-block-start: 0.5rem;
    color: var(--_muted);
  }
  .panel .primary[type='submit'] {
    width: 100%;
    margin-block-start: 0.75rem;
  }
  .ended,
  .notice {
    margin-block-start: 0.75rem;
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    margin: 0;
  }
  .error {
    margin-block-start: 0.75rem;
  }
  .expired p {
    margin-block: 0.6rem;
  }
  .expired .code {
    color: var(--_muted);
    font-size: 0.9rem;
  }

  /* Failed scans: stay until acknowledged */
  .failed {
    padding: 0.6rem 0.8rem;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .failed h2 {
    font-size: 1rem;
  }
  .failed ul {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .failed li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
  }
  .failed .conflict {
    color: var(--_danger);
  }
  .failed .reason {
    flex: 1 1 12rem;
  }
  .failed time {
    color: var(--_muted);
  }
`;

export const scannerStyles = [frameStyles, scanningStyles];
