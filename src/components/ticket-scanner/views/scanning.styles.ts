import { css } from 'lit';

/** The scanning screen: the verdict filling the space between the bars, the entry, the camera, the downloaded tickets, the last scans. */
export const scanningStyles = css`
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

  /* The camera, above the verdict: aim at the top, the verdict's colour below (the viewfinder's
     styles come with the camera's chunk, scanner-camera.ts) */
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
  .door-log {
    margin-block: 0.75rem;
  }
  .door-log summary {
    cursor: pointer;
    font-weight: 600;
    padding-block: 0.625rem;
  }
`;
