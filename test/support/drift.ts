import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
 * - benign: classes and ids renamed or stripped; children reordered (rows, sections,
 *   buttons, menu links); elements wrapped in divs, spans and custom elements, or slotted
 *   through one to three nested open shadow roots; the account menu opened;
 * - data-bi-name respelled (same meaning), randomised or stripped; tags renamed (li -> div,
 *   ul -> div or ol, the list -> table rows, button -> a[href], a[role=button] or
 *   div/span[role=button], h2 -> h3, p or [role=heading], section -> div, header -> div);
 * - labels translated (English, French, German: German has no word table, so only attributes
 *   and structure can find things; the locale given to the locators follows the page's
 *   language most of the time) or reworded in English (in and out of the word table);
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
 *   certification profile" link.
 *
 * What the page reader must answer: an address hidden by CSS or held in a shadow root may or
 * may not be read (the reader reads markup, not styles; it does not enter shadow roots), one
 * removed or under `hidden` must not; every other shown address must be.
 */

const learner = 'learner@outlook.com';
/** An address no saved page links: a Remove for it is never right. */
export const stranger = 'cert.ana@hotmail.com';
/** Another address no page links, named only by decoys (never asked about). */
const unlinked = 'someone@fabrikam.com';

export type Kind = 'personal' | 'work';
type Language = 'en' | 'fr' | 'de';

// ---------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): small, fast, and a seed reproduces a variant exactly.

export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
// Sources: the saved replica pages of Settings.

export const sourceNames = [
  'en-us-settings-has-aad',
  'en-us-settings-add-aad',
  'en-us-settings-remove-dialog',
  'en-us-settings-signed-out',
  'fr-fr-settings-has-aad',
  'fr-fr-settings-add-aad',
  'fr-fr-settings-remove-dialog',
  'fr-fr-settings-signed-out',
] as const;
export type SourceName = (typeof sourceNames)[number];

/**
 * A saved page, parsed once, with where its marked elements are (child-index paths from
 * `<html>`), so each variant finds them in its copy without asking a selector engine
 * (jsdom's takes a fraction of a millisecond a query, and the variants are many).
 */
interface Source {
  root: Element;
  marks: Record<keyof Marks, number[] | null>;
  rows: Array<{ holder: number[]; remove: number[] | null; removable: boolean; address: string; kind: Kind }>;
  hidden: number[][];
}

const markSelectors: Record<keyof Marks, string> = {
  header: 'header',
  menu: 'details[data-bi-name="site-header-user"]',
  opener: 'summary[data-bi-name="site-header-user-avatar"]',
  signIn: 'a.docs-sign-in',
  signOut: 'a.docs-sign-out',
  settingsLink: '[data-bi-name="site-header-user-settings"]',
  profileLink: '[data-bi-name="site-header-user-profile"]',
  upn: '[data-profile-property="upn"]',
  section: '#account-management',
  list: '.account-list',
  heading: '#account-management-heading',
  addAccount: '[data-bi-name="add-account"]',
  credentialsTab: '[data-bi-name="profile-tab-credentials"]',
  goToCredentials: '[data-bi-name="go-to-credentials"]',
  deleteSection: '[aria-labelledby="delete-profile-heading"]',
  dialog: '[role="dialog"]',
  dialogHolder: '[role="dialog"] strong',
  confirm: '[data-bi-name="confirm-remove-account"]',
};

function pathOf(root: Node, node: Node): number[] {
  const path: number[] = [];
  for (let n = node; n !== root; n = n.parentNode as Node) path.unshift([...(n.parentNode as Node).childNodes].indexOf(n as ChildNode));
  return path;
}

function follow(root: Node, path: number[]): Element {
  let n = root;
  for (const index of path) n = n.childNodes[index] as Node;
  return n as Element;
}

const sources = new Map<SourceName, Source>();
function sourceOf(name: SourceName): Source {
  let found = sources.get(name);
  if (found) return found;
  const html = readFileSync(resolve('test/fixtures/pages', `${name}.html`), 'utf8');
  const root = new DOMParser().parseFromString(html, 'text/html').documentElement;
  const at = (element: Element | null) => (element ? pathOf(root, element) : null);
  const marks = Object.fromEntries(Object.entries(markSelectors).map(([mark, selector]) => [mark, at(root.querySelector(selector))])) as Source['marks'];
  const rows = [...root.querySelectorAll('li.account-row')].map((row) => {
    const holder = row.querySelector('.account-email') as Element;
    const remove = row.querySelector('button');
    const label = row.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '';
    return {
      holder: pathOf(root, holder),
      remove: at(remove),
      // Learn disables the Remove of the account signed in with.
      removable: remove !== null && !remove.matches(':disabled'),
      address: key(holder.textContent ?? ''),
      kind: (/personal|personnel/i.test(label) ? 'personal' : 'work') as Kind,
    };
  });
  // Parts the saved page already hides (Sign in while signed in, the menu while signed out).
  const hidden = [...root.querySelectorAll('[hidden]')].map((element) => pathOf(root, element));
  found = { root, marks, rows, hidden };
  sources.set(name, found);
  return found;
}

