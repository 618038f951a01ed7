/**
 * What several readers ask of the same page in one update (its headings, the account section,
 * its rows) is worked out once. content.ts calls readOnce() whenever the page changes; until
 * the next change, answers are kept (by name: one page, one locale). Without that call (tests,
 * the page report) every read reads the page anew, so a page changed between two reads is
 * never answered from before.
 */
let kept: Map<string, unknown> | undefined;
/** What is kept through changes until one touches the page's outline (`once(key, read, true)`, `forgetOutline`). */
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
 * Forgets the lasting reads (the page's headings, its marked sections, its dialogs), when a
 * change may have touched them (section.ts, outlineChanged), all but the read of `key`, which
 * `bring` brings up to date from what it was (the headings, from what changed).
 */
export function forgetOutline<T>(key: string, bring: (was: T) => T): void {
  const was = lasting?.get(key) as T | undefined;
  lasting?.clear();
  if (was) lasting?.set(key, bring(was));
}

export function once<T>(key: string, read: () => T, last = false): T {
  const store = last ? lasting : kept;
  if (!store) return read();
  if (!store.has(key)) store.set(key, read());
  return store.get(key) as T;
}
