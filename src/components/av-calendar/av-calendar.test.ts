import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ControlPerformance } from '../../../test/mock.js';
import { openMockWorld, type MockWorld } from '../../../test/mock.js';
import { watchBatches, type BatchWatch } from '../../../test/batched-list.js';
import './index.js';
import type { AvCalendar } from './av-calendar.js';
import { AvCalendarHarness } from './av-calendar.harness.js';

/** The world's anchor: Monday 1 March 2027, noon in New York. */
const NOW = Date.parse('2027-03-01T17:00:00Z');

interface Options {
  month?: string;
  view?: string;
  timeZone?: string;
  locale?: string;
  clientId?: string;
  productionId?: string;
  width?: number;
}

/** Future performances of client 284 as the mock knows them (the control endpoint). */
async function performances(mock: MockWorld, filter = ''): Promise<ControlPerformance[]> {
  const answer = await mock.control<{ performances: ControlPerformance[] }>('audienceview', `/performances?clientId=284&when=future&limit=5000${filter}`);
  return answer.performances;
}

const cal = (el: AvCalendar) => new AvCalendarHarness(el);

function root(el: AvCalendar): ShadowRoot {
  return el.shadowRoot!;
}

const settled = (el: AvCalendar) => cal(el).settled();

async function calendar(mock: MockWorld, o: Options = {}): Promise<AvCalendar> {
  const el = await fixture<AvCalendar>(html`<av-calendar
    style="width: ${o.width ?? 1000}px"
    api-base=${mock.base('audienceview')}
    client-id=${o.clientId ?? '284'}
    production-id=${ifDefined(o.productionId)}
    month=${ifDefined(o.month)}
    view=${ifDefined(o.view)}
    time-zone=${ifDefined(o.timeZone)}
    locale=${ifDefined(o.locale ?? 'en')}
    .now=${NOW}
  ></av-calendar>`);
  await settled(el);
  return el;
}

/** Whether the calendar shows something: a boolean, so a failure message never has to print a DOM node. */
const has = (el: AvCalendar, selector: string) => cal(el).has(selector);
const shown = (el: AvCalendar, id: number) => cal(el).shown(id);

function one(el: AvCalendar, id: number): HTMLElement {
  const found = shown(el, id);
  expect(found, `performance ${id} shown once`).to.have.length(1);
  return found[0]!;
}

const openBusyDays = (el: AvCalendar) => cal(el).openBusyDays();
const shownIds = (el: AvCalendar) => cal(el).shownIds();

/** The month a calendar request asked for, 1–12, by its documented `time` (midnight on the 1st, browser's zone). */
const monthOfTime = (query: string) => String(new Date(Number(new URLSearchParams(query).get('time'))).getMonth() + 1);

/** Calendar requests, for one month (1–12) when given: read from `time`, as `month` may count from 0 or 1 (the tenant's reading). */
function calendarRequests(requests: { path: string; query: string }[], month?: string): { path: string; query: string }[] {
  return requests.filter((r) => r.path.includes('/public/calendar/') && (month === undefined || monthOfTime(r.query) === month));
}

const monthOf = (p: ControlPerformance) => p.date.slice(0, 7);

