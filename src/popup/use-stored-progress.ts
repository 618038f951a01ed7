import { useEffect, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import type { Progress } from '../guide/progress.ts';
import type { Message } from '../storage/schema.ts';
import { parseStored, storageKey } from '../storage/state.ts';
import { readProgress } from '../storage/store.ts';

/** The stored progress, kept live: every change in storage (another tab, the worker) re-renders. */
export function useStoredProgress(): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    let alive = true;
    void readProgress(browser.storage.local).then((read) => alive && setProgress(read));
    const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
      const change = changes[storageKey];
      if (areaName === 'local' && change) setProgress(parseStored(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return progress;
}

/** Every change goes through the background worker, the single writer of storage. */
export function send(message: Message): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
