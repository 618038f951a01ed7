import { authAttributes, type LearnWords } from './learn-markup.ts';
import { learnPageAt, localeOfPath } from './learn-url.ts';
import { named, normalize } from './named.ts';
import { addressIn, addressOf, says, selector } from './learn-data.ts';
import { queryAll, queryParts } from './query.ts';
import { once } from './read-once.ts';
import { headingsSaying, outlineOf, sectionOf } from './section.ts';
import type { AccountKind, LearnPage, LinkedAccount, PageObservation } from './observation.ts';

/**
 * Reads a Learn page (the content script's: the manifest injects it on Learn alone) into an
 * observation, or null when there is nothing to read yet: Learn has not decided who is
 * signed in.
 */
export function readPage(doc: Document, url: URL | Location, now: number): PageObservation | null {
  const page = learnPageAt(url.pathname);
  const root = doc.documentElement;
  if (root.getAttribute(authAttributes.determined) != 'true') return null;
  const signedIn = root.getAttribute(authAttributes.authenticated) == 'true';
  const locale = readLocale(doc, url);
  return {
    page,
    locale,
    signedIn,
    signedInAs: signedIn ? readSignedInAddress(doc) : null,
    accounts: signedIn && page == 'settings' ? readAccountList(doc, locale) : null,
    certificationConnected: signedIn && page != 'other' ? readCertificationConnected(doc, locale, page) : null,
    at: now,
  };
}

/** The page's locale: the path's first segment, else `<html lang>` (Learn sets both). */
export function readLocale(doc: Document, url: URL | Location): string {
  return localeOfPath(url.pathname) ?? (doc.documentElement.lang || 'en-us').toLowerCase();
}

/**
 * The address in the header's account menu, filled in by Learn's script after load. A page
 * that says it in two places (a header copied for small screens) and two different addresses
 * (one a stale render) says no one for sure; a copy still empty says nothing. The places are
 * kept with the page's outline (section.ts): the whole page is asked for them once.
 */
export function readSignedInAddress(doc: Document): string | null {
  const [said, other] = new Set(outlineOf(doc, 'signedInAddress').flatMap((e) => addressOf(e.textContent!)?.toLowerCase() ?? []));
  return other ? null : (said ?? null);
}

/**
 * The accounts listed under "Account management", each with its kind; null when the list is
 * not on the page (yet). A signed-in profile always has at least one account, so an empty
 * list means "not rendered yet", not "no accounts".
 */
export function readAccountList(doc: Document, locale: string): LinkedAccount[] | null {
  const rows = accountRowsOf(doc, locale);
  return rows.length > 0 ? rows.map(({ address, parts }) => ({ address, kind: kindOfRow(parts, locale) })) : null;
}

/**
 * Whether a Certification profile is connected: Learn shows "Manage certification profile"
 * once it is, and a "Connect certification profile" control while it is not. Neither: null.
 * On Settings, read in the sections whose headings name certification (a docs-sized Settings
 * page has thousands of other links); on the other profile pages, in the whole page.
 */
export function readCertificationConnected(doc: Document, locale: string, page?: LearnPage): boolean | null {
  const scope = page == 'settings' ? headingsSaying(doc, locale, 'certificationSection').filter((h) => h.isConnected).flatMap(sectionOf) : [doc.documentElement];
  // Not in the header, hidden, a dialog or an announcement (Learn may keep the other state's link, hidden).
  const shows = (key: keyof LearnWords) => named(scope, locale, key).some((control) => !isIgnored(control) && !isHidden(control));
  return shows('manageCertification') || (shows('connectCertification') ? false : null);
}

interface AddressText {
  address: string;
  /** The text that shows it, or the read-only field. */
  node: Text | Element;
  /** In a hidden part of the page (hiddenParts). */
  hidden: Element | null;
}

export interface AccountRow {
  address: string;
  /** The row: one element, or a description list's term and descriptions. */
  parts: Element[];
}

