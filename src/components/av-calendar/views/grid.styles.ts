import { css } from 'lit';

/** What only the grid wears: the busy days' button, the compact cells of a small container (with views/grid-views.ts). */
export const gridStyles = css`
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
  /* Compact grid on small containers: time and title only. */
  @container (max-width: 48rem) {
    .grid .perf {
      font-size: 0.7rem;
      padding: 0.1rem 0.2rem;
    }
    .grid .perf .message,
    .grid .perf .sub {
      display: none;
    }
  }
`;
