import { expect } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { TimeoutError, VendorError } from '../errors.js';
import { createVistaMembersClient } from './members.js';
import { createVistaRedemptionClient, type VistaRedemptionClient } from './redemption.js';
import { localizedText } from './text.js';
import { rejection } from '../../../test/rejection.js';

const NOW = '2027-03-01T12:00:00Z';
const EMMA_CARD = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const SHOWTIME = '0001-88231';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


describe('Vista redemption client', () => {
  let mock: MockWorld;
  let redemption: VistaRedemptionClient;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    const apiBase = mock.base('vista');
    const { access_token } = await createVistaMembersClient({ apiBase }).createAuthenticationToken({
      grant_type: 'password',
      email: 'emma.janssens@example.com',
      password: 'Popcorn-2027',
    });
    redemption = createVistaRedemptionClient({ apiBase, memberToken: access_token });
  });

  it('lists the member\'s cards: own active, expired and a friend\'s shared card', async () => {
    const cards = await redemption.getMemberTicketRedemptionCards();
    expect(cards.map((c) => c.status)).to.deep.equal(['Active', 'Inactive', 'Active']);
    expect(cards.filter((c) => c.friendId)).to.have.length(1);
  });

  it('reads third-party schemes whether the site wraps them or sends a bare array', async () => {
    const wrapped = await redemption.getThirdPartyMemberSchemes('0001');
    const bare = await redemption.getThirdPartyMemberSchemes('0002');
    expect(wrapped.length).to.be.greaterThan(1);
    expect(bare).to.deep.equal(wrapped);
    expect(localizedText(bare[1]!.name, 'fr-BE')).to.equal('Pass Soirée Étudiante');
  });

  it('adds a subscription card and a third-party card to an order', async () => {
    const subscription = await redemption.addTicketRedemptionCard('ord-7', {
      type: 'MemberTicketRedemptionCard',
      memberTicketRedemptionCardId: EMMA_CARD,
      showtimeId: SHOWTIME,
    });
    expect(subscription.ticketRedemptionCard.id).to.equal(EMMA_CARD);
    expect(subscription.redemptionLimit.maximum).to.equal(2);

    const thirdParty = await redemption.addTicketRedemptionCard('ord-7', {
      type: 'ThirdPartyMemberCard',
      credentials: { cardNumber: 'STU20270042', thirdPartyMemberSchemeId: 'STUDENTPASS' },
      showtimeId: SHOWTIME,
    });
    expect(thirdParty.ticketRedemptionCard.type).to.equal('ThirdPartyMemberCard');
    expect(thirdParty.redemptionLimit).to.deep.equal({ isUnlimited: false, maximum: 1, minimum: 1 });
  });

  /** A CinéCard whose visits this month are used: the mock's declined third-party card. */
  const applySpentCineCard = async () =>
    (await rejection(
      redemption.addTicketRedemptionCard('ord-7', {
        type: 'ThirdPartyMemberCard',
        credentials: { cardNumber: '6371009900000013', thirdPartyMemberSchemeId: 'CINECARD' },
        showtimeId: SHOWTIME,
      }),
    )) as VendorError;

  it('reports a declined third-party card with Vista\'s code and reason', async () => {
    await mock.chooseReadings({ 'vista.refusalCodes': 'listed' });
    const error = await applySpentCineCard();
    expect(error).to.be.instanceOf(VendorError);
    expect(error.code).to.equal(34002);
    expect(error.message).to.equal('This month\'s CinéCard visits have been used');
  });

  it('reports a refusal without a code Vista documents as a VendorError with the reason', async () => {
    const error = await applySpentCineCard();
    expect(error).to.be.instanceOf(VendorError);
    expect(error.status).to.equal(400);
    expect(error.message).to.equal('This month\'s CinéCard visits have been used');
  });

  describe('setShowtime', () => {
    // The venue's redemption ticket type (reading vista.ticketTypes: the seeds never name one).
    const ticketTypeId = 'MEMBER';
    beforeEach(async () => {
      await redemption.addTicketRedemptionCard('ord-8', {
        type: 'MemberTicketRedemptionCard',
        memberTicketRedemptionCardId: EMMA_CARD,
        showtimeId: SHOWTIME,
      });
    });

    it('gives every ticket a fresh UUID unless the caller keeps its own, and the order receives them once', async () => {
      const answer = await redemption.setShowtime('ord-8', SHOWTIME, [
        { ticketTypeId, ticketRedemptionCardId: EMMA_CARD },
        { id: 'kept-id', ticketTypeId, ticketRedemptionCardId: EMMA_CARD },
      ]);
      const ids = answer.sent.map((t) => t.id);
      expect(ids[0]).to.match(UUID);
      expect(ids[1]).to.equal('kept-id');
      const received = await mock.received<{ orderId: string; tickets: { id: string }[] }>('setShowtime');
      expect(received).to.have.length(1);
      expect(received[0]!.tickets.map((t) => t.id)).to.deep.equal(ids);
    });

    it('generates different ids for identical tickets', async () => {
      const answer = await redemption.setShowtime('ord-8', SHOWTIME, [
        { ticketTypeId, ticketRedemptionCardId: EMMA_CARD },
        { ticketTypeId, ticketRedemptionCardId: EMMA_CARD },
      ]);
      const [first, second] = answer.sent;
      expect(first!.id).not.to.equal(second!.id);
    });

    it('treats any 2xx as done, whatever the answer\'s shape, and reads the showtime\'s tickets where it lists them', async () => {
      for (const shape of ['no-content', 'order', 'showtime']) {
        await mock.chooseReadings({ 'vista.setShowtime.answer': shape });
        const answer = await redemption.setShowtime('ord-8', SHOWTIME, [{ ticketTypeId, ticketRedemptionCardId: EMMA_CARD }]);
        expect(answer.sent, shape).to.have.length(1);
        if (shape === 'no-content') expect(answer.orderTickets, shape).to.equal(undefined);
        else expect(answer.orderTickets!.map((t) => t.id), shape).to.deep.equal([answer.sent[0]!.id]);
      }
      expect(await mock.received('setShowtime')).to.have.length(3);
    });

    it('reports tickets over the card\'s limit as VendorError 34010', async () => {
      await mock.chooseReadings({ 'vista.refusalCodes': 'listed' });
      const tickets = Array.from({ length: 3 }, () => ({ ticketTypeId, ticketRedemptionCardId: EMMA_CARD }));
      const error = (await rejection(redemption.setShowtime('ord-8', SHOWTIME, tickets))) as VendorError;
      expect(error.code).to.equal(34010);
      expect(await mock.received('setShowtime')).to.have.length(0);
    });

    it('never repeats the PUT after a server error', async () => {
      await mock.fault({ vendor: 'vista', path: '/showtimes/', kind: 'http-error', status: 503, times: 1 });
      const error = (await rejection(redemption.setShowtime('ord-8', SHOWTIME, [{ ticketTypeId, ticketRedemptionCardId: EMMA_CARD }]))) as VendorError;
      expect(error.status).to.equal(503);
      const puts = (await mock.requests()).filter((r) => r.method === 'PUT');
      expect(puts).to.have.length(1);
    });

    it('gives up on a stalled answer with a TimeoutError', async () => {
      await mock.fault({ vendor: 'vista', path: '/showtimes/', kind: 'delay', delayMs: 5000, times: 1 });
      const error = await rejection(
        redemption.setShowtime('ord-8', SHOWTIME, [{ ticketTypeId, ticketRedemptionCardId: EMMA_CARD }], { timeoutMs: 200 }),
      );
      expect(error).to.be.instanceOf(TimeoutError);
    });
  });
});
