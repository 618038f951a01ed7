import { useEffect, useState } from 'preact/hooks';
import type { Progress } from '../guide/progress.ts';
import type { Message } from '../storage/schema.ts';
import { asProgress, storageKey } from '../storage/key.ts';

// The popup uses chrome.* directly: its calls here (storage, runtime, tabs, i18n) return
// promises in MV3, and dropping webextension-polyfill (and the schema library, which only
// the worker needs) keeps the popup quick to open. The worker keeps the polyfill.

/**
 * The stored progress, kept live: every change in storage (another tab, the worker)
 * re-renders. An older or broken value goes through the worker, which repairs it.
 */
export function useStoredProgress(stored: unknown): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(() => asProgress(stored));
  useEffect(() => {
    let alive = true;
    const fetchFromWorker = () =>
      void send({ type: 'get-progress' }).then((read) => alive && setProgress(asProgress(read)));
    // Straight from storage when it holds a current value (no wait for the worker to wake);
    // through the worker otherwise, which repairs it.
    const apply = (items: Record<string, unknown>) => {
      const current = asProgress(items[storageKey]);
      if (!alive) return;
      if (current) setProgress(current);
      else fetchFromWorker();
    };
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => {
      const change = changes[storageKey];
      if (areaName !== 'local' || !change) return;
      const next = asProgress(change.newValue);
      if (next) setProgress(next);
      else fetchFromWorker();
    };
    chrome.storage.onChanged.addListener(onChanged);
    // A change between the first read and this listener: read once more (answered after it).
    void chrome.storage.local.get(storageKey).then(apply);
    return () => {
      alive = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return progress;
}

/** Every change goes through the background worker, the single writer of storage. */
export function send(message: Message): Promise<unknown> {
  return chrome.runtime.sendMessage(message);
}
