import { seeded } from './seeded.ts';
import { follow, sourceOf, type SourceName } from './drift-sources.ts';
import { key, kindWords, type Language } from './drift-wording.ts';

export type Kind = 'personal' | 'work';

// ---------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): small, fast, and a seed reproduces a variant exactly.

export class Rng {
  /** The generator of seeded.ts (the bench and the replica draw from it too). */
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = seeded(seed);
  }
  next(): number {
    return this.random();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)] as T;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------
// The truth about a variant.

/**
 * What tells an account's kind in a row: a text (a badge, a cell, a dt, an SVG's <title>),
 * an attribute (an icon's aria-label, an <img>'s alt, a title tooltip), or a class token
 * (`tokens`: the personal one, the work one).
 */
export type KindMark =
  | { how: 'text'; element: Element }
  | { how: 'attribute'; element: Element; name: string }
  | { how: 'class'; element: Element; tokens: readonly [string, string] };

/** One row that shows an account: the element holding its address, its Remove. */
export interface RowTruth {
  /** The element whose own text shows the address (it may hold other elements too: a dd with its Remove). */
  holder: Element;
  remove: Element | null;
  /** Whether that Remove may be used (Learn disables the signed-in account's). */
  removable: boolean;
  /**
   * The row's elements: one (li, tr, a card, a description list's group), or, in a
   * description list without groups, its dt and dds in order.
   */
  parts: Element[];
  /** What tells the account's kind in this row (see `Variant.kindShown`). */
  kinds: KindMark[];
}

/**
 * A closed-or-open per-row "More actions" menu: a `<details>` (opener: its summary; closed
 * without `open`) or an ARIA menu button (opener: the `aria-haspopup` button; the menu is
 * the `role="menu"` element, closed while `hidden`).
 */
export interface RowMenu {
  form: 'details' | 'aria';
  menu: Element;
  opener: Element;
}

export interface AccountTruth {
  address: string;
  kind: Kind;
  rows: RowTruth[];
}

/** The controls of the saved page, by role; null where the page has none. */
export interface Marks {
  header: Element | null;
  menu: Element | null;
  opener: Element | null;
  signIn: Element | null;
  signOut: Element | null;
  settingsLink: Element | null;
  profileLink: Element | null;
  upn: Element | null;
  section: Element | null;
  list: Element | null;
  heading: Element | null;
  addAccount: Element | null;
  credentialsTab: Element | null;
  goToCredentials: Element | null;
  deleteSection: Element | null;
  dialog: Element | null;
  /** The element of the dialog that names the account it removes. */
  dialogHolder: Element | null;
  confirm: Element | null;
}

/** How an element was taken from view: `attr` (`hidden`) is ignored by the reader too. */
type HiddenBy = 'attr' | 'aria' | 'css' | 'shadow';
/** What the person sees of an element: drawn, hidden by means only styles tell, or gone. */
export type Seen = 'drawn' | 'soft' | 'gone';

/** What a readAccountList answer must be: these accounts, give or take the `maybe` ones. */
export interface ExpectedList {
  listed: AccountTruth[];
  /** Shown only by means a reader of markup cannot be sure of (CSS, shadow roots): either way. */
  maybe: AccountTruth[];
}

