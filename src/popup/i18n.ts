import type { Text } from '../guide/instructions.ts';

/** A string of _locales in the browser's language (English when it has none). */
export function t(key: string, ...substitutions: string[]): string {
  return chrome.i18n.getMessage(key, substitutions) || key;
}

export function tx(text: Text): string {
  return t(text.key, ...(text.substitutions ?? []));
}

export const uiLanguage = chrome.i18n.getUILanguage();

const relative = new Intl.RelativeTimeFormat(uiLanguage, { numeric: 'auto' });

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

/** Learn's locales for the languages the extension speaks (Learn serves each of them). */
const learnLocales: Record<string, string> = { fr: 'fr-fr', de: 'de-de', es: 'es-es', pt: 'pt-br', ja: 'ja-jp', zh: 'zh-cn' };

/** Learn's locale closest to the browser's language, for links to Learn before Learn was seen. */
export function learnLocale(language = uiLanguage): string {
  return learnLocales[language.slice(0, 2).toLowerCase()] ?? 'en-us';
}
