import { render } from 'preact';
import { directiveKey, storageKey } from '../storage/key.ts';
import { App } from './App.tsx';
import { t } from './i18n.ts';
import { keepFocus } from './keep-focus.ts';
import './popup.css';

// For the chunks loaded later (shared.ts).
export * from './shared.ts';

const root = document.getElementById('app') as HTMLElement;
// The language of the texts shown (the browser's, or English when there is no translation).
document.documentElement.lang = t('lang');
keepFocus(root);
// The first render waits for storage, a few milliseconds: the checklist comes at once, with
// no empty frame and no storage round trip after the first paint (effects run after it).
// The mark (User Timing) says when, for DevTools and `npm run bench`.
void chrome.storage.local
  .get([storageKey, directiveKey])
  .catch(() => ({}) as Record<string, unknown>)
  .then((items) => {
    render(<App stored={items} />, root);
    performance.mark('popup-rendered');
  });
