import { useEffect, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import { parseState, storageKey, type AlignerState } from '../storage/state.ts';
import { readState } from '../storage/store.ts';

/** The stored state, kept live: every change in storage (another tab, the worker) re-renders. */
export function useStoredState(): AlignerState | null {
  const [state, setState] = useState<AlignerState | null>(null);
  useEffect(() => {
    let alive = true;
    void readState(browser.storage.local).then((read) => alive && setState(read));
    const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
      const change = changes[storageKey];
      if (areaName === 'local' && change) setState(parseState(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}
