import type { SelectorName } from './learn-data.ts';

/**
 * What several readers ask of the same page in one update (its headings, the account section,
 * its rows) is worked out once. content.ts calls readOnce() whenever the page changes; until
 * the next change, answers are kept (by name: one page, one locale). Without that call (tests,
 * the page report) every read reads the page anew, so a page changed between two reads is
 * never answered from before.
 */
let kept: Map<string, unknown> | undefined;
/** What is kept through changes, brought up to date by those that touch the page's outline (`once(name, read, true)`, `bringOutline`). */
let lasting: Map<string, unknown> | undefined;

/** Forgets what was read, and keeps what is read from now on. */
export function readOnce(): void {
  kept = new Map();
  lasting ??= new Map();
}

/** Keeps nothing from now on, as before the first readOnce() (tests). */
export function keepNothing(): void {
  kept = lasting = undefined;
}

/**
 * When a change may have touched the page's outline (section.ts, outlineChanged): each lasting
 * read (what a stored selector finds on the page, kept under that selector's name: the
 * headings with their texts, the marked sections, the dialogs) is brought up to date from
 * what it was.
 */
export function bringOutline(bring: (name: SelectorName, was: never) => unknown): void {
  for (const [name, was] of lasting ?? []) lasting!.set(name, bring(name as SelectorName, was as never));
}

export function once<T>(key: string, read: () => T, last?: boolean): T {
  const store = last ? lasting : kept;
  if (!store) return read();
  if (!store.has(key)) store.set(key, read());
  return store.get(key) as T;
}
