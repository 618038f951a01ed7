import { useEffect, useState } from 'preact/hooks';
import type { Directive } from '../guide/directive.ts';
import { currentStep, type NextAction } from '../guide/next-action.ts';
import type { Progress } from '../guide/progress.ts';
import type { Message } from '../storage/schema.ts';
import { asProgress, directiveKey, storageKey } from '../storage/key.ts';

// The popup uses chrome.* directly: its calls here (storage, runtime, tabs, i18n) return
// promises in MV3, and dropping webextension-polyfill (and the schema library, which only
// the worker needs) keeps the popup quick to open. The worker keeps the polyfill.

/** What the popup shows: the stored progress, and what to do now (null: nothing, or not known yet). */
export interface Stored {
  progress: Progress | null;
  action: NextAction | null;
}

/**
 * The stored progress and the current step's action, kept live: every change in storage
 * (another tab, the worker) re-renders. The action is the worker's, from the directive it
 * stores for Learn's pages (directive.ts), written in the same set as the progress: the popup
 * and the page always say the same thing, and the popup carries no procedure logic. An older
 * or broken progress goes through the worker, which repairs it; so does a directive for
 * another step than the progress's current one (storage written by anything but the worker),
 * which the worker writes again.
 */
export function useStored(items: Record<string, unknown>): Stored {
  const [progress, setProgress] = useState(() => asProgress(items[storageKey]));
  const [directive, setDirective] = useState(() => items[directiveKey] as Directive | null | undefined);
  const step = (progress && currentStep(progress)?.id) ?? null;
  const action = directive?.action ?? null;
  const agrees = (action?.step ?? null) == step;
  // Through the worker: a progress the popup cannot read, or a directive that does not go
  // with it. The worker's answer is written to storage, which the listener below reads.
  const askWorker = () => void send({ type: 'get-progress' }).then((read) => setProgress((was) => asProgress(read) ?? was));
  useEffect(() => {
    let alive = true;
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => {
      if (areaName != 'local') return;
      if (directiveKey in changes) setDirective(changes[directiveKey]!.newValue as Directive | null | undefined);
      const change = changes[storageKey];
      if (!change) return;
      const next = asProgress(change.newValue);
      if (next) setProgress(next);
      else askWorker();
    };
    chrome.storage.onChanged.addListener(onChanged);
    // A change between the first read and this listener: read once more (answered after it).
    void chrome.storage.local.get([storageKey, directiveKey]).then((read) => {
      if (!alive) return;
      onChanged({ [storageKey]: { newValue: read[storageKey] }, [directiveKey]: { newValue: read[directiveKey] } }, 'local');
    });
    return () => {
      alive = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  // Asked once each time the two stop agreeing.
  useEffect(() => void (agrees || askWorker()), [agrees]);
  return { progress, action: agrees ? action : null };
}

/** Every change goes through the background worker, the single writer of storage. */
export function send(message: Message): Promise<unknown> {
  return chrome.runtime.sendMessage(message);
}
