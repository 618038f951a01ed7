import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The extension's own languages (_locales, read by chrome.i18n): every locale carries exactly
 * the messages of English, with the same placeholders, inside the limits Chrome and the stores
 * set, and with nothing left in English by mistake.
 */

interface Placeholder {
  content: string;
  example?: string;
}
interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}
type Messages = Record<string, Entry>;

const root = '_locales';
const locales = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
const raw: Record<string, string> = Object.fromEntries(locales.map((l) => [l, readFileSync(join(root, l, 'messages.json'), 'utf8')]));
const messages: Record<string, Messages> = Object.fromEntries(locales.map((l) => [l, JSON.parse(raw[l] as string) as Messages]));
const english = messages.en as Messages;
const others = locales.filter((l) => l !== 'en');

/** Locale folder names Chrome accepts (developer.chrome.com, "Supported locales"). */
const chromeLocales = new Set(
  (
    'ar am bg bn ca cs da de el en en_AU en_GB en_US es es_419 et fa fi fil fr gu he hi hr hu id it ja kn ko ' +
    'lt lv ml mr ms nl no pl pt_BR pt_PT ro ru sk sl sr sv sw ta te th tr uk vi zh_CN zh_TW'
  ).split(' '),
);

/**
 * Messages that may stay exactly as in English in another language, and why. Anything else
 * identical to English and longer than 20 characters is taken for a text left untranslated.
 */
const sameAsEnglish: Record<string, string> = {
  extName: 'the extension\'s name, "Learn Account Aligner", is a product name and is not translated',
};
const untranslatedLength = 20;

/**
 * Words common in the English texts and absent from the others: a message with two of them,
 * outside a quoted label (Learn's or the forum's own English wording may be quoted), reads as
 * English even when it is not exactly the English message (a sentence half translated).
 */
const englishWords = ['the', 'your', 'you', 'with', 'this', 'that', 'select', 'sign', 'account', 'and'];
function readsAsEnglish(message: string): boolean {
  const unquoted = withoutPlaceholders(message)
    .replace(/[“„«「"][^”“»」"]*[”“»」"]/g, '')
    .toLowerCase();
  return englishWords.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(unquoted)).length >= 2;
}

/** The $NAME$ placeholders a message uses, lower-cased (chrome.i18n matches them case-insensitively). */
function used(message: string): string[] {
  return [...new Set([...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()))].sort();
}

/** What is left of a message once its placeholders and escaped dollars are taken out. */
function withoutPlaceholders(message: string): string {
  return message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, '');
}

describe('locales', () => {
  it('has English, the default locale, and more than one language', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { default_locale?: string };
    expect(manifest.default_locale).toBe('en');
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });

  // The overlay's callout is drawn left to right whatever the page's direction
  // (src/overlay/overlay.ts, host.dir): a language written right to left needs it to follow
  // chrome.i18n's @@bidi_dir first.
  it.each(locales)('%s is written left to right, as the overlay draws it', (locale) => {
    expect(['ar', 'fa', 'he', 'iw', 'ur'], `${locale}: right to left; make the overlay's direction follow @@bidi_dir`).not.toContain(locale.split('_')[0]);
  });

  it.each(locales)('%s is a locale folder Chrome accepts', (locale) => {
    expect(chromeLocales.has(locale), `${locale}: not a Chrome locale code (pt_BR, zh_CN: underscore, region upper-case)`).toBe(true);
  });

  it.each(locales)('%s declares each message once', (locale) => {
    // JSON.parse keeps the last of two equal keys without a word: read the top-level keys from the text.
    const keys = [...(raw[locale] as string).matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
    expect(keys.length).toBe(Object.keys(messages[locale] as Messages).length);
  });

  it.each(others)('%s has exactly the messages of English', (locale) => {
    const own = Object.keys(messages[locale] as Messages);
    const missing = Object.keys(english).filter((key) => !own.includes(key));
    const extra = own.filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)('%s has a non-empty message for each key, and nothing but message, description, placeholders', (locale) => {
    for (const [key, entry] of Object.entries(messages[locale] as Messages)) {
      expect(typeof entry.message, `${locale}: ${key}`).toBe('string');
      expect(entry.message.trim(), `${locale}: ${key} is empty`).not.toBe('');
      expect(Object.keys(entry).filter((field) => !['message', 'description', 'placeholders'].includes(field)), `${locale}: ${key}`).toEqual([]);
    }
  });

  it.each(others)('%s declares the same placeholders as English, with the same content and example', (locale) => {
    for (const [key, entry] of Object.entries(english)) {
      expect(messages[locale]?.[key]?.placeholders, `${locale}: ${key}`).toEqual(entry.placeholders);
    }
  });

  it.each(locales)('%s uses every placeholder it declares, and declares every one it uses', (locale) => {
    for (const [key, entry] of Object.entries(messages[locale] as Messages)) {
      const declared = Object.keys(entry.placeholders ?? {})
        .map((name) => name.toLowerCase())
        .sort();
      expect(used(entry.message), `${locale}: ${key}`).toEqual(declared);
    }
  });

  it.each(locales)('%s has no "$" but in placeholders or escaped as "$$"', (locale) => {
    for (const [key, entry] of Object.entries(messages[locale] as Messages)) {
      expect(withoutPlaceholders(entry.message), `${locale}: ${key}`).not.toContain('$');
    }
  });

  it.each(locales)('%s keeps the name and description within what the stores take', (locale) => {
    const own = messages[locale] as Messages;
    // Counted in characters (code points), as the Chrome Web Store and Edge Add-ons count them.
    expect([...(own.extName?.message ?? '')].length, `${locale}: extName`).toBeLessThanOrEqual(75);
    expect([...(own.extDescription?.message ?? '')].length, `${locale}: extDescription`).toBeLessThanOrEqual(132);
  });

  it.each(others)('%s keeps descriptions, where it has them, as in English', (locale) => {
    for (const [key, entry] of Object.entries(messages[locale] as Messages)) {
      if (entry.description !== undefined) expect(entry.description, `${locale}: ${key}`).toBe(english[key]?.description);
    }
  });

  it.each(others)('%s leaves no long text in English', (locale) => {
    const leftovers = Object.entries(messages[locale] as Messages)
      .filter(([key]) => !(key in sameAsEnglish))
      .filter(([key, entry]) => (entry.message === english[key]?.message && entry.message.length > untranslatedLength) || readsAsEnglish(entry.message))
      .map(([key]) => key);
    expect(leftovers).toEqual([]);
  });

  it('finds English where it is (the check above is not blind)', () => {
    const caught = Object.values(english).filter((entry) => readsAsEnglish(entry.message)).length;
    expect(caught).toBeGreaterThan(Object.keys(english).length / 3);
  });

  it.each(others.filter((l) => /^(ja|zh|ko)/.test(l)))('%s writes its long texts in its own script', (locale) => {
    // A Japanese, Chinese or Korean text of any length with no character of those scripts is English left over.
    const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
    const latinOnly = Object.entries(messages[locale] as Messages)
      .filter(([key, entry]) => !(key in sameAsEnglish) && withoutPlaceholders(entry.message).length > untranslatedLength && !cjk.test(entry.message))
      .map(([key]) => key);
    expect(latinOnly).toEqual([]);
  });

  it('allows an English text only where it is still English somewhere', () => {
    const stale = Object.keys(sameAsEnglish).filter((key) => !others.some((l) => messages[l]?.[key]?.message === english[key]?.message));
    expect(stale).toEqual([]);
  });
});
