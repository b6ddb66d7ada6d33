/**
 * "Today" is the venue's today. The tests run Chromium in Asia/Tokyo, which reaches midnight 13 or
 * 16 hours before New York or Los Angeles: between the two midnights the browser's date is already
 * tomorrow while the venue's evening goes on. The calendar's current month, its today mark and its
 * Today button, and the event list's year, must follow the venue.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { openMockWorld, type MockWorld } from '../mock.js';
import '../../src/components/av-calendar/index.js';
import '../../src/components/av-event-list/index.js';
import type { AvCalendar } from '../../src/components/av-calendar/av-calendar.js';
import type { AvEventList } from '../../src/components/av-event-list/av-event-list.js';
import { lateContentSettled } from '../../src/shared/late-content.js';

/** The browser's own calendar date at an instant (what a browser-zone bug would show). */
function browserDate(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function calendarAt(mock: MockWorld, now: number, timeZone?: string, view = 'month'): Promise<AvCalendar> {
  const el = await fixture<AvCalendar>(html`<av-calendar
    style="width: 1000px"
    api-base=${mock.base('audienceview')}
    client-id="284"
    time-zone=${ifDefined(timeZone)}
    view=${view}
    locale="en"
    .now=${now}
  ></av-calendar>`);
  await calendarSettled(el);
  return el;
}

async function calendarSettled(el: AvCalendar): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot!;
  await waitUntil(() => !root.querySelector('[part~="loading"]') && root.querySelector('[part~="grid"], [part~="list"], [part~="empty"], [part~="error"]'), 'the calendar did not finish loading', { timeout: 8000 });
  await lateContentSettled();
  await el.updateComplete;
}

const title = (el: AvCalendar) => el.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim();
const todayCell = (el: AvCalendar) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"][aria-current="date"]')].map((c) => c.dataset.date);

describe('"Today" is the venue\'s today, whatever the browser\'s zone', () => {
  before(() => {
    // Without a browser ahead of the venue these tests could not tell the two apart.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Asia/Tokyo');
  });

  // 31 March 2027 in New York, at three moments around the two midnights.
  const cases = [
    { at: '2027-03-31T15:30:00Z', venue: '2027-03-31', month: 'March 2027', what: 'just after midnight in Tokyo (11:30 in New York)' },
    { at: '2027-04-01T03:59:00Z', venue: '2027-03-31', month: 'March 2027', what: 'one minute before midnight in New York' },
    { at: '2027-04-01T04:01:00Z', venue: '2027-04-01', month: 'April 2027', what: 'one minute after midnight in New York' },
  ];
  for (const c of cases) {
    it(`the calendar opens on the venue's month with the venue's today marked, ${c.what}`, async () => {
      const now = Date.parse(c.at);
      const mock = await openMockWorld({ now });
      const el = await calendarAt(mock, now, 'America/New_York');
      expect(browserDate(now), 'the browser is already on 1 April').to.equal('2027-04-01');
      expect(title(el)).to.equal(c.month);
      expect(todayCell(el)).to.deep.equal([c.venue]);
      expect(el.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!.dataset.date, 'the grid\'s tab stop is today').to.equal(c.venue);
    });
  }

  it('Los Angeles at 20:30 on 31 March (Tokyo: 12:30 on 1 April): March, with the 31st as today; the Today button comes back to it', async () => {
    const now = Date.parse('2027-04-01T03:30:00Z');
    const mock = await openMockWorld({ now });
    const el = await calendarAt(mock, now, 'America/Los_Angeles');
    expect(title(el)).to.equal('March 2027');
    expect(todayCell(el)).to.deep.equal(['2027-03-31']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    await calendarSettled(el);
    expect(title(el)).to.equal('April 2027');
    expect(todayCell(el), "April's first week shows the venue's 31 March as today, not the browser's 1 April").to.deep.equal(['2027-03-31']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.today')!.click();
    await calendarSettled(el);
    expect(title(el)).to.equal('March 2027');
    expect(el.getAttribute('month')).to.equal('2027-03');
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.date, 'focus on the venue\'s today').to.equal('2027-03-31');
  });

  it("the list view marks the venue's today, not the browser's", async () => {
    // 18:00 in New York on Wednesday 24 March (Tokyo: 07:00 on the 25th): tonight's performances are today's.
    const now = Date.parse('2027-03-24T22:00:00Z');
    const mock = await openMockWorld({ now });
    const el = await calendarAt(mock, now, 'America/New_York', 'list');
    const today = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="day"][data-today]')].map((d) => d.dataset.date);
    expect(browserDate(now)).to.equal('2027-03-25');
    // The 24th is marked only if tonight still has performances; the 25th never is.
    expect(today).to.not.include('2027-03-25');
    const days = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="day"]')].map((d) => d.dataset.date);
    if (days.includes('2027-03-24')) expect(today).to.deep.equal(['2027-03-24']);
    else expect(today).to.deep.equal([]);
  });

  for (const c of cases.slice(1)) {
    it(`the event list reads the venue's month first, ${c.what}`, async () => {
      const now = Date.parse(c.at);
      const mock = await openMockWorld({ now });
      const el = await fixture<AvEventList>(html`<av-event-list api-base=${mock.base('audienceview')} client-id="284" locale="en" limit="1" .now=${now}></av-event-list>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="list"], [part="error"], .empty'), 'the event list did not load', { timeout: 8000 });
      const asked = (await mock.requests()).filter((r) => r.path.includes('/public/calendar/'));
      // `time`, the documented parameter: midnight on the 1st of the month asked for, on the browser's clock (the seed's recipe).
      const month = browserDate(Number(new URLSearchParams(asked[0]!.query).get('time'))).slice(0, 7);
      expect(month, "the venue's month, not the browser's").to.equal(c.venue.slice(0, 7));
      const first = el.shadowRoot!.querySelector<HTMLTimeElement>('time.date')!;
      expect(first.dateTime >= c.venue, `${first.dateTime} is not before the venue's today`).to.equal(true);
    });
  }

  it("the event list writes the year for next year's dates on the venue's New Year's Eve (Tokyo is already in the new year)", async () => {
    // 23:30 on 31 December 2027 in New York; 13:30 on 1 January 2028 in Tokyo.
    const now = Date.parse('2028-01-01T04:30:00Z');
    const mock = await openMockWorld({ now });
    const el = await fixture<AvEventList>(html`<av-event-list api-base=${mock.base('audienceview')} client-id="284" locale="en" limit="5" .now=${now}></av-event-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"], [part="error"], .empty'), 'the event list did not load', { timeout: 8000 });
    await lateContentSettled();
    await el.updateComplete;
    const dates = [...el.shadowRoot!.querySelectorAll<HTMLTimeElement>('time.date')];
    expect(dates.length, 'performances listed').to.be.greaterThan(0);
    expect(dates.some((d) => d.dateTime.startsWith('2028-')), 'next year is listed').to.equal(true);
    for (const d of dates) {
      // This year (the venue's 2027) goes without its year; the venue's next year with it.
      if (d.dateTime.startsWith('2028-')) expect(d.textContent, `${d.dateTime} shows its year`).to.contain('2028');
      else expect(d.textContent, `${d.dateTime} is this year at the venue`).to.not.match(/20\d\d/);
    }
  });
});
