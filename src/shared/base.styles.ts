/**
 * What every element's shadow root starts from, whatever its vendor theme: `hidden` hides the
 * host, sizes include borders, and `.sr-only` text is read by screen readers but not shown.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
