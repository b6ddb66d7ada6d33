import { expect } from '@open-wc/testing';
import { formatInZone, instantOfWallClock, parseTime, parseUsDate, todayIn, wallClockAt } from './time-zone.js';

describe('venue wall-clock time', () => {
  it('runs in a browser zone far from the venues (the test runner sets Asia/Tokyo)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Asia/Tokyo');
  });

  it('turns a venue date and time into the right instant, whatever the browser zone', () => {
    const start = instantOfWallClock({ year: 2027, month: 3, day: 1, hour: 19, minute: 30, second: 0 }, 'America/Los_Angeles');
    expect(new Date(start).toISOString()).to.equal('2027-03-02T03:30:00.000Z');
    expect(formatInZone(start, 'America/Los_Angeles', 'en-US', { hour: 'numeric', minute: '2-digit' })).to.equal('7:30 PM');
  });

  it('is right on both sides of a daylight-saving change', () => {
    const before = instantOfWallClock({ year: 2027, month: 3, day: 13, hour: 19, minute: 30, second: 0 }, 'America/New_York');
    const after = instantOfWallClock({ year: 2027, month: 3, day: 14, hour: 19, minute: 30, second: 0 }, 'America/New_York');
    expect(new Date(before).toISOString()).to.equal('2027-03-14T00:30:00.000Z');
    expect(new Date(after).toISOString()).to.equal('2027-03-14T23:30:00.000Z');
    expect(after - before).to.equal(23 * 3600 * 1000);
  });

  it('moves a time in the skipped spring hour forward, and takes the first of a repeated autumn hour', () => {
    const skipped = instantOfWallClock({ year: 2027, month: 3, day: 14, hour: 2, minute: 30, second: 0 }, 'America/New_York');
    expect(wallClockAt(skipped, 'America/New_York')).to.include({ hour: 3, minute: 30 });
    const repeated = instantOfWallClock({ year: 2027, month: 11, day: 7, hour: 1, minute: 30, second: 0 }, 'America/New_York');
    expect(new Date(repeated).toISOString()).to.equal('2027-11-07T05:30:00.000Z');
  });

  it("gives today's date at the venue, not in the browser", () => {
    // 02:00 in Tokyo on 2 March is still 1 March in New York.
    expect(todayIn('America/New_York', Date.parse('2027-03-01T17:00:00Z'))).to.deep.equal({ year: 2027, month: 3, day: 1 });
  });

  it("parses AudienceView's date and time forms", () => {
    expect(parseUsDate('06/28/2017')).to.deep.equal({ year: 2017, month: 6, day: 28 });
    expect(parseUsDate('2017-06-28')).to.equal(undefined);
    expect(parseTime('13:00:00')).to.deep.equal({ hour: 13, minute: 0, second: 0 });
    expect(parseTime('2:00 PM')).to.deep.equal({ hour: 14, minute: 0, second: 0 });
    expect(parseTime('12:15 AM')).to.deep.equal({ hour: 0, minute: 15, second: 0 });
  });
});
