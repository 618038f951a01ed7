import type { Progress } from '../guide/progress.ts';

/** The key of browser.storage.local that holds the progress. */
export const storageKey = 'aligner';

/** The key of the current step's directive, derived from the progress by the worker. */
export const directiveKey = 'aligner-directive';

/**
 * The stored progress, as the worker wrote it (it validates every write): a light shape
 * check for the content script and the popup, which do not carry the schema library.
 * Anything else (an older version, a broken value) is for the worker to read and repair.
 */
export function asProgress(stored: unknown): Progress | null {
  return typeof stored === 'object' && stored !== null && (stored as { schema?: unknown }).schema === 2
    ? (stored as Progress)
    : null;
}
