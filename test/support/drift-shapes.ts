import type { Kind, KindMark, Mutation, RowMenu, RowTruth, Variant } from './drift-truth.ts';
import { key, kindLabel, say, signedInWords } from './drift-wording.ts';

// ---------------------------------------------------------------------------------------
// Shapes: the account list rebuilt the way other design systems draw one, every fact kept
// (each address, its kind, its Remove and whether that Remove may be used, the "Signed in"
// badge), the truth moved to the new elements. A page's design comes before its drift:
// these apply first (`stage`), and the other mutations then change the shape.

type Layout = 'list' | 'cards' | 'table' | 'dl-address' | 'dl-kind';
/** Where the kind is told: a visible text, or only an icon's name, a tooltip or a class token. */
type KindAs = 'text' | 'icon-label' | 'svg-title' | 'img-alt' | 'icon-title' | 'row-title' | 'icon-class' | 'row-class';
/** `web-component`: Fluent's button element (role given by script, no attribute), disabled by its attribute. */
type RemoveAs = 'button' | 'link' | 'link-role' | 'web-component' | 'details' | 'aria-menu' | 'aria-menu-sibling';

const layouts: Layout[] = ['list', 'cards', 'table', 'dl-address', 'dl-kind'];
const quietKinds: KindAs[] = ['icon-label', 'svg-title', 'img-alt', 'icon-title', 'row-title', 'icon-class', 'row-class'];
const otherRemoves: RemoveAs[] = ['link', 'link-role', 'web-component', 'details', 'aria-menu', 'aria-menu-sibling'];
/** Class tokens that tell the kind: personal, work. */
const kindTokens: Array<readonly [string, string]> = [
  ['account--msa', 'account--aad'],
  ['type-personal', 'type-work'],
  ['is-microsoft-account', 'is-work-account'],
];
const SVG = 'http://www.w3.org/2000/svg';

interface Design {
  layout: Layout;
  kindAs: KindAs;
  removeAs: RemoveAs;
  /** A description list's entries each in a div. */
  grouped: boolean;
  /** No white space between elements (server-rendered markup). */
  packed: boolean;
  /** "Personal" / "Work or school" rather than the full labels. */
  short: boolean;
  tokens: readonly [string, string];
  /** The Removes keep their data-bi-name. */
  bi: boolean;
  /** Lists and tables: each address in a read-only field (a server's form per account). */
  fields: boolean;
}

function designOf(v: Variant, layout: Layout, kindAs?: KindAs, removeAs?: RemoveAs): Design {
  return {
    layout,
    kindAs: kindAs ?? (v.rng.chance(0.5) ? 'text' : v.rng.pick(quietKinds)),
    removeAs: removeAs ?? (v.rng.chance(0.6) ? 'button' : v.rng.pick(otherRemoves)),
    grouped: v.rng.chance(0.4),
    packed: v.rng.chance(0.5),
    short: v.rng.chance(0.3),
    tokens: v.rng.pick(kindTokens),
    bi: v.rng.chance(0.5),
    fields: v.rng.chance(0.15),
  };
}

/** What a row shows, read from the truth and the row before it is rebuilt. */
interface RowFacts {
  row: RowTruth;
  kind: Kind;
  address: string;
  removable: boolean;
  hasRemove: boolean;
  text: string;
  title: string | null;
  bi: string | null;
  signedIn: boolean;
}

/** The text of a holder that shows the address (not the other elements it may hold; a read-only field's value). */
function addressTextOf(holder: Element, fallback: string): string {
  if (holder.localName === 'input') return holder.getAttribute('value') ?? fallback;
  const walker = holder.ownerDocument.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.data.includes('@')) return node.data.trim();
  }
  return fallback;
}

