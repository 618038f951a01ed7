import { selector, type SelectorName } from './learn-data.ts';

/**
 * Every element under `root` matching the stored selector list `name` (learn-data.ts), once
 * each: the elements of the first selector in document order, then those of the next. Blink
 * answers one simple selector (a tag, an attribute) through fast paths and a list by checking
 * each selector against every element: on a Settings page with 20,000 other elements the list
 * `h1, ..., h6, [role="heading"], legend` took 1.35 ms where its eight parts took 0.4 ms in
 * all. The locators run between Learn's change and the frame that shows it, so they ask part
 * by part.
 */
export function queryAll(root: ParentNode, name: SelectorName): Element[] {
  // Commas inside parentheses (`:not(a, b)`) belong to their selector.
  return [...new Set(selector(name).split(/,(?![^(]*\))/).flatMap((one) => [...root.querySelectorAll(one)]))];
}

/**
 * Every element of `parts` (sibling elements read as one: a section whose heading stands side
 * by side with its content, a description list's term and descriptions) matching the stored
 * selector list `name`, the parts themselves included.
 */
export function queryParts(parts: Element[], name: SelectorName): Element[] {
  return parts.flatMap((part) => (part.matches(selector(name)) ? [part, ...queryAll(part, name)] : queryAll(part, name)));
}
