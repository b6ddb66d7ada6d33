import { expect } from '@open-wc/testing';
import { makePerformance } from '../../../test/fixtures/performance.js';
import { thisTaskEnds, withPageTasks } from '../../../test/page-tasks.js';
import type { Performance } from '../../api/audienceview/types.js';
import {
  checkAudienceViewAttributes,
  DEFAULT_PURCHASE_URL,
  performanceViews,
  performanceViewsInSlices,
  purchaseLink,
  seriesDateRange,
  toPerformanceView,
  type ViewOptions,
} from './performance.js';

const HOUR = 3_600_000;
/** 19:30 on Wednesday 3 March 2027 in New York (UTC-5). */
const START = Date.parse('2027-03-04T00:30:00Z');
const options: ViewOptions = { timeZone: 'America/New_York', purchaseUrl: DEFAULT_PURCHASE_URL, now: START - 48 * HOUR };


const performance = (overrides: Partial<Performance> = {}) => makePerformance({ performanceStart: START, ...overrides });
const view = (overrides: Partial<Performance> = {}, opts: Partial<ViewOptions> = {}) => toPerformanceView(performance(overrides), { ...options, ...opts });

describe('toPerformanceView: what a patron sees of a performance', () => {
  describe('display codes', () => {
    it('T: shown normally, on sale, linked to its purchase page', () => {
      const v = view()!;
      expect(v.state).to.equal('on-sale');
      expect(v.purchaseUrl).to.equal('https://web.ovationtix.com/trs/pe.c/10145600');
      expect(v.messageHtml).to.equal(undefined);
    });

    it('I: not shown at all', () => {
      expect(view({ displayCode: 'I' })).to.equal(undefined);
      expect(performanceViews([performance({ displayCode: 'I' })], options)).to.deep.equal([]);
    });

    it('C: shown as cancelled, not linked', () => {
      const v = view({ displayCode: 'C', hasAvailableTickets: true })!;
      expect(v.state).to.equal('cancelled');
      expect(v.purchaseUrl).to.equal(undefined);
    });

    it('S: shown as sold out with noRemainingTicketsMessage, not linked, even with availability A', () => {
      const v = view({ displayCode: 'S', availabilityCode: 'A', noRemainingTicketsMessage: '<p>Join the wait list</p>' })!;
      expect(v.state).to.equal('sold-out');
      expect(v.purchaseUrl).to.equal(undefined);
      expect(v.messageHtml).to.equal('<p>Join the wait list</p>');
    });

    it('M: shown with customMessage, not linked', () => {
      const v = view({ displayCode: 'M', customMessage: 'Sold by <a href="https://example.org">the festival</a>' })!;
      expect(v.state).to.equal('message');
      expect(v.purchaseUrl).to.equal(undefined);
      expect(v.messageHtml).to.equal('Sold by <a href="https://example.org">the festival</a>');
    });

    it('a display code outranks availability: C with availability P is cancelled', () => {
      expect(view({ displayCode: 'C', availabilityCode: 'P' })!.state).to.equal('cancelled');
    });
  });

  describe('availability codes', () => {
    it('A: anyone can buy', () => {
      expect(view({ availabilityCode: 'A' })!.state).to.equal('on-sale');
    });

    it('P: linked and marked for package holders', () => {
      const v = view({ availabilityCode: 'P' })!;
      expect(v.state).to.equal('package-holders');
      expect(v.purchaseUrl).to.equal('https://web.ovationtix.com/trs/pe.c/10145600');
    });

    it('N: shown as not available, not linked', () => {
      const v = view({ availabilityCode: 'N' })!;
      expect(v.state).to.equal('not-available');
      expect(v.purchaseUrl).to.equal(undefined);
    });

    it('hasAvailableTickets false with availability A: sold out, with the vendor message, not linked', () => {
      const v = view({ availabilityCode: 'A', hasAvailableTickets: false, noRemainingTicketsMessage: 'There are no tickets remaining for this event.' })!;
      expect(v.state).to.equal('sold-out');
      expect(v.purchaseUrl).to.equal(undefined);
      expect(v.messageHtml).to.equal('There are no tickets remaining for this event.');
    });

    it('an absent vendor message ("" or null) is no message', () => {
      expect(view({ availabilityCode: 'A', hasAvailableTickets: false, noRemainingTicketsMessage: '' })!).not.to.have.property('messageHtml');
      expect(view({ displayCode: 'M', customMessage: '   ' })!).not.to.have.property('messageHtml');
    });
  });

  describe('shutoffHour: web sales close N hours before the start', () => {
    const closed = '<p>Online sales have closed.</p>';

    it('is on sale before the shut-off and closed after it, with shutoffHourMessage', () => {
      expect(view({ shutoffHour: 2, shutoffHourMessage: closed }, { now: START - 2 * HOUR - 1 })!.state).to.equal('on-sale');
      const v = view({ shutoffHour: 2, shutoffHourMessage: closed }, { now: START - 2 * HOUR })!;
      expect(v.state).to.equal('sales-closed');
      expect(v.messageHtml).to.equal(closed);
      expect(v.purchaseUrl).to.equal(undefined);
    });

    it('takes fractions of an hour', () => {
      expect(view({ shutoffHour: 0.25 }, { now: START - 20 * 60_000 })!.state).to.equal('on-sale');
      expect(view({ shutoffHour: 0.25 }, { now: START - 10 * 60_000 })!.state).to.equal('sales-closed');
    });

    it('a negative shutoffHour keeps sales open after the start', () => {
      expect(view({ shutoffHour: -1.5 }, { now: START + HOUR })!.state).to.equal('on-sale');
      expect(view({ shutoffHour: -1.5 }, { now: START + 1.5 * HOUR })!.state).to.equal('sales-closed');
    });

    it('the shut-off is counted from the venue wall-clock start, not performanceStart', () => {
      // performanceStart reads the wall clock as Eastern; in Los Angeles the show starts 3 h later.
      const la = { timeZone: 'America/Los_Angeles' };
      expect(view({ shutoffHour: 2 }, { ...la, now: START })!.state).to.equal('on-sale');
      expect(view({ shutoffHour: 2 }, { ...la, now: START + HOUR })!.state).to.equal('sales-closed');
    });
  });

  describe('time and content', () => {
    it('starts at the venue wall clock in its zone, whatever performanceStart says', () => {
      expect(new Date(view()!.start).toISOString()).to.equal('2027-03-04T00:30:00.000Z');
      const la = view({}, { timeZone: 'America/Los_Angeles' })!;
      expect(new Date(la.start).toISOString()).to.equal('2027-03-04T03:30:00.000Z');
      expect(la.date).to.deep.equal({ year: 2027, month: 3, day: 3 });
    });

    it('all-day events: midnight, doors open and close, entry times in order with sold-out ones marked', () => {
      const v = view({
        allDayEvent: true,
        performanceTime24: '00:00:00',
        doorEntryStartDate: '03/03/2027',
        doorEntryStartTime: '10:00 AM',
        doorEntryEndDate: '03/03/2027',
        doorEntryEndTime: '5:00 PM',
        performanceEntryTimes: [
          { performanceEntryTimeId: 2, entryTime: '14:45:00', entryTimeFormatted: '2:45 PM', entryTimeHour: '14', entryTimeMinute: '45', displaySoldOut: true },
          { performanceEntryTimeId: 1, entryTime: '13:45:00', entryTimeFormatted: '1:45 PM', entryTimeHour: '13', entryTimeMinute: '45', displaySoldOut: false },
        ],
      })!;
      expect(v.allDay).to.equal(true);
      expect(new Date(v.start).toISOString()).to.equal('2027-03-03T05:00:00.000Z');
      expect(new Date(v.doorsOpen!).toISOString()).to.equal('2027-03-03T15:00:00.000Z');
      expect(new Date(v.doorsClose!).toISOString()).to.equal('2027-03-03T22:00:00.000Z');
      expect(v.entryTimes.map((e) => [new Date(e.start).toISOString(), e.soldOut])).to.deep.equal([
        ['2027-03-03T18:45:00.000Z', false],
        ['2027-03-03T19:45:00.000Z', true],
      ]);
    });

    it('keeps vendor HTML as HTML for the sanitizer, and drops unsafe logo links', () => {
      const v = view({ performanceNotes: '<b>Relaxed</b>', productionDescription: '<p>Two sisters</p>', productionLogoLink: 'javascript:alert(1)' })!;
      expect(v.notesHtml).to.equal('<b>Relaxed</b>');
      expect(v.descriptionHtml).to.equal('<p>Two sisters</p>');
      expect(v).not.to.have.property('logoUrl');
    });

    it('never carries tixRemaining, in any form', () => {
      const v = view({ tixRemaining: 4242 })!;
      expect(v).not.to.have.property('tixRemaining');
      expect(JSON.stringify(v)).not.to.contain('4242');
      const sold = view({ tixRemaining: 4242, displayCode: 'S' })!;
      expect(JSON.stringify(sold)).not.to.contain('4242');
    });
  });

  describe('performanceViews', () => {
    it('de-duplicates by performanceId (neighbouring months repeat weeks) and orders by start', () => {
      const late = performance({ performanceId: 2, performanceTime24: '20:00:00' });
      const early = performance({ performanceId: 1, performanceTime24: '14:00:00' });
      const views = performanceViews([late, early, { ...late }, performance({ performanceId: 3, displayCode: 'I' })], options);
      expect(views.map((v) => v.id)).to.deep.equal([1, 2]);
    });
  });

  describe('purchase links and attributes', () => {
    it('fills the purchase-url template and refuses non-http(s) templates', () => {
      expect(purchaseLink('https://tickets.example/buy?p={performanceId}', 7)).to.equal('https://tickets.example/buy?p=7');
      expect(purchaseLink('javascript:alert({performanceId})', 7)).to.equal(undefined);
      expect(view({}, { purchaseUrl: 'javascript:void({performanceId})' })!.purchaseUrl).to.equal(undefined);
    });

    it('makes, for any template, the link that parsing it with the id in place makes (the template is parsed once)', () => {
      const templates = [
        'https://tickets.example/buy?p={performanceId}',
        'HTTPS://Tickets.Example/a b/{performanceId}/seats#{performanceId}',
        'https://{performanceId}/', // a host of digits: an IPv4 address, a different one for each id
        'https://tickets.example:{performanceId}/', // a port: some ids are ports, others are not
        'https://tickets.example/4070261837/{performanceId}', // digits that could be taken for the id
        'https://tickets.example/box-office',
        'ftp://tickets.example/{performanceId}',
      ];
      const parsed = (url: string) => {
        try {
          const { protocol, href } = new URL(url);
          return protocol === 'https:' || protocol === 'http:' ? href : undefined;
        } catch {
          return undefined;
        }
      };
      for (const template of templates) {
        for (const id of [7, 443, 70_000, 10_145_600]) {
          expect(purchaseLink(template, id), `${template} with ${id}`).to.equal(parsed(template.replaceAll('{performanceId}', String(id))));
        }
      }
      expect(purchaseLink('https://{performanceId}/', 7)).to.equal('https://0.0.0.7/');
      expect(purchaseLink('https://tickets.example:{performanceId}/', 70_000)).to.equal(undefined);
    });

    it('checkAudienceViewAttributes names the bad attribute in a ConfigError', () => {
      const ok = { clientId: '284', timeZone: 'America/New_York' };
      expect(() => checkAudienceViewAttributes(ok)).not.to.throw();
      const failure = (attrs: Parameters<typeof checkAudienceViewAttributes>[0]) => {
        try {
          checkAudienceViewAttributes(attrs);
        } catch (error) {
          return error as Error & { attribute?: string };
        }
        throw new Error('expected a ConfigError');
      };
      expect(failure({ ...ok, clientId: 'abc' })).to.include({ name: 'ConfigError', attribute: 'client-id' });
      expect(failure({ ...ok, timeZone: 'Mars/Olympus' })).to.include({ name: 'ConfigError', attribute: 'time-zone' });
      expect(failure({ ...ok, productionId: '96x' })).to.include({ name: 'ConfigError', attribute: 'production-id' });
      expect(failure({ ...ok, purchaseUrl: 'ftp://x/{performanceId}' })).to.include({ name: 'ConfigError', attribute: 'purchase-url' });
    });

    it("seriesDateRange reads the series' epoch values as the venue wall clock in Eastern", () => {
      const range = seriesDateRange({ firstPerformanceDate: Date.parse('2027-03-04T00:30:00Z'), lastPerformanceDate: Date.parse('2027-04-30T23:30:00Z') });
      expect(range).to.deep.equal({ first: { year: 2027, month: 3, day: 3 }, last: { year: 2027, month: 4, day: 30 } });
    });
  });
});

