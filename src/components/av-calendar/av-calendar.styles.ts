import { css } from 'lit';

/** The calendar's own layout; colours and fonts come from the shared AudienceView theme. */
export const calendarStyles = css`
  :host {
    --_radius: var(--av-radius, 0.5rem);
    --_gap: var(--av-gap, 0.5rem);
  }

  /* Header */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    margin-block-end: 0.75rem;
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 650;
    text-transform: capitalize;
  }
  .nav {
    display: flex;
    gap: 0.25rem;
  }
  .nav button {
    font: inherit;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .nav button:hover {
    background: var(--_surface-alt);
  }
  .nav .arrow {
    font-size: 1.25rem;
    line-height: 1;
  }
  button:focus-visible,
  a:focus-visible,
  [role='gridcell']:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .notice {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
  }
  .notice > * {
    display: inline;
    margin: 0;
  }
  .empty {
    margin: 0.75rem 0;
    color: var(--_muted);
  }

  /* Month grid */
  .grid {
    border-block-start: 1px solid var(--_border);
    border-inline-start: 1px solid var(--_border);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }
  .colhead {
    padding: 0.35rem 0.25rem;
    font-size: 0.8rem;
    font-weight: 600;
    text-align: center;
    color: var(--_muted);
    border-block-end: 1px solid var(--_border);
    border-inline-end: 1px solid var(--_border);
    background: var(--_surface-alt);
  }
  .day {
    /* A cell's contents never change the layout outside it: a month switch lays out cells alone. */
    contain: layout style;
    min-height: 6rem;
    min-width: 0;
    padding: 0.25rem;
    border-block-end: 1px solid var(--_border);
    border-inline-end: 1px solid var(--_border);
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .day.outside {
    background: var(--_surface-alt);
  }
  .day.outside .day-number {
    color: var(--_muted);
  }
  .day-number {
    font-size: 0.85rem;
    font-weight: 600;
    align-self: flex-end;
    min-width: 1.6rem;
    text-align: center;
    border-radius: 999px;
  }
  .day[aria-current='date'] .day-number {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .perf {
    display: block;
    min-width: 0;
    padding: 0.15rem 0.3rem;
    border-radius: calc(var(--_radius) / 2);
    border-inline-start: 3px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    color: var(--_text);
    font-size: 0.8rem;
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  a.perf:hover {
    background: color-mix(in srgb, var(--_accent) 20%, var(--_surface));
  }
  a.perf:hover .perf-title {
    text-decoration: underline;
  }
  .perf time {
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .perf :is(.super, .sub, .state):empty {
    display: none;
  }
  .perf .perf-title {
    display: block;
  }
  .perf .state {
    display: block;
    font-size: 0.75rem;
    font-weight: 600;
  }
  .perf .message {
    font-size: 0.75rem;
  }
  .perf .message > :first-child {
    margin-block-start: 0;
  }
  .perf .message > :last-child {
    margin-block-end: 0;
  }
  .perf .message a {
    color: inherit;
  }
  .more {
    align-self: stretch;
    padding: 0.15rem 0.3rem;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    color: var(--_accent);
    font: inherit;
    font-size: 0.8rem;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .more:hover {
    text-decoration: underline;
  }
  .perf[data-state='package-holders'] {
    border-inline-start-color: var(--_warning);
  }
  .perf[data-state='cancelled'],
  .perf[data-state='sold-out'],
  .perf[data-state='not-available'],
  .perf[data-state='sales-closed'],
  .perf[data-state='message'] {
    border-inline-start-color: var(--_muted);
    background: var(--_surface-alt);
  }
  .perf[data-state='cancelled'] .perf-title {
    text-decoration: line-through;
  }
  .perf[data-state='cancelled'] .state,
  .perf[data-state='sold-out'] .state {
    color: var(--_danger);
  }

  /* Compact grid on small containers: time and title only. */
  @container (max-width: 48rem) {
    .day {
      min-height: 4.5rem;
    }
    .grid .perf {
      font-size: 0.7rem;
      padding: 0.1rem 0.2rem;
    }
    .grid .perf .message,
    .grid .perf .sub {
      display: none;
    }
  }

  /* List view */
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  /* A festival month can hold a thousand performances: days off screen are not laid out until
     scrolled to (they stay in the accessibility tree and find-in-page). */
  .list-day {
    content-visibility: auto;
    contain-intrinsic-size: auto 8rem;
  }
  .list-day h3 {
    margin: 0 0 0.4rem;
    font-size: 1rem;
    padding-block-end: 0.25rem;
    border-block-end: 1px solid var(--_border);
  }
  .list-day[data-today] h3 {
    color: var(--_accent);
  }
  .list-day ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  /* In the list a performance and its details (door times, notes) share one card. */
  .list .entry {
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) / 2);
    border-inline-start: 3px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .list .entry:has(> a.perf:hover) {
    background: color-mix(in srgb, var(--_accent) 20%, var(--_surface));
  }
  .list .entry[data-state='package-holders'] {
    border-inline-start-color: var(--_warning);
  }
  .list .entry:is([data-state='cancelled'], [data-state='sold-out'], [data-state='not-available'], [data-state='sales-closed'], [data-state='message']) {
    border-inline-start-color: var(--_muted);
    background: var(--_surface-alt);
  }
  .list .perf,
  .list .perf[data-state],
  .list a.perf:hover {
    font-size: 0.95rem;
    padding: 0;
    border: 0;
    background: none;
  }
  .list .perf .state,
  .list .perf .message,
  .list .perf .details {
    font-size: 0.85rem;
  }
  .perf .super,
  .perf .sub {
    display: block;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  .details {
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
    color: var(--_text);
  }
  .details .notes > :first-child {
    margin-block-start: 0;
  }
  .details .notes > :last-child {
    margin-block-end: 0;
  }

  /* Loading skeleton */
  .loading.as-list {
    display: grid;
    align-content: start;
    gap: 0.35rem;
    /* A month's list is longer than a screen: the skeleton fills the screen, so what follows the
       calendar is below the fold before the list arrives and is not seen to move. */
    min-height: 100vh;
  }
  /* The bones pulse by opacity, which the compositor animates: a moving gradient repainted every
     frame on the main thread, while the page loads, on a phone (Lighthouse counted those paints
     as blocking time). */
  .bone {
    height: 4.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_border) 35%, var(--_surface-alt));
    animation: pulse 1.4s ease-in-out infinite alternate;
  }
  .as-list .bone {
    height: 3rem;
  }
  /* In a day of the grid skeleton: smaller than the day, so the rows keep the days' own height. */
  .day .bone {
    height: 0.9rem;
    margin-block-start: 1.4rem;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
    * {
      transition: none !important;
    }
  }
`;
