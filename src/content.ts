import type { Text } from './guide/instructions.ts';
import type { Directive } from './guide/directive.ts';
import { directiveKey } from './storage/key.ts';
import { authAttributes, guideRelevant, relevantTags } from './page/learn-markup.ts';
import { isProfilePage, learnPageOf } from './page/learn-url.ts';
import type { LearnPage } from './page/observation.ts';
import { readLocale, readPage } from './page/read-page.ts';
import { hostId, Overlay } from './overlay/overlay.ts';
import { planFor, type Plan } from './overlay/plan.ts';
import { pageReport } from './page/page-report.ts';

/**
 * Runs on every Learn page. Profile pages (Settings, profile, credentials) are always read;
 * other Learn pages only while a path is under way. It reports what the page shows (the
 * background judges progress from it) and draws the current step's highlight from the stored
 * progress. It never clicks, types or submits anything.
 */

// chrome.* returns promises in MV3; the polyfill would cost the content script, parsed on
// every Learn page, more than this whole file.
const { runtime, storage, i18n } = chrome;

const translate = (text: Text) => i18n.getMessage(text.key, text.substitutions ?? []);

/**
 * Whether a mutation can change what the guide reads or points at: the auth attributes, a
 * relevant element or a text with an address coming or going, the highlighted element
 * leaving. Unrelated mutations (and the overlay's own) cost one cheap check, no update.
 */
function touchesGuide(record: MutationRecord, target: Element | null): boolean {
  if ((record.target as Element).id === hostId) return false;
  if (record.type === 'attributes') return true;
  if (record.type === 'characterData') return relevantText(record.target);
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) {
      if (node instanceof Element) {
        if (node.id === hostId || (plain(node) && node.childElementCount === 0)) continue;
        if (node.matches(guideRelevant) || node.querySelector(guideRelevant) || (target && node.contains(target))) return true;
      } else if (relevantText(node)) {
        return true;
      }
    }
  }
  return false;
}

/** A text with an address, or the text of a relevant element (or of a span inside one). */
function relevantText(node: Node): boolean {
  if (node.nodeType !== Node.TEXT_NODE) return false;
  if ((node as CharacterData).data.includes('@')) return true;
  const parent = node.parentElement;
  return [parent, parent?.parentElement].some((e) => e && !plain(e) && e.matches(guideRelevant));
}

/** No attribute and not a tag the guide reads: cannot match guideRelevant (checked cheaply). */
function plain(element: Element): boolean {
  return element.attributes.length === 0 && !relevantTags.has(element.tagName);
}

function guide(page: LearnPage): void {
  const controller = new AbortController();
  const { signal } = controller;
  let directive: Directive | null = null;
  let overlay: Overlay | null = null;
  let observer: MutationObserver | null = null;
  let lastReported = '';
  let pending = false;
  let lastPlan: Plan | null = null;

  const report = () => {
    const observation = isProfilePage(page) || directive ? readPage(document, location, Date.now()) : null;
    if (!observation) return;
    const key = JSON.stringify({ ...observation, at: 0 });
    if (key === lastReported) return;
    lastReported = key;
    runtime.sendMessage({ type: 'observation', observation }).catch(() => {
      lastReported = ''; // the extension was reloaded under this page: again on the next change
    });
  };

  const update = () => {
    pending = false;
    // The highlight first, in this frame; reading the page for the worker can wait for the
    // next task, after the frame is painted.
    setTimeout(report);
    if (directive || overlay) {
      const plan = planFor(directive, document, page, readLocale(document, location));
      overlay ??= new Overlay(document, translate, (step) => void runtime.sendMessage({ type: 'dismiss-overlay', step }), signal);
      overlay.render(plan);
      lastPlan = plan;
    }
  };
  // One update a frame at most, however many mutations Learn makes in it; a hidden tab has
  // no frames, so it updates on a timer instead (its reports still count).
  const schedule = () => {
    if (pending) return;
    pending = true;
    if (document.hidden) setTimeout(update, 50);
    else requestAnimationFrame(update);
  };

  const watch = () => {
    if (observer) return;
    observer = new MutationObserver((records) => {
      if (records.some((r) => touchesGuide(r, overlay?.target ?? null))) schedule();
    });
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      // `open`: the account menu opening moves the highlight from its opener to the link.
      attributeFilter: [authAttributes.authenticated, authAttributes.determined, 'aria-label', 'hidden', 'open', 'disabled', 'aria-disabled'],
    });
    addEventListener('visibilitychange', schedule, { signal });
    addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted) {
          lastReported = ''; // restored from the back-forward cache: report again
          schedule();
        }
      },
      { signal },
    );
    signal.addEventListener('abort', () => observer?.disconnect());
    schedule();
  };

  // The popup asks for an outline of this page when a control cannot be found.
  runtime.onMessage.addListener((message: unknown, sender, respond) => {
    if (sender.id !== runtime.id || sender.tab || (message as { type?: unknown })?.type !== 'page-report') return undefined;
    const plan = lastPlan ? [`guide: mode=${lastPlan.mode} step=${lastPlan.step} looked for: ${lastPlan.lookedFor ?? '-'}`] : [];
    respond(pageReport(document, [`page: ${page}`, ...plan]));
    return undefined;
  });

  // The worker stores the current step's directive (null: nothing to do on Learn pages).
  const follow = (stored: unknown) => {
    directive = (stored as Directive | null | undefined) ?? null;
    if (directive || isProfilePage(page)) watch();
    schedule();
  };
  if (isProfilePage(page)) watch();
  void storage.local.get(directiveKey).then((items) => follow(items[directiveKey]));
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[directiveKey]) follow(changes[directiveKey].newValue);
  });
}

const page = learnPageOf(location);
if (page) guide(page);
