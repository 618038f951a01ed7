import type { Text } from '../guide/instructions.ts';

/** A string of _locales in the browser's language (English when it has none). */
export function t(key: string, ...substitutions: string[]): string {
  return chrome.i18n.getMessage(key, substitutions) || key;
}

export function tx(text: Text): string {
  return t(text.key, ...(text.substitutions ?? []));
}

// Pure: the help page imports t() from here and has no use for these.
export const uiLanguage = /* @__PURE__ */ chrome.i18n.getUILanguage();

const relative = /* @__PURE__ */ new Intl.RelativeTimeFormat(uiLanguage, { numeric: 'auto' });

/** "2 minutes ago", "yesterday", in the browser's language. */
export function timeAgo(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, 'second');
}

/**
 * Learn's locale in the language the popup speaks, for links to Learn before any Learn page
 * was seen: a message of each locale (data, no code per language; English's as the fallback).
 */
export function learnLocale(): string {
  return t('learnLocale');
}