// ---------------------------------------------------------------------------------------
// Wording: Learn's labels on the saved pages, and the same in other words and languages.

/** Each row: English, French, German (German has no word table: only attributes find things). */
const labels: Array<[string, string, string]> = [
  ['Account management', 'Gestion du compte', 'Kontoverwaltung'],
  ['Remove', 'Supprimer', 'Entfernen'],
  ['Add account', 'Ajouter un compte', 'Konto hinzufügen'],
  ['Personal account', 'Compte personnel', 'Persönliches Konto'],
  ['Work or school account', 'Compte professionnel ou scolaire', 'Geschäfts-, Schul- oder Unikonto'],
  ['Sign out', 'Se déconnecter', 'Abmelden'],
  ['Sign in', 'Se connecter', 'Anmelden'],
  ['Settings', 'Paramètres', 'Einstellungen'],
  ['Profile', 'Profil', 'Profil'],
  ['Credentials', 'Informations d’identification', 'Anmeldeinformationen'],
  ['Connect a certification profile', 'Connecter un profil de certification', 'Zertifizierungsprofil verbinden'],
  ['Connected certification profile', 'Profil de certification connecté', 'Verbundenes Zertifizierungsprofil'],
  ['Delete profile', 'Supprimer le profil', 'Profil löschen'],
  ['Your Account', 'Votre compte', 'Ihr Konto'],
  ['Signed in', 'Connecté', 'Angemeldet'],
  ['Remove account?', 'Supprimer le compte ?', 'Konto entfernen?'],
  ['Cancel', 'Annuler', 'Abbrechen'],
  ['Activity', 'Activité', 'Aktivität'],
];
const languageIndex: Record<Language, number> = { en: 0, fr: 1, de: 2 };
const kindLabel = (kind: Kind, language: Language) => (labels[kind === 'personal' ? 3 : 4] as string[])[languageIndex[language]] as string;

/**
 * English rewordings: some still in the word table (the locators must still find by name),
 * some not (only attributes and structure can find the control then).
 */
const rewordings: Record<string, string[]> = {
  'account management': ['Linked accounts', 'Manage your accounts', 'Sign-in accounts'],
  remove: ['Remove account', 'Remove this account', 'Unlink', 'Disconnect'],
  'add account': ['Add login account', 'Add an account', 'Link another account'],
  'personal account': ['Microsoft account', 'Personal', 'MSA'],
  'work or school account': ['Work account', 'Organizational account', 'Microsoft Entra ID'],
  'sign out': ['Log out', 'Sign out'],
  settings: ['Profile settings', 'Settings'],
};

const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

// ---------------------------------------------------------------------------------------
// The truth about a variant.

/** One row that shows an account: the element holding its address, its Remove. */
export interface RowTruth {
  holder: Element;
  remove: Element | null;
  /** Whether that Remove may be used (Learn disables the signed-in account's). */
  removable: boolean;
}

export interface AccountTruth {
  address: string;
  kind: Kind;
  rows: RowTruth[];
}

/** The controls of the saved page, by role; null where the page has none. */
interface Marks {
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
        rows: [{ holder: follow(root, row.holder), remove: row.remove ? follow(root, row.remove) : null, removable: row.removable }],
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

  /** Whether a control can be pointed at: drawn, and when in the closed account menu, its opener drawn. */
  pointableNow(element: Element | null): boolean {
    if (this.seen(element) !== 'drawn') return false;
    return !this.inClosedMenu(element as Element) || this.seen(this.marks.opener) === 'drawn';
  }

  inClosedMenu(element: Element): boolean {
    const menu = this.now(this.marks.menu);
    const current = this.now(element);
    return !!menu && menu.isConnected && !menu.hasAttribute('open') && current !== this.now(this.marks.opener) && within(menu, current);
  }

