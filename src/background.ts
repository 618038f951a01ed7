import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { directiveFor } from './guide/directive.ts';
import { directiveTexts } from './overlay/texts.ts';
import { directiveKey } from './storage/key.ts';
import type { GuideEvent } from './guide/reducer.ts';
import { reduce } from './guide/reducer.ts';
import { learnHost } from './page/learn-url.ts';
import { learnKey } from './page/learn-data.ts';
import { storedLearn, unreadLocale } from './page/learn-words.ts';
import { askPagesAgain } from './storage/ask-pages-again.ts';
import { messageSchema, type Message } from './storage/schema.ts';
import { settleLists } from './storage/settle-lists.ts';
import { readProgress, updateProgress } from './storage/store.ts';

/**
 * The single writer of the stored progress. It keeps nothing in memory: the worker can be
 * stopped between any two messages and the next one starts from storage.
 */

const area = browser.storage.local;
// Stored with the overlay's texts, so that Learn's pages need not ask chrome.i18n (texts.ts).
const directive = {
  key: directiveKey,
  of: (progress: Parameters<typeof directiveFor>[0]) => {
    const current = directiveFor(progress);
    return current && { ...current, texts: directiveTexts(current, (key, substitutions) => browser.i18n.getMessage(key, substitutions), unreadLocale(progress.world.lastObservation?.locale)) };
  },
};
const pages = askPagesAgain(area, { directive });

/** Content scripts on Learn report and close their overlay; everything else comes from the extension's own pages. */
function isAllowedSender(message: Message, sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const from = sender.url ? new URL(sender.url) : null;
  if (message.type === 'observation' || message.type === 'dismiss-overlay') {
    return from?.protocol === 'https:' && from.hostname === learnHost;
  }
  return from?.origin === new URL(browser.runtime.getURL('/')).origin;
}

function toEvent(message: Exclude<Message, { type: 'get-progress' | 'observation' }>, now: number): GuideEvent {
  switch (message.type) {
    case 'choose-path':
      return { type: 'choose-path', path: message.path, at: now };
    case 'tick':
      return { type: 'tick', step: message.step, done: message.done, at: now };
    case 'set-cert-msa':
      return { type: 'set-cert-msa', address: message.address, at: now };
    case 'set-mcid':
      return { type: 'set-mcid', mcid: message.mcid };
    case 'dismiss-overlay':
      return { type: 'dismiss-overlay', step: message.step };
    case 'reset':
    case 'dismiss-notice':
    case 'show-overlay':
      return { type: message.type };
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const parsed = v.safeParse(messageSchema, raw);
  if (!parsed.success || !isAllowedSender(parsed.output, sender)) return undefined;
  const message = parsed.output;
  // The popup's first read: through the store, which repairs an older or broken value.
  if (message.type === 'get-progress') return updateProgress(area, (progress) => progress, directive);
  if (message.type === 'observation') return observe(sender.tab?.id, message.observation);
  return apply(toEvent(message, Date.now()));
});

function apply(event: GuideEvent): Promise<true> {
  return updateProgress(area, (progress) => reduce(progress, event), directive).then(
    () => true,
    (error: unknown) => {
      // Storage refused the write (full, failing): the sender is told, and pages are asked
      // again once storage takes writes.
      pages.refused();
      throw error;
    },
  );
}

// A list that lacks an account is judged once it has stood still (settle-lists.ts).
const observe = settleLists({
  lastList: async () => (await readProgress(area)).world.accounts,
  judge: (observation) => apply({ type: 'observed', observation }),
});

// This run may follow one stopped in the middle of a write: pages whose report was cut off
// report again.
pages.ask().catch(pages.refused);

// What the content scripts match Learn's pages against (learn-data.ts): stored by every start
// of the worker (an update may bring new words), and again whenever storage loses it (cleared
// by a person or a test). A refused write leaves the stored one, if any, for the next start.
const storeLearn = () => area.set({ [learnKey]: storedLearn }).catch(() => undefined);
void storeLearn();
browser.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'local' && learnKey in changes && changes[learnKey]?.newValue === undefined) void storeLearn();
});

// Rewrites a stored value of an older or broken shape once (migrated, or reset with its
// notice); a current one is left alone.
browser.runtime.onInstalled.addListener(() => {
  void updateProgress(area, (progress) => progress, directive);
});
