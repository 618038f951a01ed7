import { addressApart, decoys } from './drift-decoys.ts';
import { biNames, classes, hide, ids, liveList, openMenu, remove, renameTags, reorder, shadowHide, shadowMove, shadowSlot, wrap } from './drift-markup.ts';
import { duplicate, empty, enableRemoves, huge } from './drift-rows.ts';
import { cardShape, dlShape, quietKind, removeShape, tableShape } from './drift-shapes.ts';
import { sourceNames, sourceOf } from './drift-sources.ts';
import { docs, flat, hiddenCopy } from './drift-surroundings.ts';
import { addresses, namedByOthers, names, reword, translate } from './drift-text.ts';
import { Rng, Variant, type Mutation } from './drift-truth.ts';

export { stranger } from './drift-sources.ts';
export { Variant };

/**
 * Page drift: mutated copies of the saved replica Settings pages, each with the truth about it.
 *
 * Learn's real markup is not known and will change; the locators and the page reader are
 * meant to find the right control or nothing, never a wrong one. A variant is one saved page
 * (test/fixtures/pages/{en-us,fr-fr}-settings-*.html) put into the live jsdom `document`
 * (replacing what was there), then changed by one to four composable mutations drawn from a
 * seeded PRNG, so a seed names a variant for good: `makeVariant(seed)`.
 *
 * The truth is taken before any mutation, from the saved page's known markup, as element
 * references: the Remove of each account row and whether it may be used, Add account, the
 * header's links and menu opener, the signed-in address, the dialog's confirm button and the
 * address it names, the text that shows each address and the account's kind. The locators
 * never see it: nothing is added to the page to mark it. Mutations keep it current (a
 * renamed element forwards to its replacement; hidden and removed parts are recorded), and
 * `expected*` then say what is right: an element (the target, or one of several equally
 * right, such as the Removes of a duplicated row) or, when a mutation destroyed or disguised
 * the target (removed, hidden, its row no longer says whose it is), nothing.
 *
 * Mutations (`mutations` below; `benign` ones keep every fact and every control in place):
 * - page designs, benign, applied before the rest (`stage`), which then drift them: the
 *   account list rebuilt as cards (title = the address: h3, h4 or role=heading), a table
 *   (headers Account, Type, ""; the kind in its own cell), a description list (dt address +
 *   dd kind + dd Remove; dt kind + dd address and Remove; either grouped in divs), or a list
 *   (a list's or a table's addresses now and then in read-only fields, a form per account);
 *   the kind told in words, or only by an icon's aria-label, an SVG's <title>, an <img alt>,
 *   a title tooltip (icon or row) or a class token (`account--msa`, `type-work`, ...); Remove
 *   as a button, a link styled as one, a[role=button], or in a row's "More actions" menu
 *   (<details>, or an aria-haspopup button with a `hidden` role=menu), closed or open; a flat
 *   Settings (no section elements: only the headings delimit Account management); a few
 *   hundred elements of docs-like content around it (one naming user@fabrikam.com);
 * - benign: classes and ids renamed or stripped (what refers to an id follows it); children
 *   reordered (rows, sections, buttons, menu links); elements wrapped in divs, spans and
 *   custom elements, or slotted through one to three nested open shadow roots; the account
 *   menu opened; controls made icons named by other elements (aria-labelledby: a hidden
 *   "Remove" and the row's address);
 * - data-bi-name respelled (same meaning), randomised or stripped; tags renamed (li -> div,
 *   ul -> div or ol, the list -> table rows, button -> a[href], a[role=button] or
 *   div/span[role=button], h2 -> h3, p or [role=heading], section -> div, header -> div);
 * - labels translated (English, French, German, Swedish: Swedish has no word table, so only
 *   attributes and structure can find things; the locale given to the locators follows the
 *   page's language most of the time) or reworded in English (in and out of the word table);
 * - hostile display names (markup as text, bidi overrides, very long) and addresses (plus
 *   tags, apostrophes, 64-character local parts, long domains, shown upper-case, wrapped in
 *   markup-like text, quotes, bidi marks or isolates);
 * - rows duplicated, 200 to 300 rows added, every row removed, every Remove made usable
 *   (the signed-in account's too: only the plan's safety gate stands in the way);
 * - elements removed, hidden (hidden, aria-hidden, display, visibility, content-visibility),
 *   put under a shadow root that draws them nowhere (no slot, a slot in display: none, an
 *   inner root without one) or moved into an open shadow root;
 * - decoys: another Remove in Delete profile, the header, the footer, the certification
 *   section, an announcement, a row that names no account, or before a row's own Remove
 *   ("Remove photo"); an open dialog about something else; a closed dialog naming an
 *   account; another "Add account" outside Account management; a hidden "Manage
 *   certification profile" link; a linked account's address again in its section, apart
 *   from its row, with a Remove of its own (a list of notification addresses); attributes
 *   that begin like an action's and name another object (`add-account-organization`);
 *   links to a part of a document named like actions (a table of contents, a help link), a
 *   link to a help page named like the action it explains; a confirmation kept on the page
 *   after it faded out (pointer-events: none);
 * - a row's "More actions" opener beside a button whose popup is no menu.
 *
 * What the page reader must answer: an address hidden by CSS or held in a shadow root may or
 * may not be read (the reader reads markup, not styles; it does not enter shadow roots), one
 * removed or under `hidden` must not; every other shown address must be. Its kind must be
 * read wherever the page still tells it (`Variant.kindShown`: a kind mark of the row drawn in
 * the document's tree and still saying that kind, in words of any language the variants
 * use, or by its class token); elsewhere 'unknown' is right too. A wrong kind is always wrong.
 *
 * Where to point: at a control itself, or, while it is in a closed menu (the header's account
 * menu, a row's "More actions" menu: a <details> without `open`, a role=menu that is
 * `hidden`), at that menu's opener (the summary, the aria-haspopup button), which must then be
 * drawn (`pointerFor`, `pointableNow`). The right answer of locateRemove is still the Remove.
 *
 * Where the parts live: the saved pages, and the addresses they link or not, in
 * drift-sources.ts; the word tables (the labels in four languages, the English rewordings,
 * the words of each kind) in drift-wording.ts; the seeded `Rng`, the truth (`Variant`) and
 * what a `Mutation` is in drift-truth.ts; the mutations by concern: the account list's
 * shapes in drift-shapes.ts, a flat Settings, docs around it and a hidden copy of the section
 * before it in drift-surroundings.ts,
 * classes, ids, order, wrappers, shadow roots, data-bi-name, tags, parts removed or hidden
 * and the account menu opened in drift-markup.ts, labels and hostile names and addresses in
 * drift-text.ts, rows duplicated, added or removed and Removes made usable in drift-rows.ts,
 * decoys in drift-decoys.ts. This file lists them (`mutations`) and draws a variant's.
 */

