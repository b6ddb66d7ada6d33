import type { LocalizableText } from './types.js';

/**
 * The best text for a BCP 47 locale: an exact translation (`nl-BE`), then one in the same
 * language (`nl`, `nl-NL`), then the default `text`. OCAPI sends some texts as plain strings
 * and others as `{ text, translations }` (VENDOR-NOTES.md); both are accepted.
 */
export function localizedText(value: LocalizableText | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const wanted = locale.trim().toLowerCase();
  const translations = value.translations ?? [];
  const exact = translations.find((t) => t.languageTag.toLowerCase() === wanted);
  if (exact?.text) return exact.text;
  const language = primaryLanguage(wanted);
  const sameLanguage = translations.find((t) => primaryLanguage(t.languageTag.toLowerCase()) === language);
  if (sameLanguage?.text) return sameLanguage.text;
  return value.text;
}

function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0] ?? tag;
}
