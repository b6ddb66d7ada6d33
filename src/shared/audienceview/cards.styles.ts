/**
 * Styles shared by the AudienceView card lists, on the shared AudienceView theme: the responsive
 * card grid (one column at 320 px, as many as fit on a wide screen), skeletons without motion for
 * people who asked for less, the warning notice and focus rings.
 */
import { css } from 'lit';
import { avThemeStyles } from './theme.styles.js';
import { errorViewStyles } from '../error-view.js';

export const cardListStyles = [
  avThemeStyles,
  errorViewStyles,
  css`
    :host {
      --_radius: var(--av-radius, 0.75rem);
      --_gap: var(--av-gap, 1rem);
      line-height: 1.45;
    }

    .grid {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_gap);
      grid-template-columns: 1fr;
    }
    @container (min-width: 36rem) {
      .grid {
        grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
      }
    }
    @container (min-width: 90rem) {
      .grid {
        grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
      }
    }

    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      min-width: 0;
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .card-body {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      padding: 0.9rem 1rem 1rem;
      flex: 1;
    }
    .card p {
      margin: 0;
    }
    .eyebrow {
      font-size: 0.8rem;
      letter-spacing: 0.03em;
      text-transform: uppercase;
      color: var(--_muted);
    }
    .title {
      margin: 0;
      font-size: 1.15rem;
      line-height: 1.25;
    }
    .subtitle {
      font-style: italic;
    }
    .venue {
      display: flex;
      flex-direction: column;
      font-size: 0.92rem;
    }
    .venue-name {
      font-weight: 600;
    }
    .venue-phone a {
      color: inherit;
    }
    .venue-transit {
      font-size: 0.85rem;
      opacity: 0.85;
    }
    .vendor-html :is(p, ul, ol) {
      margin: 0.25rem 0;
    }
    .vendor-html a {
      color: inherit;
      text-decoration: underline;
    }

    a:focus-visible,
    button:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4rem;
      min-height: 2.75rem;
      padding: 0.5rem 1.1rem;
      border-radius: var(--_radius);
      border: 2px solid var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
      font: inherit;
      font-weight: 600;
      text-decoration: none;
      cursor: pointer;
    }
    .button.secondary {
      background: transparent;
      color: var(--_accent);
    }

    .warning {
      margin: 0 0 var(--_gap);
      padding: 0.6rem 1rem;
      border: 1px solid var(--_warning);
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
      color: var(--_text);
    }
    .warning-heading {
      margin: 0;
      font-weight: 600;
    }
    .warning ul {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.2rem;
    }

    .empty {
      margin: 0;
      padding: 1rem;
      color: var(--_muted);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }

    .skeleton {
      gap: 0.6rem;
      padding: 1rem;
      min-height: 9rem;
    }
    /* A season or an upcoming list is longer than a screen: the skeleton fills the screen, so
       what follows the list is below the fold before the answer arrives and is not seen to move. */
    [part='loading'] {
      min-height: 100vh;
    }
    .bone {
      display: block;
      height: 0.9rem;
      width: 70%;
      border-radius: 0.3rem;
      background: var(--_skeleton);
    }
    .bone.wide {
      height: 4.5rem;
      width: 100%;
    }
    .bone.short {
      width: 40%;
    }
    /* A pulse of opacity, which the compositor animates (a moving gradient is repainted on the
       main thread every frame while the page loads, which a phone pays for in blocking time). */
    @media (prefers-reduced-motion: no-preference) {
      .bone {
        animation: pulse 1.4s ease-in-out infinite alternate;
      }
      @keyframes pulse {
        to {
          opacity: 0.45;
        }
      }
    }
    /* Under a list: how much of it is shown, and the control for more (a "Show more" or a pager) */
    .list-footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      margin-top: var(--_gap);
    }
    .list-footer-note {
      margin: 0;
      color: var(--_muted);
    }
  `,
];