  /** Where the guide should point for a right answer: the menu's opener while the menu is closed. */
  pointerFor(element: Element): Element {
    return this.inClosedMenu(element) ? this.now(this.marks.opener as Element) : this.now(element);
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
    const rows = this.accounts.flatMap((a) => a.rows.flatMap((r) => [r.holder, r.remove, rowOf(this.now(r.holder))]));
    return [...marks, ...rows]
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

/** Whether `node` is `root` or inside it, crossing shadow roots to their hosts. */
export function within(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === root) return true;
  return false;
}

/** The row element of a saved page (li.account-row or what it was renamed to) around a node. */
function rowOf(element: Element | null): Element | null {
  return element?.closest('.account-row, li, tr') ?? null;
}

/** The counterpart of `node` (inside `from`) in a deep clone `to` of `from`. */
function counterpart(from: Node, to: Node, node: Node): Element {
  return follow(to, pathOf(from, node));
}

// ---------------------------------------------------------------------------------------
// Mutations. Each returns what it did (for the failure message), or null when it could not
// apply to this variant.

export interface Mutation {
  name: string;
  /** Keeps every fact and every control in place (the locators should still find them). */
  benign: boolean;
  weight: number;
  apply(v: Variant): string | null;
}

const token = (v: Variant) => v.id('z');

const classes: Mutation = {
  name: 'classes',
  benign: true,
  weight: 3,
  apply(v) {
    let changed = 0;
    const strip = v.rng.chance(0.5);
    for (const element of v.doc.body.querySelectorAll('[class]')) {
      if (!v.rng.chance(0.6)) continue;
      if (strip) element.removeAttribute('class');
      else element.setAttribute('class', `${token(v)} ${token(v)}`);
      changed += 1;
    }
    return `${strip ? 'stripped' : 'renamed'} ${changed}`;
  },
};

const ids: Mutation = {
  name: 'ids',
  benign: true,
  weight: 2,
  apply(v) {
    let changed = 0;
    const strip = v.rng.chance(0.5);
    for (const element of v.doc.body.querySelectorAll('[id]')) {
      if (!v.rng.chance(0.7)) continue;
      if (strip) element.removeAttribute('id');
      else element.id = token(v);
      changed += 1;
    }
    return `${strip ? 'stripped' : 'renamed'} ${changed}`;
  },
};

const reorder: Mutation = {
  name: 'reorder',
  benign: true,
  weight: 3,
  apply(v) {
    const parents = [
      v.now(v.marks.list),
      v.now(v.marks.section),
      v.now(v.marks.section)?.parentElement,
      v.now(v.marks.deleteSection)?.parentElement,
      v.now(v.marks.addAccount)?.parentElement,
      v.now(v.marks.settingsLink)?.closest('ul'),
      ...v.accounts.map((a) => rowOf(v.now(a.rows[0]?.holder ?? null))),
    ].filter((p): p is Element => !!p && p.isConnected && p.children.length > 1);
    if (parents.length === 0) return null;
    const done: string[] = [];
    for (let i = 0; i < 1 + v.rng.int(3); i += 1) {
      const parent = v.rng.pick(parents);
      parent.append(...v.rng.shuffle([...parent.childNodes]));
      done.push(parent.tagName.toLowerCase());
    }
    return `children of ${done.join(', ')}`;
  },
};

/** Wrap an element in another: a div, a span or a custom element (display inline), 1-3 deep. */
function wrapIn(v: Variant, element: Element, tags: string[]): void {
  let inner = element;
  for (const tag of tags) {
    const wrapper = v.doc.createElement(tag);
    inner.before(wrapper);
    wrapper.append(inner);
    inner = wrapper;
  }
}

const wrap: Mutation = {
  name: 'wrap',
  benign: true,
  weight: 3,
  apply(v) {
    const done: string[] = [];
    for (let i = 0; i < 1 + v.rng.int(4); i += 1) {
      const element = v.aim();
      if (!element || element === v.doc.body) continue;
      const tags = Array.from({ length: 1 + v.rng.int(3) }, () => v.rng.pick(['div', 'span', 'x-frame', 'learn-card']));
      wrapIn(v, element, tags);
      done.push(`${element.tagName.toLowerCase()} in ${tags.join('>')}`);
    }
    return done.join('; ') || null;
  },
};

/** An open shadow root on `host` whose slot takes the host's children, through `depth` nested hosts. */
function slotChain(v: Variant, host: Element, depth: number): void {
  const root = host.attachShadow({ mode: 'open' });
  const frame = v.doc.createElement(depth > 1 ? 'x-inner' : 'div');
  frame.append(v.doc.createElement('slot'));
  root.append(frame);
  if (depth > 1) slotChain(v, frame, depth - 1);
}

function hostAround(v: Variant, element: Element): Element {
  const host = v.doc.createElement(`x-host-${v.id('')}`);
  element.before(host);
  host.append(element);
  return host;
}

const shadowSlot: Mutation = {
  name: 'shadow-slot',
  benign: true,
  weight: 2,
  apply(v) {
    const element = v.aim();
    if (!element) return null;
    const depth = 1 + v.rng.int(3);
    slotChain(v, hostAround(v, element), depth);
    return `${element.tagName.toLowerCase()} slotted through ${depth} shadow root(s)`;
  },
};

const shadowHide: Mutation = {
  name: 'shadow-hide',
  benign: false,
  weight: 1,
  apply(v) {
    const element = v.aim();
    if (!element) return null;
    const host = hostAround(v, element);
    const how = v.rng.pick(['no slot', 'slot in display:none', 'nested, inner without slot']);
    const root = host.attachShadow({ mode: 'open' });
    if (how === 'no slot') root.append(v.doc.createElement('b'));
    else if (how === 'slot in display:none') {
      const box = v.doc.createElement('div');
      box.style.display = 'none';
      box.append(v.doc.createElement('slot'));
      root.append(box);
    } else {
      const inner = v.doc.createElement('x-inner');
      inner.append(v.doc.createElement('slot'));
      root.append(inner);
      inner.attachShadow({ mode: 'open' }).append(v.doc.createElement('i'));
    }
    v.hide(element, 'shadow');
    return `${element.tagName.toLowerCase()} under a shadow root, ${how}`;
  },
};

const shadowMove: Mutation = {
  name: 'shadow-move',
  benign: false,
  weight: 1,
  apply(v) {
    const element = v.aim();
    if (!element || element.closest('details')) return null;
    const host = hostAround(v, element);
    host.attachShadow({ mode: 'open' }).append(element);
    return `${element.tagName.toLowerCase()} moved into a shadow root`;
  },
};

const biNames: Mutation = {
  name: 'data-bi-name',
  benign: false,
  weight: 3,
  apply(v) {
    const respell: Record<string, string[]> = {
      'remove-account': ['removeAccount', 'account-remove', 'remove', 'btn-remove-linked-account'],
      'add-account': ['addAccount', 'add-login-account', 'settings-add-account'],
      'confirm-remove-account': ['confirm', 'remove-confirm', 'dialog-confirm'],
      'site-header-sign-out': ['site-header-sign-out'],
    };
    const how = v.rng.pick(['strip', 'random', 'respell']);
    let changed = 0;
    for (const element of v.doc.body.querySelectorAll('[data-bi-name]')) {
      if (!v.rng.chance(0.6)) continue;
      const value = element.getAttribute('data-bi-name') ?? '';
      if (how === 'strip') element.removeAttribute('data-bi-name');
      else if (how === 'random') element.setAttribute('data-bi-name', token(v));
      else if (respell[value]) element.setAttribute('data-bi-name', v.rng.pick(respell[value] as string[]));
      else continue;
      changed += 1;
    }
    return `${how} ${changed}`;
  },
};

const renameTags: Mutation = {
  name: 'rename',
  benign: false,
  weight: 3,
  apply(v) {
    const done: string[] = [];
    const body = v.doc.body;
    const lists = [...body.querySelectorAll('main ul')];
    const choice = v.rng.pick(['li', 'ul', 'table', 'button', 'heading', 'section', 'header']);
    if (choice === 'li') for (const li of body.querySelectorAll('main li')) v.rename(li, 'div');
    else if (choice === 'ul') for (const ul of lists) v.rename(ul, v.rng.pick(['div', 'ol']));
    else if (choice === 'table') {
      // A list becomes a table: ul > li > x  ->  table > tbody > tr > td > x.
      const list = v.now(v.marks.list) ?? (lists.length > 0 ? v.rng.pick(lists) : null);
      if (!list || !list.isConnected || list.shadowRoot) return null;
      const table = v.rename(list, 'table');
      const tbody = v.doc.createElement('tbody');
      for (const item of [...table.children]) {
        if (item.shadowRoot) continue;
        const tr = v.rename(item, 'tr');
        for (const cell of [...tr.childNodes]) {
          const td = v.doc.createElement('td');
          cell.before(td);
          td.append(cell);
        }
        tbody.append(tr);
      }
      table.append(tbody);
    } else if (choice === 'button') {
      const form = v.rng.pick(['a', 'div', 'span', 'a-role']);
      for (const button of body.querySelectorAll('button')) {
        if (!v.rng.chance(0.7) || button.shadowRoot) continue;
        if (form === 'a') v.rename(button, 'a', { href: '#' }, ['type']);
        else if (form === 'a-role') v.rename(button, 'a', { href: '#', role: 'button' }, ['type']);
        else v.rename(button, form, { role: 'button', tabindex: '0' }, ['type']);
      }
      done.push(`buttons -> ${form}`);
    } else if (choice === 'heading') {
      const form = v.rng.pick(['h3', 'div-role', 'p']);
      for (const heading of body.querySelectorAll('main h2')) {
        if (form === 'div-role') v.rename(heading, 'div', { role: 'heading', 'aria-level': '2' });
        else v.rename(heading, form);
      }
      done.push(`h2 -> ${form}`);
    } else if (choice === 'section') {
      for (const section of body.querySelectorAll('main section')) v.rename(section, v.rng.pick(['div', 'article']));
    } else if (choice === 'header') {
      const header = body.querySelector('header');
      if (!header || header.shadowRoot) return null;
      v.rename(header, 'div');
    }
    return done.join('; ') || choice;
  },
};

/** Replace labels (text nodes and aria-labels that are exactly a known label) by others. */
function relabel(v: Variant, to: (label: string) => string | null, share: number): number {
  let changed = 0;
  const swap = (text: string): string | null => {
    const k = key(text);
    if (!k || !v.rng.chance(share)) return null;
    const next = to(k);
    return next === null ? null : text.replace(/\S(.*\S)?/s, next);
  };
  const walker = v.doc.createTreeWalker(v.doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const next = swap(node.data);
    if (next !== null && next !== node.data) {
      node.data = next;
      changed += 1;
    }
  }
  for (const element of v.doc.body.querySelectorAll('[aria-label]')) {
    const next = swap(element.getAttribute('aria-label') ?? '');
    if (next !== null) {
      element.setAttribute('aria-label', next);
      changed += 1;
    }
  }
  return changed;
}

const translate: Mutation = {
  name: 'translate',
  benign: false,
  weight: 3,
  apply(v) {
    const from = v.language;
    const to = v.rng.pick((['en', 'fr', 'de'] as Language[]).filter((l) => l !== from));
    const table = new Map(labels.map((row) => [key(row[languageIndex[from]] as string), row[languageIndex[to]] as string]));
    const share = v.rng.pick([1, 1, 0.6]);
    const changed = relabel(v, (k) => table.get(k) ?? null, share);
    v.language = to;
    // Learn serves the page in the language of its URL; sometimes the path says otherwise.
    const locales: Record<Language, string> = { en: 'en-us', fr: 'fr-fr', de: 'de-de' };
    if (v.rng.chance(0.7)) v.locale = locales[to];
    v.doc.documentElement.lang = v.locale;
    return `${from} -> ${to} (${changed} labels, share ${share}), locale ${v.locale}`;
  },
};

const reword: Mutation = {
  name: 'reword',
  benign: false,
  weight: 2,
  apply(v) {
    if (v.language !== 'en') return null;
    const changed = relabel(v, (k) => (rewordings[k] ? v.rng.pick(rewordings[k] as string[]) : null), 0.7);
    return `${changed} labels`;
  },
};

/** Display names a person may choose, or a page may show: markup, bidi controls, very long. */
const hostileNames = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'Ana\u202eñoz',
  '\u200fعلي\u200f',
  'Remove',
  'Sign out',
  'Add account',
  // Long: Learn caps display names at 100 characters; these go far past it, with and without
  // spaces (an unbroken run makes the address pattern work in quadratic time: kept short
  // enough to cost the test little).
  'A'.repeat(1000),
  'Ana Muñoz '.repeat(500),
  'Ana @ Contoso',
  '\u0000\uFFFD\uD83D\uDE00',
];

