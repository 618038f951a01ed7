import {
  accountSectionAttributes,
  addressPattern,
  controls,
  authAttributes,
  header,
  notContent,
  wordsFor,
  type LearnWords,
} from './learn-markup.ts';
import { learnPageOf, localeOfPath } from './learn-url.ts';
import { queryAll } from './query.ts';
import type { AccountKind, LinkedAccount, PageObservation } from './observation.ts';

/**
 * Reads a Learn page into an observation, or null when there is nothing to read yet:
 * not a page the guide reads, or Learn has not decided who is signed in.
 */
export function readPage(doc: Document, url: URL | Location, now: number): PageObservation | null {
  const page = learnPageOf(url);
  if (!page) return null;
  const root = doc.documentElement;
  if (root.getAttribute(authAttributes.determined) !== 'true') return null;
  const signedIn = root.getAttribute(authAttributes.authenticated) === 'true';
  const locale = readLocale(doc, url);
  return {
    page,
    locale,
    signedIn,
    signedInAs: signedIn ? readSignedInAddress(doc) : null,
    accounts: signedIn && page === 'settings' ? readAccountList(doc, locale) : null,
    certificationConnected: signedIn && page !== 'other' ? readCertificationConnected(doc, locale) : null,
    at: now,
  };
}

/** The page's locale: the path's first segment, else `<html lang>` (Learn sets both). */
export function readLocale(doc: Document, url: URL | Location): string {
  return (localeOfPath(url.pathname) ?? (doc.documentElement.lang || 'en-us')).toLowerCase();
}

/** The address in the header's account menu, filled in by Learn's script after load. */
export function readSignedInAddress(doc: Document): string | null {
  const text = doc.querySelector(header.signedInAddress)?.textContent ?? '';
  return addressPattern.exec(text)?.[0].toLowerCase() ?? null;
}

/**
 * The accounts listed under "Account management", each with its kind; null when the list is
 * not on the page (yet). A signed-in profile always has at least one account, so an empty
 * list means "not rendered yet", not "no accounts".
 */
export function readAccountList(doc: Document, locale: string): LinkedAccount[] | null {
  const words = wordsFor(locale);
  const section = accountSectionOf(doc, locale);
  const rows = section ? accountRows(section) : [];
  return rows.length > 0 ? rows.map(({ address, row }) => ({ address, kind: kindOfRow(row, words) })) : null;
}

/**
 * Whether a Certification profile is connected: Learn shows "Manage certification profile"
 * once it is, and a "Connect certification profile" control while it is not. Neither: null.
 */
export function readCertificationConnected(doc: Document, locale: string): boolean | null {
  const words = wordsFor(locale);
  let connect = false;
  for (const control of queryAll(doc, controls)) {
    // Not in the header, hidden, a dialog or an announcement (Learn may keep the other state's link, hidden).
    if (isIgnored(control)) continue;
    const name = normalize(control.getAttribute('aria-label') || control.textContent);
    if (words.some((w) => w.manageCertification.test(name))) return true;
    connect ||= words.some((w) => w.connectCertification.test(name));
  }
  return connect ? false : null;
}

interface AddressText {
  address: string;
  node: Text;
}

export interface AccountRow {
  address: string;
  row: Element;
}

/** The section that lists linked accounts: by its attributes, else by its heading. */
export function accountSectionOf(doc: Document, locale: string): Element | null {
  const marked = queryAll(doc, accountSectionAttributes).filter(
    (element) => !isInHeader(element) && addressTexts(element).length > 0,
  );
  if (marked.length === 1) return marked[0] ?? null;

  const headings = queryAll(doc, 'h1, h2, h3, h4, h5, h6, [role="heading"], legend').filter(
    (heading) => wordsFor(locale).some((w) => w.accountManagement.test(normalize(heading.textContent))),
  );
  for (const heading of headings) {
    const section = sectionOfHeading(heading);
    if (section) return section;
  }
  return null;
}

/** The nearest ancestor of a heading that holds addresses, below the body. */
function sectionOfHeading(heading: Element): Element | null {
  let candidate = heading.parentElement;
  for (let depth = 0; candidate && depth < 6 && candidate !== heading.ownerDocument.body; depth += 1, candidate = candidate.parentElement) {
    if (addressTexts(candidate).length > 0) return candidate;
  }
  return null;
}

/**
 * One row per distinct address: the largest ancestor that holds that address alone, and no
 * larger than the first that holds a control (its Remove): a neighbouring row that shows no
 * address (loading, or a pending invitation) is not taken in with its own Remove.
 */
export function accountRows(section: Element): AccountRow[] {
  const texts = addressTexts(section);
  const rows: AccountRow[] = [];
  const seen = new Set<string>();
  for (const { address, node } of texts) {
    if (seen.has(address)) continue;
    seen.add(address);
    let row = node.parentElement as Element;
    while (row.parentElement && row.parentElement !== section && !row.querySelector(controls)) {
      const parent = row.parentElement;
      const holdsOther = texts.some((t) => t.address !== address && parent.contains(t.node));
      if (holdsOther || parent.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')) break;
      row = parent;
    }
    rows.push({ address, row });
  }
  return rows;
}

/** Text nodes holding an address, in document order, outside the header, dialogs and hidden parts. */
function addressTexts(container: Element): AddressText[] {
  const found: AddressText[] = [];
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const match = addressPattern.exec(node.data);
    if (!match) continue;
    const parent = node.parentElement;
    if (!parent || isIgnored(parent)) continue;
    found.push({ address: match[0].toLowerCase(), node });
  }
  return found;
}

/**
 * Where an address is not a linked account: scripts and styles, hidden parts, dialogs
 * (Learn's "Remove x?"), and announcements ("x was removed", "x is already linked").
 */
const ignoredRegions =
  `${notContent}, [hidden], dialog, [role$="dialog"], [aria-modal="true"], [role="status"], [role="alert"], [aria-live]:not([aria-live="off"])`;

function isIgnored(element: Element): boolean {
  return element.closest(ignoredRegions) !== null || isInHeader(element);
}

export function isInHeader(element: Element): boolean {
  return element.closest(header.regions) !== null;
}

/**
 * A row's kind from every label it carries: accessible names of icons, short texts, data
 * attributes and class tokens. Both kinds or neither seen: unknown, so the guide asks.
 */
function kindOfRow(row: Element, words: LearnWords[]): AccountKind {
  let personal = false;
  let work = false;
  const weigh = (raw: string | null | undefined) => {
    const text = normalize(raw);
    if (!text || text.length > 60) return;
    const isPersonal = words.some((w) => w.personal.test(text));
    const isWork = words.some((w) => w.work.test(text));
    if (isPersonal !== isWork) {
      personal ||= isPersonal;
      work ||= isWork;
    }
  };
  for (const element of [row, ...row.querySelectorAll('*')]) {
    if (element.matches(notContent)) continue;
    for (const attribute of element.attributes) {
      if (/^(aria-label|title|alt|class|data-.*)$/.test(attribute.name)) weigh(tokens(attribute.value));
    }
    for (const child of element.childNodes) {
      // 3: a text node.
      if (child.nodeType === 3) weigh((child as Text).data.replace(addressPattern, ''));
    }
  }
  if (personal === work) return 'unknown';
  return personal ? 'personal' : 'work';
}

/** Class names and data values as words: `account-type--msa` -> `account type msa`. */
function tokens(value: string): string {
  return value.replace(/[-_.]+/g, ' ');
}

export function normalize(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}
