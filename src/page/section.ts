import { says, selector } from './learn-data.ts';
import type { LearnWords } from './learn-markup.ts';
import { normalize } from './named.ts';
import { once } from './read-once.ts';
import { queryAll, queryParts } from './query.ts';

export function isInHeader(element: Element): boolean {
  return element.closest(selector('header')) !== null;
}

/** A heading, its text normalized, its level, its text as read, and which of Learn's words it says (as asked). */
export type Heading = [element: Element, text: string, level: number, raw: string, says: Partial<Record<keyof LearnWords, boolean>>];

/**
 * Each heading's reading, kept while its text stays the same: a docs-sized page has hundreds,
 * and the outline is read again after each change that touched it (the account list coming
 * in with its own headings), where only the headings' texts are asked again.
 */
const readings = new WeakMap<Element, Heading>();

/**
 * The page's headings with their texts, in document order (the header's among them). A
 * docs-sized page has hundreds: they are read once and kept through changes that touch none
 * (content.ts forgets them when one may have: touchesOutline), and each is read again only
 * when its text changed (readings). (Text rewritten in place deep inside a heading, below an
 * element the mutation filter reads, goes unseen until the outline is read again; so does an
 * aria-level changed alone.)
 */
export const headingsOf = (doc: Document): Heading[] =>
  once(
    'h',
    () =>
      queryAll(doc, selector('headings')).map((heading) => {
        const raw = heading.textContent!;
        let read = readings.get(heading);
        if (read?.[3] != raw) readings.set(heading, (read = [heading, normalize(raw), levelOf(heading), raw, {}]));
        return read;
      }),
    true,
  );

/**
 * The headings that say Learn's `key` in the page's language (or English), kept with the
 * headings: each update would otherwise test every heading of a docs-sized page again. Each
 * heading's answer is kept with its reading too, for when the outline is read again (one
 * page, one language, one set of words: read-once.ts keeps its answers so).
 */
export const headingsSaying = (doc: Document, locale: string, key: keyof LearnWords): Element[] =>
  once(key, () => headingsOf(doc).filter((heading) => (heading[4][key] ??= says(locale, key, heading[1]))).map(([heading]) => heading), true);

/**
 * Whether a change may have touched the page's outline, what the lasting reads read (its
 * headings with their texts, its marked sections, its dialogs): one came or went, alone or in
 * what did, or what is in a heading changed (its text is kept). What is in a marked section
 * or a dialog is read anew each time: rows added to the account list, a menu opening, a
 * dialog shown or the header filled in leave the outline as it was. It looks only at what
 * changed.
 */
export function touchesOutline(records: MutationRecord[]): boolean {
  const outline = selector('outline');
  return records.some(
    ({ target, addedNodes, removedNodes }) =>
      [...addedNodes, ...removedNodes].some((node) => node.nodeType == 1 && queryParts([node as Element], outline)[0]) ||
      !!(target.nodeType == 1 ? (target as Element) : target.parentElement)?.closest(selector('headings')),
  );
}

/** A heading's level: its tag's (h1-h6), else its aria-level, else 2 (a role="heading"'s default). */
const levelOf = (heading: Element) => +(heading.tagName[1] as string) || +(heading.getAttribute('aria-level') as string) || 2;


/**
 * The part of the page a heading titles, as a person reads it: the largest element around the
 * heading that holds no other heading of its level or above (a heading that shows an address
 * is a card's title, not a section's), and no larger than the first section, article or
 * fieldset around it, as one part. When that element holds the heading alone,
 * the page puts its sections' headings side by side with their content: the elements after it
 * up to the next such heading are the section's too. Found from the headings alone, not from
 * the text between them: its cost does not grow with the page.
 */
export function sectionOf(heading: Element): Element[] {
  const level = levelOf(heading);
  const others = headingsOf(heading.ownerDocument).filter(([h, text, of]) => h !== heading && of <= level && !text.includes('@')).map(([h]) => h);
  const holdsOther = (element: Element) => others.some((h) => element.contains(h));
  let box = heading;
  for (let parent = box.parentElement; parent && !holdsOther(parent) && !box.matches(selector('sectioning')); parent = parent.parentElement) box = parent;
  const parts = [box];
  if (box.textContent!.trim() == heading.textContent!.trim()) for (let next = box.nextElementSibling; next && !holdsOther(next); next = next.nextElementSibling) parts.push(next);
  return parts;
}