export class Variant {
  readonly applied: string[] = [];
  /** Whether every mutation applied keeps every fact and control (class, id, order, wrappers). */
  benign = true;
  locale: string;
  language: Language;
  readonly signedIn: boolean;
  signedInAs: string | null;
  dialogAbout: string | null;
  readonly accounts: AccountTruth[] = [];
  readonly marks: Marks;
  /** Elements added to look like targets; never right. */
  readonly decoys: Element[] = [];
  /** Open dialogs added by decoys. */
  readonly decoyDialogs: Element[] = [];
  /** Dialogs kept on the page faded out (opacity 0, pointer-events: none): open or not, either way; their confirm never. */
  readonly fadedDialogs: Element[] = [];
  /** The rows' own "More actions" menus (shapes): a Remove in a closed one is pointed at through its opener. */
  readonly rowMenus: RowMenu[] = [];
  /**
   * Set once the Settings sections are unwrapped (`flat-section`): the one container whose
   * children are every section's heading and content. Its children are never shuffled
   * (that would move the accounts under another heading).
   */
  flatContainer: Element | null = null;
  /** What a shape put in place of the list (the table around its tbody, a wrapper): the next shape replaces all of it. */
  listFrame: Element | null = null;
  private readonly forward = new Map<Element, Element>();
  private readonly hidden = new Map<Node, HiddenBy>();
  private counter = 0;

  constructor(
    readonly seed: number,
    readonly source: SourceName,
    readonly rng: Rng,
    readonly doc: Document,
  ) {
    const saved = sourceOf(source);
    const root = doc.documentElement;
    this.locale = source.slice(0, 5);
    this.language = this.locale.slice(0, 2) as Language;
    this.signedIn = root.getAttribute('data-authenticated') === 'true';
    this.marks = Object.fromEntries(
      Object.entries(saved.marks).map(([mark, path]) => [mark, path ? follow(root, path) : null]),
    ) as unknown as Marks;
    this.signedInAs = this.signedIn ? key(this.marks.upn?.textContent ?? '') || null : null;
    this.dialogAbout = this.marks.dialogHolder ? key(this.marks.dialogHolder.textContent ?? '') : null;
    for (const row of saved.rows) {
      this.accounts.push({
        address: row.address,
        kind: row.kind,
        rows: [
          {
            holder: follow(root, row.holder),
            remove: row.remove ? follow(root, row.remove) : null,
            removable: row.removable,
            parts: [follow(root, row.element)],
            kinds: row.icon ? [{ how: 'attribute', element: follow(root, row.icon), name: 'aria-label' }] : [],
          },
        ],
      });
    }
    for (const path of saved.hidden) this.hidden.set(follow(root, path), 'attr');
  }

  /** An element as it is now: renamed elements forward to their replacement. */
  now<T extends Element | null>(element: T): T {
    let current: Element | null = element;
    while (current && this.forward.has(current)) current = this.forward.get(current) as Element;
    return current as T;
  }

  /** What the person sees of an element (see `Seen`). */
  seen(element: Element | null): Seen {
    const current = this.now(element);
    if (!current || !current.isConnected) return 'gone';
    let soft = false;
    for (const [root, how] of this.hidden) {
      if (!within(this.now(root as Element), current)) continue;
      if (how === 'attr') return 'gone';
      soft = true;
    }
    return soft ? 'soft' : 'drawn';
  }

  /**
   * Whether a control can be pointed at: drawn, and when in a closed menu (the header's
   * account menu, a row's "More actions" menu), that menu's opener drawn. A closed menu is
   * not a hiding of its items (a row's ARIA menu is `hidden` while closed: not recorded as
   * hidden), only a reason to point at its opener.
   */
  pointableNow(element: Element | null): boolean {
    if (this.seen(element) !== 'drawn') return false;
    const opener = this.closedOpener(element as Element);
    return opener === null || this.seen(opener) === 'drawn';
  }

  inClosedMenu(element: Element): boolean {
    const menu = this.now(this.marks.menu);
    const current = this.now(element);
    return !!menu && menu.isConnected && !menu.hasAttribute('open') && current !== this.now(this.marks.opener) && within(menu, current);
  }

  /** The opener of the closed menu an element is in (the header's, or a row's), else null. */
  closedOpener(element: Element): Element | null {
    const current = this.now(element);
    if (this.inClosedMenu(current)) return this.now(this.marks.opener as Element);
    for (const entry of this.rowMenus) {
      const menu = this.now(entry.menu);
      const opener = this.now(entry.opener);
      if (!menu.isConnected || current === opener) continue;
      const closed = entry.form === 'details' ? !menu.hasAttribute('open') : menu.hasAttribute('hidden');
      if (closed && within(menu, current)) return opener;
    }
    return null;
  }

