import type { Text } from './guide/instructions.ts';
import type { Directive } from './guide/directive.ts';
import { directiveKey } from './storage/key.ts';
import { authAttributes } from './page/learn-markup.ts';
import { touchesGuide } from './page/mutations.ts';
import { isProfilePage, learnPageAt } from './page/learn-url.ts';
import type { LearnPage } from './page/observation.ts';
import { queryAll } from './page/query.ts';
import { readLocale, readPage } from './page/read-page.ts';
import { readOnce } from './page/read-once.ts';
import { outlineChanged } from './page/section.ts';
import { learnKey, selector, useLearn } from './page/learn-data.ts';
import { createOverlay, type Overlay } from './overlay/overlay.ts';
import { planFor } from './overlay/plan.ts';
import { pageSubstitution } from './overlay/texts.ts';

/**
 * Runs on every Learn page. Profile pages (Settings, profile, credentials) are always read;
 * other Learn pages only while a path is under way. It reports what the page shows (the
 * background judges progress from it) and draws the current step's highlight from the stored
 * progress. It never clicks, types or submits anything.
 */

// chrome.* returns promises in MV3; the polyfill would cost the content script, parsed on
// every Learn page, more than this whole file. Each API is touched only when needed: the
// first touch builds its bindings, which a Learn page with nothing to guide never pays for.
const send = (message: object) => chrome.runtime.sendMessage(message);

