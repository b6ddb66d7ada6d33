import { css } from 'lit';
import { cardListStyles } from '../../shared/audienceview/cards.styles.js';

export const styles = [
  ...cardListStyles,
  css`
    .performance {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      padding: 0.9rem 1rem;
      color: inherit;
      text-decoration: none;
      flex: 1;
    }
    a.performance {
      cursor: pointer;
    }
    a.performance:hover .title {
      text-decoration: underline;
    }
    a.performance:focus-visible {
      outline-offset: -3px;
      border-radius: var(--_radius);
    }
    .performance:focus:not(:focus-visible) {
      outline: none;
    }
    .thumb {
      width: 3.5rem;
      height: 3.5rem;
      object-fit: contain;
      border-radius: 0.35rem;
      align-self: flex-end;
      margin-bottom: -3.5rem;
    }
    .when {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 0.6rem;
      font-weight: 700;
      color: var(--_accent);
      padding-inline-end: 4rem;
    }
    .performance:not(:has(.thumb)) .when {
      padding-inline-end: 0;
    }
    .title {
      display: block;
      font-size: 1.1rem;
      font-weight: 600;
      line-height: 1.25;
    }
    .eyebrow,
    .subtitle,
    .seating {
      display: block;
    }
    .seating {
      font-size: 0.85rem;
      color: var(--_muted);
    }
    .state {
      align-self: flex-start;
      margin-top: 0.3rem;
      padding: 0.1rem 0.55rem;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.85rem;
      font-weight: 600;
    }
    .event[data-state='cancelled'] .title,
    .event[data-state='cancelled'] .when {
      text-decoration: line-through;
    }
    .event:not(:has(a.performance)) .when {
      color: var(--_muted);
    }
    .cta {
      align-self: flex-start;
      margin-top: 0.5rem;
      padding: 0.3rem 0.9rem;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    .details {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      padding: 0 1rem 0.9rem;
      font-size: 0.93rem;
    }
    .details p {
      margin: 0;
    }
    .entries ul {
      display: inline;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .entry {
      display: inline;
    }
    .entry:not(:last-child)::after {
      content: ', ';
    }
    .entry.sold-out {
      color: var(--_muted);
    }
    .entries-label {
      margin-inline-end: 0.3rem;
    }
    /* "Show more" while the whole list is on its way */
    .more[aria-busy='true'] {
      cursor: progress;
      opacity: 0.7;
    }
  `,
];
