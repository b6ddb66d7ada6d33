import { css } from 'lit';

/** `<vista-member-login>`'s own layout; the shared look is in vista-theme.styles.ts. */
export const loginStyles = css`
  .identify {
    gap: 0.4rem;
  }
  .lockout {
    font-size: 1.4rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .member {
    background: var(--_surface-alt);
  }
  .details {
    display: grid;
    gap: var(--_gap);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .saved {
    color: var(--_success);
    font-weight: 600;
  }
`;
