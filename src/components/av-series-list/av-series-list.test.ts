import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { cardListFailureTests } from '../../../test/av-card-list.js';
import { watchBatches } from '../../../test/batched-list.js';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import type { SeriesInformation, SeriesResponse } from '../../api/audienceview/types.js';
import type { WidgetEvent } from '../../shared/events.js';
import type { WidgetErrorDetail } from '../../shared/events.js';
import './index.js';
import '../av-calendar/index.js';
import '../av-event-list/index.js';
import { AvSeriesListHarness } from './av-series-list.harness.js';
import type { AvSeriesList, AvSeriesClickDetail } from './index.js';

const NOW = '2027-03-01T17:00:00Z';
/** Intl puts thin and narrow no-break spaces in ranges and times. */
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function seriesFixture(template: ReturnType<typeof html>): Promise<AvSeriesListHarness> {
  const el = await fixture<AvSeriesList>(template);
  const page = new AvSeriesListHarness(el);
  await page.settled();
  return page;
}

/** The mock's own answer, as the ground truth the cards must show. */
async function seriesAnswer(mock: MockWorld, path = '/public/series/client(284)'): Promise<SeriesResponse> {
  const res = await fetch(mock.base('audienceview') + path, { headers: { clientId: '284' } });
  return (await res.json()) as SeriesResponse;
}