export const mutations: Mutation[] = [
  classes,
  ids,
  reorder,
  wrap,
  liveList,
  shadowSlot,
  openMenu,
  enableRemoves,
  shadowHide,
  shadowMove,
  biNames,
  renameTags,
  translate,
  reword,
  namedByOthers,
  names,
  addresses,
  duplicate,
  huge,
  empty,
  remove,
  hide,
  decoys,
  addressApart,
  cardShape,
  tableShape,
  dlShape,
  quietKind,
  removeShape,
  flat,
  docs,
  hiddenCopy,
];

function draw(rng: Rng, from: Mutation[]): Mutation {
  let total = 0;
  for (const m of from) total += m.weight;
  let at = rng.next() * total;
  for (const m of from) {
    at -= m.weight;
    if (at < 0) return m;
  }
  return from[from.length - 1] as Mutation;
}

/**
 * The variant of a seed: a saved Settings page, put in the live document (replacing whatever
 * was there), then one to four mutations; about a third of the seeds draw benign ones only.
 */
export function makeVariant(seed: number): Variant {
  const rng = new Rng(seed);
  const name = rng.pick(sourceNames);
  const copy = sourceOf(name).root.cloneNode(true) as Element;
  document.replaceChild(document.adoptNode(copy), document.documentElement);
  const variant = new Variant(seed, name, rng, document);
  const benignOnly = rng.chance(0.35);
  const pool = benignOnly ? mutations.filter((m) => m.benign) : mutations;
  const count = 1 + rng.int(benignOnly ? 3 : 4);
  const drawn = Array.from({ length: count }, () => draw(rng, pool));
  // A page's design first (the account list's shape, a flat Settings, docs around it), then its drift.
  drawn.sort((a, b) => (a.stage ?? 9) - (b.stage ?? 9));
  for (const mutation of drawn) {
    const done = mutation.apply(variant);
    if (done === null) continue;
    variant.applied.push(`${mutation.name}: ${done}`);
    variant.benign &&= mutation.benign;
  }
  return variant;
}
