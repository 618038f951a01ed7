import { afterEach, describe, expect, it } from 'vitest';
import { addressIn, says, selector, useLearn, wordsFor } from '../../src/page/learn-data.ts';
import { addressPattern, storedSelectors, type LearnWords } from '../../src/page/learn-markup.ts';
import { learnWords, storedLearn, unreadLocale } from '../../src/page/learn-words.ts';
import { locateRemove, locateSignOut } from '../../src/page/locate.ts';
import { readAccountList } from '../../src/page/read-page.ts';
import { seeded } from '../support/seeded.ts';

/**
 * What is known of Learn as data (learn-data.ts): the worker stores the words and the
 * controls' attributes, the content script matches pages against what it reads back. Stored
 * and read back, it is the same table; missing or partial, the readers find less, never
 * something wrong, and never throw.
 */

const learner = 'learner@outlook.com';
const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><html lang="en-us"><body>${body}</body></html>`, 'text/html');
const section = (heading: string) =>
  page(
    `<header><details><summary aria-label="Your Account"></summary><a class="docs-sign-out" href="#">Sign out</a></details></header>` +
      `<main><section><h2>${heading}</h2><ul><li><span role="img" aria-label="Personal account"></span><span>${learner}</span>` +
      '<button data-bi-name="remove-account" class="r">Remove</button></li><li><span>ana@contoso.com</span><button>Remove</button></li></ul></section></main>',
  );

afterEach(() => useLearn(storedLearn));

describe('stored Learn knowledge', () => {
  it('reads back as the table it was made from (through JSON, as storage keeps it)', () => {
    useLearn(JSON.parse(JSON.stringify(storedLearn)));
    for (const [language, words] of Object.entries(learnWords)) {
      for (const [key, pattern] of Object.entries(words)) {
        const read = wordsFor(`${language}-xx`, key as keyof typeof words).source;
        const english = (learnWords.en as LearnWords)[key as keyof LearnWords].source;
        expect(read, `${language}.${key}`).toBe(language == 'en' ? pattern.source : `${pattern.source}|${english}`);
      }
    }
    for (const [name, known] of Object.entries(storedSelectors)) expect(selector(name as keyof typeof storedSelectors)).toBe(known);
    // The address pattern, its '@' written \x40 (nothing stored holds one: no address is kept), finds what it finds.
    expect(JSON.stringify(storedLearn)).not.toContain('@');
    for (const text of ['Remove learner@outlook.com?', "o'brien@contoso.com", 'a@b', '\u2066ana@contoso.com\u2069', 'cert.ana+x@hotmail.co.uk.'])
      expect(addressIn().exec(text)?.[0], text).toBe(addressPattern.exec(text)?.[0]);
  });

  it('gives the page language first, English after, and English alone where the language has no table', () => {
    expect(wordsFor('fr-fr', 'settings').source).toBe('^param[èe]tres$|^settings$');
    expect(wordsFor('de-de', 'settings').source).toBe('^einstellungen$|^settings$');
    expect(wordsFor('he-il', 'settings').source).toBe('(?!)|^settings$');
    expect(wordsFor('en-gb', 'settings').source).toBe('^settings$');
  });

  it('tells the locales whose language it has no words for (the overlay then says how to open the page in one it has)', () => {
    expect(['en-us', 'en-gb', 'fr-fr', 'fr-ca', undefined, ''].map(unreadLocale)).toEqual([null, null, null, null, null, null]);
    expect(['de-de', 'es-mx', 'pt-br', 'pt-pt', 'ja-jp', 'zh-cn', 'zh-tw'].map(unreadLocale)).toEqual([null, null, null, null, null, null, null]);
    expect(['it-it', 'ko-kr', 'nl-nl', 'pl-pl', 'ru-ru'].map(unreadLocale)).toEqual([null, null, null, null, null]);
    expect(['he-il', 'sv-se', 'tr-tr', 'cs-cz'].map(unreadLocale)).toEqual(['he-il', 'sv-se', 'tr-tr', 'cs-cz']);
  });

  it('with nothing stored, finds by structure and by nothing it cannot know, and never throws', () => {
    const doc = section('Account management');
    useLearn({});
    expect(wordsFor('en-us', 'settings').source).toBe('(?!)');
    expect(says('en-us', 'settings', 'settings')).toBe(false);
    expect(selector('remove')).toBe(':not(*)');
    // No words: no heading is known, no kind, no name; nothing is found rather than a guess.
    expect(readAccountList(doc, 'en-us')).toBeNull();
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
    expect(locateSignOut(doc, 'en-us')).toBeNull();
  });

  it('with a partial table (an older worker), uses what it has', () => {
    const doc = section('Account management');
    const selectors = { remove: storedSelectors.remove, headings: storedSelectors.headings };
    const words = { en: { accountManagement: storedLearn.words.en?.accountManagement } };
    // What an address looks like is stored too: without it, none is read.
    useLearn({ words, selectors });
    expect(readAccountList(doc, 'en-us')).toBeNull();
    useLearn({ words, selectors, address: storedLearn.address });
    expect(readAccountList(doc, 'en-us')).toEqual([
      { address: learner, kind: 'unknown' },
      { address: 'ana@contoso.com', kind: 'unknown' },
    ]);
    // Which elements are controls is stored too: without it, nothing is one.
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
    useLearn({ words, selectors: { ...selectors, controls: storedSelectors.controls }, address: storedLearn.address });
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r'));
  });

  it('has words that match side by side as they do alone: no flags, no backreferences, none matching an empty text', () => {
    for (const [language, words] of Object.entries(learnWords)) {
      for (const [key, pattern] of Object.entries(words)) {
        expect(pattern.flags, `${language}.${key}`).toBe('');
        expect(pattern.source, `${language}.${key}`).not.toMatch(/\\[1-9]|\\k</);
        expect(pattern.test(''), `${language}.${key}`).toBe(false);
      }
    }
  });

  it("answers each text as the page language's pattern or English's would, tried one after the other", () => {
    const random = seeded(7);
    const phrases = Object.values(learnWords).flatMap((words) => Object.values(words).flatMap((pattern) => pattern.source.replace(/[\^$()?\\]|\[[^\]]*\]/g, '').split('|')));
    const texts = [...phrases, '', ' ', 'x', 'account management', 'gestion du compte', 'personal account', 'compte personnel'];
    for (let n = 0; n < 300; n += 1) texts.push([0, 1, 2].map(() => texts[Math.floor(random() * texts.length)]).join(random() < 0.5 ? ' ' : ''));
    for (const locale of ['en-us', 'fr-fr', 'de-de', 'ja-jp', 'zh-tw', 'ru-ru', 'he-il']) {
      for (const key of Object.keys(learnWords.en as LearnWords) as Array<keyof LearnWords>) {
        const alone = [learnWords[locale.slice(0, 2)]?.[key], (learnWords.en as LearnWords)[key]].filter((p): p is RegExp => !!p);
        for (const text of texts) expect(says(locale, key, text), `${locale} ${key} "${text}"`).toBe(alone.some((p) => p.test(text)));
      }
    }
  });
});
