import { afterEach, describe, expect, it } from 'vitest';
import { selector, useLearn, wordsFor } from '../../src/page/learn-data.ts';
import { storedSelectors } from '../../src/page/learn-markup.ts';
import { learnWords, storedLearn } from '../../src/page/learn-words.ts';
import { locateRemove, locateSignOut } from '../../src/page/locate.ts';
import { readAccountList } from '../../src/page/read-page.ts';

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
      const [read] = wordsFor(`${language}-xx`);
      for (const [key, pattern] of Object.entries(words)) expect(read?.[key as keyof typeof words]?.source, `${language}.${key}`).toBe(pattern.source);
    }
    for (const [name, known] of Object.entries(storedSelectors)) expect(selector(name as keyof typeof storedSelectors)).toBe(known);
  });

  it('gives the page language first, English after, and English alone where the language has no table', () => {
    expect(wordsFor('fr-fr').map((w) => w.settings?.source)).toEqual(['^param[èe]tres$', '^settings$']);
    expect(wordsFor('de-de').map((w) => w.settings?.source)).toEqual(['^settings$']);
    expect(wordsFor('en-gb')).toHaveLength(1);
  });

  it('with nothing stored, finds by structure and by nothing it cannot know, and never throws', () => {
    const doc = section('Account management');
    useLearn({});
    expect(wordsFor('en-us')).toEqual([]);
    expect(selector('remove')).toBe(':not(*)');
    // No words: no heading is known, no kind, no name; nothing is found rather than a guess.
    expect(readAccountList(doc, 'en-us')).toBeNull();
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
    expect(locateSignOut(doc, 'en-us')).toBeNull();
  });

  it('with a partial table (an older worker), uses what it has', () => {
    const doc = section('Account management');
    useLearn({ words: { en: { accountManagement: storedLearn.words.en?.accountManagement } }, selectors: { remove: storedSelectors.remove, headings: storedSelectors.headings } });
    expect(readAccountList(doc, 'en-us')).toEqual([
      { address: learner, kind: 'unknown' },
      { address: 'ana@contoso.com', kind: 'unknown' },
    ]);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r'));
  });
});
