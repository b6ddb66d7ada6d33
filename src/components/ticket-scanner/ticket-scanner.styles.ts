import { css } from 'lit';

/**
 * The door's layout. Colours and font come from the shared AudienceView theme (`--av-*`); the
 * verdict colours are the scanner's own (`--ticket-scanner-*`), each with a text colour chosen for
 * contrast (≥ 7:1) because they are read at arm's length, often in a dark foyer.
 */
export const scannerStyles = css`
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

  /* Scanning */
  .scan-view {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .context {
    display: grid;
    gap: 0.25rem;
  }
  .context .what-row,
  .context .who {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .context .what {
    font-weight: 650;
    font-size: 1.05rem;
  }
  .context .user {
    color: var(--_muted);
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .context button {
    flex: none;
  }

  /* The verdict fills the space between the bars: a phone held out at arm's length shows one colour */
  .stage {
    flex: 1 0 auto;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-height: 14rem;
  }
  .ready,
  .unchecked {
    flex: 1;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    gap: 0.75rem;
    padding: 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
    font-size: 1.3rem;
    color: var(--_muted);
  }
  .unchecked {
    border-style: solid;
    border-color: var(--_danger);
    color: var(--_text);
    font-size: 1rem;
  }
  .unchecked .error {
    text-align: start;
  }
  .verdict {
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  .verdict-content {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    padding: 1.25rem 1rem;
    text-align: center;
  }
  /* A fresh verdict covers the whole scanner, the door app's whole screen: one colour, read at arm's
     length. Its words stay in view (sticky) however tall the scanner is and wherever it is scrolled. */
  .scanner {
    position: relative;
  }
  .verdict.fresh {
    position: absolute;
    inset: 0;
    z-index: 3;
    border-radius: 0;
    cursor: pointer;
  }
  .verdict.fresh .verdict-content {
    position: sticky;
    top: 0;
    min-height: min(100%, 100dvh);
    padding: 2rem 1.25rem;
    animation: verdict-in 160ms ease-out;
  }
  .verdict[data-verdict='valid'] {
    --_bg: var(--_valid);
    --_fg: var(--_on-valid);
  }
  .verdict[data-verdict='duplicate'] {
    --_bg: var(--_duplicate);
    --_fg: var(--_on-duplicate);
  }
  .verdict[data-verdict='invalid'] {
    --_bg: var(--_invalid);
    --_fg: var(--_on-invalid);
  }
  .verdict[data-verdict='unknown'] {
    --_bg: var(--_unknown);
    --_fg: var(--_on-unknown);
  }
  .verdict .icon {
    font-size: clamp(4rem, 22vw, 8rem);
    line-height: 1;
    display: flex;
  }
  .verdict-title {
    font-size: var(--ticket-scanner-verdict-size, clamp(2.2rem, 11vw, 4rem));
    font-weight: 800;
    letter-spacing: 0.01em;
    text-transform: uppercase;
    line-height: 1.05;
  }
  .verdict-hint {
    font-size: 1.25rem;
    font-weight: 600;
  }
  .offline-mark {
    padding: 0.15rem 0.6rem;
    border: 2px solid currentColor;
    border-radius: 0.4rem;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem 1.5rem;
    margin: 0.25rem 0 0;
    font-size: 1.2rem;
  }
  .facts dt {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    opacity: 0.9;
  }
  .facts dd {
    margin: 0;
    font-weight: 700;
  }
  .verdict .vendor-message,
  .verdict .reason,
  .verdict .performance {
    max-width: 36rem;
    font-size: 0.95rem;
  }
  /* AudienceView's own banner repeats most of the facts: kept (it can say more), but quieter */
  .verdict .vendor-message {
    padding-block-start: 0.4rem;
    border-block-start: 1px solid color-mix(in srgb, currentColor 40%, transparent);
  }
  .verdict .meta {
    font-size: 0.9rem;
    opacity: 0.9;
  }
  /* After a few seconds the verdict steps back: still there, no longer shouting */
  .verdict.settled .verdict-content {
    flex-direction: row;
    justify-content: flex-start;
    gap: 0.75rem;
    padding: 0.6rem 0.8rem;
    text-align: start;
  }
  .verdict.settled .verdict-body {
    flex: 1;
    min-width: 0;
  }
  .verdict.settled .icon {
    font-size: 2rem;
  }
  .verdict.settled .verdict-title {
    font-size: 1.3rem;
  }
  .verdict.settled .verdict-hint,
  .verdict.settled .vendor-message,
  .verdict.settled .performance,
  .verdict.settled .facts {
    display: none;
  }

  .entry-row {
    display: flex;
    gap: 0.5rem;
  }
  .entry input {
    flex: 1;
    min-width: 0;
    font-size: 1.2rem;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
  }

  /* Offline cache */
  .cache {
    display: grid;
    gap: 0.4rem;
    padding: 0.6rem 0.8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.95rem;
  }
  .cache h2 {
    font-size: 1rem;
  }
  .cache .stale {
    color: var(--_warning);
  }
  .cache .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .cache .progress label {
    margin: 0;
  }
  .cache progress {
    flex: 1 1 10rem;
    height: 1rem;
    accent-color: var(--_accent);
  }
  .cache .refresh {
    justify-self: start;
  }

  dialog.confirm {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog.confirm::backdrop {
    background: rgb(0 0 0 / 0.55);
  }

  /* Scale only: a fading verdict would pass through colours too pale to read */
  @keyframes verdict-in {
    from {
      transform: scale(0.94);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .verdict.fresh .verdict-content {
      animation: none;
    }
  }

  /* The camera, above the verdict: aim at the top, the verdict's colour below; the viewfinder
     no taller than 40% of the screen so the verdict stays in view */
  .camera {
    display: grid;
    gap: 0.5rem;
  }
  .camera-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .camera-bar [aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .camera-problem {
    display: grid;
    gap: 0.25rem;
    padding: 0.6rem 0.8rem;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .viewfinder {
    position: relative;
    overflow: hidden;
    aspect-ratio: 4 / 3;
    width: min(100%, 40dvh * 4 / 3);
    justify-self: center;
    border-radius: var(--_radius);
    background: #000;
    /* A code read: the frame lights up in the valid colour for a moment */
    outline: 0 solid var(--_valid);
    transition: outline-width 120ms ease-out;
  }
  .viewfinder.hit {
    outline-width: 6px;
    outline-offset: -6px;
  }
  .viewfinder video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .camera-starting,
  .camera-hint {
    position: absolute;
    inset-inline: 0;
    bottom: 0;
    padding: 0.4rem 0.6rem;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    text-align: center;
  }
  .camera-starting {
    inset-block: 0;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  @media (prefers-reduced-motion: reduce) {
    .viewfinder {
      transition: none;
    }
  }

  /* The last scans and this session's tally */
  .history-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
  }
  .history h3 {
    margin: 0;
    font-size: 1rem;
  }
  .door-count {
    margin: 0.25rem 0 0;
    font-size: 1.15rem;
    font-weight: 650;
  }
  .tally {
    margin: 0.25rem 0 0.5rem;
    color: var(--_muted);
  }
  .sound {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.25rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: transparent;
    color: var(--_text);
  }
  .sound[aria-pressed='false'] {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .recent {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .recent li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
    min-width: 0;
  }
  .recent code {
    overflow-wrap: anywhere;
  }
  .recent time {
    margin-inline-start: auto;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .recent .mark {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    align-self: center;
    background: var(--_unknown);
  }
  .recent [data-verdict='valid'] .mark {
    background: var(--_valid);
  }
  .recent [data-verdict='duplicate'] .mark {
    background: var(--_duplicate);
  }
  .recent [data-verdict='invalid'] .mark {
    background: var(--_invalid);
  }
`;
