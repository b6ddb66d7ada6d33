/** The form that chooses client, production and performance. */
import { html, nothing } from 'lit';
import { renderErrorView } from '../../../shared/error-view.js';
import type { ChoiceStep } from '../controllers/choice.js';
import { performancesOf, productionsOf } from '../controllers/scan-choice.js';
import type { ScannerMessages } from '../ticket-scanner.messages.js';
import { VENDOR, performanceLabel, type ScannerView } from './scanner-view.js';

export function renderChoose(s: ScannerView, m: ScannerMessages, locale: string) {
  const fixed = s.fixedChoice();
  const d = s.choice.draft;
  const productions = productionsOf(s.choice.options, d.clientId);
  const performances = performancesOf(s.choice.options, d);
  const select = (
    step: ChoiceStep,
    label: string,
    value: number | null | undefined,
    choices: Array<{ id: number; label: string }>,
    all?: string,
  ) => {
    const invalid = s.choice.problem && value === undefined;
    const id = step.replace('Id', '');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${id}-problem` : nothing}
        @change=${(e: Event) => s.choice.stepChanged(step, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${value === undefined}>${m.choose}</option>
        ${all ? html`<option value="all" ?selected=${value === null}>${all}</option>` : nothing}
        ${choices.map((c) => html`<option value=${c.id} ?selected=${value === c.id}>${c.label}</option>`)}
      </select>
      ${invalid ? html`<p id="${id}-problem" class="field-problem">${m.chooseMissing}</p>` : nothing}
    </div>`;
  };
  const clients = s.choice.options ?? [];
  // Steps fixed by an attribute, or with a single option (chosen by itself), are not asked.
  return html`<form part="choose" class="panel choose" novalidate aria-labelledby="choose-title" @submit=${(e: SubmitEvent) => s.choice.submit(e)}>
    <h2 id="choose-title">${m.chooseTitle}</h2>
    ${s.choice.loading ? html`<p role="status">${m.loadingChoices}</p>` : nothing}
    ${s.choice.error ? renderErrorView(s.choice.error, { locale, vendorName: VENDOR, onRetry: () => void s.choice.reload() }) : nothing}
    ${s.choice.options && clients.length === 0 ? html`<p class="empty">${m.nothingToScan}</p>` : nothing}
    ${s.choice.options && clients.length > 0
      ? html`${fixed.clientId === undefined && clients.length !== 1 ? select('clientId', m.client, d.clientId, clients.map((c) => ({ id: c.id, label: c.value }))) : nothing}
        ${fixed.productionId === undefined && fixed.performanceId === undefined && productions.length !== 1
          ? select('productionId', m.production, d.productionId, productions.map((p) => ({ id: p.productionId, label: p.productionName })), m.allProductions)
          : nothing}
        ${fixed.performanceId === undefined && d.productionId !== null && performances.length !== 1
          ? select(
              'performanceId',
              m.performance,
              d.performanceId,
              performances.map((p) => ({ id: p.performanceId, label: performanceLabel(s, p.performanceStart, locale) })),
              m.allPerformances,
            )
          : nothing}
        <div class="actions">
          <button type="submit" class="primary">${m.startScanning}</button>
          ${s.filter ? html`<button type="button" @click=${() => s.choice.start(s.filter!, { chosenNow: false })}>${m.cancel}</button>` : nothing}
        </div>`
      : nothing}
  </form>`;
}