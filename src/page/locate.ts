import { addressOf, selector, type SelectorName } from './learn-data.ts';
import type { LearnWords } from './learn-markup.ts';
import { named, nameOf, normalize } from './named.ts';
import { queryAll as all, queryParts } from './query.ts';
import { accountRowsOf, accountSectionOf, isShown } from './read-page.ts';
import { isInHeader, outlineOf } from './section.ts';

/**
 * Locators for the controls the guide points at. Each tries its strategies in order (stable
 * attributes, then role and localized name, then structure); the first strategy that finds
 * anything decides. A locator returns one element or none: several candidates, a hidden one
 * or a disabled one count as none, so the guide never highlights a guess.
 */

export type Locator = (doc: Document, locale: string) => Element | null;

const isEnabled = (element: Element) => !element.matches(selector('disabled'));

/**
 * The one candidate of the first strategy that finds any that can be pointed at (each
 * strategy names an element once: queryAll), if it is enabled. Candidates in a closed menu
 * stay candidates (the guide points at the menu's opener); hidden ones do not. A disabled
 * one still counts: beside it, another is a guess (the signed-in account's disabled Remove
 * and the Remove of a row that names no account).
 */
function decide(strategies: Array<() => Element[]>): Element | null {
  for (const strategy of strategies) {
    const found = strategy().filter(pointable);
    if (found.length > 0) return found.length == 1 && isEnabled(found[0] as Element) ? (found[0] as Element) : null;
  }
  return null;
}

/** The controls in `parts` that carry Learn's stable attribute `name`. */
const marked = (parts: Element[], name: SelectorName) => queryParts(parts, name).filter((e) => e.matches(selector('controls')));

const outsideHeader = (elements: Element[]) => elements.filter((e) => !isInHeader(e));
const insideHeader = (elements: Element[]) => elements.filter(isInHeader);

/**
 * What to point at for a control: itself, when shown; while it sits in a closed menu, the
 * menu's opener, when shown. A closed `details` menu (the header's account menu, a row's
 * "More actions") leaves its children's styles as they are: its summary opens it. A closed
 * ARIA menu or popover (learn-markup.ts, menus) is hidden itself: the one button beside it
 * that says it opens a menu (aria-haspopup: menu, or true, which means menu) or expands
 * something (menuOpener) opens it. A menu inside a closed menu: the outermost closed one's
 * opener. Null: nothing to point at.
 */
export function pointable(element: Element): Element | null {
  if (!isShown(element)) {
    const menu = element.closest(selector('menus'));
    // Two shown beside it that say they open a menu or expand something: which opens this one is a guess.
    return menu && !isShown(menu) ? decide([() => all(menu.parentElement!, 'menuOpener')]) : null;
  }
  // A summary opens its own details: what may hide it is a closed one around that.
  const menu = (element.matches('summary') ? element.parentElement!.parentElement! : element).closest('details:not([open])');
  if (!menu) return element;
  const opener = menu.querySelector(':scope>summary');
  return opener && pointable(opener);
}

/**
 * The usual shape of a page control: Learn's stable attribute (on a control), else a control
 * named so in the page's language, and not `unlike` (a reference to a part of a document,
 * learn-markup.ts; or where it goes, say); never in the header; within `scope` when it has one.
 */
const byAttributeOrName =
  (name: SelectorName & keyof LearnWords, scope: (doc: Document, locale: string) => Element[] | null = (doc) => [doc.documentElement], unlike: SelectorName = 'reference'): Locator =>
  (doc, locale, parts = scope(doc, locale)) =>
    parts &&
    decide([
      () => outsideHeader(marked(parts, name)),
      () => outsideHeader(named(parts, locale, name)).filter((e) => !e.matches(selector(unlike))),
    ]);

/** Sign in and Sign out: Learn's own classes and attributes (2024-2026), else their names in the header. */
const headerLink =
  (name: SelectorName & keyof LearnWords): Locator =>
  (doc, locale) =>
    decide([() => all(doc, name), () => insideHeader(named([doc.documentElement], locale, name))]);

export const locateSignIn = headerLink('signIn');
export const locateSignOut = headerLink('signOut');

