/**
 * The mock's default readings of the vendors' silences, written out. A test of the mock's (or an
 * element's) behaviour under the default opens its world with these, so it still tests the
 * default when the whole suite runs under other readings (`MOCK_READINGS=all:1`, see
 * docs/vendor-readings.md). readings.test.ts checks them against what the mock declares.
 */
declare global {
  interface Window {
    __MOCK_ORIGIN__: string;
  }
}

/** Each reading's first choice: the strictest the vendor's document allows. */
export const STRICTEST_READINGS = {
  'audienceview.calendar.month': 'zero-based',
  'audienceview.calendar.past': 'future-only',
  'audienceview.public.performanceStart': 'eastern-wall-clock',
  'audienceview.series.hiddenStatuses': 'listed',
  'audienceview.public.clientActive': 'warning',
  'audienceview.syncScans.repeat': 'accepted',
  'audienceview.scanning.performanceStart': 'eastern-wall-clock',
  'audienceview.events.order': 'unordered',
  'vista.lockOut.casing': 'LockOutPeriodInSeconds',
  'vista.membersCurrent': 'absent',
  'vista.setShowtime.answer': 'no-content',
  'vista.ticketTypes': 'page',
  'vista.refusalCodes': 'unlisted',
  'utick.packDetails.fields': 'documented',
  'utick.paths': 'documented-only',
} as const satisfies Record<string, string>;

/** The default readings of one vendor's silences (`audienceview`, `vista`, `utick`). */
export function strictestReadingsOf(vendor: 'audienceview' | 'vista' | 'utick'): Record<string, string> {
  return Object.fromEntries(Object.entries(STRICTEST_READINGS).filter(([name]) => name.startsWith(`${vendor}.`)));
}

export interface DeclaredReading {
  choices: string[];
  doc: string;
  /** What the world asked plays now. */
  current: string;
}

/** The readings the mock declares, from its control API (`GET /__mock/readings`) for a world's base. */
export async function declaredReadings(worldRoot = window.__MOCK_ORIGIN__): Promise<Record<string, DeclaredReading>> {
  const res = await fetch(`${worldRoot}/__mock/readings`);
  if (!res.ok) throw new Error(`mock control /readings: ${res.status}`);
  return ((await res.json()) as { readings: Record<string, DeclaredReading> }).readings;
}
