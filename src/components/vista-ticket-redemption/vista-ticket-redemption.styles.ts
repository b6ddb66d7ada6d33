import { css } from 'lit';

/** `<vista-ticket-redemption>`'s own layout; the shared look is in vista-theme.styles.ts. */
export const redemptionStyles = css`
  section {
    display: grid;
    gap: calc(var(--_gap) * 0.75);
  }
  .panel {
    max-width: 40rem;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .card {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .card-name {
    font-weight: 600;
  }
  .friend {
    font-style: italic;
  }
  .friend::before {
    content: '♥ ';
    font-style: normal;
  }
  .in-use {
    color: var(--_success);
    font-weight: 600;
  }
  .partner {
    display: grid;
    gap: var(--_gap);
  }
  .stepper {
    display: flex;
    gap: 0.4rem;
    align-items: stretch;
    max-width: 14rem;
  }
  .stepper input {
    text-align: center;
  }
  .stepper button {
    min-width: 2.75rem;
    font-size: 1.2rem;
    padding: 0;
  }
  button.link {
    justify-self: start;
    border-color: transparent;
    text-decoration: underline;
    min-height: 2.75rem;
  }
  .notice.done {
    border-color: var(--_success);
    color: var(--_success);
    font-weight: 600;
  }
`;
