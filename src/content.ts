import { authAttributes } from './page/learn-markup.ts';
import { isProfilePage, learnPageOf } from './page/learn-url.ts';
import { readPage } from './page/read-page.ts';

/**
 * Runs on every Learn page. Profile pages (Settings, profile, credentials) are always read;
 * other Learn pages only while a path is under way, for who is signed in (a sign-out lands
 * on the home page). Reports an observation whenever what the page shows changes: Learn fills
 * the header and the account list in after load.
 */

// chrome.* returns promises in MV3; the polyfill would cost the content script, parsed on
// every Learn page, more than this whole file.
const { runtime, storage } = chrome;
const storageKey = 'aligner';

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

/** Whether the stored progress has a chosen path; read raw, the worker validates on write. */
function hasPath(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && Boolean((stored as { path?: unknown }).path);
}

const page = learnPageOf(location);
if (isProfilePage(page)) {
  watchPage(new AbortController().signal);
} else if (page === 'other') {
  let watching: AbortController | null = null;
  const follow = (stored: unknown) => {
    if (hasPath(stored) && !watching) {
      watching = new AbortController();
      watchPage(watching.signal);
    } else if (!hasPath(stored) && watching) {
      watching.abort();
      watching = null;
    }
  };
  void storage.local.get(storageKey).then((items) => follow(items[storageKey]));
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[storageKey]) follow(changes[storageKey].newValue);
  });
}