describe('<av-series-list>', () => {
  let mock: MockWorld;
  let base: string;
  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    base = mock.base('audienceview');
  });

  cardListFailureTests({ tag: 'av-series-list', vendorPath: '/series/', loadingText: 'Loading the season…', shown: (root) => root.querySelectorAll('[part="series"]').length }, () => mock);

  for (const reading of ['listed', 'omitted', 'excluded']) {
    it(`shows the same series the calendar and event list show (D and U series ${reading} by the vendor)`, async () => {
      mock = await openMockWorld({ now: NOW, readings: { 'audienceview.series.hiddenStatuses': reading } });
      const control = await mock.control<{ performances: { productionId: number; productionStatus: string }[] }>('audienceview', '/performances?clientId=284&when=future&limit=100000');
      const publicIds = [...new Set(control.performances.filter((p) => p.productionStatus === 'T').map((p) => p.productionId))].sort();
      const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${mock.base('audienceview')}></av-series-list>`);
      expect([...page.ids()].sort()).to.deep.equal(publicIds);
    });
  }

  it('shows one card per series on public display, and never the under-construction or deleted ones', async () => {
    const answer = await seriesAnswer(mock);
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base}></av-series-list>`);
    const expected = answer.seriesInformation.filter((s) => s.productionStatus === 'T').map((s) => s.productionId);
    expect(expected.length).to.be.greaterThan(5);
    expect(page.ids()).to.deep.equal(expected);
    expect(page.ids()).not.to.include(962590); // status U
    expect(page.ids()).not.to.include(962601); // status D
    expect(page.root.textContent).not.to.contain('New Works Festival');
    expect(page.root.textContent).not.to.contain('Spring Benefit Concert');
  });

  it("colours each card with its production colour and keeps the text readable", async () => {
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base}></av-series-list>`);
    const card = page.card(962459); // productionStyle 2, Light Blue #e2f1ff
    expect(card.dataset.style).to.equal('2');
    const style = getComputedStyle(card);
    expect(style.backgroundColor).to.equal('rgb(226, 241, 255)');
    expect(style.color).to.equal('rgb(29, 27, 32)');
    expect(getComputedStyle(page.card(962488)).backgroundColor).to.equal('rgb(221, 255, 187)'); // style 3, Light Green
  });

  it('shows a logo named by the series (the first fetched at once, as the likely largest paint; the others lazily), titles, the date range and the venue address', async () => {
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base} locale="en-US"></av-series-list>`);
    const logo = page.part(962459, 'logo') as HTMLImageElement;
    const logos = [...page.root.querySelectorAll<HTMLImageElement>('img[part~="logo"]')];
    expect(logos.map((img) => img.getAttribute('loading')), 'the first logo eager, the rest lazy').to.deep.equal(['eager', ...logos.slice(1).map(() => 'lazy')]);
    expect(logos[0]!.getAttribute('fetchpriority')).to.equal('high');
    expect(logo.alt).to.equal('Far Far Away'); // productionLogoAltName is null: the name
    // The mock serves its logos itself, at AudienceView's clientFile path under the mock's own address.
    expect(logo.getAttribute('src')).to.equal(`${mock.base('audienceview')}/trs/clientFile/303987`);
    expect(page.part(962515, 'logo'), 'no logo link, no image').to.equal(null);

    expect(squash(page.part(962459, 'title')!.textContent)).to.equal('Far Far Away');
    const text = squash(page.card(962459).textContent);
    expect(text).to.contain('Tom McNeal').and.to.contain('A new play with music');

    // Today's 7:30 PM show to the last one 60 days on, at the venue.
    const dates = page.part(962459, 'dates')!;
    expect(dates.dataset.first).to.equal('2027-03-01');
    expect(dates.dataset.last).to.equal('2027-04-30');
    expect(squash(dates.textContent)).to.equal('Mar 1 – Apr 30, 2027');

    const venue = [...page.part(962459, 'venue')!.querySelectorAll('span')].map((s) => squash(s.textContent));
    expect(venue).to.deep.equal([
      'Harbour Lights Theatre – Main Stage',
      '214 Commercial Street',
      'Portland, ME 04101',
      'Old Port, Portland',
      '(207) 555-0142',
      'METRO routes 1 and 8 stop at Commercial & Union. Parking in the Fish Pier garage.',
    ]);
    // A venue without an address still shows its name (and its general location).
    expect(squash(page.part(962515, 'venue')!.textContent)).to.equal('Maine State Pier Old Port');
  });

  it('links to the series page, or straight to the performance when only one is left', async () => {
    const answer = await seriesAnswer(mock);
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base}></av-series-list>`);
    const buy = page.part(962459, 'buy') as HTMLAnchorElement;
    expect(buy.href).to.equal('https://web.ovationtix.com/trs/pr/962459');
    expect(buy.target, 'same tab').to.equal('');
    expect(squash(buy.textContent)).to.equal('Buy tickets: Far Far Away');

    const shanty = answer.seriesInformation.find((s) => s.productionId === 962577)!;
    expect(shanty.performanceIdIfOnlyOneEventAvailable).to.be.a('number');
    if (shanty.hasAvailableTickets && shanty.showLinkToBuyTickets) {
      expect((page.part(962577, 'buy') as HTMLAnchorElement).href).to.equal(`https://web.ovationtix.com/trs/pe.c/${shanty.performanceIdIfOnlyOneEventAvailable}`);
    } else {
      expect(page.part(962577, 'buy')).to.equal(null);
    }
  });

  it('uses the production-url template and fires a cancelable av-series-click', async () => {
    const template = `${location.origin}${location.pathname}#series-{productionId}`;
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base} production-url=${template}></av-series-list>`);
    const buy = page.part(962459, 'buy') as HTMLAnchorElement;
    expect(buy.href).to.equal(template.replace('{productionId}', '962459'));

    const seen: WidgetEvent<AvSeriesClickDetail>[] = [];
    let navigationPrevented: boolean | undefined;
    page.el.addEventListener('av-series-click', (e) => {
      seen.push(e);
      e.preventDefault();
    });
    page.el.addEventListener('click', (e) => (navigationPrevented = e.defaultPrevented));
    buy.click();
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail.series.productionId).to.equal(962459);
    expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    expect(navigationPrevented, 'a cancelled av-series-click stops the link').to.equal(true);
  });

  it('sanitizes vendor HTML: a script or an <img onerror> in a description never runs', async () => {
    const ran: unknown[] = [];
    const original = window.alert;
    window.alert = (message?: unknown) => void ran.push(message);
    try {
      const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base}></av-series-list>`);
      const jazz = page.card(962544);
      expect(squash(jazz.textContent)).to.contain('Live jazz every Friday.');
      expect(jazz.querySelector('script')).to.equal(null);
      expect(page.root.querySelectorAll('[onerror]')).to.have.length(0);
      expect([...page.root.querySelectorAll('img')].every((img) => img.getAttribute('part') === 'logo')).to.equal(true);
      // The purchase alert keeps its emphasis and its link, which leaves the page safely.
      const alert = page.card(962488).querySelector('.alert')!;
      expect(alert.querySelector('strong')!.textContent).to.equal('Preview performances');
      const link = page.card(962577).querySelector<HTMLAnchorElement>('.alert a')!;
      expect(link.rel).to.contain('noopener');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).to.deep.equal([]);
    } finally {
      window.alert = original;
    }
  });

  describe('with crafted answers', () => {
    const original = window.fetch;
    afterEach(() => {
      window.fetch = original;
    });
    const crafted = (overrides: Partial<SeriesInformation>): SeriesInformation => ({
      productionId: 1,
      productionName: 'Crafted',
      productionStatus: 'T',
      productionStyle: 6,
      productionVenue: null,
      hasAvailableTickets: true,
      noRemainingMessage: '',
      shutoffHour: 2,
      shutoffHourMessage: '',
      seriesSuperTitle: null,
      seriesSubTitle: null,
      purchaseAlert: null,
      productionDescription: null,
      productionLogoClientFileId: null,
      productionLogoLink: null,
      productionLogoAltName: null,
      firstPerformanceDate: Date.parse('2027-03-10T19:30:00-05:00'),
      lastPerformanceDate: Date.parse('2027-03-12T19:30:00-05:00'),
      performanceIdIfOnlyOneEventAvailable: null,
      showLinkToBuyTickets: true,
      departmentId: null,
      departmentName: null,
      ...overrides,
    });
    const serve = (series: SeriesInformation[]) => {
      const body: SeriesResponse = {
        serviceMessages: null,
        departmentId: null,
        clientId: 284,
        clientName: 'Crafted',
        clientActive: true,
        errors: [],
        warnings: [],
        seriesInformation: series,
      };
      window.fetch = async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };

    for (const reading of ['eastern-wall-clock', 'instant'] as const) {
      it(`dates a Los Angeles series whose shows start at 9:30 PM on the venue's day, with the epoch dates ${reading}`, async () => {
        // 9:30 PM in Los Angeles is already the next day in New York (and in UTC).
        const instant = (day: number) => Date.parse(`2027-03-${day}T21:30:00-08:00`);
        const eastern = (day: number) => Date.parse(`2027-03-${day}T21:30:00-05:00`);
        const epoch = reading === 'instant' ? instant : eastern;
        const series = crafted({ productionId: 7, firstPerformanceDate: epoch(10), lastPerformanceDate: epoch(12) });
        const performance = (day: number) => ({ performanceId: 700 + day, productionId: 7, performanceDate: `03/${day}/2027`, performanceTime24: '21:30:00', performanceStart: epoch(day), allDayEvent: false });
        const answer = (extra: object) => ({ serviceMessages: null, departmentId: null, clientId: 284, clientName: 'Crafted', clientActive: true, errors: [], warnings: [], ...extra });
        const asked: string[] = [];
        window.fetch = async (input: RequestInfo | URL) => {
          const url = String(input instanceof Request ? input.url : input);
          asked.push(new URL(url).pathname);
          const body = url.includes('/public/events/') ? answer({ performances: [performance(10), performance(12)] }) : answer({ seriesInformation: [series] });
          return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
        };
        const page = await seriesFixture(html`<av-series-list client-id="284" time-zone="America/Los_Angeles" api-base="https://api.example"></av-series-list>`);
        const dates = page.part(7, 'dates')!;
        expect([dates.dataset.first, dates.dataset.last]).to.deep.equal(['2027-03-10', '2027-03-12']);
        // Only where the two readings put a date on other days is one production's performances asked to tell which.
        if (reading === 'instant') expect(asked).to.include('/public/events/client(284)/production(7)');
        else expect(asked).to.deep.equal(['/public/series/client(284)']);
      });
    }

    it('names the logo by productionLogoAltName and refuses non-http logo links', async () => {
      serve([
        crafted({ productionId: 1, productionLogoLink: `${location.origin}/no-such-logo.png`, productionLogoAltName: 'Poster: two sisters at a lighthouse' }),
        crafted({ productionId: 2, productionLogoLink: 'javascript:alert(1)', productionLogoAltName: 'x' }),
      ]);
      const page = await seriesFixture(html`<av-series-list client-id="284" api-base="https://api.example"></av-series-list>`);
      expect((page.part(1, 'logo') as HTMLImageElement).alt).to.equal('Poster: two sisters at a lighthouse');
      expect(page.part(2, 'logo')).to.equal(null);
    });

    it("says sold out or sales closed (in the vendor's words) instead of a buy link when no tickets are available", async () => {
      const now = Date.parse(NOW);
      serve([
        crafted({ productionId: 1, hasAvailableTickets: false, noRemainingMessage: 'There are <b>no tickets</b> remaining.', shutoffHourMessage: 'Closed online.' }),
        // The last performance starts within its shut-off window: web sales have closed.
        crafted({ productionId: 2, hasAvailableTickets: false, noRemainingMessage: 'Gone.', shutoffHourMessage: '<p>Web sales are closed.</p>', lastPerformanceDate: Date.parse('2027-03-01T13:00:00-05:00') }),
        crafted({ productionId: 3, hasAvailableTickets: false, noRemainingMessage: '' }),
        crafted({ productionId: 4, showLinkToBuyTickets: false }),
      ]);
      const el = await fixture<AvSeriesList>(html`<av-series-list client-id="284" api-base="https://api.example" .now=${now}></av-series-list>`);
      const page = new AvSeriesListHarness(el);
      await page.settled();
      expect(squash(page.card(1).querySelector('.unavailable')!.textContent)).to.equal('There are no tickets remaining.');
      expect(page.card(2).querySelector<HTMLElement>('.unavailable')!.dataset.reason).to.equal('sales-closed');
      expect(squash(page.card(2).querySelector('.unavailable')!.textContent)).to.equal('Web sales are closed.');
      expect(squash(page.card(3).querySelector('.unavailable')!.textContent)).to.equal('Sold out');
      for (const id of [1, 2, 3, 4]) expect(page.part(id, 'buy'), `series ${id}`).to.equal(null);
    });
  });

  it('shows a big season a batch of cards at a time, the first at once and the rest after the page has had the main thread, then all of it', async () => {
    await mock.fault({ kind: 'oversize', vendor: 'audienceview' }); // every list ten times as long
    const expected = (await seriesAnswer(mock)).seriesInformation.filter((s) => s.productionStatus === 'T').length;
    expect(expected, 'the season is long enough to batch').to.be.greaterThan(40);
    const el = document.createElement('av-series-list');
    for (const [name, value] of Object.entries({ style: 'width: 390px', 'client-id': '284', 'api-base': base, locale: 'en' })) el.setAttribute(name, value);
    const cards = () => el.shadowRoot!.querySelectorAll('[part="series"]').length;
    document.body.append(el);
    const batches = watchBatches(el.shadowRoot!, cards, '[part="list"]');
    try {
      await waitUntil(() => batches.counts.length > 0, 'the season never showed', { timeout: 8000 });
      await el.updateComplete; // waits for the last batch
      expect(cards(), 'updateComplete waits for the whole season').to.equal(expected);
      expect(batches.counts[0], 'the first batch fills a phone screen, no more').to.be.within(4, 20);
      expect(batches.countWhenYielded, 'the page had the main thread before the season was whole').to.be.below(expected);
      expect(batches.busy.at(0), 'busy while more is coming').to.equal('true');
      expect(batches.busy.at(-1), 'not busy once whole').to.equal('false');
    } finally {
      batches.stop();
      el.remove();
    }
  });

  it('makes each card of a big season once, however many batches it takes, and again when what it shows changes (the language)', async () => {
    await mock.fault({ kind: 'oversize', vendor: 'audienceview' });
    const expected = (await seriesAnswer(mock)).seriesInformation.filter((s) => s.productionStatus === 'T').length;
    // Every card formats its date range once when it is made (Intl's formatRange, or format for a one-day series).
    let formatted = 0;
    const proto = Intl.DateTimeFormat.prototype;
    const formatDescriptor = Object.getOwnPropertyDescriptor(proto, 'format')!;
    const realRange = proto.formatRange;
    proto.formatRange = function (this: Intl.DateTimeFormat, ...args: Parameters<Intl.DateTimeFormat['formatRange']>) {
      if (this.resolvedOptions().timeZone === 'UTC') formatted++;
      return realRange.apply(this, args);
    };
    Object.defineProperty(proto, 'format', {
      configurable: true,
      get(this: Intl.DateTimeFormat) {
        const bound = formatDescriptor.get!.call(this) as (date?: number | Date) => string;
        return (date?: number | Date) => {
          if (this.resolvedOptions().timeZone === 'UTC') formatted++;
          return bound(date);
        };
      },
    });
    const el = document.createElement('av-series-list');
    try {
      for (const [name, value] of Object.entries({ style: 'width: 390px', 'client-id': '284', 'api-base': base, locale: 'en' })) el.setAttribute(name, value);
      document.body.append(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="series"]'), 'the season never showed', { timeout: 8000 });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="series"]').length, 'the whole season shows').to.equal(expected);
      expect(formatted, 'date ranges formatted, one per card').to.equal(expected);
    } finally {
      proto.formatRange = realRange;
      Object.defineProperty(proto, 'format', formatDescriptor);
    }
    try {
      // Absent ('') while the French words load: the element shows its skeleton meanwhile, not English words.
      const dates = () => squash(el.shadowRoot!.querySelector('[part="series"] [part="dates"]')?.textContent);
      const english = dates();
      expect(english).not.to.equal('');
      el.setAttribute('locale', 'fr');
      await waitUntil(() => ![english, ''].includes(dates()), 'the cards already shown did not change language', { timeout: 8000 });
      expect(el.shadowRoot!.querySelector('[part="list"]')!.getAttribute('aria-label')).to.equal('Saison');
    } finally {
      el.remove();
    }
  });

  it('filters by production-id', async () => {
    const page = await seriesFixture(html`<av-series-list client-id="284" production-id="962459" api-base=${base}></av-series-list>`);
    expect(page.ids()).to.deep.equal([962459]);
    const requests = await mock.requests();
    expect(requests.map((r) => r.path)).to.include('/public/series/client(284)/production(962459)');
  });

  it('asks for the season once with a calendar and an event list on the same page', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <av-calendar client-id="284" api-base=${base} month="2027-03" view="list" .now=${Date.parse(NOW)}></av-calendar>
      <av-series-list client-id="284" api-base=${base}></av-series-list>
      <av-event-list client-id="284" api-base=${base} limit="6" .now=${Date.parse(NOW)}></av-event-list>
    </div>`);
    const shown = (tag: string, part: string) => page.querySelector(tag)!.shadowRoot!.querySelectorAll(`[part~="${part}"]`).length > 0;
    await waitUntil(() => shown('av-calendar', 'performance') && shown('av-series-list', 'series') && shown('av-event-list', 'performance'), 'the three elements did not all show their answers', { timeout: 8000 });
    const seasons = (await mock.requests()).filter((r) => r.method === 'GET' && r.path === '/public/series/client(284)');
    expect(seasons, 'series answers asked for').to.have.length(1);
  });

  it('reports a bad client-id or production-url as a ConfigError without any request', async () => {
    const errors: Error[] = [];
    const onError = (e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error);
    let page = await seriesFixture(html`<av-series-list client-id="harbour" api-base=${base} @av-error=${onError}></av-series-list>`);
    expect(page.error()!.dataset.errorName).to.equal('ConfigError');
    expect(page.error()!.textContent).to.contain('client-id');
    page = await seriesFixture(html`<av-series-list client-id="284" production-url="javascript:alert(1)" api-base=${base} @av-error=${onError}></av-series-list>`);
    expect(page.error()!.textContent).to.contain('production-url');
    expect(errors.map((e) => e.name)).to.deep.equal(['ConfigError', 'ConfigError']);
    expect(await mock.requests()).to.deep.equal([]);
  });

  it("shows the vendor's warnings as a notice, not a failure, and says politely that an inactive client sells nothing online", async () => {
    mock = await openMockWorld({ now: NOW, readings: { 'audienceview.public.clientActive': 'warning' } });
    const res = await fetch(`${mock.base('audienceview')}/public/series/client(301)`, { headers: { clientId: '301' } });
    const { warnings } = (await res.json()) as SeriesResponse;
    const page = await seriesFixture(html`<av-series-list client-id="301" api-base=${mock.base('audienceview')}></av-series-list>`);
    const notice = page.root.querySelector('[part="warning"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(squash(notice.textContent)).to.contain(String(warnings[0]));
    expect(page.error()).to.equal(null);
    expect(squash(page.root.querySelector('[part="inactive"]')!.textContent)).to.equal('This box office is not selling tickets online at the moment. Please contact the venue.');
  });

  for (const reading of ['errors', 'data']) {
    it(`says politely that an inactive client sells nothing online when the vendor answers with ${reading}`, async () => {
      mock = await openMockWorld({ now: NOW, readings: { 'audienceview.public.clientActive': reading } });
      const errors: Error[] = [];
      const page = await seriesFixture(
        html`<av-series-list client-id="301" api-base=${mock.base('audienceview')} @av-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></av-series-list>`,
      );
      expect(page.error()).to.equal(null);
      expect(errors).to.deep.equal([]);
      expect(squash(page.root.querySelector('[part="inactive"]')!.textContent)).to.contain('not selling tickets online');
    });
  }

  it("shows the venue's location, phone (a tel: link) and transit information where AudienceView has them, as text", async () => {
    const answer = await seriesAnswer(mock);
    const withAll = answer.seriesInformation.find((s) => s.productionStatus === 'T' && s.productionVenue?.venuePhone && s.productionVenue.transitInfo)!;
    const without = answer.seriesInformation.find((s) => s.productionStatus === 'T' && s.productionVenue && !s.productionVenue.venuePhone && !s.productionVenue.transitInfo);
    expect(withAll, 'a series with phone and transit').not.to.equal(undefined);
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base}></av-series-list>`);
    const venue = page.part(withAll.productionId, 'venue')!;
    const phone = venue.querySelector<HTMLAnchorElement>('.venue-phone a')!;
    expect(phone.textContent).to.equal(withAll.productionVenue!.venuePhone);
    expect(phone.href).to.equal(`tel:${withAll.productionVenue!.venuePhone!.replace(/\D/g, '')}`);
    expect(squash(venue.querySelector('.venue-transit')!.textContent)).to.equal(withAll.productionVenue!.transitInfo);
    expect(squash(venue.textContent)).to.contain(withAll.productionVenue!.location!);
    if (without) {
      const plain = page.part(without.productionId, 'venue');
      expect(plain?.querySelector('.venue-phone, .venue-transit') ?? null).to.equal(null);
    }
  });

  it('is one column at 320 px and a grid of cards on a wide screen', async () => {
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base} style="width: 320px"></av-series-list>`);
    const columns = () => getComputedStyle(page.root.querySelector('[part="list"]')!).gridTemplateColumns.split(' ').length;
    expect(columns()).to.equal(1);
    expect(page.cards().every((card) => card.getBoundingClientRect().width <= 320)).to.equal(true);
    page.el.style.width = '1400px';
    expect(columns()).to.be.greaterThan(2);
  });

  it('is accessible', async () => {
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base}></av-series-list>`);
    await expect(page.el).to.be.accessible();
  });

  it('speaks French', async () => {
    const page = await seriesFixture(html`<av-series-list client-id="284" api-base=${base} locale="fr"></av-series-list>`);
    expect(squash(page.part(962459, 'dates')!.textContent)).to.equal('1 mars – 30 avr. 2027');
    expect(squash(page.part(962459, 'buy')!.textContent)).to.equal('Acheter des billets: Far Far Away');
    expect(page.root.querySelector('[part="list"]')!.getAttribute('aria-label')).to.equal('Saison');
  });
});
