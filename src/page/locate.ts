import { controlAttributes, controls, dialogs, header, wordsFor, type LearnWords } from './learn-markup.ts';
import { accountRows, accountSectionOf, isInHeader, normalize } from './read-page.ts';

/**
 * Locators for the controls the guide points at. Each tries its strategies in order (stable
 * attributes, then role and localized name, then structure); the first strategy that finds
 * anything decides. A locator returns one element or none: several candidates, a hidden one
 * or a disabled one count as none, so the guide never highlights a guess.
 */

export type Locator = (doc: Document, locale: string) => Element | null;

/** Shown to the person: rendered, not in a closed menu, not hidden by attribute. */
export function isShown(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"], template')) return false;
  return element.checkVisibility?.() ?? true; // jsdom has no checkVisibility
}

const isEnabled = (element: Element) => !element.matches(':disabled, [aria-disabled="true"]');

/** An element's accessible name, as far as a content script can tell it: label, else text. */
export function nameOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  const label =
    element.getAttribute('aria-label') ||
    (labelledBy && element.ownerDocument.getElementById(labelledBy)?.textContent) ||
    element.textContent ||
    element.getAttribute('title');
  return normalize(label);
}

/**
 * The one candidate of the first strategy that finds any. Candidates in a closed menu stay
 * candidates (the guide points at the menu's opener); hidden or disabled ones do not.
 */
function decide(strategies: Array<() => Element[]>): Element | null {
  for (const strategy of strategies) {
    const found = [...new Set(strategy())].filter((e) => isEnabled(e) && (inClosedMenu(e) ? pointable(e) !== null : isShown(e)));
    if (found.length > 0) return found.length === 1 ? (found[0] ?? null) : null;
  }
  return null;
}

const all = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)];
const named = (root: ParentNode, words: LearnWords[], key: keyof LearnWords) =>
  all(root, controls).filter((e) => words.some((w) => w[key].test(nameOf(e))));
const outsideHeader = (elements: Element[]) => elements.filter((e) => !isInHeader(e));
const insideHeader = (elements: Element[]) => elements.filter(isInHeader);

function inClosedMenu(element: Element): boolean {
  const menu = element.closest('details');
  return menu !== null && !(menu as HTMLDetailsElement).open && !element.matches('summary');
}

/**
 * What to point at for an element: the element itself, or, while it sits in a closed
 * account menu, the menu's opener.
 */
export function pointable(element: Element): Element | null {
  if (!inClosedMenu(element)) return element;
  const opener = element.closest('details')?.querySelector(':scope > summary') ?? null;
  return opener && isShown(opener) ? opener : null;
}

/**
 * The usual shape of a page control: Learn's stable attribute (on a control), else a control
 * named so in the page's language; never in the header.
 */
const byAttributeOrName =
  (attribute: string, words: keyof LearnWords): Locator =>
  (doc, locale) =>
    decide([
      () => outsideHeader(all(doc, attribute)).filter((e) => e.matches(controls)),
      () => outsideHeader(named(doc, wordsFor(locale), words)),
    ]);

/** Sign in and Sign out: Learn's own classes and attributes (2024-2026), else their names in the header. */
const headerLink =
  (selector: string, words: keyof LearnWords): Locator =>
  (doc, locale) =>
    decide([() => all(doc, selector), () => insideHeader(named(doc, wordsFor(locale), words))]);

export const locateSignIn = headerLink(header.signIn, 'signIn');
export const locateSignOut = headerLink(header.signOut, 'signOut');

/** The Settings link of the account menu. */
export const locateSettingsLink: Locator = (doc, locale) =>
  decide([
    () => all(doc, controlAttributes.settingsLink),
    () => insideHeader(all(doc, controlAttributes.settingsHref)),
    () => insideHeader(named(doc, wordsFor(locale), 'settings')),
  ]);

/** The Profile link of the account menu. */
export const locateProfileLink: Locator = (doc) => decide([() => all(doc, controlAttributes.profileLink)]);

/**
 * A link to the credentials page: on the page itself (profile tabs, the Settings section),
 * else the profile link of the account menu, from where the tabs lead there. Several links
 * to the same page are one way, not a guess.
 */
export const locateCredentialsWay: Locator = (doc, locale) => {
  const links = outsideHeader([
    ...all(doc, controlAttributes.credentialsHref),
    ...named(doc, wordsFor(locale), 'credentials').filter((e) => e.matches('a[href]')),
  ]).filter(isShown);
  if (links.length > 0) return links[0] ?? null;
  return locateProfileLink(doc, locale);
};

export const locateAddAccount = byAttributeOrName(controlAttributes.addAccount, 'addAccount');

/** "Remove" in the row of `address` in Account management. */
export function locateRemove(doc: Document, locale: string, address: string): Element | null {
  const words = wordsFor(locale);
  const section = accountSectionOf(doc, locale);
  const row = section && accountRows(section).find((r) => r.address === address)?.row;
  const inRow = (selector: string) => (row ? all(row, selector) : []);
  return decide([
    () => inRow(controlAttributes.remove).filter((e) => e.matches(controls)),
    () => (row ? named(row, words, 'remove') : []),
    // A row the reader could not delimit: a control named "Remove <address>".
    () =>
      (section ? named(section, words, 'remove') : []).filter((e) => nameOf(e).includes(address)),
  ]);
}

/**
 * The confirm button of Learn's own confirmation dialog, only when the open dialog names the
 * account the step removes: a dialog about something else is never confirmed through us.
 */
export function locateConfirmRemove(doc: Document, locale: string, address: string): Element | null {
  const open = all(doc, dialogs).filter(isShown);
  if (open.length !== 1) return null;
  const dialog = open[0] as Element;
  if (!normalize(dialog.textContent).includes(address)) return null;
  return decide([
    () => all(dialog, controlAttributes.confirm).filter((e) => e.matches(controls)),
    () => named(dialog, wordsFor(locale), 'remove'),
  ]);
}

/** Whether Learn's own dialog is open (the guide then speaks of nothing else). */
export function openDialog(doc: Document): Element | null {
  return all(doc, dialogs).find(isShown) ?? null;
}

export const locateMergeConfirm = byAttributeOrName(controlAttributes.mergeProfiles, 'mergeProfiles');

export const locateConnectCertification: Locator = (doc, locale) =>
  decide([
    () => outsideHeader(all(doc, controlAttributes.connectCertification)).filter((e) => e.matches(controls)),
    () => outsideHeader(named(doc, wordsFor(locale), 'connectCertification')).filter((e) => !e.matches(controlAttributes.credentialsHref)),
  ]);

export const locateCreateProfile = byAttributeOrName(controlAttributes.createProfile, 'createProfile');
