import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { createVistaMembersClient } from '../../api/vista/members.js';
import type { WidgetEvent } from '../../shared/events.js';
import { beginVistaSession, forgetVistaSessionsInMemory, tokenFromAnswer, type VistaSessionMode } from '../../shared/vista/session.js';
import '../vista-member-login/index.js';
import type { VistaMemberLogin } from '../vista-member-login/index.js';
import './index.js';
import { textOf, VistaTicketRedemptionHarness } from './vista-ticket-redemption.harness.js';
import type { VistaRedemptionCardAddedDetail, VistaShowtimeTicketsSetDetail, VistaTicketRedemption } from './vista-ticket-redemption.js';
import { itWhere, SECURE_COOKIES_OVER_HTTP } from '../../../test/engines.js';

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

  /** Mounts the element and waits until nothing is loading; returns its page object. */
  async function mount(
    attrs: { siteId?: string; orderId?: string; locale?: string; mode?: string; ticketTypeId?: string; orderTickets?: { id: string; ticketTypeId: string }[] } = {},
  ): Promise<VistaTicketRedemptionHarness> {
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
    const redemption = new VistaTicketRedemptionHarness(el);
    await redemption.settled();
    return redemption;
  }

  /** `<vista-member-login>`'s shadow root (another element: its own harness is its folder's business). */
  const inLogin = <E extends Element = HTMLElement>(login: VistaMemberLogin, selector: string) => login.shadowRoot!.querySelector<E>(selector);

  // -------------------------------------------------------------------------------------------
  // Member cards
  // -------------------------------------------------------------------------------------------

  it('lists the member\'s subscription cards: an inactive one cannot be used, a friend\'s is labelled', async () => {
    await signInEmma();
    const el = await mount();
    expect(el.cardIds).to.deep.equal([EMMA_CARD, INACTIVE_CARD, LUCAS_CARD]);
    expect(textOf(el.card(EMMA_CARD).querySelector('.card-name'))).to.equal('Subscription ************4821');
    expect(el.card(INACTIVE_CARD).querySelector('[part="use-card"]')).to.equal(null);
    expect(textOf(el.card(INACTIVE_CARD))).to.contain('Not active');
    expect(el.card(LUCAS_CARD).hasAttribute('data-friend')).to.equal(true);
    expect(textOf(el.card(LUCAS_CARD).querySelector('.friend'))).to.equal('Shared with you by Lucas Maes');
    expect(el.card(LUCAS_CARD).querySelector('[part="use-card"]')!.getAttribute('aria-label')).to.contain('Shared with you by Lucas Maes');
    expect(el.card(EMMA_CARD).hasAttribute('data-friend')).to.equal(false);
    await expect(el.el).to.be.accessible();
  });

  it('adds the subscription card, keeps the quantity within its limit and sets the showtime with one fresh id per ticket', async () => {
    await signInEmma();
    const el = await mount();
    await el.useCard(EMMA_CARD);
    const addedEvent = events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail;
    expect(addedEvent.card.id).to.equal(EMMA_CARD);
    expect(addedEvent.limit).to.deep.equal({ isUnlimited: false, maximum: 2, minimum: 1 });
    expect(el.limit(EMMA_CARD)).to.equal('Up to 2 tickets');
    expect(el.quantity(EMMA_CARD).value).to.equal('1');
    const [fewer, more] = el.stepButtons(EMMA_CARD);
    expect(fewer.disabled).to.equal(true);
    expect(more.disabled).to.equal(false);
    await el.step(EMMA_CARD, 1);
    expect(el.quantity(EMMA_CARD).value).to.equal('2');
    expect(el.stepButtons(EMMA_CARD)[1].disabled).to.equal(true);
    expect(el.quantity(EMMA_CARD).max).to.equal('2');
    expect(textOf(el.confirmButton)).to.equal('Add 2 tickets to the order');
    await expect(el.el).to.be.accessible();

    await el.confirmTickets();
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.orderId).to.equal('ord-1001');
    expect(received!.tickets).to.have.length(2);
    expect(received!.tickets.every((t) => UUID.test(t.id) && t.ticketRedemptionCardId === EMMA_CARD)).to.equal(true);
    expect(received!.tickets[0]!.id).not.to.equal(received!.tickets[1]!.id);
    const set = events.find((e) => e.type === 'vista-showtime-tickets-set')!.detail as VistaShowtimeTicketsSetDetail;
    expect(set.tickets.map((t) => t.id)).to.deep.equal(received!.tickets.map((t) => t.id));
    expect(el.text('[part="notice"].done')).to.equal('2 tickets are in your order.');
    expect(textOf(el.card(EMMA_CARD))).to.contain('In use for this showtime');
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'uses a friend\'s unlimited card in cookie mode', async () => {
    await signInEmma('cookie');
    const el = await mount({ mode: 'cookie' });
    await el.useCard(LUCAS_CARD);
    expect(el.limit(LUCAS_CARD)).to.equal('No limit on tickets');
    expect(el.added(LUCAS_CARD).querySelector('.card-name')!.textContent).to.contain('Lucas Maes');
    await el.step(LUCAS_CARD, 1, 4);
    expect(el.stepButtons(LUCAS_CARD)[1].disabled).to.equal(false);
    await el.confirmTickets();
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
    expect(el.schemeNames).to.deep.equal(['CinéCard Unlimited', 'Student Night Pass', 'Duo Movie Club']);
    await el.addPartnerCard('STUDENTPASS', 'STU 2027 0042');
    const addedEvent = events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail;
    expect(addedEvent.card.type).to.equal('ThirdPartyMemberCard');
    const id = addedEvent.card.id;
    expect(textOf(el.added(id).querySelector('.card-name'))).to.equal('Student Night Pass *******0042');
    expect(el.limit(id)).to.equal('Exactly 1 ticket');
    expect(el.stepButtons(id).every((b) => b.disabled)).to.equal(true);
    await el.confirmTickets();
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.tickets.map((t) => t.ticketRedemptionCardId)).to.deep.equal([id]);
  });

  it('lets a patron who is not signed in use a partner card, with scheme names in the page\'s language', async () => {
    const el = await mount({ siteId: '0002', locale: 'fr-BE' });
    expect(el.text('[part="notice"]')).to.contain('Connectez-vous pour utiliser votre carte d’abonnement');
    expect(el.$('[part="cards"]')).to.equal(null);
    expect(el.schemeNames).to.include('Pass Soirée Étudiante');
    // The form's and the cards in use's words come with their own chunks in English; the page's language wins.
    expect(el.text('#partner-title')).to.equal('Carte de membre partenaire');
    await el.addPartnerCard('CINECARD', '6371004412345678');
    // The card is unlimited; the scheme caps a showtime at 6 (redemptionLimitPerShowtime).
    expect(el.text('.added-card [part="limit"]')).to.equal('Jusqu’à 6 billets');
    expect(el.text('.added-card label')).to.equal('Billets avec cette carte');
  });

  it('enforces a minimum and maximum in the form: out-of-range quantities are marked and cannot be sent', async () => {
    const el = await mount({ siteId: '0001' });
    await el.addPartnerCard('DUOCLUB', 'DUO-2027-0815');
    const id = (events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail).card.id;
    expect(el.limit(id)).to.equal('2 to 4 tickets');
    expect(el.quantity(id).value).to.equal('2');
    expect(el.stepButtons(id)[0].disabled).to.equal(true);
    await el.setQuantity(id, '5');
    expect(el.quantity(id).getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el.added(id).querySelector('.field-problem'))).to.equal('Choose a number of tickets this card allows');
    expect(el.confirmButton.disabled).to.equal(true);
    await expect(el.el).to.be.accessible();
    await el.step(id, -1); // back within the limit
    expect(el.quantity(id).value).to.equal('4');
    expect(el.confirmButton.disabled).to.equal(false);
    expect(await mock.received('setShowtime')).to.have.length(0);
  });

  it('explains a declined card with the scheme\'s reason, and an unknown number on its field', async () => {
    await mock.chooseReadings({ 'vista.refusalCodes': 'listed' });
    const el = await mount({ siteId: '0001' });
    await el.addPartnerCard('CINECARD', '6371009900000013');
    const summary = el.$('[part="third-party-form"] [part="error-summary"]')!;
    expect(textOf(summary.querySelector('li'))).to.equal('The card was declined: This month\'s CinéCard visits have been used');
    expect(el.root.activeElement).to.equal(summary);
    expect(events.some((e) => e.type === 'vista-redemption-error')).to.equal(true);

    await el.addPartnerCard('STUDENTPASS', 'STU12');
    expect(el.text('[part="error-summary"] a')).to.equal('This is not a Student Night Pass card number: check it and try again');
    const checked = (await mock.requests()).filter((r) => r.path.endsWith('ticket-redemption-cards') && r.method === 'POST');
    expect(checked).to.have.length(1); // only the declined card reached Vista

    await el.addPartnerCard('CINECARD', '6371000000000000');
    expect(el.text('[part="error-summary"] a')).to.equal('This card number is not recognised');
    expect(el.$('#card-number')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.$('[part="added"]')).to.equal(null);
  });

  it('explains Vista refusing the tickets as over the card\'s limit', async () => {
    await signInEmma();
    const el = await mount();
    await el.useCard(EMMA_CARD);
    await mock.fault({
      vendor: 'vista',
      path: '/showtimes/',
      kind: 'vendor-error',
      code: 34010,
      status: 400,
      message: 'At most 1 ticket can be redeemed with this card for this showtime.',
      times: 1,
    });
    await el.confirmTickets();
    const problem = el.$('.tickets-problem')!;
    expect(textOf(problem)).to.equal('More tickets than this card allows for this showtime At most 1 ticket can be redeemed with this card for this showtime.');
    expect(el.root.activeElement).to.equal(problem);
    expect(events.some((e) => e.type === 'vista-showtime-tickets-set')).to.equal(false);
  });

  it('explains a refusal whose code Vista does not document plainly, with Vista\'s reason, never "undefined"', async () => {
    // The default reading (pinned, so a run under MOCK_READINGS tests it too): Vista's refusal codes are not public, so none the element knows comes.
    await mock.chooseReadings({ 'vista.refusalCodes': 'unlisted' });
    const el = await mount({ siteId: '0001' });
    await el.addPartnerCard('CINECARD', '6371009900000013');
    const summary = () => el.text('[part="third-party-form"] [part="error-summary"] li');
    expect(summary()).to.equal('Vista did not accept this card: This month\'s CinéCard visits have been used');
    await el.addPartnerCard('CINECARD', '6371000000000000');
    expect(summary()).to.equal('Vista did not accept this card: CinéCard Unlimited does not recognise this card number.');
    expect(el.$('[part="error"]')).to.equal(null);

    await el.addPartnerCard('DUOCLUB', 'DUO-2027-0815');
    await mock.fault({ vendor: 'vista', path: '/showtimes/', kind: 'vendor-error', status: 400, times: 1 });
    await el.confirmTickets();
    expect(el.text('.tickets-problem')).to.equal('Vista did not accept these tickets');
    expect(textOf(el.root)).not.to.match(/undefined|null|\[object/);
    expect(events.some((e) => e.type === 'vista-showtime-tickets-set')).to.equal(false);
  });

  it('treats any 2xx from SetShowtime as done, whatever its answer\'s shape', async () => {
    await signInEmma();
    for (const shape of ['no-content', 'order', 'showtime']) {
      await mock.chooseReadings({ 'vista.setShowtime.answer': shape });
      events = [];
      const el = await mount({ orderId: `ord-${shape}` });
      await el.useCard(EMMA_CARD);
      await el.confirmTickets();
      expect(el.text('[part="notice"].done'), shape).to.equal('1 ticket is in your order.');
      expect(el.$('[part="error"]'), shape).to.equal(null);
      expect(events.some((e) => e.type === 'vista-redemption-error'), shape).to.equal(false);
      const set = events.find((e) => e.type === 'vista-showtime-tickets-set')!.detail as VistaShowtimeTicketsSetDetail;
      expect(set.tickets.map((t) => t.ticketRedemptionCardId), shape).to.deep.equal([EMMA_CARD]);
      el.el.remove();
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
    await el.useCard(EMMA_CARD);
    await el.confirmTickets();
    const order = await mock.control<{ showtimes: Record<string, { id: string; ticketRedemptionCardId: string | null }[]> }>('vista', '/orders/ord-keep');
    const tickets = order.showtimes['0001-88231']!;
    expect(tickets.map((t) => t.id)).to.include('page-adult-1');
    expect(tickets.filter((t) => t.ticketRedemptionCardId === EMMA_CARD)).to.have.length(1);
    expect(el.text('[part="notice"].done')).to.equal('1 ticket is in your order.');
  });

  it('takes the ticket type from Vista\'s card answer where it names one, and says plainly when nobody does', async () => {
    await signInEmma();
    await mock.chooseReadings({ 'vista.ticketTypes': 'page' });
    const el = await mount({ ticketTypeId: '' });
    await el.useCard(EMMA_CARD);
    expect(el.errorName).to.equal('ConfigError');
    expect(el.text('[part="error"]')).to.contain('set ticket-type-id');
    expect(el.text('[part="error"]')).not.to.contain('undefined');
    el.el.remove();

    await mock.chooseReadings({ 'vista.ticketTypes': 'card-answer' });
    const told = await mount({ ticketTypeId: '', orderId: 'ord-told' });
    await told.useCard(EMMA_CARD);
    await told.confirmTickets();
    const [received] = await mock.received<Received>('setShowtime');
    expect(received!.tickets.map((t) => t.ticketTypeId)).to.deep.equal(['SUBS-1201']);
  });

  it('caps a partner card at its scheme\'s limit per showtime, even when the card itself is unlimited', async () => {
    const el = await mount({ siteId: '0001' });
    await el.addPartnerCard('CINECARD', '6371004412345678');
    const id = (events.find((e) => e.type === 'vista-redemption-card-added')!.detail as VistaRedemptionCardAddedDetail).card.id;
    expect(el.limit(id)).to.equal('Up to 6 tickets');
    await el.step(id, 1, 8);
    expect(el.quantity(id).value).to.equal('6');
    expect(el.stepButtons(id)[1].disabled).to.equal(true);
  });

  it('drops a site\'s schemes that arrive after the page chose another site', async function () {
    this.timeout(15_000);
    await mock.fault({ vendor: 'vista', path: 'sites/0001/third-party-member-schemes', kind: 'delay', delayMs: 1500, times: 1 });
    const el = new VistaTicketRedemptionHarness(
      await fixture<VistaTicketRedemption>(html`<vista-ticket-redemption
        api-base=${mock.base('vista')}
        order-id="ord-1001"
        showtime-id="0001-88231"
        site-id="0001"
        locale="en"
      ></vista-ticket-redemption>`),
    );
    // The page switches to a site Vista does not know while the first site's schemes are on their
    // way (past its CORS preflight, so Vista has the question).
    await new Promise((resolve) => setTimeout(resolve, 500));
    el.el.siteId = '9999';
    await el.until(() => el.errorName !== undefined, 'the unknown site was not explained');
    expect(el.errorName).to.equal('VendorError');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the first site's answer would have come by now
    await el.el.updateComplete;
    expect(el.has('[part="third-party-form"]'), 'no schemes of the site left behind').to.equal(false);
    expect(el.errorName).to.equal('VendorError');
    const asked = (await mock.requests()).map((r) => /sites\/([^/]+)\/third-party-member-schemes/.exec(r.path)?.[1]).filter(Boolean);
    expect(asked).to.include.members(['0001', '9999']);
  });

  it('chooses the scheme from the first characters of the card number typed', async () => {
    const el = await mount({ siteId: '0001' });
    const select = el.$<HTMLSelectElement>('#scheme')!;
    expect(select.value).to.equal('CINECARD');
    const type = (value: string) => el.typeCardNumber(value);
    await type('63');
    expect(select.value).to.equal('CINECARD');
    await type('STU2');
    expect(select.value).to.equal('STUDENTPASS');
    expect(el.text('[part="third-party-form"] [role="status"]')).to.equal('This is a Student Night Pass card number: Student Night Pass is chosen');
    await type('STU20270042');
    el.submitPartnerForm();
    await el.until(() => el.has('[part="added"]'), 'the card was not added');
    expect(el.text('.added-card .card-name')).to.contain('Student Night Pass');
  });

  it('sends the same ticket ids again when retrying after a lost answer', async () => {
    await signInEmma();
    const el = await mount();
    await el.useCard(EMMA_CARD);
    await mock.fault({ vendor: 'vista', path: '/showtimes/', kind: 'drop-after-apply', times: 1 });
    await el.confirmTickets();
    expect(el.errorName).to.equal('NetworkError');
    el.retry();
    await el.until(() => el.has('[part="notice"].done'), 'the retry did not set the tickets');
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
    await el.useCard(EMMA_CARD);
    expect(el.added(EMMA_CARD)).to.not.equal(null);
    const grants = (await mock.requests()).filter((r) => r.path.endsWith('authentication-token'));
    expect(grants).to.have.length(2);
  });

  itWhere(SECURE_COOKIES_OVER_HTTP, 'turns an expired cookie session (403) into "sign in again" on both elements, name kept', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <vista-member-login api-base=${mock.base('vista')} mode="cookie" locale="en"></vista-member-login>
      <vista-ticket-redemption api-base=${mock.base('vista')} mode="cookie" order-id="ord-2" showtime-id="0001-88231" locale="en"></vista-ticket-redemption>
    </div>`);
    const login = page.querySelector<VistaMemberLogin>('vista-member-login')!;
    const el = new VistaTicketRedemptionHarness(page.querySelector<VistaTicketRedemption>('vista-ticket-redemption')!);
    await waitUntil(() => inLogin(login, 'form[part="form"]'), 'no form');
    inLogin<HTMLInputElement>(login, '#login')!.value = EMMA.email;
    inLogin<HTMLInputElement>(login, '#password')!.value = EMMA.password;
    inLogin<HTMLButtonElement>(login, 'button[type="submit"]')!.click();
    await waitUntil(() => el.$('[part="card"]'), 'the cards did not load after sign-in', { timeout: 5000 });
    await el.el.updateComplete;

    await mock.control('vista', '/expire-sessions', { method: 'POST' });
    await el.useCard(EMMA_CARD);
    expect(el.text('[part="notice"]')).to.equal('Your session has ended. Sign in again to use your subscription card.');
    expect(el.$('[part="cards"]')).to.equal(null);
    await waitUntil(() => inLogin(login, 'form[part="form"]'), 'the sign-in form did not come back');
    await login.updateComplete;
    expect(textOf(inLogin(login, '[part="notice"]'))).to.equal('Your session has ended. Please sign in again.');
    expect(inLogin<HTMLInputElement>(login, '#login')!.value).to.equal(EMMA.email);
    expect(events.some((e) => e.type === 'vista-member-logout')).to.equal(true);
  });

  it('catches up with a sign-in that happened while it was out of the page', async () => {
    const el = await mount();
    const parent = el.el.parentElement!;
    el.el.remove();
    await signInEmma();
    parent.append(el.el);
    await el.until(() => el.has('[part="card"]'), 'the cards did not load after the move');
    expect(el.$('[part="notice"]')).to.equal(null);
  });

  it('needs an order and a showtime', async () => {
    const el = await mount({ orderId: '' });
    expect(el.errorName).to.equal('ConfigError');
  });
});
