import type { Progress } from '../guide/progress.ts';
import { needsRewrite, parseStored, storageKey } from './state.ts';

/** The part of browser.storage.local the store uses; a fake stands in for it in unit tests. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readProgress(area: StorageArea): Promise<Progress> {
  const items = await area.get(storageKey);
  return parseStored(items[storageKey]);
}

async function readRaw(area: StorageArea): Promise<unknown> {
  return (await area.get(storageKey))[storageKey];
}

const pending = new WeakMap<StorageArea, Promise<unknown>>();

/**
 * Read, change, write, one update at a time per storage area: two messages arriving together
 * (two tabs) must not both read the old state and lose one write. The queue holds only
 * promises in flight; the state itself lives in storage, so a stopped worker loses nothing.
 */
export function updateProgress(
  area: StorageArea,
  change: (progress: Progress) => Progress,
): Promise<Progress> {
  const previous = pending.get(area) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const stored = await readRaw(area);
      const before = parseStored(stored);
      const after = change(before);
      // Written when changed, or when storage held an older or broken shape.
      if (after !== before || needsRewrite(stored)) await area.set({ [storageKey]: after });
      return after;
    });
  pending.set(area, next);
  return next;
}
