import { render } from 'preact';
import { storageKey } from '../storage/key.ts';
import { App } from './App.tsx';
import './popup.css';

// The first render waits for storage, a few milliseconds: the checklist comes at once, with
// no empty frame and no storage round trip after the first paint (effects run after it).
void chrome.storage.local
  .get(storageKey)
  .catch(() => ({}) as Record<string, unknown>)
  .then((items) => render(<App stored={items[storageKey]} />, document.getElementById('app') as HTMLElement));
