/**
 * Which language an element writes in: its `locale` attribute, else the nearest `lang` (crossing
 * shadow roots), else the browser's. Messages exist in the five languages below; any other locale
 * still formats dates its own way, with English words.
 *
 * English is built into each element; its other four languages are one small chunk per element,
 * fetched the first time a page asks for one of them (pretix's widget ships one bundle per
 * language for the same reason).
 */
import { lateLoad } from './late-content.js';

export const MESSAGE_LANGUAGES = ['en', 'fr', 'nl', 'de', 'es'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
export type OtherLanguage = Exclude<MessageLanguage, 'en'>;

/** An element's words: English at hand, the other languages loaded on demand. */
export interface Catalog<M> {
  en: M;
  /** Imports the module whose default export holds the four other languages. */
  others: () => Promise<{ default: Record<OtherLanguage, M> }>;
}

const loaded = new WeakMap<Catalog<unknown>, Record<OtherLanguage, unknown>>();
const requested = new WeakSet<Catalog<unknown>>();

/** A BCP 47 locale for Intl, checked; falls back to English when the text is not one. */
export function resolveLocale(host: Element, attribute: string | null | undefined): string {
  // Each source only when the one before gave nothing: an element asks on every render.
  const candidates = [() => attribute, () => nearestLang(host), () => globalThis.navigator?.language];
  for (const source of candidates) {
    const candidate = source()?.trim();
    if (!candidate) continue;
    const canonical = canonicalLocale(candidate);
    if (canonical) return canonical;
  }
  return 'en';
}

/** Canonical forms by text ('' for not a locale): asked on every render of every element, and Intl's check is not free. */
const canonicalForms = new Map<string, string>();

function canonicalLocale(text: string): string {
  let canonical = canonicalForms.get(text);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(text)[0]!;
    } catch {
      canonical = ''; // not a locale: the next source is tried
    }
    canonicalForms.set(text, canonical);
  }
  return canonical;
}

function nearestLang(node: Node): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? undefined;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}

/** The message language for a locale: its language subtag when we have it, else English. */
export function messageLanguage(locale: string): MessageLanguage {
  const language = locale.split('-')[0]!.toLowerCase();
  return (MESSAGE_LANGUAGES as readonly string[]).includes(language) ? (language as MessageLanguage) : 'en';
}

/**
 * A catalog's words for a locale, or `undefined` while that language is on its way (its load
 * starts here; the element renders again when it lands). A language that cannot load (offline)
 * falls back to English.
 */
export function messagesIfReady<M>(catalog: Catalog<M>, locale: string): M | undefined {
  const language = messageLanguage(locale);
  if (language === 'en') return catalog.en;
  const others = loaded.get(catalog) as Record<OtherLanguage, M> | undefined;
  if (others) return others[language];
  if (!requested.has(catalog)) {
    requested.add(catalog);
    lateLoad(catalog.others, (module) => loaded.set(catalog, module?.default ?? { fr: catalog.en, nl: catalog.en, de: catalog.en, es: catalog.en })).catch(() => undefined);
  }
  return undefined;
}

/** A catalog's words for a locale; English until that language has arrived. */
export function messagesFor<M>(catalog: Catalog<M>, locale: string): M {
  return messagesIfReady(catalog, locale) ?? catalog.en;
}

const countFormats = new Map<string, Intl.NumberFormat>();

/** A count as the locale writes it (1,981 in English, 1 981 in French). */
export function formatCount(n: number, locale: string): string {
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}
