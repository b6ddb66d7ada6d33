/**
 * Which language an element writes in: its `locale` attribute, else the nearest `lang` (crossing
 * shadow roots), else the browser's. Messages exist in the five languages below; any other locale
 * still formats dates its own way, with English words.
 */
export const MESSAGE_LANGUAGES = ['en', 'fr', 'nl', 'de', 'es'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** A BCP 47 locale for Intl, checked; falls back to English when the text is not one. */
export function resolveLocale(host: Element, attribute: string | null | undefined): string {
  const candidates = [attribute, nearestLang(host), globalThis.navigator?.language];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      return Intl.getCanonicalLocales(candidate.trim())[0]!;
    } catch {
      // not a locale: try the next source
    }
  }
  return 'en';
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

/** Picks a catalog's messages for a locale. Every catalog has all five languages (checked by its type). */
export function messagesFor<M>(catalog: Record<MessageLanguage, M>, locale: string): M {
  return catalog[messageLanguage(locale)];
}
