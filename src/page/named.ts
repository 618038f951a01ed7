import type { LearnWords } from './learn-markup.ts';
import { says } from './learn-data.ts';
import { queryParts } from './query.ts';

export function normalize(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** An element's accessible name, as far as a content script can tell it: label, else text (an input button's: its value). */
export function nameOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  const label =
    element.getAttribute('aria-label') ||
    // (Each of the elements it names, in order: a hidden "Remove" beside the row's address.)
    labelledBy
      ?.split(' ')
      .map((id) => element.ownerDocument.getElementById(id)?.textContent)
      .join(' ')
      .trim() ||
    element.textContent ||
    element.getAttribute('title') ||
    // (The attribute: an input button's value is its name; a list item's or a select's value property is no text.)
    element.getAttribute('value');
  return normalize(label);
}

/** The controls in `parts` whose name is Learn's `key` in the page's language (or English). */
export const named = (parts: Element[], locale: string, key: keyof LearnWords): Element[] =>
  queryParts(parts, 'controls').filter((e) => says(locale, key, nameOf(e)));
