import type { Progress } from '../guide/progress.ts';
import { updateProgress, type StorageArea } from './store.ts';

/**
 * A Learn page whose report the worker could not store (storage refused the write, or the
 * worker was stopped in the middle of it) forgets it, and reports again at its next change
 * or when the stored directive changes. A Settings page that shows a step done may not change
 * again: so the worker writes the directive anew, stamped with `askedAt`, when it starts (it
 * may have been stopped mid-write) and, after a refused write, until storage takes one again.
 * The pages then report what they show, and nothing they still show is lost. Pages whose
 * report was stored read the same page and send nothing.
 */

export interface AskPagesAgainOptions {
  /** The stored directive: its key, and how the progress gives it (null: nothing to guide). */
  directive: { key: string; of: (progress: Progress) => object | null };
  now?: () => number;
  /** Waits between tries while storage refuses writes: doubled each time, up to the last. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export interface PagesAsker {
  /** Writes the directive anew (nothing with no path under way); rejects when storage refuses. */
  ask(): Promise<unknown>;
  /** A write was refused: ask again later, and again, until storage takes it. */
  refused(): void;
}

export function askPagesAgain(area: StorageArea, options: AskPagesAgainOptions): PagesAsker {
  const { directive, now = Date.now, firstRetryMs = 1_000, maxRetryMs = 30_000 } = options;
  const stamped = {
    key: directive.key,
    of: (progress: Progress) => {
      const current = directive.of(progress);
      return current && { ...current, askedAt: now() };
    },
  };
  let wait = firstRetryMs;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const ask = () => updateProgress(area, (progress) => progress, stamped);
  const refused = () => {
    // One retry pending at a time; a worker stopped meanwhile asks again when it starts.
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      ask().then(
        () => {
          wait = firstRetryMs;
        },
        () => {
          wait = Math.min(wait * 2, maxRetryMs);
          refused();
        },
      );
    }, wait);
  };
  return { ask, refused };
}
