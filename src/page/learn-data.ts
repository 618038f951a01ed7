import type { LearnWords, storedSelectors } from './learn-markup.ts';

/**
 * The part of what the extension knows of Learn that is data, not code: Learn's wording per
 * language (learn-words.ts), the stable attributes of its controls and where its header and
 * signed-in address are (learn-markup.ts, storedSelectors), and what an address looks like. The
 * worker stores it (background.ts) and the content script takes it from storage with the
 * directive, so the script parsed on every Learn page does not carry it.
 */
export interface StoredLearn {
  /** Per language, each pattern's source. */
  words: Record<string, Record<keyof LearnWords, string>>;
  selectors: Record<SelectorName, string>;
  /** What an e-mail address inside a text looks like (learn-markup.ts, addressPattern): its source. */
  address: string;
}
export type SelectorName = keyof typeof storedSelectors;

/** The browser.storage.local key of the stored knowledge. */
export const learnKey = 'aligner-learn';

let stored: Partial<StoredLearn> = {};
/** Per locale and key, its words' pattern (wordsFor): asked for each heading and control tested. */
let compiled: Record<string, Partial<Record<keyof LearnWords, RegExp>>> = {};

/**
 * What to match the page against from now on: what the worker stored (content.ts), or the
 * tables themselves (tests); none given (nothing stored): what was had is kept. Whether one
 * was given. A language or a word it lacks: fewer strategies find things, none finds a wrong
 * one.
 */
export function useLearn(value: unknown): boolean {
  if (value) {
    stored = value as Partial<StoredLearn>;
    compiled = {};
    address = undefined;
    relevantTags = new Set(selector('relevant').toUpperCase().split(','));
  }
  return !!value;
}

let address: RegExp | undefined;
/** An e-mail address inside a text, as the worker stored its pattern (none stored: one that matches nothing). */
export const addressIn = (): RegExp => (address ??= RegExp(stored.address ?? '(?!)'));
/** The first address in a text, if any. */
export const addressOf = (text: string): string | undefined => addressIn().exec(text)?.[0];

/**
 * The tags (upper case, as tagName says them) the stored `relevant` selector begins with, as
 * a set: an element with no attribute and none of them is passed over without asking the
 * selector (mutations.ts). (The selector's other parts, attributes, are in the set too, where
 * no tag name equals them.) Made as the knowledge is taken (useLearn); none taken: no tag.
 */
export let relevantTags = new Set<string>();

/** A stored selector (none stored: one that matches nothing). */
export const selector = (name: SelectorName): string => stored.selectors?.[name] ?? ':not(*)';

/**
 * Learn's `key` in the page's language (`locale` in lowercase, as readLocale gives it) or in
 * English (the fallback Learn itself uses): the two languages' patterns, as the worker stored
 * their sources, in one, compiled once. A language that lacks the word adds a pattern that
 * matches nothing. (learn-words.ts's patterns have no flags and no backreferences: side by
 * side, each matches as it did alone.)
 */
export const wordsFor = (locale: string, key: keyof LearnWords): RegExp =>
  ((compiled[locale] ??= {})[key] ??= RegExp([...new Set([locale.slice(0, 2), 'en'])].map((language) => stored.words?.[language]?.[key] ?? '(?!)').join('|')));

/** Whether `text` (normalized) is Learn's `key` in the page's language or in English. */
export const says = (locale: string, key: keyof LearnWords, text: string): boolean => wordsFor(locale, key).test(text);