describe('<av-calendar>', () => {
  let mock: MockWorld;
  beforeEach(async () => {
    mock = await openMockWorld({ now: '2027-03-01T17:00:00Z' });
  });

  describe('what it shows', () => {
    it('shows every visible performance of the month grid once, and only this month in the list', async () => {
      const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'month' });
      const all = await performances(mock, '&productionId=962459');
      // The grid runs Sunday 28 Feb – Saturday 3 Apr (whole weeks); Feb 28 is in the past.
      const inGrid = all.filter((p) => p.date >= '2027-02-28' && p.date <= '2027-04-03' && p.displayCode !== 'I').map((p) => p.performanceId);
      expect(inGrid.length).to.be.greaterThan(20);
      expect(shownIds(el).sort()).to.deep.equal([...inGrid].sort());
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('March 2027');
      // April's days are greyed in the grid.
      expect(root(el).querySelector('[data-date="2027-04-01"]')!.classList.contains('outside')).to.equal(true);

      el.view = 'list';
      await el.updateComplete;
      const inMonth = all.filter((p) => monthOf(p) === '2027-03' && p.displayCode !== 'I').map((p) => p.performanceId);
      expect(has(el, '[part~="grid"]')).to.equal(false);
      expect(shownIds(el).sort()).to.deep.equal([...inMonth].sort());
    });

    it('paints performances styled from the render that first shows them, in the grid and in the list', async () => {
      // The month's views and their styles come in a chunk of their own: a performance must never be painted unstyled.
      // A mutation observer runs before the browser paints, so it sees what the first paint of a performance would show.
      const firstSeen = async (view: string, selector: string): Promise<string> => {
        const el = document.createElement('av-calendar');
        const attributes = { style: 'width: 1000px', 'api-base': mock.base('audienceview'), 'client-id': '284', month: '2027-03', view, locale: 'en' };
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        el.now = NOW;
        document.body.append(el);
        try {
          return await new Promise<string>((resolve) => {
            const observer = new MutationObserver(() => {
              const shown = el.shadowRoot!.querySelector<HTMLElement>(selector);
              if (!shown) return;
              observer.disconnect();
              resolve(getComputedStyle(shown).borderInlineStartWidth);
            });
            observer.observe(el.shadowRoot!, { childList: true, subtree: true });
          });
        } finally {
          el.remove();
        }
      };
      // Each calendar on a page adopts the month's styles itself: the second and third here come after the chunk.
      expect(await firstSeen('month', '[part~="performance"]')).to.equal('3px');
      expect(await firstSeen('list', '.entry')).to.equal('3px');
      expect(await firstSeen('month', '[part~="performance"]')).to.equal('3px');
    });

    it('marks today and names the days and weekdays for screen readers', async () => {
      const el = await calendar(mock, { month: '2027-03', view: 'month' });
      const today = root(el).querySelector('[aria-current="date"]') as HTMLElement;
      expect(today.dataset.date).to.equal('2027-03-01');
      expect(today.getAttribute('tabindex')).to.equal('0');
      expect(today.textContent).to.contain('Monday, March 1');
      const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
      expect(headers[0]).to.contain('Sunday');
      expect(headers[6]).to.contain('Saturday');
    });

    it('hides display code I, shows C and S unlinked, M with its message', async () => {
      const all = await performances(mock);
      const first = (code: string) => all.find((p) => p.displayCode === code)!;

      const invisible = first('I');
      let el = await calendar(mock, { month: monthOf(invisible), view: 'month' });
      expect(shown(el, invisible.performanceId)).to.have.length(0);

      const cancelled = first('C');
      el = await calendar(mock, { month: monthOf(cancelled), view: 'list' });
      let p = one(el, cancelled.performanceId);
      expect(p.tagName).to.equal('DIV');
      expect(p.closest('a') === null, 'not inside a link').to.equal(true);
      expect(p.textContent).to.contain('Cancelled');

      const soldOut = first('S');
      el = await calendar(mock, { month: monthOf(soldOut), view: 'list' });
      p = one(el, soldOut.performanceId);
      expect(p.tagName).to.equal('DIV');
      expect(p.textContent).to.contain('Sold out');
      expect(p.textContent).to.contain('wait list'); // noRemainingTicketsMessage

      const message = first('M');
      el = await calendar(mock, { month: monthOf(message), view: 'list' });
      p = one(el, message.performanceId);
      expect(p.tagName).to.equal('DIV');
      expect(p.textContent).to.contain('the Old Port Festival'); // customMessage
      expect(p.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/festival');
    });

    it('links performances on sale, marks package holders, does not link availability N', async () => {
      const all = await performances(mock, '&displayCode=T');
      const onSale = all.find((p) => p.availabilityCode === 'A' && p.hasAvailableTickets && p.start > NOW + 2 * 86_400_000)!;
      const packages = all.find((p) => p.availabilityCode === 'P' && p.hasAvailableTickets && p.start > NOW + 2 * 86_400_000)!;
      const notAvailable = all.find((p) => p.availabilityCode === 'N')!;

      let el = await calendar(mock, { month: monthOf(onSale), view: 'month' });
      await openBusyDays(el);
      let p = one(el, onSale.performanceId);
      expect(p.tagName).to.equal('A');
      expect(p.getAttribute('href')).to.equal(`https://web.ovationtix.com/trs/pe.c/${onSale.performanceId}`);
      expect(p.getAttribute('target')).to.equal(null); // same tab by default
      expect(p.textContent).not.to.match(/Package holders|Sold out|Cancelled/);

      el = await calendar(mock, { month: monthOf(packages), view: 'list' });
      p = one(el, packages.performanceId);
      expect(p.tagName).to.equal('A');
      expect(p.getAttribute('href')).to.equal(`https://web.ovationtix.com/trs/pe.c/${packages.performanceId}`);
      expect(p.textContent).to.contain('Package holders');

      el = await calendar(mock, { month: monthOf(notAvailable), view: 'list' });
      p = one(el, notAvailable.performanceId);
      expect(p.tagName).to.equal('DIV');
      expect(p.hasAttribute('href')).to.equal(false);
      expect(p.textContent).to.contain('Not available online');
    });

    it('shows sales closed once the shut-off has passed (the gala, shutoffHour 24, tonight)', async () => {
      const [gala] = await performances(mock, '&productionId=962615');
      const el = await calendar(mock, { month: '2027-03', view: 'list' });
      const p = one(el, gala!.performanceId);
      expect(p.tagName).to.equal('DIV');
      expect(p.textContent).to.contain('Online sales closed');
    });

    for (const reading of ['listed', 'omitted', 'excluded']) {
      it(`hides the performances of deleted (D) and under-construction (U) series (their series ${reading} by the vendor)`, async () => {
        mock = await openMockWorld({ now: '2027-03-01T17:00:00Z', readings: { 'audienceview.series.hiddenStatuses': reading } });
        const deleted = await performances(mock, '&productionId=962601');
        const construction = await performances(mock, '&productionId=962590');
        expect(deleted.length).to.be.greaterThan(0);
        expect(construction.length).to.be.greaterThan(0);
        let el = await calendar(mock, { month: monthOf(deleted[0]!), view: 'list' });
        expect(shownIds(el).length).to.be.greaterThan(0);
        for (const p of deleted) expect(shown(el, p.performanceId)).to.have.length(0);
        expect(root(el).textContent).not.to.contain('Spring Benefit Concert');
        el = await calendar(mock, { month: monthOf(construction[0]!), view: 'list' });
        expect(shownIds(el).length).to.be.greaterThan(0);
        for (const p of construction) expect(shown(el, p.performanceId)).to.have.length(0);
        expect(root(el).textContent).not.to.contain('New Works Festival');
      });
    }

    it('shows all-day events with door times and entry times, sold-out entries marked', async () => {
      const el = await calendar(mock, { month: '2027-03', view: 'list' });
      const [tides] = await performances(mock, '&productionId=962530');
      const p = one(el, tides!.performanceId);
      const item = p.closest('li')!;
      expect(p.querySelector('time')!.textContent).to.equal('All day');
      expect(item.textContent).to.contain('Doors 10:00 AM – 5:00 PM');
      expect(item.querySelector('.entries')!.textContent).to.match(/^Entry 10:00 AM, 11:30 AM(?: \(sold out\))?, 1:00 PM/);
    });

    it('never puts tixRemaining in the DOM or an attribute', async () => {
      const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'list' });
      const all = await performances(mock, '&productionId=962459');
      expect(root(el).innerHTML.toLowerCase()).not.to.contain('tixremaining');
      expect(root(el).innerHTML.toLowerCase()).not.to.contain('tix-remaining');
      let checked = 0;
      for (const p of all) {
        const node = shown(el, p.performanceId)[0];
        if (!node || p.tixRemaining < 100) continue; // three digits: no clash with times or dates
        const item = node.closest('li')!;
        expect(item.outerHTML).not.to.match(new RegExp(`\\b${p.tixRemaining}\\b`));
        checked++;
      }
      expect(checked).to.be.greaterThan(0);
      for (const node of [el, ...root(el).querySelectorAll('*')]) {
        for (const attr of node.getAttributeNames()) expect(attr.toLowerCase()).not.to.contain('remaining');
      }
    });
  });

  describe('venue time', () => {
    it('reads a 19:30 performance as 7:30 PM in America/Los_Angeles from a browser in Asia/Tokyo, across DST', async () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Asia/Tokyo');
      const all = await performances(mock, '&productionId=962459&displayCode=T');
      // US daylight saving time starts on 14 March 2027: UTC-8 before, UTC-7 after.
      const before = all.find((p) => p.time24 === '19:30:00' && p.date >= '2027-03-02' && p.date < '2027-03-14')!;
      const after = all.find((p) => p.time24 === '19:30:00' && p.date > '2027-03-14' && p.date <= '2027-03-31')!;
      const el = await calendar(mock, { month: '2027-03', view: 'month', timeZone: 'America/Los_Angeles' });
      await openBusyDays(el);
      for (const [p, offsetHours] of [[before, 8], [after, 7]] as const) {
        const time = one(el, p.performanceId).querySelector('time')!;
        expect(time.textContent).to.equal('7:30 PM');
        const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
        expect(time.getAttribute('datetime')).to.equal(new Date(Date.UTC(y, m - 1, d, 19 + offsetHours, 30)).toISOString());
        expect(one(el, p.performanceId).closest('[role="gridcell"]')!.getAttribute('data-date')).to.equal(p.date);
      }
    });
  });

  describe("under each reading of the vendor's silences", () => {
    for (const reading of ['zero-based', 'one-based', 'time-only']) {
      it(`shows the month asked for when the vendor counts \`month\` ${reading}, and learns it once`, async () => {
        mock = await openMockWorld({ now: '2027-03-01T17:00:00Z', readings: { 'audienceview.calendar.month': reading } });
        const all = await performances(mock, '&productionId=962459');
        const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'list' });
        const inMonth = all.filter((p) => monthOf(p) === '2027-03' && p.displayCode !== 'I').map((p) => p.performanceId);
        expect(inMonth.length).to.be.greaterThan(20);
        expect(shownIds(el).sort()).to.deep.equal([...inMonth].sort());
        // Every request sends the documented `time` with month + year.
        const sent = calendarRequests(await mock.requests());
        expect(sent.every((r) => ['month', 'year', 'time'].every((k) => new URLSearchParams(r.query).has(k)))).to.equal(true);
        // Next month: the numbering is known now, April is asked in that one numbering only.
        root(el).querySelector<HTMLButtonElement>('button[aria-label="Next month"]')!.click();
        await settled(el);
        const april = all.filter((p) => monthOf(p) === '2027-04' && p.displayCode !== 'I').map((p) => p.performanceId);
        expect(shownIds(el).sort()).to.deep.equal([...april].sort());
        const aprilMonths = new Set(calendarRequests(await mock.requests(), '4').map((r) => new URLSearchParams(r.query).get('month')));
        expect([...aprilMonths]).to.deep.equal(reading === 'one-based' ? ['4'] : ['3']);
      });
    }

    for (const reading of ['eastern-wall-clock', 'instant']) {
      it(`places a Chicago matinee at 4:00 PM on its day whether performanceStart is ${reading}`, async () => {
        mock = await openMockWorld({ now: '2027-03-01T17:00:00Z', readings: { 'audienceview.public.performanceStart': reading } });
        const el = await calendar(mock, { clientId: '300', month: '2027-03', view: 'list', timeZone: 'America/Chicago' });
        const matinee = one(el, 49182);
        expect(matinee.querySelector('time')!.textContent).to.equal('4:00 PM');
        expect(matinee.querySelector('time')!.getAttribute('datetime')).to.equal('2027-03-01T22:00:00.000Z');
        expect(matinee.closest('[part~="day"]')!.getAttribute('data-date')).to.equal('2027-03-01');
      });
    }
  });

  describe('safety', () => {
    it('sanitizes vendor notes: the <img onerror> never exists nor runs', async () => {
      const calls: unknown[] = [];
      const original = window.alert;
      window.alert = (...args: unknown[]) => void calls.push(args);
      try {
        const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'list' });
        // Saturday performances of Far Far Away carry "Audio-described performance. <img src=x onerror=alert(1)>".
        expect(root(el).textContent).to.contain('Audio-described performance.');
        expect(has(el, 'img')).to.equal(false);
        expect(has(el, '[onerror]')).to.equal(false);
        expect(root(el).innerHTML).not.to.contain('onerror');
        await new Promise((r) => setTimeout(r, 50));
        expect(calls).to.deep.equal([]);
      } finally {
        window.alert = original;
      }
    });
  });

  describe('navigation', () => {
    it('opens on the venue\'s current month without writing a month attribute onto the page\'s tag', async () => {
      const el = await calendar(mock, { view: 'month' });
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('March 2027');
      expect(el.hasAttribute('month')).to.equal(false);
    });

    it('moves with next, previous and today, reflects month and fires av-month-change', async () => {
      const el = await calendar(mock, { month: '2027-03', view: 'month' });
      const page = cal(el);
      const changed = oneEvent(el, 'av-month-change');
      page.clickNext();
      expect((await changed).detail).to.deep.equal({ year: 2027, month: 4 });
      expect(el.getAttribute('month')).to.equal('2027-04');
      await page.settled();
      expect(page.title).to.equal('April 2027');
      page.clickPrevious();
      page.clickPrevious(); // before the first one has rendered
      await page.settled();
      expect(page.title).to.equal('February 2027');
      page.clickToday();
      await page.settled();
      expect(page.title).to.equal('March 2027');
      expect(page.focusedDate).to.equal('2027-03-01');
    });

    it('moves through the grid with the keyboard, into a day and into the next month', async () => {
      const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'month' });
      const page = cal(el);
      const cell = (date: string) => page.day(date)!;
      const press = (key: string) => page.press(key);
      const focused = () => page.focusedDate;
      cell('2027-03-01').focus();
      await press('ArrowRight');
      expect(focused()).to.equal('2027-03-02');
      expect(cell('2027-03-02').tabIndex).to.equal(0);
      expect(cell('2027-03-01').tabIndex).to.equal(-1);
      await press('ArrowDown');
      expect(focused()).to.equal('2027-03-09');
      await press('Home');
      expect(focused()).to.equal('2027-03-07');
      await press('End');
      expect(focused()).to.equal('2027-03-13');
      await press('ArrowLeft');
      expect(focused()).to.equal('2027-03-12');
      await press('ArrowUp');
      expect(focused()).to.equal('2027-03-05');
      // Enter: into the day's first performance link; Escape: back to the day.
      await press('Enter');
      const link = root(el).activeElement as HTMLElement;
      expect(link.matches('a[part~="performance"]')).to.equal(true);
      expect(link.closest('[role="gridcell"]')!.getAttribute('data-date')).to.equal('2027-03-05');
      await press('Escape');
      expect(focused()).to.equal('2027-03-05');
      // PageDown: the same day next month, which is loaded.
      const changed = oneEvent(el, 'av-month-change');
      await press('PageDown');
      expect((await changed).detail).to.deep.equal({ year: 2027, month: 4 });
      await settled(el);
      await waitUntil(() => focused() === '2027-04-05', 'focus follows into April');
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('April 2027');
    });

    it('shows three performances of a busy day and "+N more", which opens the day and moves focus into it', async () => {
      const el = await calendar(mock, { month: '2027-03', view: 'month' });
      const more = root(el).querySelector<HTMLButtonElement>('button[part~="more"]');
      expect(more, 'March has a day with more than four performances').to.not.equal(null);
      const day = more!.closest<HTMLElement>('[role="gridcell"]')!;
      const inDay = () => [...day.querySelectorAll<HTMLElement>('[part~="performance"]')];
      const hidden = Number(/\+(\d+) more/.exec(more!.textContent!)?.[1]);
      expect(inDay()).to.have.length(3);
      expect(more!.getAttribute('aria-expanded')).to.equal('false');
      // The day's name for screen readers counts them all.
      expect(day.querySelector('.sr-only')!.textContent).to.contain(`${3 + hidden} performances`);

      // The list view of the same month shows the same day in full: the count is right.
      const list = await calendar(mock, { month: '2027-03', view: 'list' });
      const listed = root(list).querySelectorAll(`[part~="day"][data-date="${day.dataset.date}"] [part~="performance"]`);
      expect(listed).to.have.length(3 + hidden);

      more!.click();
      await waitUntil(() => root(el).activeElement !== null, 'focus moves into the opened day');
      expect(inDay()).to.have.length(3 + hidden);
      const firstRevealed = inDay()[3]!;
      const fewer = day.querySelector<HTMLButtonElement>('button[part~="more"]')!;
      // On the first performance it revealed, or (when that one cannot be bought) on the button.
      expect(root(el).activeElement).to.equal(firstRevealed.matches('a[href]') ? firstRevealed : fewer);
      expect(fewer.getAttribute('aria-expanded')).to.equal('true');
      expect(fewer.textContent!.trim()).to.equal('Show fewer');

      fewer.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(inDay()).to.have.length(3);
      expect(root(el).activeElement).to.equal(day.querySelector('button[part~="more"]'));
    });

    it('serves a month already fetched from memory at once, then refreshes it in the background', async () => {
      const el = await calendar(mock, { month: '2027-03', view: 'month' });
      // No other month is fetched on its own (a phone pays for it)…
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(calendarRequests(await mock.requests()).filter((r) => monthOfTime(r.query) !== '3').map((r) => r.query), 'months other than March').to.deep.equal([]);
      // …until the patron reaches for an arrow: the pointer on "Next month" fetches April ahead of the click,
      root(el).querySelector('button[aria-label="Next month"]')!.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(async () => calendarRequests(await mock.requests(), '4').length === 1, 'April not fetched as the pointer reached its arrow', { timeout: 4000 });
      // and the keyboard's focus on "Previous month" fetches February.
      // (The event itself: a window in the background gets no focus events, and Firefox's test windows take turns in front.)
      root(el).querySelector('button[aria-label="Previous month"]')!.dispatchEvent(new FocusEvent('focus'));
      await waitUntil(async () => calendarRequests(await mock.requests(), '2').length === 1, 'February not fetched as the arrow took focus', { timeout: 4000 });
      const marchIds = shownIds(el);
      // One request, or two the first time when the month numbering had to be learned (0- or 1-based).
      expect(calendarRequests(await mock.requests(), '3').length).to.be.within(1, 2);

      el.setAttribute('month', '2027-04');
      await el.updateComplete;
      expect(has(el, '[part~="loading"]'), 'April from memory, no skeleton').to.equal(false);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('April 2027');
      expect(shownIds(el).length).to.be.greaterThan(0);

      // Back to March while the vendor is slow: the month is on screen before any answer.
      await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'delay', delayMs: 600 });
      const before = calendarRequests(await mock.requests(), '3').length;
      el.setAttribute('month', '2027-03');
      await el.updateComplete;
      expect(has(el, '[part~="loading"]')).to.equal(false);
      expect(shownIds(el)).to.deep.equal(marchIds);
      expect(calendarRequests(await mock.requests(), '3')).to.have.length(before);
      // …and the background refresh reaches the vendor.
      await waitUntil(async () => calendarRequests(await mock.requests(), '3').length === before + 1, 'March refreshed', { timeout: 3000 });
      expect(shownIds(el)).to.deep.equal(marchIds);
    });

    it('never shows the slow answer of a month the patron already left', async () => {
      const all = (await performances(mock)).filter((p) => p.displayCode !== 'I' && p.productionStatus === 'T');
      // Two months with performances, away from March.
      const [left, goneTo] = [...new Set(all.map(monthOf))].filter((month) => month > '2027-04').sort() as [string, string];
      const el = await calendar(mock, { month: '2027-03', view: 'list' });
      const page = cal(el);
      await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'delay', delayMs: 900, times: 1 });
      el.month = left;
      await el.updateComplete;
      expect(page.loading, `${left} is on its way`).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 150)); // its request is out, and it took the slow answer
      // The patron moves on before it arrives; the next month answers at once.
      el.month = goneTo;
      await page.settled();
      const expected = all.filter((p) => monthOf(p) === goneTo).map((p) => p.performanceId).sort();
      expect(expected.length).to.be.greaterThan(0);
      const title = page.title;
      expect(page.shownIds().sort()).to.deep.equal(expected);
      // The slow answer comes in after all: the month the patron is on stays on screen, untouched.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(calendarRequests(await mock.requests(), String(Number(left.slice(5)))).length, `${left} was asked for`).to.be.greaterThan(0);
      await el.updateComplete;
      expect(page.title).to.equal(title);
      expect(page.loading).to.equal(false);
      expect(page.shownIds().sort()).to.deep.equal(expected);
    });

    it('shows a performance of the week shared by two months once in each month', async () => {
      const all = await performances(mock, '&productionId=962459&displayCode=T');
      // March's answer runs to Saturday 3 April, April's starts on Sunday 28 March.
      const shared = all.filter((p) => p.date >= '2027-03-28' && p.date <= '2027-04-03');
      expect(shared.length).to.be.greaterThan(2);
      const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'month' });
      for (const p of shared) one(el, p.performanceId);
      await cal(el).next();
      expect(cal(el).title).to.equal('April 2027');
      for (const p of shared) one(el, p.performanceId);
      const ids = shownIds(el);
      expect(new Set(ids).size).to.equal(ids.length);
      // In the list, April shows only April's days.
      el.view = 'list';
      await el.updateComplete;
      for (const p of shared) expect(shown(el, p.performanceId)).to.have.length(p.date >= '2027-04-01' ? 1 : 0);
    });
  });

  describe('view="auto"', () => {
    it('is a list at 320 px and a grid at 1000 px (the element, not the window)', async () => {
      const el = await calendar(mock, { month: '2027-03', width: 320 });
      expect(has(el, '[part~="list"]')).to.equal(true);
      expect(has(el, '[part~="grid"]')).to.equal(false);
      el.style.width = '1000px';
      await waitUntil(() => root(el).querySelector('[part~="grid"]'), 'the grid at 1000 px', { timeout: 3000 });
      expect(has(el, '[part~="list"]')).to.equal(false);
      el.style.width = '320px';
      await waitUntil(() => root(el).querySelector('[part~="list"]'), 'the list again at 320 px', { timeout: 3000 });
    });
  });

  describe('a long month on a phone', () => {
    /** A list-view calendar at phone width, not yet on the page, and how many performances its list shows. */
    function phoneList(month: string): { el: AvCalendar; entries: () => number } {
      const el = document.createElement('av-calendar');
      const attributes = { style: 'width: 390px', 'api-base': mock.base('audienceview'), 'client-id': '284', month, view: 'list', locale: 'en' };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.now = NOW;
      return { el, entries: () => el.shadowRoot!.querySelectorAll('[part~="list"] [part~="performance"]').length };
    }

    /** A phone's list of `month` put on the page, its batches watched until the whole month is there; `done()` takes it off. */
    async function wholeList(month: string): Promise<{ el: AvCalendar; entries: () => number; batches: BatchWatch; done(): void }> {
      const { el, entries } = phoneList(month);
      document.body.append(el);
      const batches = watchBatches(el.shadowRoot!, entries, '[part~="list"]');
      const done = () => {
        batches.stop();
        el.remove();
      };
      try {
        await waitUntil(() => batches.counts.length > 0, 'the list never showed', { timeout: 8000 });
        await el.updateComplete; // waits for the last batch
      } catch (error) {
        done();
        throw error;
      }
      return { el, entries, batches, done };
    }

    it('renders the list a batch at a time, the first at once and the rest after the page has had the main thread, then all of it', async () => {
      const inMonth = (await performances(mock)).filter((p) => monthOf(p) === '2027-03' && p.displayCode !== 'I');
      expect(inMonth.length, 'March is long enough to batch').to.be.greaterThan(40);
      const { el, entries, batches, done } = await wholeList('2027-03');
      try {
        expect(entries(), 'updateComplete waits for the whole month').to.equal(inMonth.length);
        expect(batches.counts[0], 'the first batch fills a phone screen, no more').to.be.within(8, 20);
        expect(batches.countWhenYielded, 'the page had the main thread before the list was whole').to.be.below(inMonth.length);
        expect(batches.counts.at(-1)).to.equal(inMonth.length);
        expect(batches.busy.at(0), 'busy while more is coming').to.equal('true');
        expect(batches.busy.at(-1), 'not busy once whole').to.equal('false');
        expect(shownIds(el).sort()).to.deep.equal(inMonth.map((p) => p.performanceId).sort());
      } finally {
        done();
      }
    });

    it('cuts a festival day across batches: the first batch is a screen even when one day holds eighty performances', async () => {
      const inMonth = (await performances(mock)).filter((p) => monthOf(p) === '2027-03' && p.displayCode !== 'I');
      const perDay = new Map<string, number>();
      for (const p of inMonth) perDay.set(p.date.slice(0, 10), (perDay.get(p.date.slice(0, 10)) ?? 0) + 1);
      const busiest = Math.max(...perDay.values());
      // Every list ten times as long, each repeat a performance of its own: a festival's days.
      await mock.fault({ kind: 'oversize', vendor: 'audienceview', idField: 'performanceId' });
      expect(busiest * 10, "the busiest day is more than a phone's screen").to.be.greaterThan(40);
      const { el, entries, batches, done } = await wholeList('2027-03');
      try {
        expect(batches.counts[0], 'the first batch fills a phone screen, no more').to.be.within(8, 20);
        expect(entries(), 'the whole month in the end').to.equal(inMonth.length * 10);
        expect(new Set(shownIds(el)).size, 'each performance once').to.equal(inMonth.length * 10);
      } finally {
        done();
      }
    });

    it('finishes the list when taken off the page mid-way and put back, and starts the next month from its first batch', async () => {
      const all = await performances(mock);
      const march = all.filter((p) => monthOf(p) === '2027-03' && p.displayCode !== 'I');
      expect(all.filter((p) => monthOf(p) === '2027-04' && p.displayCode !== 'I').length, 'April is long enough to batch').to.be.greaterThan(20);
      const { el, entries } = phoneList('2027-03');
      // Taken off the page right at its first batch (seen before it is painted): a venue's page that moves the
      // calendar (a tab, a modal) mid-list.
      let whenRemoved = 0;
      const removeAtFirstBatch = new MutationObserver(() => {
        if (entries() === 0) return;
        removeAtFirstBatch.disconnect();
        whenRemoved = entries();
        el.remove();
      });
      document.body.append(el);
      try {
        removeAtFirstBatch.observe(el.shadowRoot!, { childList: true, subtree: true });
        await waitUntil(() => whenRemoved > 0, 'the list never showed', { timeout: 8000 });
        expect(whenRemoved, 'taken off before the list was whole').to.be.below(march.length);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(entries(), 'no batches while off the page').to.equal(whenRemoved);
        document.body.append(el);
        await el.updateComplete;
        expect(entries(), 'whole once back').to.equal(march.length);

        // The next month is another list: its first render shows a first batch, not as many as March had.
        const firstOfApril: number[] = [];
        const observer = new MutationObserver(() => {
          if (el.shadowRoot!.querySelector('[part~="list"] [data-date^="2027-04"]') && firstOfApril.length === 0) firstOfApril.push(entries());
        });
        observer.observe(el.shadowRoot!, { childList: true, subtree: true });
        el.setAttribute('month', '2027-04');
        await waitUntil(() => firstOfApril.length > 0, 'April never showed', { timeout: 8000 });
        observer.disconnect();
        expect(firstOfApril[0], "April's first render is one batch").to.be.within(1, 20);
      } finally {
        el.remove();
      }
    });
  });

  describe('errors', () => {
    it('shows the vendor message of a 200 answer with errors, and retry works', async () => {
      // Twice: while the tenant's month numbering is unknown, a refused month is asked again in the other numbering.
      await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'vendor-error', message: 'Calendar is under maintenance.', times: 2 });
      const errors: Event[] = [];
      const listener = (e: Event) => errors.push(e);
      window.addEventListener('av-error', listener);
      const el = await calendar(mock, { month: '2027-03' }).finally(() => window.removeEventListener('av-error', listener));
      const error = root(el).querySelector('[part~="error"]')!;
      expect(error.textContent).to.contain('Calendar is under maintenance.');
      expect(error.getAttribute('data-error-name')).to.equal('VendorError');
      expect(errors).to.have.length(1);
      expect((errors[0] as CustomEvent).detail.error.name).to.equal('VendorError');
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settled(el);
      expect(has(el, '[part~="error"]')).to.equal(false);
      expect(shownIds(el).length).to.be.greaterThan(0);
    });

    it('explains a CORS-blocked request: the site must be allowed by AudienceView', async () => {
      await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'cors-block' });
      const el = await calendar(mock, { month: '2027-03', view: 'month' });
      const error = root(el).querySelector('[part~="error"]')!;
      expect(error.getAttribute('data-error-name')).to.equal('NetworkError');
      expect(error.textContent).to.contain("this site's address must be allowed by AudienceView");
      await mock.clearFaults();
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settled(el);
      expect(has(el, '[part~="grid"]')).to.equal(true);
    });

    it('refuses a bad client-id with a ConfigError, an av-error and no request', async () => {
      const errors: Event[] = [];
      const listener = (e: Event) => errors.push(e);
      window.addEventListener('av-error', listener);
      try {
        const el = await calendar(mock, { clientId: 'harbour-lights' });
        const error = root(el).querySelector('[part~="error"]')!;
        expect(error.getAttribute('data-error-name')).to.equal('ConfigError');
        expect(error.textContent).to.contain('client-id');
        expect(errors).to.have.length(1);
        expect((errors[0] as CustomEvent).detail.error.name).to.equal('ConfigError');
        expect(await mock.requests()).to.deep.equal([]);
      } finally {
        window.removeEventListener('av-error', listener);
      }
    });

    for (const reading of ['warning', 'errors', 'data']) {
      it(`says politely that an inactive client sells nothing online, not a failure nor an empty month (vendor answers with ${reading})`, async () => {
        mock = await openMockWorld({ now: '2027-03-01T17:00:00Z', readings: { 'audienceview.public.clientActive': reading } });
        const errors: Event[] = [];
        const listener = (e: Event) => errors.push(e);
        window.addEventListener('av-error', listener);
        const el = await calendar(mock, { clientId: '301', month: '2027-03', view: 'month' }).finally(() => window.removeEventListener('av-error', listener));
        expect(has(el, '[part~="error"]')).to.equal(false);
        expect(errors).to.have.length(0);
        expect(has(el, '[part~="grid"]')).to.equal(false);
        const said = root(el).querySelector('[part~="empty"]')!;
        expect(said.textContent).to.equal('This box office is not selling tickets online at the moment. Please contact the venue.');
        expect(said.getAttribute('role')).to.equal('status');
        // The vendor's own warning, when it sends one, is still shown above.
        if (reading === 'warning') expect(root(el).querySelector('[part~="notice"]')!.textContent).to.contain('Client 301 is not active.');
      });
    }
  });

  describe('clicks', () => {
    it('fires a cancelable av-performance-click with the performance', async () => {
      const el = await calendar(mock, { month: '2027-03', productionId: '962459', view: 'list' });
      const link = root(el).querySelector<HTMLAnchorElement>('a[part~="performance"]')!;
      const seen: Event[] = [];
      el.addEventListener('av-performance-click', (e) => {
        seen.push(e);
        e.preventDefault();
      });
      link.click(); // cancelled: the test page stays where it is
      expect(seen).to.have.length(1);
      expect((seen[0] as CustomEvent).detail.performance.id).to.equal(Number(link.dataset.performanceId));
      expect((seen[0] as CustomEvent).detail.performance).not.to.have.property('tixRemaining');
    });
  });

  describe('accessibility and languages', () => {
    it('is axe-clean as a grid and as a list', async function () {
      this.timeout(30_000); // axe over a month grid, twice: slow in WebKitGTK's software rendering on a busy machine
      const el = await calendar(mock, { month: '2027-03', view: 'month' });
      await expect(el).to.be.accessible();
      el.view = 'list';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('speaks French with locale="fr"', async () => {
      const el = await calendar(mock, { month: '2027-03', view: 'month', locale: 'fr' });
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('mars 2027');
      expect(root(el).querySelector('button.prev')!.getAttribute('aria-label')).to.equal('Mois précédent');
      expect(root(el).querySelector('button.next')!.getAttribute('aria-label')).to.equal('Mois suivant');
      expect(root(el).querySelector('button.today')!.textContent!.trim()).to.equal('Aujourd’hui');
      expect(root(el).querySelector('[role="columnheader"]')!.textContent).to.contain('dimanche');
      el.view = 'list';
      await el.updateComplete;
      expect(root(el).querySelector('.list-day h3')!.textContent).to.match(/mars/);
    });
  });
});
