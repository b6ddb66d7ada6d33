/**
 * The test side of the mock vendor backend: each test (or file) opens its own world, so faults
 * and records never leak between tests running side by side.
 *
 *   const mock = await openMockWorld({ now: '2027-03-01T12:00:00Z' });
 *   await mock.fault({ vendor: 'audienceview', path: '/calendar/', kind: 'html' });
 *   const scans = await mock.received('syncScans');
 */
import type { FaultRule, RequestLogEntry, VendorName, WorldOptions } from '../mock/core.js';
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
    /** A vendor's control endpoint, e.g. `control('audienceview', '/tickets?performanceId=1')`. */
    control<T = unknown>(vendor: VendorName, path: string, init?: RequestInit): Promise<T>;
}
export declare function openMockWorld(options?: WorldOptions): Promise<MockWorld>;