function guide(page: LearnPage): void {
  let directive: Directive | null | undefined;
  let overlay: Overlay | null = null;
  let observer: MutationObserver | null = null;
  let lastReported = '';
  let pending = false;
  /** The report's idle callback, until the report is made (see update). */
  let reportPending: unknown;
  /** A look again while docked (see update): its timer, until it fires. */
  let recheck: unknown;
  /** Where text rewritten in place is delivered from (learn-markup.ts, textRegions). */
  let regions: Element[] = [];
  // The worker words the overlay's texts into the directive (overlay/texts.ts): this page
  // asks chrome.i18n nothing. (It stores the directive anew as it starts, after an update.)
  const translate = ({ key, substitutions = [] }: Text) => (directive?.texts?.[key] ?? '').replace(pageSubstitution, () => substitutions[1] ?? '');

  /**
   * Whether the extension was updated or removed under this page (chrome.* throws now): if
   * so, this copy stops watching and takes its highlight with it.
   */
  const orphaned = () => {
    if (chrome.runtime?.id) return false;
    observer?.disconnect();
    overlay?.remove();
    return true;
  };

  const report = () => {
    const observation = isProfilePage(page) || directive ? readPage(document, location, Date.now()) : null;
    if (!observation) return;
    const key = JSON.stringify({ ...observation, at: 0 });
    if (key == lastReported) return;
    lastReported = key;
    send({ type: 'observation', observation }).catch(() => {
      lastReported = ''; // the worker could not take it: again on the next change
      // Or the extension was updated or removed under this page.
      orphaned();
    });
  };

  const update = () => {
    pending = false;
    // An extension updated or removed under this page: this copy stands down. While Learn
    // says it has not decided who is signed in (learn-markup.ts, authAttributes), the page
    // shows no one's state yet: nothing is read, shown or reported (Learn deciding is a
    // change the observer reads). A page that does not say at all is read as it is.
    if (orphaned() || document.documentElement.getAttribute(authAttributes.determined) == 'false') return;
    watchText();
    // The highlight first; reading the page for the worker waits until the page is idle,
    // after the frame that shows it is painted (at most half a second: a page that is never
    // idle still gets its report), one report for however many updates came before. Not
    // later: until the worker has it, a page opened for a step just done (back from Learn's
    // account picker) still rings that step.
    reportPending ||= requestIdleCallback(() => ((reportPending = 0), report()), { timeout: 500 });
    if (directive || overlay) {
      const plan = planFor(directive, document, page, readLocale(document, location));
      overlay ??= createOverlay(document, translate, (step) => void send({ type: 'dismiss-overlay', step }), schedule);
      overlay.render(plan);
      // Docked, the control may come into view by no change the observer reads (a class or a
      // style changed on an element around it, a stylesheet loaded late): looked for again a
      // second later, and every second while still docked (what was read is kept: only
      // whether it is shown is asked again).
      if (plan && !plan.target) recheck ||= setTimeout(() => ((recheck = 0), overlay?.target || schedule()), 1000);
    }
  };
  // The first change since the last frame began is looked at at once, right after Learn's
  // task: the highlight is worked out while the page waits for its next frame, so it is
  // drawn in the frame the control appears without delaying that frame. Changes after it
  // wait for the next frame (one update there, however many mutations Learn makes). A
  // hidden tab has no frames: it updates on a timer (its reports still count, and its
  // highlight is ready when it is shown).
  let fresh = true;
  const schedule = () => {
    if (pending || document.readyState == 'loading') return;
    if (fresh && !document.hidden) {
      fresh = false;
      requestAnimationFrame(() => (fresh = true));
      return update();
    }
    pending = true;
    if (document.hidden) setTimeout(update, 50);
    else requestAnimationFrame(update);
  };

  /**
   * Where text rewritten in place is delivered from: looked for before the page is first read
   * (text a framework rewrites as it takes the page over must not be read as it was), and
   * again when one has left (Learn may replace its main element): each look asks the whole page.
   */
  const watchText = () => {
    if (regions[0] && regions.every((region) => region.isConnected)) return;
    regions = queryAll(document, 'textRegions');
    for (const region of regions) observer!.observe(region, { characterData: true, subtree: true });
  };

  const watch = () => {
    if (observer) return;
    // Injected at document_start (an idle-time injection holds Learn's load event back by
    // ~0.1 s): the page is looked at once it is parsed, not element by element while it is.
    if (document.readyState == 'loading') {
      addEventListener('DOMContentLoaded', watch); // (it bubbles to the window)
      return;
    }
    // What the readers find is kept until the page changes in a way that can matter (the plan
    // and the report ask alike).
    readOnce();
    observer = new MutationObserver((records) => {
      // A change that cannot matter (the overlay's own host coming in, an article growing)
      // keeps what was read; one that can is read again, in one update for them all, and
      // the page's outline (its headings, sections, dialogs) brought up to date from it.
      if (overlay?.target?.isConnected == false || touchesGuide(records)) {
        readOnce();
        outlineChanged(records);
        if (!pending) schedule();
      }
    });
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      // Learn's own, and those that can show, hide or move what the guide reads (learn-markup.ts, watched).
      attributeFilter: [authAttributes.authenticated, authAttributes.determined, ...selector('watched').split(',')],
    });
    // A popover (a menu) opening or closing changes no attribute.
    addEventListener('toggle', schedule, true);
    // No "pageshow" handling: a page restored from the back-forward cache shows what it
    // showed when left, and reporting that again as news could undo a step proved since.
    schedule();
  };

  // The worker stores the current step's directive (null: nothing to do on Learn pages), and
  // what is known of Learn's words and markup (learn-data.ts): nothing is read from the page
  // before that is, and once had it is kept (storage cleared, by a person or a test, has the
  // worker store it again: a page must not read, and report, without it meanwhile).
  let learned = false;
  const follow = (stored: unknown, learn?: unknown) => {
    learned ||= useLearn(learn);
    directive = stored as Directive | null | undefined;
    if (!learned) return;
    // Watching starts with a look at the page (at once, or once it is parsed): a look here
    // as well would be a second update in the next frame, with nothing changed.
    if (observer) {
      if (directive || overlay) schedule();
    } else if (directive || isProfilePage(page)) watch();
  };
  const { local } = chrome.storage;
  void local.get([directiveKey, learnKey]).then((items) => follow(items[directiveKey], items[learnKey]));
  local.onChanged.addListener(({ [directiveKey]: next, [learnKey]: learn }) => {
    if (next || learn?.newValue) follow(next ? next.newValue : directive, learn?.newValue);
  });
}

// Read from the location itself: a URL made of it would be one more interface for this world
// to set up, for no fewer calls across to the page (PROFILE_FLOOR_EXTRA of profile-docs.ts).
guide(learnPageAt(location.pathname));
