/** The member's subscription cards (their own and friends'), each with "Use this card". */
import { html, nothing } from 'lit';
import type { TicketRedemptionCard } from '../../../api/vista/types.js';
import { cssId } from '../redemption-rules.js';
import type { RedemptionMessages } from '../vista-ticket-redemption.messages.js';
import type { RedemptionView } from './redemption-view.js';

export function renderCards(v: RedemptionView, m: RedemptionMessages, failed: boolean) {
  const cards = v.loads.cardList;
  // A failed load shows its error (with retry) alone, not a loading line that never ends.
  if (!cards) return failed ? nothing : html`<p class="muted" role="status">${m.loading}</p>`;
  return html`<section aria-labelledby="cards-title">
    <h3 id="cards-title">${m.yourCards}</h3>
    ${cards.length
      ? html`<ul part="cards" class="cards">
          ${cards.map((card) => renderCard(v, m, card))}
        </ul>`
      : html`<p>${m.noCards}</p>`}
  </section>`;
}

function renderCard(v: RedemptionView, m: RedemptionMessages, card: TicketRedemptionCard) {
  const { redemption } = v;
  const label = m.subscription(card.maskedCardNumber ?? '');
  const active = card.status === undefined || card.status === 'Active';
  const inUse = redemption.added.some((a) => a.card.id === card.id);
  const problem = redemption.cardProblems[card.id];
  const owner = card.memberName ? [card.memberName.givenName, card.memberName.familyName].filter(Boolean).join(' ') : '';
  return html`<li part="card" class="card" data-card-id=${card.id} ?data-friend=${!!card.friendId}>
    <p class="card-name" id="card-${cssId(card.id)}">${label}</p>
    ${card.friendId ? html`<p class="friend">${owner ? m.sharedBy(owner) : m.friendsCard}</p>` : nothing}
    ${!active ? html`<p class="muted">${m.notActive}</p>` : nothing}
    ${problem
      ? html`<div class="card-problem" role="alert"><p class="field-problem">${problem.text}</p>${problem.detail ? html`<p>${problem.detail}</p>` : nothing}</div>`
      : nothing}
    ${inUse
      ? html`<p class="in-use">${m.inUse}</p>`
      : active
        ? html`<button
            type="button"
            part="use-card"
            aria-label=${m.useCardLabel(card.friendId && owner ? `${label}, ${m.sharedBy(owner)}` : label)}
            ?disabled=${redemption.busy !== undefined}
            @click=${() => redemption.useMemberCard(card, card.friendId && owner ? `${label} (${owner})` : label)}
          >
            ${redemption.busy === card.id ? m.adding : m.useCard}
          </button>`
        : nothing}
  </li>`;
}
