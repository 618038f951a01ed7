import { says, selector, type SelectorName } from './learn-data.ts';
import type { LearnWords } from './learn-markup.ts';
import { normalize } from './named.ts';
import { bringOutline, once } from './read-once.ts';
import { queryAll, queryParts } from './query.ts';

/** The header around the element (Learn's site header, its account menu), if any. */
export const isInHeader = (element: Element): Element | null => element.closest(selector('header'));

/** A heading and its text, normalized. */
export type Heading = [element: Element, text: string];

/** A heading's reading. */
const read = (heading: Element): Heading => [heading, normalize(heading.textContent)];

/**
 * The page's headings with their texts (the header's among them; in document order as first
 * read, those that came later after them), and which of them say which of Learn's words
 * (headingsSaying, kept on the list: one page, one language, one set of words). A docs-sized
 * page has hundreds: they are read once, and kept through changes, brought up to date from
 * what each change touched (outlineChanged). (Text rewritten in place deep inside a heading,
 * below an element the mutation filter reads, goes unseen until a change the filter does
 * read touches that heading; so does an aria-level changed alone.)
 */
export const headingsOf = (doc: Document): Headings => once('headings', () => queryAll(doc, 'headings').map(read), true);
type Headings = Heading[] & { [key in keyof LearnWords]?: Element[] };

/**
 * The page's marked sections, dialogs or places that say who is signed in, all of them (which
 * matter is asked of them each time: shown, holding an address): kept, as the headings are,
 * through changes.
 */
export const outlineOf = (doc: Document, name: 'accountSection' | 'dialogs' | 'signedInAddress'): Element[] => once(name, () => queryAll(doc, name), true);

/**
 * The headings that say Learn's `key` in the page's language (or English), kept with the
 * headings: each one's text asked once per key while the headings stay as they are. (One
 * search of all their texts joined, tried before, cost the same on a docs-sized page's
 * hundreds: reading the headings is what costs, profile-docs.ts's PROFILE_PROBE.)
 */
export function headingsSaying(doc: Document, locale: string, key: keyof LearnWords): Element[] {
  const headings = headingsOf(doc);
  return (headings[key] ??= headings.filter((heading) => says(locale, key, heading[1])).map((heading) => heading[0]));
}

/**
 * After a change: when it may have touched the page's outline (a heading, a marked section or
 * a dialog came or went, alone or in what did, or what is in a heading changed), the lasting
 * reads (read-once.ts) are brought up to date from the change alone: those that left are
 * dropped, those that came in read (a heading whose text changed, read again), the others kept
 * as read; which headings say what is worked out again. An account list coming in with its
 * headings does not have a docs-sized page's hundreds read again, nor the page asked again
 * for its dialogs. What is in a marked section or a dialog is read anew each time: rows added
 * to the account list, a menu opening, a dialog shown or the header filled in leave the
 * outline as it was.
 */
export function outlineChanged(records: MutationRecord[]): void {
  // What came or went holding part of the outline, the heading a text changed in, and an
  // element whose role changed (made a dialog or a heading, or no longer one: asked again).
  const came = records.flatMap(({ target, addedNodes, removedNodes, attributeName }) =>
    attributeName == 'role'
      ? [target]
      : [...addedNodes, ...removedNodes, (target.nodeType == 1 ? (target as Element) : target.parentElement)?.closest(selector('headings'))].filter(
          (node) => node?.nodeType == 1 && queryParts([node as Element], 'outline')[0],
        ),
  ) as Element[];
  if (!came[0]) return;
  const here = came.filter((node) => node.isConnected);
  bringOutline((name, was: Array<Element | Heading>) => {
    const fresh = new Set(queryParts(here, name));
    return [
      ...was.filter((item) => {
        const e = (item as Element).nodeType ? (item as Element) : (item as Heading)[0];
        // What came is kept as it is now: found again, or gone. Only when part of the outline
        // went is each element kept asked whether it is still there.
        return !fresh.has(e) && !came.includes(e) && (here.length == came.length || e.isConnected);
      }),
      ...[...fresh].map((e) => (name == 'headings' ? read(e) : e)),
    ];
  });
}

/** A heading's level: its tag's (h1-h6), else its aria-level, else 2 (a role="heading"'s default). */
export const levelOf = (heading: Element) => +(heading.tagName[1] as string) || +(heading.getAttribute('aria-level') as string) || 2;


/**
 * The part of the page a heading titles, as a person reads it: the largest element around the
 * heading that holds no other heading of its level or above (a heading that shows an address
 * is a card's title, not a section's), and no larger than the first section, article or
 * fieldset around it, as one part. When that element holds the heading alone,
 * the page puts its sections' headings side by side with their content: the elements after it
 * up to the next such heading are the section's too. Found from the headings inside the
 * elements it weighs, not from the text between them nor from the page's other headings: its
 * cost does not grow with the page.
 */
export function sectionOf(heading: Element): Element[] {
  const level = levelOf(heading);
  // Asked of the headings inside the element: its cost is the element's, not the page's.
  const holdsOther = (element: Element) => queryParts([element], 'headings').some((h) => h != heading && levelOf(h) <= level && !h.textContent!.includes('@'));
  let box = heading;
  for (let parent = box.parentElement; parent && !box.matches(selector('sectioning')) && !holdsOther(parent); parent = parent.parentElement) box = parent;
  const parts = [box];
  if (box.textContent!.trim() == heading.textContent!.trim()) for (let next = box.nextElementSibling; next && !holdsOther(next); next = next.nextElementSibling) parts.push(next);
  return parts;
}
