import { css } from 'lit';

/**
 * The month's own styles: performances in the grid and the list, the list view (the grid's own
 * are in grid.styles.ts). They come with the month's views (views/month-views.ts) and are adopted
 * by the shadow root in the render that first shows a month, so nothing paints unstyled.
 */
export const monthStyles = css`
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

  /* List view */
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  /* While its later batches are on their way the list holds the skeleton's place (a screen), so
     what follows the calendar is not pulled up and pushed down again. */
  .list[aria-busy='true'] {
    min-height: 100vh;
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
`;
