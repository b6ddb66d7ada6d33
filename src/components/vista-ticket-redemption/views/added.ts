/**
 * The cards in use: each one's limit and ticket quantity, and the button that sets the showtime's
 * tickets. A chunk of its own, fetched as the element connects (a card is in use only after Vista
 * answered, and adding one waits for it): it takes what it shares with the element from the
 * element (`parts`), so that no third chunk is fetched, and its English words come with it.
 */
import type { RedemptionLimit } from '../../../api/vista/types.js';
import type { AddedCard } from '../controllers/card-redemption.js';
import { addedWords } from '../vista-ticket-redemption.messages.added.js';
import type { AddedMessages, RedemptionMessages } from '../vista-ticket-redemption.messages.js';
import type { RedemptionView } from './redemption-view.js';

type Words = RedemptionMessages & AddedMessages;

export function renderAdded(v: RedemptionView, words: RedemptionMessages) {
  const m = addedWords(words);
  const { redemption } = v;
  const { html, nothing } = v.parts;
  const count = redemption.ticketCount;
  const problem = redemption.ticketsProblem;
  return html`<section part="added" class="added" aria-labelledby="tickets-title">
    <h3 id="tickets-title">${m.ticketsTitle}</h3>
    <ul class="cards">
      ${redemption.added.map((entry) => renderAddedCard(v, m, entry))}
    </ul>
    ${problem
      ? html`<div class="notice tickets-problem" tabindex="-1" role="alert">
          <p><strong>${problem.text}</strong></p>
          ${problem.detail ? html`<p>${problem.detail}</p>` : nothing}
        </div>`
      : nothing}
    ${redemption.ticketsSet
      ? html`<p part="notice" class="notice done" tabindex="-1" role="status">${m.ticketsSet(redemption.ticketsSet.length)}</p>`
      : html`<button
          type="button"
          part="confirm"
          class="primary"
          ?disabled=${redemption.busy !== undefined || count === 0 || !redemption.allWithinLimits}
          @click=${() => redemption.setTickets()}
        >
          ${redemption.busy === 'tickets' ? m.confirming : m.confirm(count)}
        </button>`}
  </section>`;
}

function renderAddedCard(v: RedemptionView, m: Words, entry: AddedCard) {
  const { redemption } = v;
  const { html, nothing, cssId, lowest, withinLimit } = v.parts;
  const { limit } = entry;
  const id = cssId(entry.card.id);
  const min = lowest(limit);
  const max = limit.isUnlimited ? undefined : (limit.maximum ?? undefined);
  const valid = withinLimit(entry.quantity, limit);
  const step = (delta: number) => () => redemption.setQuantity(entry, Math.max(min, max === undefined ? entry.quantity + delta : Math.min(max, entry.quantity + delta)));
  return html`<li class="card added-card" data-card-id=${entry.card.id}>
    <p class="card-name">${entry.label}</p>
    <p part="limit" class="muted" id="limit-${id}">${limitText(m, limit)}</p>
    <div class="field">
      <label for="quantity-${id}">${m.quantity}</label>
      ${valid ? nothing : html`<p id="quantity-${id}-problem" class="field-problem">${m.outOfRange}</p>`}
      <div class="stepper">
        <button type="button" aria-label=${m.fewer} ?disabled=${entry.quantity <= min} @click=${step(-1)}>−</button>
        <input
          part="quantity"
          id="quantity-${id}"
          type="number"
          inputmode="numeric"
          min=${min}
          max=${max ?? nothing}
          .value=${String(entry.quantity)}
          aria-invalid=${valid ? 'false' : 'true'}
          aria-describedby=${valid ? `limit-${id}` : `limit-${id} quantity-${id}-problem`}
          @change=${(e: Event) => redemption.setQuantity(entry, Math.floor(Number((e.target as HTMLInputElement).value) || 0))}
        />
        <button type="button" aria-label=${m.more} ?disabled=${max !== undefined && entry.quantity >= max} @click=${step(1)}>+</button>
      </div>
    </div>
    <button type="button" class="link" @click=${() => redemption.removeCard(entry)}>${m.remove}</button>
  </li>`;
}

function limitText(m: Words, limit: RedemptionLimit): string {
  const min = limit.minimum ?? 0;
  if (limit.isUnlimited || limit.maximum === null) return min > 1 ? m.atLeast(min) : m.unlimited;
  if (min > 0 && min === limit.maximum) return m.exactly(min);
  return min > 1 ? m.between(min, limit.maximum) : m.upTo(limit.maximum);
}
