import { css } from 'lit';

/**
 * The calendar's frame: header, notice, the grid's frame and the skeleton (what the first paint
 * shows; the skeleton takes the final size). The performances, the busy days' button and the list
 * come with the month's views (views/month.styles.ts). Colours and fonts come from the shared
 * AudienceView theme.
 */
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
  /* Compact grid on small containers (the skeleton's days too); the performances' part is in views/month.styles.ts. */
  @container (max-width: 48rem) {
    .day {
      min-height: 4.5rem;
    }
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
