/**
 * What the scanner's offline core keeps in memory between tests. Stryker loads the test files once
 * per process and runs many mutants' tests in it, one after another: a test a mutant made fail
 * half-way (scans held in memory while the disk was "full") would otherwise hand its leftovers to
 * whichever test runs next there, and a mutant's fate would depend on the order tests reached the
 * process (the offline core scored 87.0 % on one run and 82.6 % on the next with the same tests).
 */
import { resetVendorClock } from '../../src/api/audienceview/scanning.js';
import { heldScans } from '../../src/components/ticket-scanner/offline/held-scans.js';
import { forgetServerChecks } from '../../src/components/ticket-scanner/offline/scan-queue.js';
import { closeScannerDb } from '../../src/components/ticket-scanner/offline/scanner-db.js';

/**
 * A page that was just opened: no database connection, no scans held in memory, no queued scan
 * checked against the server lately, no vendor clock learned. (The checks were kept from test to
 * test before: the same barcodes at the same scan time, so whether a replay downloaded the list
 * again depended on which tests had run before it in that process.)
 */
export async function forgetScannerMemory(): Promise<void> {
  await closeScannerDb();
  forgetServerChecks();
  resetVendorClock();
  for (let batch = heldScans.nextBatch(Number.MAX_SAFE_INTEGER); batch.length; batch = heldScans.nextBatch(Number.MAX_SAFE_INTEGER)) heldScans.forget(batch);
}