/** Builds the account list of `design` in place of the current one; what it did, or null. */
function rebuild(v: Variant, design: Design): string | null {
  const old = v.now(v.marks.list);
  if (!old || !old.isConnected) return null;
  const entries = v.accounts.flatMap((account) => account.rows.map((row) => ({ account, row })))
    .filter(({ row }) => v.rowParts(row).every((p) => p.isConnected && old.contains(p)) && old.contains(v.now(row.holder)));
  if (entries.length === 0) return null;
  const { doc, rng, language } = v;
  const facts: RowFacts[] = entries.map(({ account, row }) => {
    const remove = row.remove ? v.now(row.remove) : null;
    const parts = v.rowParts(row);
    return {
      row,
      kind: account.kind,
      address: addressTextOf(v.now(row.holder), account.address),
      removable: row.removable,
      hasRemove: remove !== null && old.contains(remove),
      text: remove?.textContent?.trim() || say('Remove', language),
      title: remove?.getAttribute('title') ?? null,
      bi: remove?.getAttribute('data-bi-name') ?? null,
      signedIn: parts.some((p) => [...p.querySelectorAll('*')].some((e) => e.children.length === 0 && signedInWords.has(key(e.textContent ?? '')))),
    };
  });

  const el = (tag: string, attributes: Record<string, string | null> = {}, ...children: Array<Node | string>): Element => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) if (value !== null) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
  const cls = (...options: string[]): string | null => rng.pick(options) || null;
  /** Appends children, with white space between them unless packed. */
  const put = (parent: Element, ...children: Array<Node | string | null>) => {
    for (const child of children) {
      if (child === null) continue;
      if (!design.packed && parent.childNodes.length > 0) parent.append(rng.pick([' ', '\n', '\n  ']));
      parent.append(child);
    }
    return parent;
  };
  const svg = (attributes: Record<string, string>) => {
    const icon = doc.createElementNS(SVG, 'svg');
    for (const [name, value] of Object.entries({ viewBox: '0 0 24 24', width: '20', height: '20', ...attributes })) icon.setAttribute(name, value);
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z');
    icon.append(path);
    return icon;
  };
  /** An icon that tells nothing in markup (the kind is then told elsewhere). */
  const decorative = (): Element =>
    rng.chance(0.5) ? svg({ 'aria-hidden': 'true', focusable: 'false' }) : el('span', { class: cls('icon', 'account-icon', 'docon'), 'aria-hidden': 'true' });
  const badge = () => el(rng.pick(['span', 'small', 'p']), { class: cls('badge', 'badge badge-success', 'tag', '') }, say('Signed in', language));

  /** The kind inside `into`; `direct`: as `into`'s own text when told in words. Row-level kinds: `rowKind`. */
  const kindIn = (into: Element, kind: Kind, direct: boolean): KindMark[] => {
    const full = kindLabel(kind, language);
    const shown = design.short ? say(kind === 'personal' ? 'Personal' : 'Work or school', language) : full;
    switch (design.kindAs) {
      case 'text': {
        if (direct) {
          into.append(shown);
          return [{ how: 'text', element: into }];
        }
        const text = el(rng.pick(['span', 'small', 'p', 'div']), { class: cls('badge', 'tag', 'account-type', 'label', '') }, shown);
        put(into, rng.chance(0.3) ? decorative() : null, text);
        return [{ how: 'text', element: text }];
      }
      case 'icon-label': {
        const icon = el(rng.pick(['span', 'i', 'div']), { class: cls('icon', 'account-icon', 'avatar', ''), role: 'img', 'aria-label': full });
        if (rng.chance(0.7)) icon.append(svg({ 'aria-hidden': 'true', focusable: 'false' }));
        put(into, icon);
        return [{ how: 'attribute', element: icon, name: 'aria-label' }];
      }
      case 'svg-title': {
        const icon = svg({ role: 'img', class: rng.pick(['icon', 'account-icon']) });
        const title = doc.createElementNS(SVG, 'title');
        title.textContent = full;
        icon.prepend(title);
        put(into, icon);
        return [{ how: 'text', element: title }];
      }
      case 'img-alt': {
        const src = rng.pick(['/media/learn/account-icon-1.svg', 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E']);
        const img = el('img', { src, alt: full, width: '20', height: '20', class: cls('icon', '') });
        put(into, img);
        return [{ how: 'attribute', element: img, name: 'alt' }];
      }
      case 'icon-title': {
        const icon = el(rng.pick(['span', 'i']), { class: cls('icon', 'account-icon', ''), title: full });
        if (rng.chance(0.6)) icon.append(svg({ 'aria-hidden': 'true', focusable: 'false' }));
        put(into, icon);
        return [{ how: 'attribute', element: icon, name: 'title' }];
      }
      case 'icon-class': {
        const token = design.tokens[kind === 'personal' ? 0 : 1] as string;
        const icon = el(rng.pick(['span', 'i']), { class: `${rng.pick(['icon', 'account-icon', 'docon'])} ${token}`, 'aria-hidden': 'true' });
        put(into, icon);
        return [{ how: 'class', element: icon, tokens: design.tokens }];
      }
      default:
        // Told by the row (title, class): here at most an icon that says nothing.
        if (rng.chance(0.5)) put(into, decorative());
        return [];
    }
  };
  const rowKind = (row: Element, kind: Kind): KindMark[] => {
    if (design.kindAs === 'row-title') {
      row.setAttribute('title', kindLabel(kind, language));
      return [{ how: 'attribute', element: row, name: 'title' }];
    }
    if (design.kindAs === 'row-class') {
      row.classList.add(design.tokens[kind === 'personal' ? 0 : 1] as string);
      return [{ how: 'class', element: row, tokens: design.tokens }];
    }
    return [];
  };

  /** A read-only field showing `address`, named by what it holds. */
  const field = (address: string) => el('input', { readonly: '', value: address, class: cls('form-control', 'input', ''), 'aria-label': say('Account', language) });
  /** The opener's face: a glyph or an icon, named "More actions" by a label or a text only screen readers get. */
  const face = (opener: Element) => {
    const more = say('More actions', language);
    opener.append(rng.chance(0.5) ? '⋯' : svg({ 'aria-hidden': 'true', focusable: 'false' }));
    if (rng.chance(0.7)) opener.setAttribute('aria-label', more);
    else opener.append(el('span', { class: 'visually-hidden' }, more));
  };
  /** A Remove control; a disabled one stays disabled in every form (disabled on buttons, aria-disabled on all). */
  const control = (f: RowFacts, form: 'button' | 'link' | 'link-role' | 'web-component' | 'menuitem', inList = false): Element => {
    let e: Element;
    if (form === 'web-component') e = el('fluent-button', { appearance: rng.pick(['subtle', 'outline', 'transparent']), class: cls('remove', 'row-action', '') }, f.text);
    else if (form === 'button') e = el('button', { type: 'button', class: cls('button button-sm button-clear', 'button button-danger button-sm', 'btn btn-link', '') }, f.text);
    else if (form === 'link') e = el('a', { href: '#', class: cls('button button-sm', 'button button-clear', 'btn btn-secondary') }, f.text);
    else if (form === 'link-role') {
      e = rng.chance(0.5)
        ? el('a', { role: 'button', href: '#', class: cls('button', 'link-button', '') }, f.text)
        : el('a', { role: 'button', tabindex: '0', class: cls('button', 'link-button', '') }, f.text);
    } else {
      const tag = inList && rng.chance(0.2) ? 'li' : rng.pick(['button', 'button', 'button', 'a', 'div']);
      const itemClass = cls('menu-item', 'dropdown-item', '');
      e =
        tag === 'button'
          ? el('button', { type: 'button', role: 'menuitem', class: itemClass }, f.text)
          : tag === 'a'
            ? el('a', { href: '#', role: 'menuitem', class: itemClass }, f.text)
            : el(tag, { role: 'menuitem', tabindex: '-1', class: itemClass }, f.text);
    }
    if (f.bi && design.bi) e.setAttribute('data-bi-name', f.bi);
    if (!f.removable) {
      if (e.localName === 'button' || e.localName === 'fluent-button') e.setAttribute('disabled', '');
      // (A web component says it on its inner button, in its shadow: its attribute alone, now and then.)
      if (e.localName !== 'fluent-button' || rng.chance(0.5)) e.setAttribute('aria-disabled', 'true');
      if (f.title) e.setAttribute('title', f.title);
    }
    return e;
  };
  /** The row's Remove inside `into`, in the design's form. */
  const removeIn = (into: Element, f: RowFacts): { remove: Element | null; menu: RowMenu | null } => {
    if (!f.hasRemove) return { remove: null, menu: null };
    const form = design.removeAs;
    if (form === 'button' || form === 'link' || form === 'link-role' || form === 'web-component') {
      const e = control(f, form);
      put(into, e);
      return { remove: e, menu: null };
    }
    // A per-row "More actions" menu, closed (now and then open).
    const open = rng.chance(0.15);
    if (form === 'details') {
      const summary = el('summary', { class: cls('button button-clear button-sm', 'menu-button', '') });
      face(summary);
      const item = control(f, rng.chance(0.7) ? 'button' : 'link');
      const panel = rng.chance(0.3) ? el('ul', { class: cls('menu', 'dropdown-menu') }, el('li', {}, item)) : el('div', { class: cls('menu', 'popover-content', 'dropdown-menu') }, item);
      const details = el('details', { class: cls('row-menu', 'popover', 'dropdown', '') }, summary, panel);
      if (open) details.setAttribute('open', '');
      put(into, details);
      return { remove: item, menu: { form: 'details', menu: details, opener: summary } };
    }
    const id = v.id('menu-');
    const opener = el('button', {
      type: 'button',
      class: cls('button button-clear button-sm', 'menu-button', ''),
      'aria-haspopup': rng.pick(['menu', 'true']),
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': form === 'aria-menu' ? id : null,
    });
    face(opener);
    const inList = rng.chance(0.4);
    const item = control(f, 'menuitem', inList);
    const menu = el(inList ? 'ul' : 'div', { role: 'menu', id: form === 'aria-menu' || rng.chance(0.5) ? id : null, class: cls('menu', 'dropdown-menu', '') });
    menu.append(inList && item.localName !== 'li' ? el('li', { role: 'none' }, item) : item);
    if (!open) menu.setAttribute('hidden', '');
    // Now and then a button before the opener whose popup is no menu ("About this account").
    const about = rng.chance(0.3) ? [el('button', { type: 'button', 'aria-haspopup': rng.pick(['dialog', 'listbox', 'false']), 'aria-label': 'About this account' }, '?')] : [];
    // The opener and its menu side by side, in a wrapper of their own (a row's reordering keeps them so).
    put(into, el(rng.pick(['div', 'div', 'span']), { class: cls('dropdown', 'menu-wrapper', '') }, ...about, opener, menu));
    return { remove: item, menu: { form: 'aria', menu, opener } };
  };

  interface Built {
    f: RowFacts;
    holder: Element;
    parts: Element[];
    kinds: KindMark[];
    remove: Element | null;
    menu: RowMenu | null;
  }
  const built: Built[] = [];
  let list: Element;
  let replacement: Element;
  switch (design.layout) {
    case 'list': {
      const tag = rng.pick(['ul', 'ol', 'div']);
      list = el(tag, { class: cls('account-list', 'accounts', 'list-unstyled', 'stack', '') });
      for (const f of facts) {
        const row = el(tag === 'div' ? rng.pick(['div', 'article']) : 'li', { class: cls('account-row', 'account', 'list-item', 'linked-account', '') });
        const holder = design.fields ? field(f.address) : el(rng.pick(['span', 'strong', 'p', 'div']), { class: cls('account-email', 'email', 'address', '') }, f.address);
        const details = rng.chance(0.5) ? el('div', { class: cls('account-details', 'details', '') }) : row;
        const kindFirst = design.kindAs !== 'text' || rng.chance(0.3);
        const kinds = kindFirst ? kindIn(row, f.kind, false) : [];
        if (details !== row) put(row, details);
        put(details, holder, f.signedIn ? badge() : null);
        if (!kindFirst) kinds.push(...kindIn(details, f.kind, false));
        kinds.push(...rowKind(row, f.kind));
        const r = removeIn(row, f);
        put(list, row);
        built.push({ f, holder, parts: [row], kinds, ...r });
      }
      replacement = list;
      break;
    }
    case 'cards': {
      const gridTag = rng.pick(['div', 'div', 'ul']);
      list = el(gridTag, { class: cls('card-grid', 'grid', 'cards', 'columns is-multiline', '') });
      for (const f of facts) {
        const card = el(rng.pick(['article', 'div']), { class: cls('card', 'card account-card', 'tile', 'box', '') });
        const level = rng.pick(['h3', 'h3', 'h4', 'role']);
        const holder =
          level === 'role'
            ? el('div', { role: 'heading', 'aria-level': '3', class: cls('card-title', 'title', '') }, f.address)
            : el(level, { class: cls('card-title', 'title is-5', '') }, f.address);
        const head = rng.chance(0.6) ? el('div', { class: cls('card-header', 'card-content', 'card-body') }) : card;
        if (head !== card) put(card, head);
        const kinds: KindMark[] = [];
        if (rng.chance(0.3)) {
          kinds.push(...kindIn(head, f.kind, false));
          put(head, holder);
        } else {
          put(head, holder);
          kinds.push(...kindIn(head, f.kind, false));
        }
        if (f.signedIn) put(head, badge());
        kinds.push(...rowKind(card, f.kind));
        const footer = rng.chance(0.6) ? put(card, el('div', { class: cls('card-footer', 'card-actions', '') })).lastElementChild as Element : card;
        const r = removeIn(footer, f);
        const item = gridTag === 'ul' ? el('li', { class: cls('grid-item', '') }, card) : card;
        put(list, item);
        built.push({ f, holder, parts: [item], kinds, ...r });
      }
      replacement = list;
      break;
    }
    case 'table': {
      const table = el('table', { class: cls('table', 'table is-striped', 'accounts-table', '') });
      const th = (...children: Array<Node | string>) => el('th', { scope: 'col' }, ...children);
      const actions = rng.chance(0.5) ? th() : th(el('span', { class: 'visually-hidden' }, say('Actions', language)));
      const thead = el('thead', {}, put(el('tr'), th(say('Account', language)), th(say('Type', language)), actions));
      list = el('tbody');
      put(table, thead, list);
      for (const f of facts) {
        const tr = el('tr', { class: cls('account-row', '') });
        const addressCell = el('td');
        let holder: Element;
        if (f.signedIn || design.fields || rng.chance(0.4)) {
          holder = design.fields ? field(f.address) : el(rng.pick(['span', 'strong']), {}, f.address);
          put(addressCell, holder, f.signedIn ? badge() : null);
        } else {
          addressCell.append(f.address);
          holder = addressCell;
        }
        const kindCell = el('td');
        const kinds = [...kindIn(kindCell, f.kind, rng.chance(0.5)), ...rowKind(tr, f.kind)];
        const removeCell = el('td', { class: cls('text-right', 'actions', '') });
        const r = removeIn(removeCell, f);
        put(tr, addressCell, kindCell, removeCell);
        put(list, tr);
        built.push({ f, holder, parts: [tr], kinds, ...r });
      }
      replacement = rng.chance(0.5) ? el('div', { class: cls('table-wrapper', 'table-responsive', 'scroll-x') }, table) : table;
      break;
    }
    case 'dl-address':
    case 'dl-kind': {
      list = el('dl', { class: cls('account-list', 'accounts', 'dl-horizontal', '') });
      for (const f of facts) {
        let holder: Element;
        let entry: Element[];
        let kinds: KindMark[];
        let r: { remove: Element | null; menu: RowMenu | null };
        if (design.layout === 'dl-address') {
          // <dt>address</dt><dd>kind</dd><dd>Remove</dd>
          const dt = el('dt', { class: cls('account-email', '') });
          if (rng.chance(0.3)) dt.append((holder = el('span', {}, f.address)));
          else {
            dt.append(f.address);
            holder = dt;
          }
          const kindDd = el('dd', { class: cls('account-type', '') });
          kinds = kindIn(kindDd, f.kind, !f.signedIn && rng.chance(0.5));
          if (f.signedIn) put(kindDd, badge());
          const removeDd = el('dd', { class: cls('account-actions', '') });
          r = removeIn(removeDd, f);
          entry = [dt, kindDd, removeDd];
        } else {
          // <dt>kind</dt><dd>address <button>Remove</button></dd>
          const dt = el('dt', { class: cls('account-type', '') });
          kinds = kindIn(dt, f.kind, true);
          const dd = el('dd', { class: cls('account-email', '') });
          if (rng.chance(0.5)) {
            dd.append(f.address);
            holder = dd;
          } else dd.append((holder = el(rng.pick(['span', 'strong']), {}, f.address)));
          if (f.signedIn) put(dd, badge());
          r = removeIn(dd, f);
          entry = [dt, dd];
        }
        let parts: Element[];
        if (design.grouped) {
          const group = put(el('div', { class: cls('account-row', 'group', '') }), ...entry);
          kinds.push(...rowKind(group, f.kind));
          put(list, group);
          parts = [group];
        } else {
          kinds.push(...rowKind(entry[0] as Element, f.kind));
          put(list, ...entry);
          parts = entry;
        }
        built.push({ f, holder, parts, kinds, ...r });
      }
      replacement = list;
      break;
    }
  }
  const frame = v.listFrame && v.listFrame.isConnected && v.listFrame.contains(old) ? v.listFrame : old;
  frame.replaceWith(replacement);
  v.listFrame = replacement;
  for (const b of built) {
    b.f.row.holder = b.holder;
    b.f.row.remove = b.remove;
    b.f.row.parts = b.parts;
    b.f.row.kinds = b.kinds;
    if (b.menu) v.rowMenus.push(b.menu);
  }
  v.marks.list = list;
  const shape = design.layout.startsWith('dl')
    ? `${design.layout}${design.grouped ? ' grouped' : ''}`
    : `${design.layout}${design.fields && (design.layout === 'list' || design.layout === 'table') ? ' of read-only fields' : ''}`;
  return `${shape}, kind ${design.kindAs}${design.short && design.kindAs === 'text' ? ' (short)' : ''}, remove ${design.removeAs}${design.packed ? ', packed' : ''}`;
}

export const cardShape: Mutation = {
  name: 'shape-cards',
  benign: true,
  weight: 1,
  stage: 1,
  apply: (v) => rebuild(v, designOf(v, 'cards')),
};

export const tableShape: Mutation = {
  name: 'shape-table',
  benign: true,
  weight: 1,
  stage: 1,
  apply: (v) => rebuild(v, designOf(v, 'table')),
};

export const dlShape: Mutation = {
  name: 'shape-dl',
  benign: true,
  weight: 1.2,
  stage: 1,
  apply: (v) => rebuild(v, designOf(v, v.rng.pick(['dl-address', 'dl-kind']))),
};

/** The kind told only by an icon's name, a tooltip or a class token; any layout. */
export const quietKind: Mutation = {
  name: 'shape-kind-unworded',
  benign: true,
  weight: 1,
  stage: 1,
  apply: (v) => rebuild(v, designOf(v, v.rng.pick(layouts), v.rng.pick(quietKinds))),
};

/** Remove as a link, a link-button, or in a per-row "More actions" menu; any layout. */
export const removeShape: Mutation = {
  name: 'shape-remove',
  benign: true,
  weight: 1.2,
  stage: 1,
  apply: (v) => rebuild(v, designOf(v, v.rng.pick(layouts), undefined, v.rng.pick(otherRemoves))),
};
