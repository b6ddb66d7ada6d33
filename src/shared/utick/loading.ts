import { html } from 'lit';

/** `part="loading"`: placeholder blocks, announced once as busy (styled by the shared card styles' `.bone`). */
export function renderUtickLoading(label: string, blocks = 1) {
  return html`<div part="loading" class="loading" role="status" aria-busy="true">
    <span class="sr-only">${label}</span>
    ${Array.from({ length: blocks }, () => html`<div class="card skeleton" aria-hidden="true"><span class="bone wide"></span><span class="bone"></span><span class="bone short"></span></div>`)}
  </div>`;
}
