/** The barcode formats the camera may read (`barcode-formats`): a module of its own, checked with the element's other attributes before any camera code is fetched. */
import { ConfigError } from '../../../api/errors.js';

/** The formats of the Barcode Detection API (what a native detector may support). */
export const BARCODE_FORMATS = ['aztec', 'code_128', 'code_39', 'code_93', 'codabar', 'data_matrix', 'ean_13', 'ean_8', 'itf', 'pdf417', 'qr_code', 'upc_a', 'upc_e'] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];
/** What tickets use; fewer formats, faster reads. */
export const TICKET_FORMATS: readonly BarcodeFormat[] = ['qr_code', 'code_128', 'pdf417', 'aztec', 'data_matrix'];

/** `barcode-formats` (a comma or space separated list) read; empty means `TICKET_FORMATS`. */
export function parseBarcodeFormats(text: string | null | undefined): BarcodeFormat[] {
  const names = String(text ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!names.length) return [...TICKET_FORMATS];
  const unknown = names.find((name) => !(BARCODE_FORMATS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new ConfigError(`barcode-formats: "${unknown.slice(0, 40)}" is not a barcode format (one of ${BARCODE_FORMATS.join(', ')})`, 'barcode-formats');
  return [...new Set(names)] as BarcodeFormat[];
}
