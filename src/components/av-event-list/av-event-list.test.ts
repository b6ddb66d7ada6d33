import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { cardListFailureTests } from '../../../test/av-card-list.js';
import { watchDateFormats } from '../../../test/date-formats.js';
import { thisTaskEnds } from '../../../test/page-tasks.js';
import type { ControlPerformance } from '../../../test/mock.js';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import type { EventsResponse } from '../../api/audienceview/types.js';
import type { WidgetErrorDetail, WidgetEvent } from '../../shared/events.js';
import './index.js';
import { AvEventListHarness } from './av-event-list.harness.js';
import { AvEventList, type AvPerformanceClickDetail } from './index.js';
import type { PublicQuery } from '../../api/audienceview/public.js';
import type { UpcomingAnswer } from './av-event-list.js';

const NOW = '2027-03-01T17:00:00Z'; // noon in New York
/** Subclasses defined by the tests, each under a tag of its own. */
let watchedTags = 0;
/** Intl puts narrow no-break spaces in times and thin spaces in ranges. */
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function listFixture(template: ReturnType<typeof html>): Promise<AvEventListHarness> {
  const page = new AvEventListHarness(await fixture<AvEventList>(template));
  await page.settled();
  return page;
}

describe('<av-event-list>', () => {
  let mock: MockWorld;
  let base: string;
  const now = Date.parse(NOW);
  const control = async (query: string) => (await mock.control<{ total: number; performances: ControlPerformance[] }>('audienceview', `/performances?${query}`)).performances;
  /** A future performance with these codes, after tomorrow (clear of any shut-off), preferring small runs. */
  const example = async (codes: string): Promise<ControlPerformance> => {
    const found = (await control(`clientId=284&when=future&limit=400&${codes}`)).filter((p) => p.date > '2027-03-02');
    const pick = found.find((p) => p.productionId !== 962515 && p.productionId !== 962530) ?? found[0];
    if (!pick) throw new Error(`the mock has no performance with ${codes}`);
    return pick;
  };

  beforeEach(async () => {
    mock = await openMockWorld({ now: NOW });
    base = mock.base('audienceview');
  });

  cardListFailureTests(
    { tag: 'av-event-list', vendorPath: '/calendar/', vendorErrorTimes: 2, now, loadingText: 'Loading performances…', shown: (root) => root.querySelectorAll('[part="performance"]').length },
    () => mock,
  );

  /** What a patron may see, soonest first (the mock's own account, not the element's). */
  const upcoming = async () =>
    (await control('clientId=284&when=future&limit=100000'))
      .filter((p) => p.displayCode !== 'I' && p.productionStatus === 'T')
      .sort((a, b) => a.start - b.start || a.productionName.localeCompare(b.productionName));
  const wholeListRequests = async () => (await mock.requests()).filter((r) => r.path.includes('/public/events/')).length;
  const showMore = (page: AvEventListHarness) => page.root.querySelector<HTMLButtonElement>('[part="more"]')!.click();

  it('renders its answer in a task after the one that prepared it (the months ordered, the markup cleaned): a tap between them is answered', async () => {
    // A chain of microtasks started at the end of the preparation (test/page-tasks.ts).
    const seen: boolean[] = [];
    let preparingTask: { readonly over: boolean } | undefined;
    class PreparationWatched extends AvEventList {
      protected override async fetchAnswer(apiBase: string, query: PublicQuery, signal: AbortSignal): Promise<UpcomingAnswer> {
        const answer = await super.fetchAnswer(apiBase, query, signal);
        preparingTask = thisTaskEnds();
        return answer;
      }
      protected override renderAnswer(answer: UpcomingAnswer, locale: string) {
        seen.push(preparingTask?.over ?? false);
        return super.renderAnswer(answer, locale);
      }
    }
    // A name of its own for each attempt (a retried test would define the tag again).
    const tag = `av-event-list-preparation-watched-${(watchedTags += 1)}`;
    customElements.define(tag, PreparationWatched);
    const el = Object.assign(document.createElement(tag) as PreparationWatched, { now });
    el.setAttribute('client-id', '284');
    el.setAttribute('api-base', base);
    document.body.append(el);
    try {
      const page = new AvEventListHarness(el);
      await page.settled();
      expect(page.ids().length, 'the answer is shown').to.equal(20);
      expect(seen[0], 'the first render of the answer came in a later task than its preparation').to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('makes the zone\'s first date format in a task after the skeleton\'s, while the answer travels', async () => {
    // A zone no other test uses: its format is made once per page. The first date format of a page sets up ICU's date
    // data (10–24 ms unthrottled), and the skeleton's task is the one the first paint waits for.
    const zone = 'Pacific/Chatham';
    const madeInSkeletonTask: boolean[] = [];
    let skeletonTask: { readonly over: boolean } | undefined;
    const formats = watchDateFormats((options) => {
      if (options?.timeZone === zone) madeInSkeletonTask.push(skeletonTask !== undefined && !skeletonTask.over);
    });
    const el = Object.assign(document.createElement('av-event-list'), { now });
    for (const [name, value] of Object.entries({ 'client-id': '284', 'api-base': base, 'time-zone': zone })) el.setAttribute(name, value);
    try {
      document.body.append(el);
      skeletonTask = thisTaskEnds(); // the element's first update runs in this task
      const page = new AvEventListHarness(el);
      await page.settled();
      expect(page.ids().length, 'the answer is shown').to.equal(20);
      expect(madeInSkeletonTask.length, "the zone's formats were made").to.be.greaterThan(0);
      expect(madeInSkeletonTask[0], "the zone's first format was made in a later task than the skeleton's").to.equal(false);
    } finally {
      formats.restore();
      el.remove();
    }
  });

  it('shows the next 20 visible performances, soonest first, from the calendar\'s month without the whole upcoming list', async () => {
    const expected = (await upcoming()).map((p) => p.performanceId);
    const page = await listFixture(html`<av-event-list client-id="284" api-base=${base} .now=${now}></av-event-list>`);
    expect(page.ids()).to.deep.equal(expected.slice(0, 20));
    const paths = (await mock.requests()).map((r) => r.path);
    expect(paths.some((path) => path.includes('/public/calendar/client(284)')), 'the month is asked for').to.equal(true);
    expect(await wholeListRequests(), 'the whole upcoming list is not').to.equal(0);
  });

  it('"Show more" adds as many again: from the months read, then from the whole list, asked for once, which says how many there are', async () => {
    const all = await upcoming();
    const expected = all.map((p) => p.performanceId);
    // A limit this month holds once but not twice.
    const thisMonth = all.filter((p) => p.date.startsWith('2027-03')).length;
    const limit = Math.floor(thisMonth / 2) + 1;
    expect(thisMonth, 'the world has a month to read').to.be.greaterThan(4);
    const page = await listFixture(html`<av-event-list client-id="284" api-base=${base} limit=${limit} .now=${now}></av-event-list>`);
    expect(page.ids()).to.deep.equal(expected.slice(0, limit));
    expect(page.root.querySelector('.count'), 'no total before the whole list is known').to.equal(null);
    expect(await wholeListRequests()).to.equal(0);

    await mock.fault({ vendor: 'audienceview', path: '/events/', kind: 'delay', delayMs: 300, times: 1 });
    showMore(page);
    const button = () => page.root.querySelector<HTMLButtonElement>('[part="more"]')!;
    // The whole list takes 300 ms: meanwhile the button says it is busy (the cards already had come a batch per task).
    await waitUntil(() => button().getAttribute('aria-busy') === 'true', 'the button never said it was busy while the rest came', { timeout: 3000, interval: 20 });
    expect(page.ids().length, 'busy before the rest came').to.be.below(2 * limit);
    await waitUntil(() => page.ids().length === 2 * limit, 'Show more added nothing', { timeout: 8000 });
    await page.el.updateComplete;
    expect(button().getAttribute('aria-busy')).to.equal('false');
    expect(page.ids()).to.deep.equal(expected.slice(0, 2 * limit));
    expect(page.root.activeElement, 'focus moves to the first new performance').to.equal(page.performances()[limit]);
    expect(await wholeListRequests(), 'past the month, the whole list').to.equal(1);
    expect(squash(page.root.querySelector('.count')!.textContent)).to.equal(`Showing ${2 * limit} of ${expected.length.toLocaleString('en')}`);

    showMore(page);
    await page.el.updateComplete;
    expect(page.ids()).to.deep.equal(expected.slice(0, 3 * limit));
    expect(await wholeListRequests(), 'asked for once').to.equal(1);
  });

  it('reads the next month when this one holds too few, and the whole list only after three months', async function () {
    // Two lists of several hundred cards each: more than mocha's 10 s when test files run side by side on a loaded machine.
    this.timeout(30_000);
    const all = await upcoming();
    const ids = (count: number) => all.slice(0, count).map((p) => p.performanceId);
    /** The months asked for, in order: `time`, the documented parameter, is midnight on the 1st on the browser's clock. */
    const monthOf = (time: Date) => `${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}`;
    const monthsAsked = async () => [
      ...new Set((await mock.requests()).filter((r) => r.path.includes('/public/calendar/')).map((r) => monthOf(new Date(Number(new URLSearchParams(r.query).get('time')))))),
    ];
    const march = all.filter((p) => p.date < '2027-04-01').length;
    let page = await listFixture(html`<av-event-list client-id="284" api-base=${base} limit=${march + 1} .now=${now}></av-event-list>`);
    expect(page.ids()).to.deep.equal(ids(march + 1));
    expect(await monthsAsked()).to.deep.equal(['2027-03', '2027-04']);
    expect(await wholeListRequests()).to.equal(0);

    const threeMonths = all.filter((p) => p.date < '2027-06-01').length;
    page = await listFixture(html`<av-event-list client-id="284" api-base=${base} limit=${threeMonths + 1} .now=${now}></av-event-list>`);
    expect(page.ids()).to.deep.equal(ids(threeMonths + 1));
    expect(await monthsAsked()).to.deep.equal(['2027-03', '2027-04', '2027-05']);
    expect(await wholeListRequests()).to.equal(1);
    expect(squash(page.root.querySelector('.count')!.textContent)).to.equal(`Showing ${threeMonths + 1} of ${all.length.toLocaleString('en')}`);
  });

  it('shows what the months hold when the whole list cannot be had for "Show more", says why, and its retry brings the rest', async () => {
    const all = await upcoming();
    const thisMonth = all.filter((p) => p.date.startsWith('2027-03')).length;
    const limit = Math.floor(thisMonth / 2) + 1;
    const errors: string[] = [];
    const page = await listFixture(
      html`<av-event-list client-id="284" api-base=${base} limit=${limit} .now=${now} @av-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error.name)}></av-event-list>`,
    );
    await mock.fault({ vendor: 'audienceview', path: '/events/', kind: 'vendor-error', message: 'The box office is resting.', times: 2 });
    showMore(page);
    await waitUntil(() => page.error(), 'no error shown', { timeout: 8000 });
    await page.el.updateComplete; // the month's cards come a batch per task
    expect(page.error()!.textContent).to.contain('The box office is resting.');
    expect(page.ids(), "the month's performances, all of them").to.deep.equal(all.slice(0, thisMonth).map((p) => p.performanceId));
    expect(errors).to.deep.equal(['VendorError']);

    // "Show more" again asks again, for the same performances, not for as many more again.
    const asked = await wholeListRequests();
    showMore(page);
    await waitUntil(async () => (await wholeListRequests()) > asked, 'Show more did not ask again', { timeout: 8000 });
    await waitUntil(() => errors.length === 2 && page.error(), 'the second failure was not shown', { timeout: 8000 });

    page.root.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => page.ids().length === 2 * limit, 'the retry brought nothing', { timeout: 8000 });
    expect(page.error()).to.equal(null);
    expect(page.ids()).to.deep.equal(all.slice(0, 2 * limit).map((p) => p.performanceId));
  });

  for (const reading of ['listed', 'omitted', 'excluded']) {
    it(`never shows performances of deleted (D) or under-construction (U) series (their series ${reading} by the vendor)`, async () => {
      mock = await openMockWorld({ now: NOW, readings: { 'audienceview.series.hiddenStatuses': reading } });
      base = mock.base('audienceview');
      const all = await control('clientId=284&when=future&limit=100000');
      const hidden = all.filter((p) => p.productionStatus !== 'T');
      expect(new Set(hidden.map((p) => p.productionStatus))).to.deep.equal(new Set(['D', 'U']));
      // Asked for one of those productions, the list has nothing to show (the old list showed them all).
      for (const productionId of new Set(hidden.map((p) => p.productionId))) {
        const page = await listFixture(html`<av-event-list client-id="284" production-id=${productionId} api-base=${base} .now=${now}></av-event-list>`);
        expect(page.ids(), `production ${productionId}`).to.deep.equal([]);
        expect(squash(page.root.querySelector('.empty')?.textContent)).to.equal('No upcoming performances. Please check back soon.');
      }
      const page = await listFixture(html`<av-event-list client-id="284" api-base=${base} .now=${now}></av-event-list>`);
      expect(squash(page.root.textContent)).not.to.contain('Spring Benefit Concert');
      expect(squash(page.root.textContent)).not.to.contain('New Works Festival');
    });
  }

  for (const order of ['unordered', 'start-order']) {
    it(`lists soonest first, at the venue's wall clock, whether the answer is ${order} and performanceStart either reading`, async () => {
      for (const start of ['eastern-wall-clock', 'instant']) {
        mock = await openMockWorld({ now: NOW, readings: { 'audienceview.events.order': order, 'audienceview.public.performanceStart': start } });
        const page = await listFixture(html`<av-event-list client-id="300" time-zone="America/Chicago" api-base=${mock.base('audienceview')} .now=${now}></av-event-list>`);
        const times = page.performances().map((p) => Date.parse(p.querySelector('time.time')?.getAttribute('datetime') ?? ''));
        expect(times.length).to.be.greaterThan(1);
        expect(times).to.deep.equal([...times].sort((a, b) => a - b));
        expect(page.time(49182).getAttribute('datetime'), start).to.equal('2027-03-01T22:00:00.000Z');
        expect(squash(page.time(49182).textContent)).to.equal('4:00 PM');
      }
    });
  }

  for (const bad of ['0', '-4', '2.5', 'ten']) {
    it(`refuses limit="${bad}" with a ConfigError and makes no request`, async () => {
      const errors: Error[] = [];
      const page = await listFixture(
        html`<av-event-list client-id="284" api-base=${base} limit=${bad} @av-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></av-event-list>`,
      );
      expect(page.error()!.dataset.errorName).to.equal('ConfigError');
      expect(page.error()!.textContent).to.contain('limit');
      expect(errors.map((e) => e.name)).to.deep.equal(['ConfigError']);
      expect(await mock.requests()).to.deep.equal([]);
    });
  }

  it('refuses a bad client-id with a ConfigError and makes no request', async () => {
    const errors: Error[] = [];
    const page = await listFixture(
      html`<av-event-list client-id="284; DROP" api-base=${base} @av-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></av-event-list>`,
    );
    expect(page.error()!.dataset.errorName).to.equal('ConfigError');
    expect(page.error()!.textContent).to.contain('client-id');
    expect(page.root.querySelector('[part="retry"]'), 'retrying cannot fix an attribute').to.equal(null);
    expect(errors.map((e) => e.name)).to.deep.equal(['ConfigError']);
    expect(await mock.requests()).to.deep.equal([]);
  });

  describe('display and availability codes', () => {
    const render = (productionId: number) =>
      listFixture(html`<av-event-list client-id="284" production-id=${productionId} limit="400" api-base=${base} .now=${now}></av-event-list>`);

    it('links a normal performance to its purchase page, in the same tab', async () => {
      const p = await example('displayCode=T&availabilityCode=A');
      const page = await render(p.productionId);
      const link = page.performance(p.performanceId) as HTMLAnchorElement;
      expect(link.tagName).to.equal('A');
      expect(link.href).to.equal(`https://web.ovationtix.com/trs/pe.c/${p.performanceId}`);
      expect(link.target).to.equal('');
      expect(link.dataset.state).to.equal('on-sale');
    });

    it('hides display code I', async () => {
      const p = await example('displayCode=I');
      const page = await render(p.productionId);
      expect(page.performances().length).to.be.greaterThan(0);
      expect(page.performance(p.performanceId)).to.equal(null);
    });

    it('shows cancelled (C) and not-available (N) performances without a link', async () => {
      for (const [codes, label, state] of [
        ['displayCode=C', 'Cancelled', 'cancelled'],
        ['displayCode=T&availabilityCode=N', 'Not available online', 'not-available'],
      ] as const) {
        const p = await example(codes);
        const page = await render(p.productionId);
        const shown = page.performance(p.performanceId)!;
        expect(shown.tagName, codes).to.equal('DIV');
        expect(shown.dataset.state).to.equal(state);
        expect(squash(shown.querySelector('.state')!.textContent)).to.equal(label);
        expect(page.card(p.performanceId).querySelector('a[part="performance"]')).to.equal(null);
      }
    });

    it("shows sold out (S) with the vendor's message, without a link", async () => {
      const p = await example('displayCode=S');
      const page = await render(p.productionId);
      expect(page.performance(p.performanceId)!.tagName).to.equal('DIV');
      const text = squash(page.card(p.performanceId).textContent);
      expect(text).to.contain('Sold out').and.to.contain('Join the wait list at the box office.');
    });

    it('shows the custom message for display code M, without a link', async () => {
      const p = await example('displayCode=M');
      const page = await render(p.productionId);
      expect(page.performance(p.performanceId)!.tagName).to.equal('DIV');
      const message = page.card(p.performanceId).querySelector('.message')!;
      expect(squash(message.textContent)).to.equal('Tickets for this performance are sold by the Old Port Festival.');
      expect(message.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/festival');
    });

    it('links availability P and marks it for package holders', async () => {
      const p = await example('displayCode=T&availabilityCode=P');
      const page = await render(p.productionId);
      const link = page.performance(p.performanceId) as HTMLAnchorElement;
      expect(link.tagName).to.equal('A');
      expect(squash(link.querySelector('.state')!.textContent)).to.equal('Package holders only');
    });

    it('closes sales inside the shut-off window even with tickets left', async () => {
      // The gala: tonight at 7:30 PM, web sales close 24 hours before.
      const [gala] = await control('productionId=962615&when=future');
      const page = await render(962615);
      const shown = page.performance(gala!.performanceId)!;
      expect(shown.tagName).to.equal('DIV');
      expect(shown.dataset.state).to.equal('sales-closed');
      expect(squash(shown.textContent)).to.contain('Online sales closed');
    });
  });

  it("reads the venue's wall clock: 19:30 in America/Los_Angeles is 7:30 PM with the browser in Tokyo", async () => {
    expect(new Date(now).getTimezoneOffset(), 'the browser runs in Asia/Tokyo').to.equal(-540);
    const p = (await control('productionId=962459&when=future&limit=100')).find((x) => x.time24 === '19:30:00' && x.displayCode !== 'I' && x.date < '2027-03-14')!;
    const [year, month, day] = p.date.split('-').map(Number) as [number, number, number];
    const la = await listFixture(html`<av-event-list client-id="284" production-id="962459" time-zone="America/Los_Angeles" api-base=${base} .now=${now}></av-event-list>`);
    expect(squash(la.time(p.performanceId).textContent)).to.equal('7:30 PM');
    // Pacific Standard Time is UTC−8 before 14 March 2027.
    expect(la.time(p.performanceId).dateTime).to.equal(new Date(Date.UTC(year, month - 1, day, 19 + 8, 30)).toISOString());
    expect(la.performance(p.performanceId)!.querySelector<HTMLTimeElement>('time.date')!.dateTime).to.equal(p.date);

    const ny = await listFixture(html`<av-event-list client-id="284" production-id="962459" api-base=${base} .now=${now}></av-event-list>`);
    expect(squash(ny.time(p.performanceId).textContent)).to.equal('7:30 PM');
    expect(ny.time(p.performanceId).dateTime).to.equal(new Date(Date.UTC(year, month - 1, day, 19 + 5, 30)).toISOString());
  });

  it('shows all-day events with their door times and entry times', async () => {
    const [p] = await control('productionId=962530&when=future&displayCode=T&limit=1');
    const res = await fetch(`${base}/public/events/client(284)/production(962530)`, { headers: { clientId: '284' } });
    const answer = (await res.json()) as EventsResponse;
    const raw = answer.performances.find((x) => x.performanceId === p!.performanceId)!;
    const page = await listFixture(html`<av-event-list client-id="284" production-id="962530" api-base=${base} .now=${now}></av-event-list>`);
    const card = page.card(p!.performanceId);
    expect(squash(card.querySelector('.when')!.textContent)).to.contain('All day');
    expect(squash(card.querySelector('.doors')!.textContent)).to.equal('Doors 10:00 AM – 5:00 PM');
    const entries = [...card.querySelectorAll<HTMLElement>('.entry')];
    expect(entries.map((e) => squash(e.querySelector('time')!.textContent))).to.deep.equal(['10:00 AM', '11:30 AM', '1:00 PM', '2:30 PM', '4:00 PM']);
    expect(entries.map((e) => e.dataset.soldOut === 'true')).to.deep.equal(raw.performanceEntryTimes!.map((e) => e.displaySoldOut));
    for (const e of entries.filter((x) => x.dataset.soldOut === 'true')) expect(squash(e.textContent)).to.contain('(sold out)');
  });

  it('never puts tixRemaining in the DOM', async () => {
    const page = await listFixture(html`<av-event-list client-id="284" production-id="962459" api-base=${base} .now=${now}></av-event-list>`);
    const shown = new Set(page.ids());
    const known = (await control('productionId=962459&when=future&limit=200')).filter((p) => shown.has(p.performanceId));
    expect(known.length).to.equal(shown.size);
    expect(page.root.innerHTML.toLowerCase()).not.to.match(/tixremaining|tix-remaining/);
    for (const p of known.filter((x) => x.tixRemaining >= 60)) {
      const card = page.card(p.performanceId);
      const pattern = new RegExp(`\\b${p.tixRemaining}\\b`);
      expect(card.textContent, `performance ${p.performanceId}`).not.to.match(pattern);
      const attributes = [card, ...card.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((a) => a.value));
      expect(attributes.filter((value) => pattern.test(value)), `performance ${p.performanceId}`).to.deep.equal([]);
    }
  });

  it('sanitizes notes: an <img onerror> never runs', async () => {
    const ran: unknown[] = [];
    const original = window.alert;
    window.alert = (message?: unknown) => void ran.push(message);
    try {
      const page = await listFixture(html`<av-event-list client-id="284" production-id="962459" limit="40" api-base=${base} .now=${now}></av-event-list>`);
      const described = page.performances().filter((p) => p.closest('li')!.querySelector('.notes')?.textContent?.includes('Audio-described performance.'));
      expect(described.length, 'Saturday performances carry the malicious note').to.be.greaterThan(0);
      expect(page.root.querySelectorAll('[onerror]')).to.have.length(0);
      expect(page.root.querySelectorAll('.notes img, .message img')).to.have.length(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).to.deep.equal([]);
    } finally {
      window.alert = original;
    }
  });

  it('fires a cancelable av-performance-click with the performance', async () => {
    const template = `${location.origin}${location.pathname}#performance-{performanceId}`;
    const page = await listFixture(html`<av-event-list client-id="284" production-id="962459" purchase-url=${template} api-base=${base} .now=${now}></av-event-list>`);
    const link = page.root.querySelector<HTMLAnchorElement>('a[part="performance"]')!;
    const id = Number(link.dataset.performanceId);
    expect(link.href).to.equal(template.replace('{performanceId}', String(id)));

    const seen: WidgetEvent<AvPerformanceClickDetail>[] = [];
    let navigationPrevented: boolean | undefined;
    page.el.addEventListener('av-performance-click', (e) => {
      seen.push(e);
      e.preventDefault();
    });
    page.el.addEventListener('click', (e) => (navigationPrevented = e.defaultPrevented));
    link.click();
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail.performance.id).to.equal(id);
    expect(seen[0]!.detail.performance).not.to.have.property('tixRemaining');
    expect(seen[0]!.cancelable && seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    expect(navigationPrevented).to.equal(true);
  });

  for (const reading of ['warning', 'errors', 'data']) {
    it(`says politely that an inactive client sells nothing online (vendor answers with ${reading}), with the vendor's warning as a notice`, async () => {
      mock = await openMockWorld({ now: NOW, readings: { 'audienceview.public.clientActive': reading } });
      const errors: Error[] = [];
      const page = await listFixture(
        html`<av-event-list client-id="301" api-base=${mock.base('audienceview')} @av-error=${(e: WidgetEvent<WidgetErrorDetail>) => errors.push(e.detail.error)}></av-event-list>`,
      );
      expect(page.error()).to.equal(null);
      expect(errors).to.deep.equal([]);
      expect(squash(page.root.querySelector('[part="inactive"]')!.textContent)).to.equal('This box office is not selling tickets online at the moment. Please contact the venue.');
      if (reading === 'warning') expect(squash(page.root.querySelector('[part="warning"]')!.textContent)).to.contain('Client 301 is not active.');
    });
  }

  it('says "General admission" on a first-come performance and "Reserved seating" on a seated one, and speaks French', async () => {
    const events = async (productionId: number) =>
      ((await (await fetch(`${base}/public/events/client(284)/production(${productionId})`, { headers: { clientId: '284' } })).json()) as EventsResponse).performances;
    const seated = (await events(962459)).find((p) => p.displayCode === 'T' && !p.generalAdmission)!;
    const ga = (await events(962515)).find((p) => p.displayCode === 'T' && p.generalAdmission)!; // the Lantern Walk: first come, first served
    let page = await listFixture(html`<av-event-list client-id="284" production-id="962459" limit="3" api-base=${base} .now=${now}></av-event-list>`);
    const seating = (id: number) => page.performance(id)!.querySelector<HTMLElement>('.seating')!;
    const firstShown = page.ids()[0]!;
    expect(squash(seating(firstShown).textContent)).to.equal('Reserved seating');
    expect(seated).not.to.equal(undefined);
    page = await listFixture(html`<av-event-list client-id="284" production-id="962515" limit="3" api-base=${base} .now=${now}></av-event-list>`);
    const gaShown = page.ids()[0]!;
    expect(ga).not.to.equal(undefined);
    expect(squash(seating(gaShown).textContent)).to.equal('General admission');
    expect(seating(gaShown).dataset.seating).to.equal('general');
    expect(page.performance(gaShown)!.textContent).not.to.contain('Reserved seating');
    page = await listFixture(html`<av-event-list client-id="284" production-id="962515" limit="3" locale="fr" api-base=${base} .now=${now}></av-event-list>`);
    expect(squash(seating(page.ids()[0]!).textContent)).to.equal('Placement libre');
  });

  it('is accessible', async () => {
    const page = await listFixture(html`<av-event-list client-id="284" limit="8" api-base=${base} .now=${now}></av-event-list>`);
    await expect(page.el).to.be.accessible();
  });

  it('speaks French', async () => {
    const evening = (await control('productionId=962459&when=future&limit=100')).find((x) => x.time24 === '19:30:00' && x.displayCode !== 'I' && x.date === '2027-03-02')!;
    const cancelled = await example('displayCode=C');
    let page = await listFixture(html`<av-event-list client-id="284" production-id="962459" locale="fr" api-base=${base} .now=${now}></av-event-list>`);
    expect(squash(page.performance(evening.performanceId)!.querySelector('time.date')!.textContent)).to.equal('mar. 2 mars');
    expect(squash(page.time(evening.performanceId).textContent)).to.equal('19:30');
    expect(page.root.querySelector('[part="list"]')!.getAttribute('aria-label')).to.equal('Prochaines représentations');
    expect(squash(page.root.querySelector('[part="more"]')!.textContent)).to.equal('Afficher plus');
    page = await listFixture(html`<av-event-list client-id="284" production-id=${cancelled.productionId} limit="400" locale="fr" api-base=${base} .now=${now}></av-event-list>`);
    expect(squash(page.performance(cancelled.performanceId)!.querySelector('.state')!.textContent)).to.equal('Annulé');
  });

  it('is one column at 320 px and a grid of cards on a wide screen', async () => {
    const page = await listFixture(html`<av-event-list client-id="284" api-base=${base} .now=${now} style="width: 320px"></av-event-list>`);
    const columns = () => getComputedStyle(page.root.querySelector('[part="list"]')!).gridTemplateColumns.split(' ').length;
    expect(columns()).to.equal(1);
    page.el.style.width = '1400px';
    expect(columns()).to.be.greaterThan(2);
    for (const card of page.performances()) expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
  });
});
