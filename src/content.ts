import { authAttributes } from './page/learn-markup.ts';
import { learnPageOf } from './page/learn-url.ts';
import { readPage } from './page/read-page.ts';

/**
 * Runs on every Learn page; reads only the pages the guide needs (Settings, profile,
 * credentials) and returns at once on the others. Reports an observation whenever what the
 * page shows changes: Learn fills the header and the account list in after load.
 */

// chrome.runtime.sendMessage returns a promise in MV3; the polyfill would cost the content
// script, parsed on every Learn page, more than this whole file.
const runtime = chrome.runtime;

function watchPage(signal: AbortSignal): void {
  let lastReported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = () => {
    timer = undefined;
    const observation = readPage(document, location, Date.now());
    if (!observation) return;
    const key = JSON.stringify({ ...observation, at: 0 });
    if (key === lastReported) return;
    lastReported = key;
    runtime.sendMessage({ type: 'observation', observation }).catch(() => {
      // The extension was reloaded or updated under this page: try again on the next change.
      lastReported = '';
    });
  };
  // Learn renders in bursts of mutations; one read after the burst is enough.
  const schedule = () => {
    timer ??= setTimeout(report, 50);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: [authAttributes.authenticated, authAttributes.determined, 'aria-label', 'hidden'],
  });
  // A page restored from the back-forward cache may show a state already reported elsewhere.
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) {
        lastReported = '';
        schedule();
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  report();
}

if (learnPageOf(location)) watchPage(new AbortController().signal);