const names: Mutation = {
  name: 'hostile-names',
  benign: false,
  weight: 2,
  apply(v) {
    const done: string[] = [];
    for (const element of v.doc.querySelectorAll('.profile-name, [data-profile-property="displayName"]')) {
      element.textContent = v.rng.pick(hostileNames);
      done.push('profile');
    }
    for (const account of v.accounts) {
      for (const row of account.rows) {
        const holder = v.now(row.holder);
        if (!holder.isConnected || !v.rng.chance(0.7)) continue;
        const name = v.doc.createElement('span');
        name.className = 'account-name';
        name.textContent = v.rng.pick(hostileNames);
        holder.before(name);
        done.push('row');
      }
    }
    return done.join(', ') || null;
  },
};

/** Valid addresses of hostile shapes; the reader must read them whole, lower-cased. */
const hostileAddresses = [
  "sean.o'brien@contoso.com",
  'ana.munoz+learn@contoso.com',
  'a_n-a.9@sub.contoso.co.uk',
  `${'x'.repeat(64)}@outlook.com`,
  'ana@contoso.technology',
  '12345@outlook.com',
  `ana@${'very-long-subdomain.'.repeat(8)}contoso.com`,
];
/** Text around an address that is not part of it: markup as text, bidi marks, punctuation. */
const decorations: Array<[string, string]> = [
  ['<', '>'],
  ['<b>', '</b>'],
  ['mailto:', ''],
  ['(', ')'],
  ['"', '"'],
  ['\u00a0', '\u00a0'],
  ['', ' (you)'],
  // Right-to-left pages mark or isolate left-to-right runs.
  ['\u200e', '\u200e'],
  ['\u200f', '\u200f'],
  ['\u2066', '\u2069'],
  ['\u202b', '\u202c'],
  ["'", "'"],
  [`${'Ä'.repeat(3000)} `, ''],
];