describe('performanceViewsInSlices: a heavy month made into views without a long task', () => {
  /** A festival month: performances every hour over 28 days, with timed entries, one in five hidden, one repeated. */
  const month = Array.from({ length: 6_000 }, (_, n) => {
    const day = (n % 28) + 1;
    const hour = 10 + (Math.floor(n / 28) % 12);
    return makePerformance({
      performanceId: 50_000 + n,
      performanceDate: `03/${String(day).padStart(2, '0')}/2027`,
      performanceTime24: `${hour}:00:00`,
      displayCode: n % 5 === 0 ? 'I' : 'T',
      performanceEntryTimes: Array.from({ length: 6 }, (_, e) => ({
        performanceEntryTimeId: e,
        entryTime: `${hour}:${e}0:00`,
        entryTimeFormatted: '',
        entryTimeHour: String(hour),
        entryTimeMinute: `${e}0`,
        displaySoldOut: false,
      })),
    });
  });
  const repeated = [...month, month[1]!];

  it('gives every shown performance once, in start order, with the page given tasks of its own meanwhile', async () => {
    const { result: views, pageTasks } = await withPageTasks(() => performanceViewsInSlices(repeated, options));
    const shownIds = month.filter((_, n) => n % 5 !== 0).map((p) => p.performanceId);
    expect(views.map((v) => v.id).sort()).to.deep.equal([...shownIds].sort());
    const starts = views.map((v) => v.start);
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    expect(views.every((v) => v.entryTimes.length === 6)).to.equal(true);
    // Made at once, the whole month is one task: the probe could not run until it was over.
    expect(pageTasks, 'tasks of the page that ran while the views were made').to.be.at.least(2);
  });

  it('gives the views in a task of its own: the render that follows does not lengthen the task of the last slice', async () => {
    // A chain of microtasks started in the task that makes the views (test/page-tasks.ts).
    const slicingTask = thisTaskEnds();
    // A typical month's few performances: made in one slice, with no turn of the page's in between.
    const views = await performanceViewsInSlices(month.slice(0, 40), options);
    expect(views.length, 'the shown ones of the 40').to.equal(32);
    expect(slicingTask.over, 'the caller goes on in a task after the one that made the views').to.equal(true);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const made = performanceViewsInSlices(month, options, controller.signal);
    controller.abort(new DOMException('moved on', 'AbortError'));
    const error = await made.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as DOMException | undefined)?.name).to.equal('AbortError');
  });
});
