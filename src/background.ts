import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { learnHost } from './page/learn-url.ts';
import { messageSchema, type Message } from './storage/schema.ts';
import { applyObservation, initialState } from './storage/state.ts';
import { updateState } from './storage/store.ts';

/**
 * The single writer of the stored state. It keeps nothing in memory: the worker can be
 * stopped between any two messages and the next one starts from storage.
 */

const area = browser.storage.local;

/** Observations come from content scripts on Learn; resets from the extension's own pages. */
function isAllowedSender(message: Message, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const from = sender.url ? new URL(sender.url) : null;
  if (message.type === 'observation') return from?.protocol === 'https:' && from.hostname === learnHost;
  return from?.origin === new URL(browser.runtime.getURL('/')).origin;
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const parsed = v.safeParse(messageSchema, raw);
  if (!parsed.success || !isAllowedSender(parsed.output, sender)) return undefined;
  const message = parsed.output;
  switch (message.type) {
    case 'observation':
      return updateState(area, (state) => applyObservation(state, message.observation)).then(() => true);
    case 'reset':
      return updateState(area, () => initialState()).then(() => true);
    case 'dismiss-notice':
      return updateState(area, (state) => ({ ...state, notice: null })).then(() => true);
  }
});

// Rewrites a stored value of another shape once, so the popup's notice about it is the last.
browser.runtime.onInstalled.addListener(() => {
  void updateState(area, (state) => ({ ...state }));
});
