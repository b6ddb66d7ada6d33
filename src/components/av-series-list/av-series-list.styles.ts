import { css } from 'lit';
import { cardListStyles } from '../../shared/audienceview/cards.styles.js';

/**
 * The series cards wear their production colour (the seed's table: all light tints) in light and
 * dark pages alike, so their text and buy button use fixed readable colours instead of the
 * page-theme ones, which may be light-on-dark.
 */
export const styles = [
  ...cardListStyles,
  css`
    .series {
      background: var(--_series-bg, var(--_surface));
      color: var(--_series-text, var(--_text));
      border-color: color-mix(in srgb, var(--_series-text, var(--_text)) 18%, transparent);
      --_muted: color-mix(in srgb, var(--_series-text, var(--_text)) 78%, var(--_series-bg, var(--_surface)));
      --_accent: var(--av-series-accent, #4b2fae);
      --_on-accent: #ffffff;
      --_focus: var(--av-series-accent, #4b2fae);
    }
    .logo {
      display: block;
      width: 100%;
      aspect-ratio: 2 / 1;
      object-fit: contain;
      background: color-mix(in srgb, var(--_series-bg, var(--_surface)) 85%, #ffffff);
    }
    .dates {
      font-weight: 600;
    }
    /* A heading by role (its level follows the page), bold as an <h3> was. */
    .title {
      font-weight: 700;
    }
    .alert {
      padding: 0.4rem 0.6rem;
      border-inline-start: 3px solid currentColor;
      background: color-mix(in srgb, #ffffff 45%, transparent);
      border-radius: 0.25rem;
    }
    .description {
      font-size: 0.95rem;
    }
    .unavailable {
      font-weight: 600;
    }
    .actions {
      margin-top: auto;
      padding-top: 0.5rem;
    }
    .buy {
      width: 100%;
    }
    @container (min-width: 36rem) {
      .buy {
        width: auto;
      }
    }
  `,
];
