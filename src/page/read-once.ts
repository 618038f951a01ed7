/**
 * What several readers ask of the same page in one update (its headings, the account section,
 * its rows) is worked out once. content.ts calls readOnce() whenever the page changes; until
 * the next change, answers are kept (by name: one page, one locale). Without that call (tests,
 * the page report) every read reads the page anew, so a page changed between two reads is
 * never answered from before.
 */
let kept: Map<string, unknown> | undefined;

/** Forgets what was read, and keeps what is read from now on (`false`: keeps nothing). */
export function readOnce(keep = true): void {
  kept = keep ? new Map() : undefined;
}

export function once<T>(key: string, read: () => T): T {
  if (!kept) return read();
  if (!kept.has(key)) kept.set(key, read());
  return kept.get(key) as T;
}
