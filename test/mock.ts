/**
 * The test side of the mock vendor backend: each test (or file) opens its own world, so faults
 * and records never leak between tests running side by side.
 *
 *   const mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
 *   await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'html' });
 *   const scans = await mock.received('syncScans');
 */
import type { FaultRule, RequestLogEntry, VendorName, WorldOptions } from '../mock/core.js';

// The one way tests reach the mock (checked by .dependency-cruiser.cjs): its types, and the
// seeded random numbers a test shares with it.
export type { ControlPerformance } from '../mock/audienceview.js';
export type { FaultRule, HostileReport, RequestLogEntry, VendorName } from '../mock/core.js';
export { seededRandom } from '../mock/core.js';

declare global {
  interface Window {
    __MOCK_ORIGIN__: string;
  }
}

export interface MockWorld {
  readonly id: string;
  /** The mock server's origin (a different origin from the test page). */
  readonly origin: string;
  /** `api-base` for a vendor in this world, e.g. `http://127.0.0.1:4123/s/w1/audienceview`. */
  base(vendor: VendorName): string;
  fault(rule: FaultRule | FaultRule[]): Promise<void>;
  clearFaults(): Promise<void>;
  received<T = unknown>(kind: string): Promise<T[]>;
  requests(): Promise<RequestLogEntry[]>;
  /** Switches readings of the vendors' silences for the rest of this world (see mock/core.ts `Reading`). */
  chooseReadings(readings: Record<string, string>): Promise<void>;
  /** The reading each named silence is played with in this world. */
  readings(): Promise<Record<string, string>>;
  /** A vendor's control endpoint, e.g. `control('audienceview', '/tickets?performanceId=1')`. */
  control<T = unknown>(vendor: VendorName, path: string, init?: RequestInit): Promise<T>;
}

let counter = 0;

export async function openMockWorld(options: WorldOptions = {}): Promise<MockWorld> {
  const origin = window.__MOCK_ORIGIN__;
  if (!origin) throw new Error('The mock backend origin is not set: run the tests through web-test-runner.');
  const id = `t${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const root = `${origin}/s/${id}`;
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${root}/__mock${path}`, init);
    if (!res.ok) throw new Error(`mock control ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const post = (path: string, body: unknown) =>
    call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  await post('/reset', options);
  return {
    id,
    origin,
    base: (vendor) => `${root}/${vendor}`,
    fault: async (rule) => void (await post('/faults', rule)),
    clearFaults: async () => void (await call('/faults', { method: 'DELETE' })),
    received: async <T>(kind: string) => (await call<Record<string, T[]>>(`/received/${kind}`))[kind] ?? [],
    requests: async () => (await call<{ requests: RequestLogEntry[] }>('/requests')).requests,
    chooseReadings: async (readings) => void (await post('/readings', readings)),
    readings: async () =>
      Object.fromEntries(
        Object.entries((await call<{ readings: Record<string, { current: string }> }>('/readings')).readings).map(([name, r]) => [name, r.current]),
      ),
    control: (vendor, path, init) => call(`/${vendor}${path}`, init),
  };
}