  /** Where the guide should point for a right answer: a closed menu's opener (the header's, a row's). */
  pointerFor(element: Element): Element {
    return this.closedOpener(element) ?? this.now(element);
  }

  /** A row's elements as they are now (see `RowTruth.parts`). */
  rowParts(row: RowTruth): Element[] {
    return row.parts.map((part) => this.now(part));
  }

  /** A row's one element (li, tr, card, group), or null for a dt and its dds. */
  rowElement(row: RowTruth): Element | null {
    return row.parts.length === 1 ? this.now(row.parts[0] as Element) : null;
  }

  /**
   * Whether the page still tells the account's kind: in a row whose address is drawn in the
   * document's own tree, a kind mark drawn there that still says this kind (its text or
   * attribute one of `kindWords`, in any language; its class token still on). Marks hidden
   * by CSS or aria-hidden, or moved into a shadow root, do not count (the reader may miss them).
   */
  kindShown(account: AccountTruth): boolean {
    const words = kindWords[account.kind];
    const drawn = (element: Element) => this.seen(element) === 'drawn' && element.getRootNode() === this.doc;
    return account.rows.some(
      (row) =>
        drawn(this.now(row.holder)) &&
        row.kinds.some((mark) => {
          const element = this.now(mark.element);
          if (!drawn(element)) return false;
          if (mark.how === 'text') return words.has(key(element.textContent ?? ''));
          if (mark.how === 'attribute') return words.has(key(element.getAttribute(mark.name) ?? ''));
          return element.classList.contains(mark.tokens[account.kind === 'personal' ? 0 : 1] as string);
        }),
    );
  }

  /** The right answers for a control mark: itself when it can be pointed at, else none. */
  expectedMark(name: keyof Marks): Element[] {
    const element = this.marks[name];
    return element && this.pointableNow(element) ? [this.now(element)] : [];
  }

  account(address: string): AccountTruth | undefined {
    return this.accounts.find((a) => a.address === address);
  }

  /** Whether a row still says whose it is: its address shown (or at least still in its markup). */
  rowNamed(row: RowTruth): boolean {
    return this.seen(row.holder) !== 'gone';
  }

  /** The right answers for "Remove <address>": the usable Remove of any row that shows it. */
  expectedRemove(address: string): Element[] {
    const account = this.account(address);
    if (!account) return [];
    return account.rows
      .filter((row) => row.removable && row.remove && this.rowNamed(row) && this.pointableNow(row.remove))
      .map((row) => this.now(row.remove as Element));
  }

  /** Dialogs the person sees: the saved page's, and decoys. */
  openDialogs(): Element[] {
    return [this.marks.dialog, ...this.decoyDialogs].filter((d): d is Element => !!d && this.seen(d) === 'drawn').map((d) => this.now(d));
  }

  /** The right answers for the confirm button of "Remove <address>?": only in the one open dialog about it. */
  expectedConfirm(address: string): Element[] {
    const open = this.openDialogs();
    if (open.length !== 1 || open[0] !== this.now(this.marks.dialog)) return [];
    if (this.dialogAbout !== address || this.seen(this.marks.dialogHolder) === 'gone') return [];
    return this.expectedMark('confirm');
  }

