import { expect, fixture, html } from '@open-wc/testing';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import type { WidgetErrorDetail, WidgetEvent } from '../../shared/events.js';
import { grantExpiry } from './grant-memory.js';
import './index.js';
import { UtickStreamGateHarness } from './utick-stream-gate.harness.js';
import type { UtickAccessDeniedDetail, UtickAccessGrantedDetail, UtickStreamGate } from './index.js';

const NOW = '2027-03-01T12:00:00Z';
const HOUR = 3_600_000;

interface CodesTable {
  streams: { streamId: string; accessCodes: Record<string, number>; contactIds: Record<string, number> }[];
}
type Ids = Record<string, string>;

describe('<utick-stream-gate>', () => {
  let mock: MockWorld;
  let ids: Ids;
  let codes: CodesTable;
  let apiBase: string;
  const now = Date.parse(NOW);
  const codeFor = (streamId: string, result: number) => Object.entries(codes.streams.find((s) => s.streamId === streamId)!.accessCodes).find(([, r]) => r === result)![0];
  const contactFor = (streamId: string) => Object.keys(codes.streams.find((s) => s.streamId === streamId)!.contactIds)[0]!;

  async function gate(streamId: string, options: { at?: number; contactId?: string; locale?: string } = {}): Promise<UtickStreamGateHarness> {
    const page = new UtickStreamGateHarness(
      await fixture<UtickStreamGate>(html`<utick-stream-gate
        api-base=${apiBase}
        stream-id=${streamId}
        contact-id=${options.contactId ?? ''}
        locale=${options.locale ?? 'en'}
        .now=${options.at ?? now}
        ><video class="player" aria-label="The show"></video
      ></utick-stream-gate>`),
    );
    await page.settled();
    return page;
  }

  beforeEach(async () => {
    localStorage.clear();
    mock = await openMockWorld({ now: NOW });
    ids = await mock.control<Ids>('utick', '/ids');
    codes = await mock.control<CodesTable>('utick', '/codes');
    // The real signing proxy mounted on the mock, in front of this world's Utick (which checks signatures).
    apiBase = `${mock.origin}/s/${mock.id}/utick-proxy`;
  });

  it('shows the stream: label, dates on the venue clock, venue and show', async () => {
    const page = await gate(ids.liveStream!);
    expect(page.text('details')).to.contain('Cyrano de Bergerac – en direct');
    const start = page.part('details')!.querySelector('.start time')!;
    expect(start.getAttribute('datetime')).to.equal('2027-03-01T11:30:00.000Z');
    // 11:30 UTC is 12:30 in Brussels, whatever the browser's zone (Tokyo here).
    expect(start.textContent).to.contain('12:30');
    expect(page.part('details')!.querySelector('.access-end')).not.to.equal(null);
    expect(page.part('details')!.querySelector('.venue-name')!.textContent).to.have.length.greaterThan(3);
    expect(page.part('form')).not.to.equal(null);
    expect(page.playerShown(), 'the player stays hidden before a code').to.equal(false);
    const shop = page.part('shop') as HTMLAnchorElement;
    expect(shop.href).to.match(/^https:\/\/shop\.utick\.be\/\?pos=.+module=STREAMS/);
  });

  it('tells pack and ticket holders they watch for free, as each stream\'s freeaccess flags say', async () => {
    const seen = new Set<string>();
    for (const id of [ids.vodStream!, ids.liveStream!, ids.upcomingStream!, ids.maliciousStream!]) {
      const answer = await (await fetch(`${apiBase}/catalogue/streams/${encodeURIComponent(id)}/`)).json();
      const { freeaccess_packs: packs, freeaccess_seats: seats } = answer.response as { freeaccess_packs: boolean; freeaccess_seats: boolean };
      const expected = packs && seats
        ? 'Free for pack holders and for ticket holders of the performance: enter the code from your confirmation.'
        : packs
          ? 'Free for pack holders: enter the code from your pack’s confirmation.'
          : seats
            ? 'Free with a ticket for the performance: enter the code from your ticket’s confirmation.'
            : null;
      seen.add(String(expected));
      const page = await gate(id);
      expect(page.part('free-access')?.textContent?.trim() ?? null, id).to.equal(expected);
      page.el.remove();
    }
    // The seed's own example (the on-demand stream) has both flags set.
    expect(seen.has('Free for pack holders and for ticket holders of the performance: enter the code from your confirmation.')).to.equal(true);
  });

  it('sanitizes HTML in the description', async () => {
    const page = await gate(ids.maliciousStream!);
    const description = page.part('details')!.querySelector('.description')!;
    expect(description.textContent).to.contain('Rediffusion disponible.');
    expect(description.querySelector('img, script, [onerror]')).to.equal(null);
    expect(description.querySelector('p')).not.to.equal(null);
  });

  for (const result of [1, 10, 20, 30] as const) {
    it(`explains return code ${result} and reveals the player`, async () => {
      const granted: UtickAccessGrantedDetail[] = [];
      const page = await gate(ids.liveStream!);
      page.el.addEventListener('utick-access-granted', (e) => granted.push((e as WidgetEvent<UtickAccessGrantedDetail>).detail));
      await page.enter(codeFor(ids.liveStream!, result));
      const expected = {
        1: 'Access granted. Enjoy the show!',
        10: 'Access granted: you bought this stream.',
        20: 'Access granted with your ticket for this show.',
        30: 'Access granted with your pack.',
      }[result];
      expect(page.text('content')).to.contain(expected);
      expect(page.playerShown()).to.equal(true);
      expect(page.part('form'), 'no form once granted').to.equal(null);
      expect(granted.map((g) => [g.code, g.remembered])).to.deep.equal([[result, false]]);
      expect(page.root.activeElement, 'focus moves to the news').to.equal(page.root.querySelector('.granted'));
    });
  }

  it('explains -1, keeps the player hidden and fires utick-access-denied', async () => {
    const denied: UtickAccessDeniedDetail[] = [];
    const page = await gate(ids.liveStream!);
    page.el.addEventListener('utick-access-denied', (e) => denied.push((e as WidgetEvent<UtickAccessDeniedDetail>).detail));
    await page.enter('WRONG-CODE');
    expect(page.text('feedback')).to.equal('This code does not open this stream. Check it against your booking confirmation.');
    expect(page.part('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(page.playerShown()).to.equal(false);
    expect(denied).to.deep.equal([{ streamId: ids.liveStream, code: -1, via: 'access-code' }]);
    expect(await mock.received('streamControl')).to.have.length(1);
  });

  it('throttles repeated wrong codes: the proxy answers 429 and the gate says when to try again', async () => {
    const errors: Error[] = [];
    const page = await gate(ids.vodStream!);
    page.el.addEventListener('utick-error', (e) => errors.push((e as WidgetEvent<WidgetErrorDetail>).detail.error));
    for (let i = 0; i < 5; i++) await page.enter(`GUESS-${i}`);
    await page.enter(codeFor(ids.vodStream!, 10));
    expect(page.text('feedback')).to.match(/^Too many attempts\. Please try again in \d+ min\.$/);
    expect(page.playerShown(), 'even the right code waits').to.equal(false);
    expect(errors.map((e) => [e.name, (e as { status?: number }).status])).to.deep.equal([['VendorError', 429]]);
    expect(await mock.received('streamControl'), 'the sixth guess never reached Utick').to.have.length(5);
  });

  it('remembers a grant across a reload, without the code, and forgets it after access_duration', async () => {
    // The on-demand stream: access_duration "48", no access end.
    let page = await gate(ids.vodStream!);
    const code = codeFor(ids.vodStream!, 10);
    await page.enter(code);
    expect(page.playerShown()).to.equal(true);
    const stored = Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`);
    expect(stored).to.deep.equal([`venue-widgets:utick-grant:${ids.vodStream}={"expiresAt":${now + 48 * HOUR}}`]);
    expect(stored.join(' '), 'no code in storage').not.to.contain(code);
    page.el.remove();

    const granted: UtickAccessGrantedDetail[] = [];
    const remount = async (at: number) => {
      const p = new UtickStreamGateHarness(
        await fixture<UtickStreamGate>(html`<utick-stream-gate
          api-base=${apiBase}
          stream-id=${ids.vodStream}
          locale="en"
          .now=${at}
          @utick-access-granted=${(e: WidgetEvent<UtickAccessGrantedDetail>) => granted.push(e.detail)}
        ></utick-stream-gate>`),
      );
      await p.settled();
      return p;
    };
    page = await remount(now + 47 * HOUR);
    expect(page.playerShown(), 'a reload within 48 h does not ask again').to.equal(true);
    expect(page.text('content')).to.contain('Welcome back');
    expect(granted).to.deep.equal([{ streamId: ids.vodStream, code: null, expiresAt: now + 48 * HOUR, remembered: true }]);
    expect(await mock.received('streamControl'), 'no second check').to.have.length(1);

    // The clock passes the 48 hours while the page is open: the gate closes again.
    page.el.now = now + 48 * HOUR + 1000;
    await page.settled();
    expect(page.playerShown()).to.equal(false);
    expect(page.part('form')).not.to.equal(null);
    page.el.remove();

    page = await remount(now + 49 * HOUR);
    expect(page.playerShown()).to.equal(false);
    expect(localStorage.length).to.equal(0);
  });

  it('never remembers a grant past accessendtime', () => {
    expect(grantExpiry(now, '48', now + 3 * HOUR)).to.equal(now + 3 * HOUR);
    expect(grantExpiry(now, '48', undefined)).to.equal(now + 48 * HOUR);
    expect(grantExpiry(now, 72, now + 100 * HOUR)).to.equal(now + 72 * HOUR);
    expect(grantExpiry(now, '', now + 3 * HOUR), 'no duration: nothing to remember').to.equal(undefined);
  });

  it('opens with the page’s contact-id, without a code', async () => {
    const page = await gate(ids.upcomingStream!, { contactId: contactFor(ids.upcomingStream!) });
    expect(page.playerShown()).to.equal(true);
    expect(page.text('content')).to.contain('Access granted: you bought this stream.');
    const [attempt] = await mock.received<{ via: string }>('streamControl');
    expect(attempt!.via).to.equal('contactid');
  });

  it('asks for a code when the contact-id has no access', async () => {
    const page = await gate(ids.liveStream!, { contactId: '999' });
    expect(page.playerShown()).to.equal(false);
    expect(page.text('feedback')).to.contain('Your account has no access to this stream');
    expect(page.part('form')).not.to.equal(null);
  });

  it('counts down before starttime', async () => {
    const page = await gate(ids.upcomingStream!);
    expect(page.text('countdown')).to.equal('Starts in 2 d 00:00:00');
    page.el.now = now + 2 * 86_400_000 - 61_000;
    await page.settled();
    expect(page.text('countdown')).to.equal('Starts in 00:01:01');
    expect(page.part('form'), 'a code can be checked before the show').not.to.equal(null);
  });

  it('is closed after accessendtime', async () => {
    const page = await gate(ids.endedStream!);
    expect(page.part('status')!.dataset.availability).to.equal('closed');
    expect(page.text('status')).to.match(/^This stream closed on .+\.$/);
    expect(page.part('form')).to.equal(null);
  });

  it('says a cancelled stream is cancelled and a no-booking one is not on sale, with the box office link', async () => {
    let page = await gate(ids.cancelledStream!);
    expect(page.text('status')).to.contain('This stream has been cancelled.');
    expect((page.part('shop') as HTMLAnchorElement).href).to.contain('module=STREAMS');
    expect(page.part('form')).to.equal(null);
    page = await gate(ids.noBookingStream!);
    expect(page.text('status')).to.contain('Access to this stream is not on sale online.');
    expect(page.part('shop')).not.to.equal(null);
    expect(page.part('form')).to.equal(null);
  });

  for (const which of ['draftStream', 'deletedStream', 'archivedStream', 'unpublishedStream']) {
    it(`treats an unknown status (${which}) as unavailable`, async () => {
      const page = await gate(ids[which]!);
      expect(page.part('status')!.dataset.availability).to.equal('unavailable');
      expect(page.text('status')).to.equal('This stream is not available.');
      expect(page.part('form')).to.equal(null);
    });
  }

  it('shows a failure in part="error" with a retry, and fires utick-error', async () => {
    const errors: Error[] = [];
    const page = new UtickStreamGateHarness(
      await fixture<UtickStreamGate>(
        html`<utick-stream-gate api-base=${apiBase} stream-id="NO-SUCH-STREAM" @utick-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></utick-stream-gate>`,
      ),
    );
    await page.settled();
    expect(page.part('error')!.dataset.errorName).to.equal('VendorError');
    expect(page.text('error')).to.contain('Stream not found');
    expect(page.part('retry')).not.to.equal(null);
    expect(errors.map((e) => e.name)).to.deep.equal(['VendorError']);
  });

  it('needs api-base: a ConfigError, and no request', async () => {
    const page = new UtickStreamGateHarness(await fixture<UtickStreamGate>(html`<utick-stream-gate stream-id=${ids.liveStream}></utick-stream-gate>`));
    await page.settled();
    expect(page.part('error')!.dataset.errorName).to.equal('ConfigError');
    expect(page.text('error')).to.contain('api-base');
    expect(await mock.requests()).to.deep.equal([]);
  });

  it('speaks French (and the other languages) when asked', async () => {
    const page = await gate(ids.liveStream!, { locale: 'fr-BE' });
    expect(page.root.querySelector('label')!.textContent).to.equal('Code d’accès');
    await page.enter('FAUX-CODE');
    expect(page.text('feedback')).to.equal('Ce code n’ouvre pas ce streaming. Vérifiez-le dans votre confirmation de réservation.');
  });

  it('is accessible, locked and open', async () => {
    const page = await gate(ids.liveStream!);
    await expect(page.el).to.be.accessible();
    await page.enter(codeFor(ids.liveStream!, 1));
    await expect(page.el).to.be.accessible();
  });
});