const addresses: Mutation = {
  name: 'hostile-addresses',
  benign: false,
  weight: 2,
  apply(v) {
    const done: string[] = [];
    // The saved page's accounts (not the hundreds of a huge list: the pool is small).
    for (const account of v.accounts.slice(0, 2)) {
      if (!v.rng.chance(0.7)) continue;
      const next = v.rng.pick(hostileAddresses.filter((a) => !v.account(a)));
      const [before, after] = v.rng.pick(decorations);
      const shown = v.rng.chance(0.3) ? next.toUpperCase() : next;
      const text = `${before}${shown}${after}`;
      for (const row of account.rows) v.now(row.holder).textContent = text;
      if (v.signedInAs === account.address) {
        const upn = v.now(v.marks.upn);
        if (upn) upn.textContent = text;
        v.signedInAs = next;
      }
      if (v.dialogAbout === account.address) {
        const holder = v.now(v.marks.dialogHolder);
        if (holder) holder.textContent = text;
        v.dialogAbout = next;
      }
      done.push(`${account.address} -> ${JSON.stringify(text.length > 80 ? `${text.slice(0, 40)}…${text.slice(-30)}` : text)}`);
      account.address = next;
    }
    return done.join('; ') || null;
  },
};

/** A copy of an account row; its Remove is as usable as the original's. */
function cloneRow(v: Variant, account: AccountTruth, row: RowTruth): RowTruth | null {
  const holder = v.now(row.holder);
  const element = rowOf(holder);
  if (!element || !element.isConnected) return null;
  const copy = element.cloneNode(true) as Element;
  const remove = row.remove && within(element, v.now(row.remove)) ? counterpart(element, copy, v.now(row.remove)) : null;
  const entry = { holder: counterpart(element, copy, holder), remove, removable: row.removable };
  account.rows.push(entry);
  return entry;
}

