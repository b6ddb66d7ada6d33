/**
 * The door's clock: scans are stamped on AudienceView's clock, learned from its answers' `Date`
 * header (whole seconds). What staff and the venue would notice: scans a moment apart stamped out
 * of order, a stamp in the vendor's future (syncScans refuses those), a phone's clock set and the
 * stamps never following it.
 */
import assert from 'node:assert/strict';
import { noteVendorClock, resetVendorClock, vendorNow } from '../../src/api/audienceview/scanning.js';

/** An answer whose `Date` says `vendorTime` (truncated to the second, as HTTP dates are). */
const answerAt = (vendorTime: number) => ({ headers: new Headers({ date: new Date(vendorTime).toUTCString() }) });

describe('the vendor clock', () => {
  const realNow = Date.now;
  let deviceNow = Date.UTC(2026, 11, 2, 19, 0, 0);
  beforeEach(() => {
    resetVendorClock();
    deviceNow = Date.UTC(2026, 11, 2, 19, 0, 0);
    Date.now = () => deviceNow;
  });
  afterEach(() => {
    Date.now = realNow;
    resetVendorClock();
  });

  it('stamps scans in the order they were made, whatever second each answer fell in', () => {
    // The vendor's clock is 3.4 s ahead of the device's. Answers every 300 ms, a scan after each.
    const ahead = 3_400;
    const stamps: number[] = [];
    for (let i = 0; i < 20; i++) {
      deviceNow += 300;
      noteVendorClock(answerAt(deviceNow + ahead), deviceNow);
      deviceNow += 1;
      stamps.push(vendorNow());
    }
    for (let i = 1; i < stamps.length; i++) assert.ok(stamps[i]! > stamps[i - 1]!, `scan ${i} stamped ${stamps[i - 1]! - stamps[i]!} ms before the scan made before it`);
    // Never in the vendor's future, and within the header's second of its clock.
    for (const [i, stamp] of stamps.entries()) {
      const vendorTime = Date.UTC(2026, 11, 2, 19, 0, 0) + (i + 1) * 301 + ahead;
      assert.ok(stamp <= vendorTime, `scan ${i} stamped ${stamp - vendorTime} ms in the vendor's future`);
      assert.ok(stamp > vendorTime - 1_000, `scan ${i} stamped ${vendorTime - stamp} ms early`);
    }
  });

  it('follows the clocks when one of them is set (the phone set back 10 minutes)', () => {
    noteVendorClock(answerAt(deviceNow), deviceNow);
    deviceNow += 600_000; // the phone's clock jumps 10 minutes ahead; the vendor's did not move
    const vendorTime = Date.UTC(2026, 11, 2, 19, 0, 5);
    deviceNow += 5_000;
    noteVendorClock(answerAt(vendorTime), deviceNow);
    assert.ok(Math.abs(vendorNow() - vendorTime) < 1_000, `stamped ${Math.round((vendorNow() - vendorTime) / 1000)} s off the vendor's clock`);
  });

  it('uses the device clock until an answer has a readable Date', () => {
    noteVendorClock({ headers: new Headers() }, deviceNow);
    assert.equal(vendorNow(), deviceNow);
  });
});
