/** The first candidate path that exists; else throws `missing` (which says how to get one). */
export function findExecutable(candidates: ReadonlyArray<string | undefined>, missing: string): string;
/** The Chrome or Chromium to drive: CHROME_PATH, then the usual install paths. Throws when none is found. */
export function findChrome(): string;
/** Flags for a quiet headless browser on a machine with a closed network. */
export function chromeArgs(): string[];