const duplicate: Mutation = {
  name: 'duplicate-row',
  benign: false,
  weight: 1,
  apply(v) {
    const candidates = v.accounts.filter((a) => a.rows.some((r) => rowOf(v.now(r.holder))?.isConnected));
    if (candidates.length === 0) return null;
    const account = v.rng.pick(candidates);
    const row = account.rows[0] as RowTruth;
    const original = rowOf(v.now(row.holder)) as Element;
    const entry = cloneRow(v, account, row);
    if (!entry) return null;
    const copy = rowOf(entry.holder) as Element;
    if (v.rng.chance(0.5)) original.after(copy);
    else original.parentElement?.append(copy);
    return account.address;
  },
};

const huge: Mutation = {
  name: 'huge-list',
  benign: false,
  // Rare: the reader's rows cost quadratic time in their number (nothing on Learn, which links
  // six accounts at most, but seconds a variant in jsdom).
  weight: 0.25,
  apply(v) {
    const template = v.accounts.flatMap((a) => a.rows.map((r) => ({ a, r }))).find(({ r }) => r.remove && rowOf(v.now(r.holder))?.isConnected);
    if (!template) return null;
    const parent = rowOf(v.now(template.r.holder))?.parentElement;
    if (!parent) return null;
    const count = 200 + v.rng.int(101);
    for (let i = 0; i < count; i += 1) {
      const kind: Kind = v.rng.chance(0.5) ? 'personal' : 'work';
      const account: AccountTruth = { address: `user${i}.${v.seed % 1000}@example${i % 7}.com`, kind, rows: [] };
      const entry = cloneRow(v, account, template.r);
      if (!entry) return null;
      const copy = rowOf(entry.holder) as Element;
      entry.holder.textContent = account.address;
      copy.querySelector('[role="img"]')?.setAttribute('aria-label', kindLabel(kind, v.language));
      copy.querySelector('.badge')?.remove();
      if (entry.remove) for (const name of ['disabled', 'aria-disabled', 'title']) entry.remove.removeAttribute(name);
      entry.removable = entry.remove !== null;
      parent.append(copy);
      v.accounts.push(account);
    }
    return `${count} rows`;
  },
};

