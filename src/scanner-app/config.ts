/**
 * The venue's settings for the installable door app: `scanner.config.json`, published beside the
 * app and read at each start. One validator for the app (which shows its problems on screen) and
 * for `npx venue-widgets scanner-app` (which refuses to publish a broken file). Runs in browsers
 * and in Node: no DOM here.
 */
import { isValidTimeZone } from '../shared/time-zone.js';

/** The file's name, beside the app's index.html. */
export const SCANNER_CONFIG_FILE = 'scanner.config.json';

export type ScannerAppMode = 'auto' | 'online' | 'offline';

/** A valid `scanner.config.json`, with the defaults filled in. */
export interface ScannerAppConfig {
  /** Where AudienceView Professional is reached (the `<ticket-scanner>`'s `api-base`): AudienceView itself or the venue's proxy. */
  apiBase?: string;
  /** The venue's IANA time zone. */
  timeZone: string;
  clientId?: string;
  productionId?: string;
  performanceId?: string;
  mode: ScannerAppMode;
  hidePatronNames: boolean;
  /** BCP 47; absent: the phone's language. */
  locale?: string;
  /** Barcode Detection API formats the camera reads, e.g. `["qr_code", "code_128"]`. */
  barcodeFormats?: string[];
}

/** One thing wrong with the file: which key, what it should be, what it is. */
export interface ScannerConfigProblem {
  key: string;
  expected: string;
  found: string;
}

export type ScannerConfigResult = { ok: true; config: ScannerAppConfig } | { ok: false; problems: ScannerConfigProblem[] };

const MODES: readonly ScannerAppMode[] = ['auto', 'online', 'offline'];
const FORMATS = ['aztec', 'code_128', 'code_39', 'code_93', 'codabar', 'data_matrix', 'ean_13', 'ean_8', 'itf', 'pdf417', 'qr_code', 'upc_a', 'upc_e'];
/** Every key the file may carry, and what each one expects (the words shown on screen and by the CLI). */
export const SCANNER_CONFIG_KEYS: Record<keyof ScannerAppConfig, string> = {
  apiBase: 'an https:// address (AudienceView, or the venue’s proxy) or a path on the app’s own site starting with /',
  timeZone: 'the venue’s IANA time zone, e.g. "America/New_York"',
  clientId: 'an AudienceView client id: digits, e.g. "284"',
  productionId: 'an AudienceView production id: digits',
  performanceId: 'an AudienceView performance id: digits',
  mode: `one of ${MODES.map((mode) => `"${mode}"`).join(', ')}`,
  hidePatronNames: 'true or false',
  locale: 'a BCP 47 language tag, e.g. "fr" or "en-GB"',
  barcodeFormats: `a list of barcode formats from ${FORMATS.join(', ')}`,
};

/** A value as a person would recognise it in their file. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) && Number(value) > 0) return value.trim();
  return undefined;
}

function addressOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 2048 || /[\s<>"'`\\]/.test(text)) return undefined;
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? text : undefined;
  } catch {
    return undefined;
  }
}

function localeOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return undefined;
  }
}

/** Checks a parsed `scanner.config.json`. Every problem is reported, not only the first. */
export function validateScannerConfig(input: unknown): ScannerConfigResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ key: '(the file)', expected: 'a JSON object of settings, e.g. { "timeZone": "America/New_York" }', found: shown(input) }] };
  }
  const raw = input as Record<string, unknown>;
  const problems: ScannerConfigProblem[] = [];
  const problem = (key: keyof ScannerAppConfig) => problems.push({ key, expected: SCANNER_CONFIG_KEYS[key], found: shown(raw[key]) });
  const config: ScannerAppConfig = { timeZone: '', mode: 'auto', hidePatronNames: false };

  for (const key of Object.keys(raw)) {
    if (key === '$schema' || key === '$comment') continue;
    if (!(key in SCANNER_CONFIG_KEYS)) {
      const near = Object.keys(SCANNER_CONFIG_KEYS).find((known) => known.toLowerCase() === key.toLowerCase().replace(/[-_\s]/g, ''));
      problems.push({
        key,
        expected: `one of the settings ${Object.keys(SCANNER_CONFIG_KEYS).join(', ')}`,
        found: `an unknown setting${near ? ` (did you mean ${near}?)` : ''}`,
      });
    }
  }

  if (raw.apiBase !== undefined) {
    const apiBase = addressOf(raw.apiBase);
    if (apiBase) config.apiBase = apiBase;
    else problem('apiBase');
  }
  if (typeof raw.timeZone === 'string' && raw.timeZone.trim() && isValidTimeZone(raw.timeZone.trim())) config.timeZone = raw.timeZone.trim();
  else problem('timeZone');
  for (const key of ['clientId', 'productionId', 'performanceId'] as const) {
    if (raw[key] === undefined) continue;
    const id = idOf(raw[key]);
    if (id) config[key] = id;
    else problem(key);
  }
  if (raw.mode !== undefined) {
    if (MODES.includes(raw.mode as ScannerAppMode)) config.mode = raw.mode as ScannerAppMode;
    else problem('mode');
  }
  if (raw.hidePatronNames !== undefined) {
    if (typeof raw.hidePatronNames === 'boolean') config.hidePatronNames = raw.hidePatronNames;
    else problem('hidePatronNames');
  }
  if (raw.locale !== undefined) {
    const locale = localeOf(raw.locale);
    if (locale) config.locale = locale;
    else problem('locale');
  }
  if (raw.barcodeFormats !== undefined) {
    const list = typeof raw.barcodeFormats === 'string' ? raw.barcodeFormats.split(/[\s,]+/).filter(Boolean) : raw.barcodeFormats;
    if (Array.isArray(list) && list.length > 0 && list.every((format) => FORMATS.includes(format as string))) config.barcodeFormats = list as string[];
    else problem('barcodeFormats');
  }
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

/** The file's text: JSON first (a syntax error is a problem of the whole file), then the settings. */
export function parseScannerConfig(text: string): ScannerConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ key: '(the file)', expected: 'valid JSON', found: (error as Error).message }] };
  }
  return validateScannerConfig(value);
}

/** A problem as one line, the same on screen and in a terminal. */
export function describeProblem(problem: ScannerConfigProblem): string {
  return `${problem.key}: expected ${problem.expected}; found ${problem.found}`;
}

/** The `<ticket-scanner>` attributes for a valid config (absent settings are left to the element's defaults). */
export function scannerAttributes(config: ScannerAppConfig): Record<string, string | boolean> {
  const attributes: Record<string, string | boolean> = { 'time-zone': config.timeZone, mode: config.mode, 'hide-patron-names': config.hidePatronNames };
  if (config.apiBase) attributes['api-base'] = config.apiBase;
  if (config.clientId) attributes['client-id'] = config.clientId;
  if (config.productionId) attributes['production-id'] = config.productionId;
  if (config.performanceId) attributes['performance-id'] = config.performanceId;
  if (config.locale) attributes.locale = config.locale;
  if (config.barcodeFormats) attributes['barcode-formats'] = config.barcodeFormats.join(' ');
  return attributes;
}
