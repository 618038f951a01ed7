import type { Progress } from '../guide/progress.ts';
import { needsRewrite, parseStored, storageKey } from './state.ts';

/** The part of browser.storage.local the store uses; a fake stands in for it in unit tests. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readProgress(area: StorageArea): Promise<Progress> {
  return parseStored(await readRaw(area));
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
  derived?: { key: string; of: (progress: Progress) => unknown },
): Promise<Progress> {
  const previous = pending.get(area) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const stored = await readRaw(area);
      const before = parseStored(stored);
      const after = change(before);
      // Written when changed, or when storage held an older or broken shape; what is derived
      // from the progress (the overlay's directive) is written with it, in the same set.
      const items: Record<string, unknown> = {};
      if (after !== before || needsRewrite(stored)) items[storageKey] = after;
      if (derived) {
        const next = derived.of(after);
        const current = (await area.get(derived.key))[derived.key];
        if (JSON.stringify(current ?? null) !== JSON.stringify(next)) items[derived.key] = next;
      }
      if (Object.keys(items).length > 0) await area.set(items);
      return after;
    });
  pending.set(area, next);
  return next;
}
