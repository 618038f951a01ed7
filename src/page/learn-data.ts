import type { LearnWords, storedSelectors } from './learn-markup.ts';

/**
 * The part of what the extension knows of Learn that is data, not code: Learn's wording per
 * language (learn-words.ts), the stable attributes of its controls and where its header and
 * signed-in address are (learn-markup.ts, storedSelectors). The
 * worker stores it (background.ts) and the content script takes it from storage with the
 * directive, so the script parsed on every Learn page does not carry it.
 */
export interface StoredLearn {
  /** Per language, each pattern's source. */
  words: Record<string, Record<keyof LearnWords, string>>;
  selectors: Record<SelectorName, string>;
}
export type SelectorName = keyof typeof storedSelectors;

/** The browser.storage.local key of the stored knowledge. */
export const learnKey = 'aligner-learn';

let stored: Partial<StoredLearn> = {};
let compiled: Record<string, Partial<LearnWords> | undefined> = {};
/** Per locale, its words and English's (wordsFor): asked for each heading and control tested. */
let listed: Record<string, Array<Partial<LearnWords>>> = {};

/**
 * What to match the page against from now on: what the worker stored (content.ts), or the
 * tables themselves (tests); none given (nothing stored): what was had is kept. Whether one
 * was given. A language it lacks: fewer strategies find things (every `w.key` is asked for
 * as `w.key?.`), none finds a wrong one.
 */
export function useLearn(value: unknown): boolean {
  if (value) {
    stored = value as Partial<StoredLearn>;
    compiled = {};
    listed = {};
  }
  return !!value;
}

/** A stored selector (none stored: one that matches nothing). */
export const selector = (name: SelectorName): string => stored.selectors?.[name] ?? ':not(*)';

/** A language's patterns, compiled once. (The worker of the same version stored their sources.) */
function wordsOf(language: string): Partial<LearnWords> | undefined {
  const sources = stored.words?.[language];
  return (compiled[language] ??= sources && Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, RegExp(source)])));
}

/** Whether `text` (normalized) is Learn's `key` in the page's language or in English. */
export const says = (locale: string, key: keyof LearnWords, text: string): boolean => wordsFor(locale).some((w) => w[key]?.test(text));

/** The words of the page's language, with English as the fallback Learn itself uses. */
export const wordsFor = (locale: string): Array<Partial<LearnWords>> =>
  (listed[locale] ??= [...new Set([wordsOf(locale.slice(0, 2).toLowerCase()), wordsOf('en')])].filter((words): words is Partial<LearnWords> => !!words));