/**
 * The section that lists linked accounts, as its parts: by its heading (the first whose
 * section shows an address and is shown, else the first that shows an address), else by its
 * attributes (a page in a language without words), else the first section by its heading (its
 * list not shown yet). Never in the header nor in navigation or side content (learn-markup.ts,
 * notSections). Kept until the page changes (read-once.ts), though whether a section is shown
 * can change with no change to the page (a breakpoint, a late style sheet).
 */
export function accountSectionOf(doc: Document, locale: string): Element[] | null {
  return once('s', () => {
    const inSection = (element: Element) => !element.closest(selector('notSections'));
    const sections = headingsSaying(doc, locale, 'accountManagement')
      .filter((heading) => heading.isConnected && inSection(heading))
      .map(sectionOf);
    const holdsAddress = (parts: Element[]) => parts.some((part) => part.textContent!.includes('@'));
    // A copy hidden from view (a layout's for small screens, say) only when no shown section lists an address.
    const found = sections.find((parts) => holdsAddress(parts) && isShown(parts[0]!)) ?? sections.find(holdsAddress);
    if (found) return found;
    const marked = outlineOf(doc, 'accountSection').filter((element) => inSection(element) && holdsAddress([element]));
    return marked.length == 1 ? marked : (sections[0] ?? null);
  });
}

/**
 * Shown to the person: not hidden by attribute, not visibility: hidden, nothing around it in
 * the flat tree undisplayed or with its content skipped, not a shadow host's unslotted child
 * (a control that is display: contents passes: Learn's buttons and links have boxes). Asked of
 * computed styles only: checkVisibility() answers much the same but lays the page out first
 * whenever an anchored box (the overlay's) is on it, and the guide decides just before the
 * frame that draws the highlight, which lays the page out again.
 */
export function isShown(element: Element): boolean {
  if (isHidden(element)) return false;
  for (let e: Element | null | undefined = element; e; e = e.assignedSlot ?? e.parentElement ?? (e.parentNode as ShadowRoot | null)?.host) {
    const style = getComputedStyle(e);
    // A shadow host's own child is drawn only where one of its slots takes it.
    if (style.display == 'none' || style.contentVisibility == 'hidden' || (e.parentElement?.shadowRoot && !e.assignedSlot)) return false;
  }
  return getComputedStyle(element).visibility != 'hidden';
}

/** The rows of the account section (none when it is not on the page). */
export function accountRowsOf(doc: Document, locale: string): AccountRow[] {
  return once('r', () => {
    const section = accountSectionOf(doc, locale);
    return section ? accountRows(section) : [];
  });
}

/**
 * One row per distinct address: the largest element around it that shows that address alone,
 * no larger than the first that holds a control of its own (its Remove; a link that is the
 * address does not count) nor than the list item it is in, and never taking in the section's
 * title (an intro beside it may name both kinds of account): a neighbouring row that shows no
 * address (loading, or a pending invitation) is not taken in with its own Remove, even when
 * the row's own Remove is no control the reader knows. In a description list, the row is the
 * address's term with its descriptions. An address shown twice apart has no row.
 */
export function accountRows(section: Element[]): AccountRow[] {
  const all = addressTexts(section);
  const texts = all.filter((text) => !text.hidden);
  // (None: undefined, which contains() below takes as null.)
  const title = queryParts(section, 'headings').find((h) => !h.textContent!.includes('@')) as Element;
  const rows: AccountRow[] = [];
  for (const { address, node } of texts) {
    const was = rows.find((r) => r.address == address);
    if (was) {
      // The address again, outside its row (a list of notification addresses, an intro):
      // which of the two is the account's row is a guess, so it has none.
      if (!was.parts.some((part) => part.contains(node))) was.parts = [];
      continue;
    }
    const holdsOther = (parts: Element[]) => texts.some((t) => t.address != address && parts.some((part) => part.contains(t.node)));
    let row = node.parentElement as Element;
    for (
      let parent = row.parentElement;
      parent && !row.matches(selector('listItems')) && !section.includes(row) && !section.includes(parent) && !holdsOther([parent]) && !parent.contains(title) &&
      !queryAll(row, 'controls').some((control) => !control.contains(node));
      parent = parent.parentElement
    )
      row = parent;
    const group = termGroup(row);
    rows.push({ address, parts: holdsOther(group) ? [row] : group });
  }
  // An address listed only in a hidden part (another tab, a collapsed "Show more", a row
  // not shown yet) is still linked: listed, with no row to point at.
  for (const { address } of all) rows.some((r) => r.address == address) || rows.push({ address, parts: [] });
  return rows;
}