const empty: Mutation = {
  name: 'empty-list',
  benign: false,
  weight: 1,
  apply(v) {
    let removed = 0;
    for (const account of v.accounts) for (const row of account.rows) {
      const element = rowOf(v.now(row.holder));
      if (element?.isConnected) {
        element.remove();
        removed += 1;
      }
    }
    return removed > 0 ? `${removed} rows` : null;
  },
};

const remove: Mutation = {
  name: 'remove',
  benign: false,
  weight: 3,
  apply(v) {
    const done: string[] = [];
    for (let i = 0; i < 1 + v.rng.int(2); i += 1) {
      const element = v.aim();
      if (!element) continue;
      done.push(describe(element));
      element.remove();
    }
    return done.join('; ') || null;
  },
};

const hide: Mutation = {
  name: 'hide',
  benign: false,
  weight: 2,
  apply(v) {
    const element = v.aim();
    if (!element || !(element instanceof HTMLElement)) return null;
    const how = v.rng.pick(['hidden', 'aria-hidden', 'display', 'visibility', 'content-visibility']);
    if (how === 'hidden') element.hidden = true;
    else if (how === 'aria-hidden') element.setAttribute('aria-hidden', 'true');
    else if (how === 'display') element.style.display = 'none';
    else if (how === 'visibility') element.style.visibility = 'hidden';
    else element.style.setProperty('content-visibility', 'hidden');
    v.hide(element, how === 'hidden' ? 'attr' : how === 'aria-hidden' ? 'aria' : 'css');
    return `${describe(element)} by ${how}`;
  },
};

/**
 * Every Remove of the list usable, the signed-in account's too (Learn refusing only once it is
 * pressed): the locators may find it, and only the plan's safety gate keeps it from the guide.
 */
const enableRemoves: Mutation = {
  name: 'enable-removes',
  benign: false,
  weight: 1,
  apply(v) {
    let enabled = 0;
    for (const account of v.accounts) for (const row of account.rows) {
      if (!row.remove || row.removable) continue;
      const remove = v.now(row.remove);
      for (const name of ['disabled', 'aria-disabled', 'title']) remove.removeAttribute(name);
      row.removable = true;
      enabled += 1;
    }
    return enabled > 0 ? `${enabled}` : null;
  },
};

const openMenu: Mutation = {
  name: 'open-menu',
  benign: true,
  weight: 1,
  apply(v) {
    const menu = v.now(v.marks.menu);
    if (!menu) return null;
    menu.setAttribute('open', '');
    return 'open';
  },
};

