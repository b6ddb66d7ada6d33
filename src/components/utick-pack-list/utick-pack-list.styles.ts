import { css } from 'lit';
import { cardListStyles } from '../../shared/audienceview/cards.styles.js';

/** The shared card grid (`--av-*` theme): one column on a phone, as many as fit on a wide screen. */
export const styles = [
  ...cardListStyles,
  css`
    /* Opening one pack's sets must not stretch its neighbours. */
    .grid {
      align-items: start;
    }
    .image {
      display: block;
      width: 100%;
      aspect-ratio: 16 / 9;
      object-fit: cover;
      background: var(--_surface-alt);
    }
    .type {
      align-self: flex-start;
      padding: 0.1rem 0.55rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--_muted);
    }
    .pick {
      color: var(--_muted);
      font-size: 0.92rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: auto;
      padding-top: 0.5rem;
    }
    /* Packs under their parent (mainpackid): a quieter list inside the parent's card. */
    .children {
      list-style: none;
      display: grid;
      gap: 0.5rem;
      margin: 0.75rem 0 0;
      padding: 0 0 0 0.75rem;
      border-inline-start: 3px solid var(--_border);
    }
    .children .image {
      display: none;
    }
    .sets {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      margin-top: 0.5rem;
    }
    .set {
      padding: 0.75rem;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .set-title {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .stocks {
      list-style: none;
      margin: 0.5rem 0 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .stock {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 0.75rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--_border);
    }
    .stock-label {
      flex-basis: 100%;
      font-weight: 600;
    }
    .stock-venue,
    .stock-when {
      color: var(--_muted);
    }
    .stock-price {
      margin-inline-start: auto;
      font-weight: 600;
    }
    .stock[data-available='false'] .stock-label {
      text-decoration: line-through;
    }
    .sold-out {
      font-weight: 600;
      color: var(--_danger);
    }
    .range:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .button[disabled] {
      opacity: 0.5;
      cursor: default;
    }
    .loading {
      display: grid;
      gap: var(--_gap);
    }
  `,
];
