import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { createVistaMembersClient } from '../../api/vista/members.js';
import type { WidgetEvent } from '../../shared/events.js';
import { lateContentSettled } from '../../shared/late-content.js';
import { beginVistaSession, forgetVistaSessionsInMemory, tokenFromAnswer, type VistaSessionMode } from '../../shared/vista/session.js';
import '../vista-member-login/index.js';
import type { VistaMemberLogin } from '../vista-member-login/index.js';
import './index.js';
import type { VistaRedemptionCardAddedDetail, VistaShowtimeTicketsSetDetail, VistaTicketRedemption } from './vista-ticket-redemption.js';

const EMMA = { grant_type: 'password', email: 'emma.janssens@example.com', password: 'Popcorn-2027' } as const;
const EMMA_CARD = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const LUCAS_CARD = 'f41d4c72-96c0-481b-ac55-a3286e384fd5';
const INACTIVE_CARD = 'b3e1f7a2-1c5d-4f8e-a9b0-7c2d6e4f1a93';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Received {
  orderId: string;
  showtimeId: string;
  tickets: { id: string; ticketTypeId: string; ticketRedemptionCardId: string | null }[];
}

describe('<vista-ticket-redemption>', () => {
  let mock: MockWorld;
  let events: Array<{ type: string; detail: unknown }>;
  const record = (e: Event) => events.push({ type: e.type, detail: (e as WidgetEvent<unknown>).detail });
  const EVENT_TYPES = ['vista-redemption-card-added', 'vista-showtime-tickets-set', 'vista-redemption-error', 'vista-member-logout'] as const;

  beforeEach(async () => {
    forgetVistaSessionsInMemory();
    mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
    events = [];
    for (const type of EVENT_TYPES) window.addEventListener(type, record);
  });

  afterEach(() => {
    for (const type of EVENT_TYPES) window.removeEventListener(type, record);
    forgetVistaSessionsInMemory();
  });

  // -------------------------------------------------------------------------------------------
  // Page object
  // -------------------------------------------------------------------------------------------

  /** Emma signs in (as `<vista-member-login>` would) in the given mode. */
  async function signInEmma(mode: VistaSessionMode = 'token'): Promise<void> {
    const config = { apiBase: mock.base('vista') };
    const members = createVistaMembersClient(config);
    if (mode === 'cookie') {
      await members.createAuthenticationCookie(EMMA);
      await beginVistaSession(config, { mode, remember: false });
    } else {
      await beginVistaSession(config, { mode, token: tokenFromAnswer(await members.createAuthenticationToken(EMMA)), remember: false });
    }
  }

  /** The venue's redemption ticket type: the seeds never say where a ticket type comes from (reading vista.ticketTypes). */
  const VENUE_TICKET_TYPE = 'MEMBER';

  async function mount(
    attrs: { siteId?: string; orderId?: string; locale?: string; mode?: string; ticketTypeId?: string; orderTickets?: { id: string; ticketTypeId: string }[] } = {},
  ): Promise<VistaTicketRedemption> {
    const el = await fixture<VistaTicketRedemption>(html`<vista-ticket-redemption
      api-base=${mock.base('vista')}
      order-id=${attrs.orderId ?? 'ord-1001'}
      showtime-id="0001-88231"
      ticket-type-id=${attrs.ticketTypeId ?? VENUE_TICKET_TYPE}
      .orderTickets=${attrs.orderTickets ?? []}
      site-id=${ifDefined(attrs.siteId)}
      mode=${ifDefined(attrs.mode)}
      locale=${attrs.locale ?? 'en'}
    ></vista-ticket-redemption>`);
    await settle(el);
    return el;
  }

  const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
  const text = (node: Node | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const card = (el: VistaTicketRedemption, id: string) => $(el, `[part="card"][data-card-id="${id}"]`)!;
  const added = (el: VistaTicketRedemption, id: string) => $(el, `.added-card[data-card-id="${id}"]`)!;
  const quantity = (el: VistaTicketRedemption, id: string) => added(el, id).querySelector<HTMLInputElement>('[part="quantity"]')!;
  const stepButtons = (el: VistaTicketRedemption, id: string) => [...added(el, id).querySelectorAll<HTMLButtonElement>('.stepper button')] as [HTMLButtonElement, HTMLButtonElement];
  const confirm = (el: VistaTicketRedemption) => $<HTMLButtonElement>(el, '[part="confirm"]')!;

  async function settle(el: Element & { updateComplete: Promise<boolean> }): Promise<void> {
    await waitUntil(() => !el.shadowRoot!.querySelector('[role="status"].muted'), 'still loading', { timeout: 5000 });
    await lateContentSettled();
    await el.updateComplete;
  }

  async function until(el: VistaTicketRedemption, condition: () => unknown, message: string): Promise<void> {
    await waitUntil(condition, message, { timeout: 5000 });
    await lateContentSettled();
    await el.updateComplete;
  }

  async function useCard(el: VistaTicketRedemption, id: string): Promise<void> {
    card(el, id).querySelector<HTMLButtonElement>('[part="use-card"]')!.click();
    await el.updateComplete;
    await until(el, () => !$$(el, 'button').some((b) => text(b).endsWith('…')), 'the card was not checked');
  }

  async function addPartnerCard(el: VistaTicketRedemption, scheme: string, number: string): Promise<void> {
    $<HTMLSelectElement>(el, '#scheme')!.value = scheme;
    $<HTMLInputElement>(el, '#card-number')!.value = number;
    $<HTMLButtonElement>(el, '[part="third-party-form"] button[type="submit"]')!.click();
    await el.updateComplete;
    await until(el, () => !$$(el, 'button').some((b) => text(b).endsWith('…')), 'the card was not checked');
  }

  async function confirmTickets(el: VistaTicketRedemption): Promise<void> {
    confirm(el).click();
    await el.updateComplete;
    await until(el, () => !$$(el, 'button').some((b) => text(b).endsWith('…')), 'the tickets were not set');
  }

  // -------------------------------------------------------------------------------------------
  // Member cards
  // -------------------------------------------------------------------------------------------

  it('lists the member\'s subscription cards: an inactive one cannot be used, a friend\'s is labelled', async () => {
    await signInEmma();
    const el = await mount();
    expect($$(el, '[part="card"]').map((c) => c.dataset['cardId'])).to.deep.equal([EMMA_CARD, INACTIVE_CARD, LUCAS_CARD]);
    expect(text(card(el, EMMA_CARD).querySelector('.card-name'))).to.equal('Subscription ************4821');
    expect(card(el, INACTIVE_CARD).querySelector('[part="use-card"]')).to.equal(null);
    expect(text(card(el, INACTIVE_CARD))).to.contain('Not active');
    expect(card(el, LUCAS_CARD).hasAttribute('data-friend')).to.equal(true);
    expect(text(card(el, LUCAS_CARD).querySelector('.friend'))).to.equal('Shared with you by Lucas Maes');
    expect(card(el, LUCAS_CARD).querySelector('[part="use-card"]')!.getAttribute('aria-label')).to.contain('Shared with you by Lucas Maes');
    expect(card(el, EMMA_CARD).hasAttribute('data-friend')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('adds the subscription card, keeps the quantity within its limit and sets the showtime with one fresh id per ticket', async () => {
    await signInEmma();
    const el = await mount();
    await useCard(el, EMMA_CARD);
    const addedEvent = events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail;
    expect(addedEvent.card.id).to.equal(EMMA_CARD);
    expect(addedEvent.limit).to.deep.equal({ isUnlimited: false, maximum: 2, minimum: 1 });
    expect(text(added(el, EMMA_CARD).querySelector('[part="limit"]'))).to.equal('Up to 2 tickets');
    expect(quantity(el, EMMA_CARD).value).to.equal('1');
    const [fewer, more] = stepButtons(el, EMMA_CARD);
    expect(fewer.disabled).to.equal(true);
    more.click();
    await el.updateComplete;
    expect(quantity(el, EMMA_CARD).value).to.equal('2');
    expect(stepButtons(el, EMMA_CARD)[1].disabled).to.equal(true);
    expect(quantity(el, EMMA_CARD).max).to.equal('2');
    expect(text(confirm(el))).to.equal('Add 2 tickets to the order');
    await expect(el).to.be.accessible();

    await confirmTickets(el);
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.orderId).to.equal('ord-1001');
    expect(received!.tickets).to.have.length(2);
    expect(received!.tickets.every((t) => UUID.test(t.id) && t.ticketRedemptionCardId === EMMA_CARD)).to.equal(true);
    expect(received!.tickets[0]!.id).not.to.equal(received!.tickets[1]!.id);
    const set = events.find((e) => e.type === 'vista-showtime-tickets-set')!.detail as VistaShowtimeTicketsSetDetail;
    expect(set.tickets.map((t) => t.id)).to.deep.equal(received!.tickets.map((t) => t.id));
    expect(text($(el, '[part="notice"].done'))).to.equal('2 tickets are in your order.');
    expect(text(card(el, EMMA_CARD))).to.contain('In use for this showtime');
  });

  it('uses a friend\'s unlimited card in cookie mode', async () => {
    await signInEmma('cookie');
    const el = await mount({ mode: 'cookie' });
    await useCard(el, LUCAS_CARD);
    expect(text(added(el, LUCAS_CARD).querySelector('[part="limit"]'))).to.equal('No limit on tickets');
    expect(added(el, LUCAS_CARD).querySelector('.card-name')!.textContent).to.contain('Lucas Maes');
    for (let i = 0; i < 4; i++) {
      stepButtons(el, LUCAS_CARD)[1].click();
      await el.updateComplete;
    }
    expect(stepButtons(el, LUCAS_CARD)[1].disabled).to.equal(false);
    await confirmTickets(el);
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.tickets).to.have.length(5);
    const calls = (await mock.requests()).filter((r) => r.method === 'PUT');
    expect(calls[0]!.headers['cookie']).to.contain('vista-loyalty-member-auth=');
  });

  // -------------------------------------------------------------------------------------------
  // Third-party cards
  // -------------------------------------------------------------------------------------------

  it('adds a partner member card by scheme and number, with its exact limit', async () => {
    await signInEmma();
    const el = await mount({ siteId: '0001' });
    expect($$<HTMLOptionElement>(el, '#scheme option').map((o) => o.textContent)).to.deep.equal(['CinéCard Unlimited', 'Student Night Pass', 'Duo Movie Club']);
    await addPartnerCard(el, 'STUDENTPASS', 'STU 2027 0042');
    const addedEvent = events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail;
    expect(addedEvent.card.type).to.equal('ThirdPartyMemberCard');
    const id = addedEvent.card.id;
    expect(text(added(el, id).querySelector('.card-name'))).to.equal('Student Night Pass *******0042');
    expect(text(added(el, id).querySelector('[part="limit"]'))).to.equal('Exactly 1 ticket');
    expect(stepButtons(el, id).every((b) => b.disabled)).to.equal(true);
    await confirmTickets(el);
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.tickets.map((t) => t.ticketRedemptionCardId)).to.deep.equal([id]);
  });

  it('lets a patron who is not signed in use a partner card, with scheme names in the page\'s language', async () => {
    const el = await mount({ siteId: '0002', locale: 'fr-BE' });
    expect(text($(el, '[part="notice"]'))).to.contain('Connectez-vous pour utiliser votre carte d’abonnement');
    expect($(el, '[part="cards"]')).to.equal(null);
    expect($$<HTMLOptionElement>(el, '#scheme option').map((o) => o.textContent)).to.include('Pass Soirée Étudiante');
    await addPartnerCard(el, 'CINECARD', '6371004412345678');
    // The card is unlimited; the scheme caps a showtime at 6 (redemptionLimitPerShowtime).
    expect(text($(el, '.added-card [part="limit"]'))).to.equal('Jusqu’à 6 billets');
  });

  it('enforces a minimum and maximum in the form: out-of-range quantities are marked and cannot be sent', async () => {
    const el = await mount({ siteId: '0001' });
    await addPartnerCard(el, 'DUOCLUB', 'DUO-2027-0815');
    const id = (events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail).card.id;
    expect(text(added(el, id).querySelector('[part="limit"]'))).to.equal('2 to 4 tickets');
    expect(quantity(el, id).value).to.equal('2');
    expect(stepButtons(el, id)[0].disabled).to.equal(true);
    const input = quantity(el, id);
    input.value = '5';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(quantity(el, id).getAttribute('aria-invalid')).to.equal('true');
    expect(text(added(el, id).querySelector('.field-problem'))).to.equal('Choose a number of tickets this card allows');
    expect(confirm(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    stepButtons(el, id)[0].click(); // back within the limit
    await el.updateComplete;
    expect(quantity(el, id).value).to.equal('4');
    expect(confirm(el).disabled).to.equal(false);
    expect(await mock.received('setShowtime')).to.have.length(0);
  });

  it('explains a declined card with the scheme\'s reason, and an unknown number on its field', async () => {
    await mock.chooseReadings({ 'vista.refusalCodes': 'listed' });
    const el = await mount({ siteId: '0001' });
    await addPartnerCard(el, 'CINECARD', '6371009900000013');
    const summary = $(el, '[part="third-party-form"] [part="error-summary"]')!;
    expect(text(summary.querySelector('li'))).to.equal('The card was declined: This month\'s CinéCard visits have been used');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(events.some((e) => e.type === 'vista-redemption-error')).to.equal(true);

    await addPartnerCard(el, 'STUDENTPASS', 'STU12');
    expect(text($(el, '[part="error-summary"] a'))).to.equal('This is not a Student Night Pass card number: check it and try again');
    const checked = (await mock.requests()).filter((r) => r.path.endsWith('ticket-redemption-cards') && r.method === 'POST');
    expect(checked).to.have.length(1); // only the declined card reached Vista

    await addPartnerCard(el, 'CINECARD', '6371000000000000');
    expect(text($(el, '[part="error-summary"] a'))).to.equal('This card number is not recognised');
    expect($(el, '#card-number')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part="added"]')).to.equal(null);
  });

  it('explains Vista refusing the tickets as over the card\'s limit', async () => {
    await signInEmma();
    const el = await mount();
    await useCard(el, EMMA_CARD);
    await mock.fault({
      vendor: 'vista',
      path: '/showtimes/',
      kind: 'vendor-error',
      code: 34010,
      status: 400,
      message: 'At most 1 ticket can be redeemed with this card for this showtime.',
      times: 1,
    });
    await confirmTickets(el);
    const problem = $(el, '.tickets-problem')!;
    expect(text(problem)).to.equal('More tickets than this card allows for this showtime At most 1 ticket can be redeemed with this card for this showtime.');
    expect(el.shadowRoot!.activeElement).to.equal(problem);
    expect(events.some((e) => e.type === 'vista-showtime-tickets-set')).to.equal(false);
  });

  it('explains a refusal whose code Vista does not document plainly, with Vista\'s reason, never "undefined"', async () => {
    // The default reading (pinned, so a run under MOCK_READINGS tests it too): Vista's refusal codes are not public, so none the element knows comes.
    await mock.chooseReadings({ 'vista.refusalCodes': 'unlisted' });
    const el = await mount({ siteId: '0001' });
    await addPartnerCard(el, 'CINECARD', '6371009900000013');
    const summary = () => text($(el, '[part="third-party-form"] [part="error-summary"] li'));
    expect(summary()).to.equal('Vista did not accept this card: This month\'s CinéCard visits have been used');
    await addPartnerCard(el, 'CINECARD', '6371000000000000');
    expect(summary()).to.equal('Vista did not accept this card: CinéCard Unlimited does not recognise this card number.');
    expect($(el, '[part="error"]')).to.equal(null);

    await addPartnerCard(el, 'DUOCLUB', 'DUO-2027-0815');
    await mock.fault({ vendor: 'vista', path: '/showtimes/', kind: 'vendor-error', status: 400, times: 1 });
    await confirmTickets(el);
    expect(text($(el, '.tickets-problem'))).to.equal('Vista did not accept these tickets');
    expect(text(el.shadowRoot!)).not.to.match(/undefined|null|\[object/);
    expect(events.some((e) => e.type === 'vista-showtime-tickets-set')).to.equal(false);
  });

  it('treats any 2xx from SetShowtime as done, whatever its answer\'s shape', async () => {
    await signInEmma();
    for (const shape of ['no-content', 'order', 'showtime']) {
      await mock.chooseReadings({ 'vista.setShowtime.answer': shape });
      events = [];
      const el = await mount({ orderId: `ord-${shape}` });
      await useCard(el, EMMA_CARD);
      await confirmTickets(el);
      expect(text($(el, '[part="notice"].done')), shape).to.equal('1 ticket is in your order.');
      expect($(el, '[part="error"]'), shape).to.equal(null);
      expect(events.some((e) => e.type === 'vista-redemption-error'), shape).to.equal(false);
      const set = events.find((e) => e.type === 'vista-showtime-tickets-set')!.detail as VistaShowtimeTicketsSetDetail;
      expect(set.tickets.map((t) => t.ticketRedemptionCardId), shape).to.deep.equal([EMMA_CARD]);
      el.remove();
    }
    expect(await mock.received('setShowtime')).to.have.length(3);
  });

  it('keeps the tickets the order already holds for the showtime when it sets its own', async () => {
    await signInEmma();
    // The page's own ticket, already in the order (SetShowtime replaces a showtime's tickets).
    const adult = { id: 'page-adult-1', ticketTypeId: 'ADULT' };
    await fetch(`${mock.base('vista')}/ocapi/v1/orders/ord-keep/showtimes/0001-88231`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tickets: [adult] }),
    });
    const el = await mount({ orderId: 'ord-keep', orderTickets: [adult] });
    await useCard(el, EMMA_CARD);
    await confirmTickets(el);
    const order = await mock.control<{ showtimes: Record<string, { id: string; ticketRedemptionCardId: string | null }[]> }>('vista', '/orders/ord-keep');
    const tickets = order.showtimes['0001-88231']!;
    expect(tickets.map((t) => t.id)).to.include('page-adult-1');
    expect(tickets.filter((t) => t.ticketRedemptionCardId === EMMA_CARD)).to.have.length(1);
    expect(text($(el, '[part="notice"].done'))).to.equal('1 ticket is in your order.');
  });

  it('takes the ticket type from Vista\'s card answer where it names one, and says plainly when nobody does', async () => {
    await signInEmma();
    await mock.chooseReadings({ 'vista.ticketTypes': 'page' });
    const el = await mount({ ticketTypeId: '' });
    await useCard(el, EMMA_CARD);
    expect($(el, '[part="error"]')!.getAttribute('data-error-name')).to.equal('ConfigError');
    expect(text($(el, '[part="error"]'))).to.contain('set ticket-type-id');
    expect(text($(el, '[part="error"]'))).not.to.contain('undefined');
    el.remove();

    await mock.chooseReadings({ 'vista.ticketTypes': 'card-answer' });
    const told = await mount({ ticketTypeId: '', orderId: 'ord-told' });
    await useCard(told, EMMA_CARD);
    await confirmTickets(told);
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.tickets.map((t) => t.ticketTypeId)).to.deep.equal(['SUBS-1201']);
  });

  it('caps a partner card at its scheme\'s limit per showtime, even when the card itself is unlimited', async () => {
    const el = await mount({ siteId: '0001' });
    await addPartnerCard(el, 'CINECARD', '6371004412345678');
    const id = (events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail).card.id;
    expect(text(added(el, id).querySelector('[part="limit"]'))).to.equal('Up to 6 tickets');
    for (let i = 0; i < 8; i++) {
      stepButtons(el, id)[1].click();
      await el.updateComplete;
    }
    expect(quantity(el, id).value).to.equal('6');
    expect(stepButtons(el, id)[1].disabled).to.equal(true);
  });

  it('chooses the scheme from the first characters of the card number typed', async () => {
    const el = await mount({ siteId: '0001' });
    const select = $<HTMLSelectElement>(el, '#scheme')!;
    const number = $<HTMLInputElement>(el, '#card-number')!;
    expect(select.value).to.equal('CINECARD');
    const type = async (value: string) => {
      number.value = value;
      number.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await type('63');
    expect(select.value).to.equal('CINECARD');
    await type('STU2');
    expect(select.value).to.equal('STUDENTPASS');
    expect(text($(el, '[part="third-party-form"] [role="status"]'))).to.equal('This is a Student Night Pass card number: Student Night Pass is chosen');
    await type('STU20270042');
    $<HTMLButtonElement>(el, '[part="third-party-form"] button[type="submit"]')!.click();
    await until(el, () => $(el, '[part="added"]'), 'the card was not added');
    expect(text($(el, '.added-card .card-name'))).to.contain('Student Night Pass');
  });

  it('sends the same ticket ids again when retrying after a lost answer', async () => {
    await signInEmma();
    const el = await mount();
    await useCard(el, EMMA_CARD);
    await mock.fault({ vendor: 'vista', path: '/showtimes/', kind: 'drop-after-apply', times: 1 });
    await confirmTickets(el);
    expect($(el, '[part="error"]')!.getAttribute('data-error-name')).to.equal('NetworkError');
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await until(el, () => $(el, '[part="notice"].done'), 'the retry did not set the tickets');
    const [first, second] = await mock.received<Received>('setShowtime');
    expect(second!.tickets.map((t) => t.id)).to.deep.equal(first!.tickets.map((t) => t.id));
  });

  // -------------------------------------------------------------------------------------------
  // Sessions
  // -------------------------------------------------------------------------------------------

  it('refreshes an expired token on demand and goes on', async () => {
    await signInEmma();
    const el = await mount();
    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    await useCard(el, EMMA_CARD);
    expect(added(el, EMMA_CARD)).to.not.equal(null);
    const grants = (await mock.requests()).filter((r) => r.path.endsWith('authentication-token'));
    expect(grants).to.have.length(2);
  });

  it('turns an expired cookie session (403) into "sign in again" on both elements, name kept', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <vista-member-login api-base=${mock.base('vista')} mode="cookie" locale="en"></vista-member-login>
      <vista-ticket-redemption api-base=${mock.base('vista')} mode="cookie" order-id="ord-2" showtime-id="0001-88231" locale="en"></vista-ticket-redemption>
    </div>`);
    const login = page.querySelector<VistaMemberLogin>('vista-member-login')!;
    const el = page.querySelector<VistaTicketRedemption>('vista-ticket-redemption')!;
    await waitUntil(() => $(login, 'form[part="form"]'), 'no form');
    $<HTMLInputElement>(login, '#login')!.value = EMMA.email;
    $<HTMLInputElement>(login, '#password')!.value = EMMA.password;
    $<HTMLButtonElement>(login, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '[part="card"]'), 'the cards did not load after sign-in', { timeout: 5000 });
    await el.updateComplete;

    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    await useCard(el, EMMA_CARD);
    expect(text($(el, '[part="notice"]'))).to.equal('Your session has ended. Sign in again to use your subscription card.');
    expect($(el, '[part="cards"]')).to.equal(null);
    await waitUntil(() => $(login, 'form[part="form"]'), 'the sign-in form did not come back');
    await login.updateComplete;
    expect(text($(login, '[part="notice"]'))).to.equal('Your session has ended. Please sign in again.');
    expect($<HTMLInputElement>(login, '#login')!.value).to.equal(EMMA.email);
    expect(events.some((e) => e.type === 'vista-member-logout')).to.equal(true);
  });

  it('catches up with a sign-in that happened while it was out of the page', async () => {
    const el = await mount();
    const parent = el.parentElement!;
    el.remove();
    await signInEmma();
    parent.append(el);
    await until(el, () => $(el, '[part="card"]'), 'the cards did not load after the move');
    expect($(el, '[part="notice"]')).to.equal(null);
  });

  it('needs an order and a showtime', async () => {
    const el = await mount({ orderId: '' });
    expect($(el, '[part="error"]')!.getAttribute('data-error-name')).to.equal('ConfigError');
  });
});
