/**
 * Venue time (src/shared/time-zone.ts): a performance at 19:30 in New York is 19:30 on the page in
 * any browser zone, across daylight-saving changes. Expected instants are written out by hand from
 * the zones' published rules (America/New_York: EST −5, EDT −4 from the 2nd Sunday of March 02:00
 * to the 1st Sunday of November 02:00).
 */
import assert from 'node:assert/strict';
import { watchDateFormats } from '../date-formats.ts';
import { fresh } from './fresh.ts';

type TimeZone = typeof import('../../src/shared/time-zone.js');
const TIME_ZONE = new URL('../../src/shared/time-zone.js', import.meta.url);
// A fresh module per test: its caches (formatters, offsets per day) start empty, so a fault in
// what fills them is not hidden by what an earlier run of the same process cached.
describe('venue time', () => {
  let tz: TimeZone;
  beforeEach(async () => {
    tz = await fresh<TimeZone>(TIME_ZONE);
  });

  const NY = 'America/New_York';
  const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });

  describe('venue time: instants of a wall clock', () => {
    it('19:30 in New York is 00:30Z next day in winter, 23:30Z in summer', () => {
      assert.equal(tz.instantOfWallClock(wall(2027, 1, 15, 19, 30), NY), Date.UTC(2027, 0, 16, 0, 30));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 24, 19, 30), NY), Date.UTC(2027, 2, 24, 23, 30));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 24, 19, 30, 15), NY), Date.UTC(2027, 2, 24, 23, 30, 15));
    });

    it('on the day of the spring change: before and after 02:00', () => {
      // 14 March 2027: 01:59 EST, then 03:00 EDT.
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 1, 30), NY), Date.UTC(2027, 2, 14, 6, 30));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 3, 30), NY), Date.UTC(2027, 2, 14, 7, 30));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 19, 0), NY), Date.UTC(2027, 2, 14, 23, 0));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 0, 0), NY), Date.UTC(2027, 2, 14, 5, 0));
    });

    it('the first second of summer time is summer time: 03:00 on the day of the spring change', () => {
      // 14 March 2027 07:00:00Z is the instant New York's clocks jump from 02:00 EST to 03:00 EDT.
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 3, 0), NY), Date.UTC(2027, 2, 14, 7, 0));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 3, 0, 1), NY), Date.UTC(2027, 2, 14, 7, 0, 1));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 1, 59, 59), NY), Date.UTC(2027, 2, 14, 6, 59, 59));
    });

    it('the skipped hour moves forward by the gap', () => {
      // 02:30 does not exist on 14 March 2027: clocks show 03:30 EDT = 07:30Z.
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 14, 2, 30), NY), Date.UTC(2027, 2, 14, 7, 30));
    });

    it('the repeated autumn hour: the first one wins', () => {
      // 1 November 2026: 01:30 EDT (05:30Z) then again 01:30 EST (06:30Z).
      assert.equal(tz.instantOfWallClock(wall(2026, 11, 1, 1, 30), NY), Date.UTC(2026, 10, 1, 5, 30));
      assert.equal(tz.instantOfWallClock(wall(2026, 11, 1, 0, 30), NY), Date.UTC(2026, 10, 1, 4, 30));
      assert.equal(tz.instantOfWallClock(wall(2026, 11, 1, 2, 30), NY), Date.UTC(2026, 10, 1, 7, 30));
      assert.equal(tz.instantOfWallClock(wall(2026, 11, 1, 20, 0), NY), Date.UTC(2026, 10, 2, 1, 0));
    });

    it('the repeated autumn hour east of UTC: the first one wins there too', () => {
      // Paris, 31 October 2027: 02:30 CEST (00:30Z), then again 02:30 CET (01:30Z).
      assert.equal(tz.instantOfWallClock(wall(2027, 10, 31, 2, 30), 'Europe/Paris'), Date.UTC(2027, 9, 31, 0, 30));
      // Lord Howe, 4 April 2027: 01:45 at +11 (14:45Z the day before), then again at +10:30.
      assert.equal(tz.instantOfWallClock(wall(2027, 4, 4, 1, 45), 'Australia/Lord_Howe'), Date.UTC(2027, 3, 3, 14, 45));
    });

    it('zones east of UTC and across their own changes', () => {
      // Europe/Paris: CET +1, CEST +2 from 28 March 2027 02:00 (01:00Z).
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 27, 20, 0), 'Europe/Paris'), Date.UTC(2027, 2, 27, 19, 0));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 28, 20, 0), 'Europe/Paris'), Date.UTC(2027, 2, 28, 18, 0));
      assert.equal(tz.instantOfWallClock(wall(2027, 3, 28, 2, 30), 'Europe/Paris'), Date.UTC(2027, 2, 28, 1, 30));
      // Back on 31 October 2027 03:00 CEST -> 02:00 CET: the evening after is CET.
      assert.equal(tz.instantOfWallClock(wall(2027, 10, 31, 20, 0), 'Europe/Paris'), Date.UTC(2027, 9, 31, 19, 0));
      assert.equal(tz.instantOfWallClock(wall(2027, 1, 1, 0, 30), 'Asia/Tokyo'), Date.UTC(2026, 11, 31, 15, 30));
      assert.equal(tz.instantOfWallClock(wall(2027, 1, 1, 0, 30), 'Asia/Kolkata'), Date.UTC(2026, 11, 31, 19, 0));
      // Lord Howe: a half-hour change (+11 / +10:30), back on 4 April 2027 02:00 -> 01:30.
      assert.equal(tz.instantOfWallClock(wall(2027, 4, 3, 20, 0), 'Australia/Lord_Howe'), Date.UTC(2027, 3, 3, 9, 0));
      assert.equal(tz.instantOfWallClock(wall(2027, 4, 4, 20, 0), 'Australia/Lord_Howe'), Date.UTC(2027, 3, 4, 9, 30));
    });

    it('a whole season of evenings stays at 19:30 (the cache of day offsets holds)', () => {
      for (let d = 0; d < 2100; d += 7) {
        const day = tz.addDays({ year: 2026, month: 1, day: 1 }, d);
        const instant = tz.instantOfWallClock({ ...day, hour: 19, minute: 30, second: 0 }, NY);
        const shown = tz.wallClockAt(instant, NY);
        assert.deepEqual(shown, { ...day, hour: 19, minute: 30, second: 0 }, tz.isoDate(day));
      }
    });
  });

  describe('venue time: wall clocks of an instant', () => {
    it('shows the venue clock whatever the browser zone, midnight as hour 0', () => {
      assert.deepEqual(tz.wallClockAt(Date.UTC(2027, 2, 24, 23, 30, 5), NY), wall(2027, 3, 24, 19, 30, 5));
      assert.deepEqual(tz.wallClockAt(Date.UTC(2027, 0, 16, 5, 0), NY), wall(2027, 1, 16, 0, 0, 0));
      assert.deepEqual(tz.wallClockAt(Date.UTC(2027, 0, 16, 5, 0), 'UTC'), wall(2027, 1, 16, 5, 0, 0));
    });

    it("today is the venue's date, not the browser's", () => {
      // 03:00Z on 2 December is still 1 December in New York and already 2 December in Tokyo.
      const now = Date.UTC(2026, 11, 2, 3, 0);
      assert.deepEqual(tz.todayIn(NY, now), { year: 2026, month: 12, day: 1 });
      assert.deepEqual(tz.todayIn('Asia/Tokyo', now), { year: 2026, month: 12, day: 2 });
      const real = tz.todayIn('UTC');
      const d = new Date();
      assert.deepEqual(real, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    });

    it('formats in the zone and locale, caching nothing wrong', () => {
      const at = Date.UTC(2027, 2, 24, 23, 30);
      assert.equal(tz.formatInZone(at, NY, 'en-US', { hour: 'numeric', minute: '2-digit' }), '7:30 PM');
      assert.equal(tz.formatInZone(at, 'Europe/Paris', 'en-US', { hour: 'numeric', minute: '2-digit' }), '12:30 AM');
      assert.equal(tz.formatInZone(at, NY, 'fr-FR', { hour: 'numeric', minute: '2-digit' }), '19:30');
      assert.equal(tz.formatInZone(at, NY, 'en-US', { weekday: 'long' }), 'Wednesday');
      assert.equal(tz.formatInZone(at, NY, 'en-US', { hour: 'numeric', minute: '2-digit' }), '7:30 PM');
    });

    it('knows a real zone from a typo, aliases and other spellings too', () => {
      assert.equal(tz.isValidTimeZone(NY), true);
      assert.equal(tz.isValidTimeZone('America/Nowhere'), false);
      // Not in Intl's list of canonical names, and still zones a venue may have written.
      for (const zone of ['US/Eastern', 'Asia/Calcutta', 'america/new_york', 'Etc/GMT+5']) assert.equal(tz.isValidTimeZone(zone), true, zone);
      for (const zone of ['', 'Mars/Olympus', 'America/New York', 'EST5EDT/Paris']) assert.equal(tz.isValidTimeZone(zone), false, zone);
    });

    it("this month is the venue's month, every zone, on both sides of each month's edge", () => {
      // The month as the zone's own clock reads it, asked of Intl here and not of the module.
      const formats = new Map<string, Intl.DateTimeFormat>();
      const monthOf = (at: number, zone: string) => {
        if (!formats.has(zone)) formats.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric' }));
        const parts = formats.get(zone)!.formatToParts(at);
        return { year: Number(parts.find((p) => p.type === 'year')!.value), month: Number(parts.find((p) => p.type === 'month')!.value) };
      };
      const hour = 3_600_000;
      // Around each edge of 2027 (and New Year's): inside the hours where zones disagree, at their ends, and mid-month.
      const offsets = [-15, -14, -13, -12, -1, 0, 1, 11, 12, 13, 14, 15, 24 * 14].map((h) => h * hour);
      const zones = [...Intl.supportedValuesOf('timeZone'), 'Etc/GMT+12', 'Etc/GMT-14', 'US/Eastern'];
      let asked = 0;
      for (let m = 0; m <= 12; m++) {
        const edge = Date.UTC(2027, m, 1);
        for (const offset of [...offsets, -1, 1]) {
          const at = edge + offset;
          for (const zone of zones) {
            assert.deepEqual(tz.monthIn(zone, at), monthOf(at, zone), `${zone} at ${new Date(at).toISOString()}`);
            asked++;
          }
        }
      }
      assert.ok(asked > 13 * 15 * 400, `${asked} cases`);
    });
  });

  // The page's first Intl.DateTimeFormat sets up ICU's date data (tens of ms on a phone): an
  // element's first request must not wait for it, and an element that expects dates makes it early.
  describe("venue time: when a date format is made (ICU's set-up)", () => {
    const formatsMadeBy = (run: () => void): number => {
      let made = 0;
      const formats = watchDateFormats(() => made++);
      try {
        run();
      } finally {
        formats.restore();
      }
      return made;
    };

    it('a zone in Intl\'s list is known without a date format', () => {
      assert.equal(formatsMadeBy(() => assert.equal(tz.isValidTimeZone(NY), true)), 0);
      assert.equal(formatsMadeBy(() => assert.equal(tz.isValidTimeZone('Asia/Tokyo'), true)), 0);
    });

    it('an engine without Intl\'s list of zones still tells a zone from a typo', async () => {
      const list = Object.getOwnPropertyDescriptor(Intl, 'supportedValuesOf')!;
      Reflect.deleteProperty(Intl, 'supportedValuesOf');
      try {
        const older = await fresh<TimeZone>(TIME_ZONE);
        assert.equal(older.isValidTimeZone(NY), true);
        assert.equal(older.isValidTimeZone('America/Nowhere'), false);
      } finally {
        Object.defineProperty(Intl, 'supportedValuesOf', list);
      }
    });

    it("this month, away from a month's edge, needs no date format", () => {
      // 12 hours into March (UTC), mid-March, and just over 14 hours before the year ends.
      for (const [at, expected] of [
        [Date.UTC(2027, 2, 1, 12), 3],
        [Date.UTC(2027, 2, 24, 16), 3],
        [Date.UTC(2027, 11, 31, 9, 59), 12],
      ] as const) {
        let month: { year: number; month: number } | undefined;
        assert.equal(formatsMadeBy(() => (month = tz.monthIn(NY, at))), 0, new Date(at).toISOString());
        assert.deepEqual(month, { year: 2027, month: expected });
      }
    });

    it("prepares a zone's format up front, so its first date needs none; a zone Intl does not know is left alone", () => {
      assert.equal(formatsMadeBy(() => tz.prepareTimeZone(NY)), 1);
      assert.equal(formatsMadeBy(() => assert.deepEqual(tz.wallClockAt(Date.UTC(2027, 2, 24, 23, 30), NY), wall(2027, 3, 24, 19, 30))), 0);
      // An element calls it after its request has left, whatever its time-zone attribute says.
      assert.doesNotThrow(() => tz.prepareTimeZone('America/Nowhere'));
    });
  });

  describe('venue time: vendor dates and times', () => {
    it("reads AudienceView's MM/dd/yyyy", () => {
      assert.deepEqual(tz.parseUsDate('03/24/2027'), { year: 2027, month: 3, day: 24 });
      assert.deepEqual(tz.parseUsDate(' 3/4/2027 '), { year: 2027, month: 3, day: 4 });
      assert.equal(tz.parseUsDate('2027-03-24'), undefined);
      assert.equal(tz.parseUsDate('03/24/27'), undefined);
      assert.equal(tz.parseUsDate('x03/24/2027'), undefined);
      assert.equal(tz.parseUsDate('03/24/2027x'), undefined);
      assert.equal(tz.parseUsDate(null), undefined);
      assert.equal(tz.parseUsDate(undefined), undefined);
    });

    it('reads 24-hour and 12-hour times', () => {
      assert.deepEqual(tz.parseTime('19:30:15'), { hour: 19, minute: 30, second: 15 });
      assert.deepEqual(tz.parseTime(' 7:05 '), { hour: 7, minute: 5, second: 0 });
      assert.deepEqual(tz.parseTime('7:30 PM'), { hour: 19, minute: 30, second: 0 });
      assert.deepEqual(tz.parseTime('7:30pm'), { hour: 19, minute: 30, second: 0 });
      assert.deepEqual(tz.parseTime('7:30 p.m.'), { hour: 19, minute: 30, second: 0 });
      assert.deepEqual(tz.parseTime('12:15 AM'), { hour: 0, minute: 15, second: 0 });
      assert.deepEqual(tz.parseTime('12:15 PM'), { hour: 12, minute: 15, second: 0 });
      assert.deepEqual(tz.parseTime('11:59 am'), { hour: 11, minute: 59, second: 0 });
      assert.equal(tz.parseTime('7:3'), undefined);
      assert.equal(tz.parseTime('19:30:1'), undefined);
      assert.equal(tz.parseTime('at 7:30 PM'), undefined);
      assert.equal(tz.parseTime('7:30 PM!'), undefined);
      assert.equal(tz.parseTime('x19:30'), undefined);
      assert.equal(tz.parseTime('19:30x'), undefined);
      assert.equal(tz.parseTime(''), undefined);
      assert.equal(tz.parseTime(null), undefined);
    });
  });

  describe('venue time: calendar arithmetic', () => {
    it('ISO dates with padding', () => {
      assert.equal(tz.isoDate({ year: 2027, month: 3, day: 4 }), '2027-03-04');
      assert.equal(tz.isoDate({ year: 987, month: 12, day: 31 }), '0987-12-31');
    });

    it('days in a month, leap years included', () => {
      assert.deepEqual([1, 2, 3, 4, 12].map((m) => tz.daysInMonth(2027, m)), [31, 28, 31, 30, 31]);
      assert.equal(tz.daysInMonth(2028, 2), 29);
      assert.equal(tz.daysInMonth(2100, 2), 28);
    });

    it('weekdays, Sunday first', () => {
      assert.equal(tz.weekday({ year: 2026, month: 12, day: 2 }), 3);
      assert.equal(tz.weekday({ year: 2027, month: 3, day: 14 }), 0);
    });

    it('adds days and months across year ends, both ways', () => {
      assert.deepEqual(tz.addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
      assert.deepEqual(tz.addDays({ year: 2027, month: 3, day: 1 }, -1), { year: 2027, month: 2, day: 28 });
      assert.deepEqual(tz.addMonths(2026, 12, 1), { year: 2027, month: 1 });
      assert.deepEqual(tz.addMonths(2027, 1, -1), { year: 2026, month: 12 });
      assert.deepEqual(tz.addMonths(2027, 3, 0), { year: 2027, month: 3 });
      assert.deepEqual(tz.addMonths(2027, 3, 14), { year: 2028, month: 5 });
      assert.deepEqual(tz.addMonths(2027, 3, -15), { year: 2025, month: 12 });
    });
  });
});
