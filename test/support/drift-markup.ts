import { idReferences, type Mutation, type Variant } from './drift-truth.ts';

// ---------------------------------------------------------------------------------------
// Mutations of the markup: classes and ids renamed or stripped, children reordered, wrappers
// and slotting shadow roots, data-bi-name respelled, tags renamed; elements removed, hidden
// or moved into shadow roots; the header's account menu opened.

const token = (v: Variant) => v.id('z');

export const classes: Mutation = {
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

export const ids: Mutation = {
  name: 'ids',
  benign: true,
  weight: 2,
  apply(v) {
    let changed = 0;
    const strip = v.rng.chance(0.5);
    // As a page's own build renames them: what refers to an id follows it, and an id
    // something refers to stays (a page that dropped it would have dropped the reference).
    const referring = [...v.doc.body.querySelectorAll(idReferences.map((name) => `[${name}]`).join(','))];
    const referred = new Set(referring.flatMap((e) => idReferences.flatMap((name) => e.getAttribute(name)?.split(/\s+/) ?? [])));
    const renamed = new Map<string, string>();
    for (const element of v.doc.body.querySelectorAll('[id]')) {
      if (!v.rng.chance(0.7) || (strip && referred.has(element.id))) continue;
      if (strip) element.removeAttribute('id');
      else {
        const was = element.id;
        element.id = token(v);
        renamed.set(was, element.id);
      }
      changed += 1;
    }
    for (const element of referring) {
      for (const name of idReferences) {
        const value = element.getAttribute(name);
        if (value) element.setAttribute(name, value.split(/\s+/).map((id) => renamed.get(id) ?? id).join(' '));
      }
    }
    return `${strip ? 'stripped' : 'renamed'} ${changed}`;
  },
};

export const reorder: Mutation = {
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
      ...v.accounts.map((a) => (a.rows[0] ? v.rowElement(a.rows[0]) : null)),
    ].filter((p): p is Element => !!p && p.isConnected && p.children.length > 1 && p !== v.flatContainer);
    if (parents.length === 0) return null;
    const done: string[] = [];
    for (let i = 0; i < 1 + v.rng.int(3); i += 1) {
      const parent = v.rng.pick(parents);
      parent.append(...v.rng.shuffle(runsOf(parent)).flat());
      done.push(parent.tagName.toLowerCase());
    }
    return `children of ${done.join(', ')}`;
  },
};

/**
 * A parent's children as the runs that must stay together when shuffled: each child alone,
 * except in a description list without groups, where a dt and the dds after it are one
 * entry (shuffling them apart would give an address another account's Remove).
 */
function runsOf(parent: Element): ChildNode[][] {
  const nodes = [...parent.childNodes];
  if (parent.localName !== 'dl' || !parent.querySelector(':scope > dt')) return nodes.map((n) => [n]);
  const runs: ChildNode[][] = [];
  for (const node of nodes) {
    if ((node as Element).localName === 'dt' || runs.length === 0) runs.push([node]);
    else (runs[runs.length - 1] as ChildNode[]).push(node);
  }
  return runs;
}

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

export const wrap: Mutation = {
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

/**
 * The account list made a live region (a row coming or going is announced), or wrapped in
 * one: it is still the list, not an announcement.
 */
export const liveList: Mutation = {
  name: 'live-list',
  benign: true,
  weight: 1,
  apply(v) {
    const list = v.now(v.marks.list);
    if (!list?.isConnected) return null;
    const politeness = v.rng.pick(['polite', 'assertive']);
    if (v.rng.chance(0.5)) {
      list.setAttribute('aria-live', politeness);
      return `list ${list.localName} aria-live=${politeness}`;
    }
    wrapIn(v, list, ['div']);
    const wrapper = list.parentElement as Element;
    wrapper.setAttribute('aria-live', politeness);
    if (v.rng.chance(0.5)) wrapper.setAttribute('aria-relevant', 'additions removals');
    return `list ${list.localName} in div aria-live=${politeness}`;
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

export const shadowSlot: Mutation = {
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

export const shadowHide: Mutation = {
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

export const shadowMove: Mutation = {
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

export const biNames: Mutation = {
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

export const renameTags: Mutation = {
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
      // (A list of rows: not a table already, nor a description list, whose rows are runs.)
      if (!list || !list.isConnected || list.shadowRoot || !['ul', 'ol', 'div'].includes(list.localName)) return null;
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

export const remove: Mutation = {
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

export const hide: Mutation = {
  name: 'hide',
  benign: false,
  weight: 2,
  apply(v) {
    const element = v.aim();
    if (!element || !(element instanceof HTMLElement)) return null;
    const how = v.rng.pick(['hidden', 'aria-hidden', 'display', 'visibility', 'content-visibility']);
    // Already `hidden` (a closed ARIA menu, the Sign in link while signed in): nothing changes.
    if (how === 'hidden' && element.hasAttribute('hidden')) return null;
    if (how === 'hidden') element.hidden = true;
    else if (how === 'aria-hidden') element.setAttribute('aria-hidden', 'true');
    else if (how === 'display') element.style.display = 'none';
    else if (how === 'visibility') element.style.visibility = 'hidden';
    else element.style.setProperty('content-visibility', 'hidden');
    v.hide(element, how === 'hidden' ? 'attr' : how === 'aria-hidden' ? 'aria' : 'css');
    return `${describe(element)} by ${how}`;
  },
};

export const openMenu: Mutation = {
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

function describe(element: Element): string {
  const bi = element.getAttribute('data-bi-name');
  const cls = element.getAttribute('class');
  return `${element.tagName.toLowerCase()}${bi ? `[data-bi-name=${bi}]` : cls ? `.${cls.split(' ')[0]}` : ''}`;
}