  /** What the account list shows (see `ExpectedList`). */
  expectedList(): ExpectedList {
    const listed: AccountTruth[] = [];
    const maybe: AccountTruth[] = [];
    for (const account of this.accounts) {
      // The reader reads the document's own tree: an address moved into a shadow root may go unread.
      const seen = account.rows.map((row) => {
        const seen = this.seen(row.holder);
        // Hidden by its markup, the row is no row to point at, but the account is still
        // linked (another tab, a collapsed list): read as listed (its kind unknown) or not.
        if (seen === 'gone') return this.now(row.holder)?.isConnected ? 'soft' : seen;
        return seen === 'drawn' && this.now(row.holder).getRootNode() !== this.doc ? 'soft' : seen;
      });
      if (seen.includes('drawn')) listed.push(account);
      else if (seen.includes('soft')) maybe.push(account);
    }
    return { listed, maybe };
  }

  /**
   * The address the header's menu holds as signed in, while it holds one: hidden or not (a
   * menu's panel may well be hidden until opened, filled in all the same).
   */
  expectedSignedInAs(): string | null {
    return this.signedInAs && this.now(this.marks.upn)?.isConnected ? this.signedInAs : null;
  }

  // --- bookkeeping for mutations ------------------------------------------------------

  id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  hide(element: Node, by: HiddenBy): void {
    this.hidden.set(element, by);
  }

  /** Replace an element by a new one with another tag, keeping children and (most) attributes. */
  rename(element: Element, tag: string, set: Record<string, string> = {}, drop: string[] = []): Element {
    const next = this.doc.createElement(tag);
    for (const attribute of element.attributes) if (!drop.includes(attribute.name)) next.setAttribute(attribute.name, attribute.value);
    for (const [name, value] of Object.entries(set)) next.setAttribute(name, value);
    next.append(...element.childNodes);
    element.replaceWith(next);
    this.forward.set(element, next);
    const how = this.hidden.get(element);
    if (how) this.hidden.set(next, how);
    return next;
  }

  /** The marked elements a mutation may aim at (those still on the page). */
  interesting(): Element[] {
    const marks = Object.values(this.marks).filter((e): e is Element => e !== null);
    const rows = this.accounts.flatMap((a) => a.rows.flatMap((r) => [r.holder, r.remove, ...r.parts]));
    const openers = this.rowMenus.map((m) => m.opener);
    return [...marks, ...rows, ...openers]
      .filter((e): e is Element => e !== null)
      .map((e) => this.now(e))
      .filter((e) => e.isConnected && e !== this.doc.body);
  }

  /** Any element of the page's body a mutation may aim at (not the menu's summary or details). */
  anyElement(): Element | null {
    // (An SVG's parts are in the SVG namespace: no need to ask each for an svg ancestor.)
    const all = [...this.doc.body.querySelectorAll('*')].filter(
      (e) => e.namespaceURI === 'http://www.w3.org/1999/xhtml' && !['SCRIPT', 'SUMMARY', 'DETAILS'].includes(e.tagName),
    );
    return all.length > 0 ? this.rng.pick(all) : null;
  }

  /** A target for a mutation: half the time a marked one, else anything in the body. */
  aim(): Element | null {
    const marked = this.interesting().filter((e) => !e.matches('summary, details'));
    return marked.length > 0 && this.rng.chance(0.6) ? this.rng.pick(marked) : this.anyElement();
  }
}

/** The attributes that refer to elements by id: a renamed id takes them along (drift-markup.ts, drift-rows.ts). */
export const idReferences = ['aria-controls', 'aria-labelledby', 'aria-describedby', 'for'];

/** Whether `node` is `root` or inside it, crossing shadow roots to their hosts. */
export function within(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === root) return true;
  return false;
}

// ---------------------------------------------------------------------------------------
// Mutations. Each returns what it did (for the failure message), or null when it could not
// apply to this variant.

export interface Mutation {
  name: string;
  /** Keeps every fact and every control in place (the locators should still find them). */
  benign: boolean;
  weight: number;
  /**
   * When it applies among the variant's mutations (lower first; default 9): page designs
   * (1: the account list's shape, 2: a flat Settings, 3: docs-sized surroundings) come
   * before the drift, which then changes that design.
   */
  stage?: number;
  apply(v: Variant): string | null;
}
