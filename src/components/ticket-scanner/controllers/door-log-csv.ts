/**
 * The door log as CSV (RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break
 * quoted, quotes doubled), for the venue's records and disputes. One row a scan: its time in the
 * venue's zone with the offset (so it reads as the venue's clock and still names one instant),
 * barcode, verdict, offline or online, and whether AudienceView has it: `synced`, `waiting` (queued
 * on this device), `refused` with AudienceView's reason, or `not sent` (refused at the door: nothing
 * to send). Patron names only when the page allows them (`export-patron-names`). Part of the door
 * log's lazy chunk: it imports only types; the element hands it the records and the clock.
 */
import type { DoorLogEntry, DoorLogKit } from './door-log.types.js';

export const CSV_COLUMNS = ['scan time', 'time zone', 'barcode', 'verdict', 'checked', 'AudienceView', 'reason'] as const;

export async function buildDoorLogCsv(entries: DoorLogEntry[], kit: DoorLogKit, options: { timeZone: string; patronNames: boolean; name: string }): Promise<File> {
  const states = await kit.syncStates(entries, options.patronNames);
  const rows: string[][] = [[...CSV_COLUMNS, ...(options.patronNames ? ['patron'] : [])]];
  entries.forEach((entry, i) => {
    const state = states[i]!;
    const status = !entry.offline
      ? entry.verdict === 'valid'
        ? 'synced'
        : 'not sent'
      : state.refusal !== undefined
        ? 'refused'
        : state.waiting
          ? 'waiting'
          : entry.verdict === 'valid'
            ? 'synced'
            : 'not sent';
    const row = [
      venueTime(kit, entry.scannedAt, options.timeZone),
      options.timeZone,
      entry.barcode,
      entry.verdict,
      entry.offline ? 'offline' : 'online',
      status,
      state.refusal ?? '',
    ];
    if (options.patronNames) row.push(state.patron ?? '');
    rows.push(row);
  });
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  return new File(['\uFEFF', text], options.name, { type: 'text/csv;charset=utf-8' });
}

/** Hands the file to the browser as a download. */
export function downloadFile(file: File, root: Node): void {
  const url = URL.createObjectURL(file);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.hidden = true;
  (root instanceof ShadowRoot || root instanceof HTMLElement ? root : document.body).append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked after the click has been handled; the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `2026-12-01T19:42:05+09:00`: the venue's wall clock and its offset from UTC at that instant. */
export function venueTime(kit: Pick<DoorLogKit, 'wallClockAt' | 'wallClockAsUtc'>, epochMs: number, timeZone: string): string {
  const wall = kit.wallClockAt(epochMs, timeZone);
  const second = Math.floor(epochMs / 1000) * 1000;
  const offsetMin = Math.round((kit.wallClockAsUtc(wall) - second) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