/** The Settings link of the account menu. */
export const locateSettingsLink: Locator = (doc, locale) =>
  decide([
    () => all(doc, 'settingsLink'),
    () => insideHeader(all(doc, 'settingsHref')),
    () => insideHeader(named([doc.documentElement], locale, 'settings')),
  ]);

/** The Profile link of the account menu. */
export const locateProfileLink: Locator = (doc) => decide([() => all(doc, 'profileLink')]);

/**
 * A link to the credentials page: on the page itself (profile tabs, the Settings section),
 * else the profile link of the account menu, from where the tabs lead there. Several links
 * to the same page are one way, not a guess. Known by where it goes, not by its name: Learn's
 * site navigation has a "Credentials" link too, to the credentials hub.
 */
export const locateCredentialsWay: Locator = (doc, locale) => {
  return outsideHeader(all(doc, 'credentialsHref')).filter(isShown)[0] ?? locateProfileLink(doc, locale);
};

/** Microsoft Q&A's "Ask a question" (a link to its question form, or a control named so). */
export const locateAskQuestion = byAttributeOrName('askQuestion');

/** "Add account" of Account management: another elsewhere on the page adds something else. */
export const locateAddAccount = byAttributeOrName('addAccount', accountSectionOf);

/** "Remove" in the row of `address` in Account management. */
export function locateRemove(doc: Document, locale: string, address: string): Element | null {
  const section = accountSectionOf(doc, locale);
  if (!section) return null;
  const found = accountRowsOf(doc, locale).find((r) => r.address == address);
  const row = found?.parts ?? [];
  return decide([
    () => marked(row, 'remove'),
    () => named(row, locale, 'remove'),
    // A row the reader could not delimit: a control named "Remove <address>", that address
    // and not a longer one (learner@outlook.com.au). Not when the reader left the row out
    // (its address shown twice): a "Remove <address>" then may be the other place's.
    () => (found && !row[0] ? [] : named(section, locale, 'remove').filter((e) => addressOf(nameOf(e)) == address)),
  ]);
}

/**
 * The confirm button of Learn's own confirmation dialog, only when the open dialog names the
 * account the step removes: a dialog about something else is never confirmed through us.
 */
export function locateConfirmRemove(doc: Document, locale: string, address: string, open = openDialogs(doc)): Element | null {
  if (open.length != 1) return null;
  const dialog = open[0] as Element;
  const confirm = decide([
    () => marked([dialog], 'confirm'),
    () => named([dialog], locale, 'remove'),
  ]);
  // About that account (not a dialog about another that mentions it after: "x will be
  // removed; you can still sign in with y"), and not one the pointer passes through: a dialog
  // kept on the page after it faded out (opacity 0, pointer-events: none) is no confirmation
  // on screen. (Asked of the button, not of the dialog, nor in isShown: a dialog's frame, a
  // menu fading in, a disabled control may pass the pointer through while their content, or
  // their place in a choice, still counts.)
  return confirm && isAbout(confirm, address) && getComputedStyle(confirm).pointerEvents != 'none' ? confirm : null;
}

/**
 * Whether the prompt `control` answers (its dialog, else the page's main content: a page of its
 * own) is about `address`: the first address it names is that one, not another, nor a longer
 * one (y@northwind.com.au for y@northwind.com). (Ends with it: the text of a title and the
 * paragraph after it run together, "remove account?learner@...", one address to the pattern.)
 */
export const isAbout = (control: Element, address: string) => addressOf(normalize(control.closest(selector('prompts'))?.textContent))?.endsWith(address);

/** Learn's own dialogs shown on the page (while one is, the guide speaks of nothing else). */
export function openDialogs(doc: Document): Element[] {
  return outlineOf(doc, 'dialogs').filter(isShown);
}

export const locateMergeConfirm = byAttributeOrName('mergeProfiles');

/** "Connect certification profile": not a link to the credentials page of that name (the way there). */
export const locateConnectCertification = byAttributeOrName('connectCertification', undefined, 'notConnect');

export const locateCreateProfile = byAttributeOrName('createProfile');