/**
 * In a description list, a row is a term with its descriptions: the address's term and the
 * descriptions after it, or the address's description, the term before it and the descriptions after.
 */
function termGroup(row: Element): Element[] {
  // (A group of its own: HTML lets a description list wrap each term and its descriptions in a div.)
  if (row.parentElement?.matches('dl>div')) return [row.parentElement];
  const group = [row];
  if (row.matches('dt,dd')) {
    for (let e = row; e.matches('dd') && e.previousElementSibling; ) group.unshift((e = e.previousElementSibling));
    for (let e = row.nextElementSibling; e?.matches('dd'); e = e.nextElementSibling) group.push(e);
  }
  return group;
}

/**
 * Text nodes holding an address, in document order, then read-only fields showing one
 * (learn-markup.ts, shownFields), outside the header, dialogs and announcements, each saying
 * whether it is in a hidden part. Most text holds no '@': the address pattern runs only on
 * the text that does.
 */
function addressTexts(parts: Element[]): AddressText[] {
  const found: AddressText[] = [];
  /** `node` shows `text`, and `element` is where it sits (a text's parent, a field itself). */
  const see = (node: Text | Element, text: string, element: Element) => {
    const address = text.includes('@') && addressOf(text);
    if (address && !isIgnored(element)) found.push({ address: address.toLowerCase(), node, hidden: isHidden(element) });
  };
  for (const part of parts) {
    // 4: NodeFilter.SHOW_TEXT.
    const walker = part.ownerDocument.createTreeWalker(part, 4);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) see(node, node.data, node.parentElement!);
    for (const field of queryAll(part, 'shownFields')) see(field, (field as HTMLInputElement).value, field);
  }
  return found;
}

/** Where an address is not a linked account: learn-markup.ts's notAccounts (the header, dialogs, announcements). */
const isIgnored = (element: Element): Element | null => element.closest(selector('notAccounts'));
/** In a part of the page taken from view by its markup. */
const isHidden = (element: Element): Element | null => element.closest(selector('hiddenParts'));

/**
 * A row's kind from every label it carries: accessible names of icons, tooltips, short
 * texts, data attributes and class tokens. Both kinds or neither seen: unknown, so the guide asks.
 */
function kindOfRow(parts: Element[], locale: string): AccountKind {
  let personal = false;
  let work = false;
  const weigh = (raw: string | null | undefined) => {
    const text = normalize(raw);
    if (!text || text.length > 60) return;
    const isPersonal = says(locale, 'personal', text);
    const isWork = says(locale, 'work', text);
    if (isPersonal != isWork) {
      personal ||= isPersonal;
      work ||= isWork;
    }
  };
  // Every element of the row: its parts and all they hold.
  for (const element of parts.flatMap((part) => [part, ...part.querySelectorAll('*')])) {
    if (element.matches(selector('notContent'))) continue;
    for (const attribute of element.attributes) {
      // Class names and data values as words: `account-type--msa` -> `account type msa`.
      // Not the guide's own mark on a highlighted Remove (its step: "remove-msa"), nor an
      // address in a label ("Remove work.ana@contoso.com"), as in the text below.
      // (Which attributes label: learn-words.ts, labelAttributes.)
      if (says(locale, 'labelAttributes', attribute.name)) weigh(attribute.value.replace(addressIn(), '').replace(/[-_.]+/g, ' '));
    }
    for (const child of element.childNodes) {
      // 3: a text node.
      if (child.nodeType == 3) weigh((child as Text).data.replace(addressIn(), ''));
    }
  }
  if (personal == work) return 'unknown';
  return personal ? 'personal' : 'work';
}

