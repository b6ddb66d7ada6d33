/**
 * The look the three AudienceView elements share, so a venue themes them once: every colour, the
 * font and the radius come from `--av-*` custom properties, with light and dark defaults (WCAG AA
 * on their surfaces). Internal `--_*` properties hold the resolved values; `--widget-*` feed the
 * shared error view. Each element adds its own `--_radius` and `--_gap` defaults.
 */
import { css } from 'lit';
import { baseStyles } from '../base.styles.js';

export const avThemeStyles = css`
  ${baseStyles}
  :host {
    display: block;
    container-type: inline-size;
    --_accent: var(--av-accent, #5b3cc4);
    --_on-accent: var(--av-on-accent, #ffffff);
    --_text: var(--av-text, #1d1b20);
    --_muted: var(--av-muted, #595761);
    --_surface: var(--av-surface, #ffffff);
    --_surface-alt: var(--av-surface-alt, #f4f2f7);
    --_border: var(--av-border, #d6d3dc);
    --_danger: var(--av-danger, #a8231b);
    --_warning: var(--av-warning, #7a4b00);
    --_skeleton: var(--av-skeleton, #ebe8f0);
    --_focus: var(--av-focus, var(--_accent));
    --widget-accent: var(--_focus);
    --widget-danger: var(--_danger);
    --widget-radius: var(--_radius);
    font-family: var(--av-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
    line-height: 1.4;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--av-accent, #b9a5ff);
      --_on-accent: var(--av-on-accent, #1b0d4a);
      --_text: var(--av-text, #ecebf0);
      --_muted: var(--av-muted, #b5b2bd);
      --_surface: var(--av-surface, #17161b);
      --_surface-alt: var(--av-surface-alt, #24222a);
      --_border: var(--av-border, #45424d);
      --_danger: var(--av-danger, #ffb4ab);
      --_warning: var(--av-warning, #f5c26b);
      --_skeleton: var(--av-skeleton, #34313a);
    }
  }
`;