/** Another "Remove" somewhere a person could see it, that removes no account of the list. */
const decoys: Mutation = {
  name: 'decoy',
  benign: false,
  weight: 3,
  apply(v) {
    const doc = v.doc;
    const words = { en: 'Remove', fr: 'Supprimer', de: 'Entfernen' }[v.language];
    const button = (name: string, text = words) => {
      const element = doc.createElement('button');
      element.type = 'button';
      if (name) element.setAttribute('data-bi-name', name);
      element.textContent = text;
      v.decoys.push(element);
      return element;
    };
    const main = doc.querySelector('main') ?? doc.body;
    const section = v.now(v.marks.section);
    const list = v.now(v.marks.list);
    const place = v.rng.pick([
      'delete-profile',
      'header',
      'dialog',
      'closed-dialog',
      'announcement',
      'addressless-row',
      'second-in-row',
      'add-account-elsewhere',
      'certification',
      'hidden-manage',
      'footer',
    ]);
    switch (place) {
      case 'delete-profile':
        (v.now(v.marks.deleteSection) ?? main).append(button(v.rng.pick(['remove-profile', 'delete-profile', ''])));
        break;
      case 'header': {
        const header = v.now(v.marks.header) ?? doc.body;
        header.append(button('remove-notification'), button('site-header-add-account', { en: 'Add account', fr: 'Ajouter un compte', de: 'Konto hinzufügen' }[v.language]));
        break;
      }
      case 'dialog': {
        // An open dialog about something else (or about an address that is not linked).
        const dialog = doc.createElement('div');
        dialog.setAttribute('role', v.rng.pick(['dialog', 'alertdialog']));
        dialog.setAttribute('aria-modal', 'true');
        const p = doc.createElement('p');
        p.textContent = v.rng.chance(0.5) ? 'Remove this collection?' : `Remove ${unlinked}?`;
        dialog.append(p, button('confirm-remove-collection'));
        doc.body.append(dialog);
        v.decoyDialogs.push(dialog);
        break;
      }
      case 'closed-dialog': {
        // A closed <dialog> naming a linked account: nothing in it is on screen.
        const dialog = doc.createElement('dialog');
        if (v.rng.chance(0.5)) dialog.setAttribute('role', 'dialog');
        const p = doc.createElement('p');
        p.textContent = `Remove ${v.accounts[0]?.address ?? learner}?`;
        dialog.append(p, button('confirm-remove-account'));
        doc.body.append(dialog);
        v.hide(dialog, 'css');
        break;
      }
      case 'announcement': {
        if (!section) return null;
        const region = doc.createElement(v.rng.chance(0.5) ? 'div' : 'p');
        region.setAttribute(...v.rng.pick<[string, string]>([['role', 'status'], ['role', 'alert'], ['aria-live', 'polite']]));
        const text = doc.createElement('span');
        text.textContent = `${v.accounts[0]?.address ?? stranger} ${v.rng.pick(['was removed.', 'is already linked.'])}`;
        region.append(text, button(v.rng.pick(['remove-notice', ''])));
        if (v.rng.chance(0.5)) section.prepend(region);
        else section.append(region);
        break;
      }
      case 'addressless-row': {
        // A row of the list that names no account (a pending invitation), with its own Remove.
        if (!list || !list.isConnected) return null;
        const item = doc.createElement(list.tagName === 'UL' || list.tagName === 'OL' ? 'li' : 'div');
        item.className = 'account-row';
        const text = doc.createElement('span');
        text.textContent = v.rng.pick(['Pending invitation', 'Ana Muñoz', 'Account unavailable']);
        item.append(text, button(v.rng.pick(['remove-account', 'remove-invitation', ''])));
        if (v.rng.chance(0.5)) list.append(item);
        else list.prepend(item);
        break;
      }
      case 'second-in-row': {
        // Another control of a row whose name starts the same ("Remove photo"), before its Remove.
        const holder = v.now(v.accounts[0]?.rows[0]?.holder ?? null);
        const element = holder && rowOf(holder);
        if (!element || !element.isConnected) return null;
        element.prepend(button(v.rng.pick(['remove-photo', '']), `${words} ${{ en: 'photo', fr: 'la photo', de: 'Foto' }[v.language]}`));
        break;
      }
      case 'add-account-elsewhere':
        // "Add account" for something else (a promotion at the top of the page).
        main.prepend(button('', { en: 'Add account', fr: 'Ajouter un compte', de: 'Konto hinzufügen' }[v.language]));
        break;
      case 'certification': {
        const certification = doc.querySelector('#certification-profile, .certification-profile') ?? main;
        certification.append(button('remove-certification-profile', `${words} certification profile`));
        break;
      }
      case 'hidden-manage': {
        // The link Learn shows once a Certification profile is connected, kept hidden.
        const link = doc.createElement('a');
        link.href = '/en-us/users/me/credentials';
        link.hidden = true;
        link.textContent = { en: 'Manage certification profile and exam discounts', fr: 'Gérer le profil de certification', de: 'Zertifizierungsprofil verwalten' }[v.language];
        (doc.querySelector('#certification-profile, .certification-profile') ?? main).append(link);
        v.decoys.push(link);
        break;
      }
      case 'footer':
        (doc.querySelector('footer') ?? doc.body).append(button(''));
        break;
    }
    return place;
  },
};

export const mutations: Mutation[] = [
  classes,
  ids,
  reorder,
  wrap,
  shadowSlot,
  openMenu,
  enableRemoves,
  shadowHide,
  shadowMove,
  biNames,
  renameTags,
  translate,
  reword,
  names,
  addresses,
  duplicate,
  huge,
  empty,
  remove,
  hide,
  decoys,
];

function describe(element: Element): string {
  const bi = element.getAttribute('data-bi-name');
  const cls = element.getAttribute('class');
  return `${element.tagName.toLowerCase()}${bi ? `[data-bi-name=${bi}]` : cls ? `.${cls.split(' ')[0]}` : ''}`;
}

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
  for (let i = 0; i < count; i += 1) {
    const mutation = draw(rng, pool);
    const done = mutation.apply(variant);
    if (done === null) continue;
    variant.applied.push(`${mutation.name}: ${done}`);
    variant.benign &&= mutation.benign;
  }
  return variant;
}
