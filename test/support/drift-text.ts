import type { Mutation, Variant } from './drift-truth.ts';
import { key, labels, languageIndex, rewordings, type Language } from './drift-wording.ts';

// ---------------------------------------------------------------------------------------
// Mutations of what the page says: labels translated or reworded, hostile display names and
// addresses.

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
  // Icons' names and tooltips too (the shapes put an account's kind there).
  for (const name of ['aria-label', 'title', 'alt']) {
    for (const element of v.doc.body.querySelectorAll(`[${name}]`)) {
      const next = swap(element.getAttribute(name) ?? '');
      if (next !== null) {
        element.setAttribute(name, next);
        changed += 1;
      }
    }
  }
  return changed;
}

export const translate: Mutation = {
  name: 'translate',
  benign: false,
  weight: 3,
  apply(v) {
    const from = v.language;
    const to = v.rng.pick((['en', 'fr', 'de', 'sv'] as Language[]).filter((l) => l !== from));
    const table = new Map(labels.map((row) => [key(row[languageIndex[from]] as string), row[languageIndex[to]] as string]));
    const share = v.rng.pick([1, 1, 0.6]);
    const changed = relabel(v, (k) => table.get(k) ?? null, share);
    v.language = to;
    // Learn serves the page in the language of its URL; sometimes the path says otherwise.
    const locales: Record<Language, string> = { en: 'en-us', fr: 'fr-fr', de: 'de-de', sv: 'sv-se' };
    if (v.rng.chance(0.7)) v.locale = locales[to];
    v.doc.documentElement.lang = v.locale;
    return `${from} -> ${to} (${changed} labels, share ${share}), locale ${v.locale}`;
  },
};

export const reword: Mutation = {
  name: 'reword',
  benign: false,
  weight: 2,
  apply(v) {
    if (v.language !== 'en') return null;
    const changed = relabel(v, (k) => (rewordings[k] ? v.rng.pick(rewordings[k] as string[]) : null), 0.7);
    return `${changed} labels`;
  },
};

/**
 * Icon-only controls named by other elements (aria-labelledby), as design systems draw them:
 * an icon in the control; its name in a text only screen readers get, one for the page
 * ("Remove", hidden or visually hidden), and in an account's row also the element that shows
 * the row's address: "Remove learner@outlook.com" (German says the address first). The same
 * controls, the same names: benign.
 */
export const namedByOthers: Mutation = {
  name: 'named-by-others',
  benign: true,
  weight: 2,
  apply(v) {
    const labelIds = new Map<string, string>();
    const labelOf = (text: string) => {
      let id = labelIds.get(text);
      if (!id) {
        id = v.id('label-');
        const label = v.doc.createElement('span');
        label.id = id;
        if (v.rng.chance(0.5)) label.hidden = true;
        else label.className = 'visually-hidden';
        label.textContent = text;
        v.doc.body.prepend(label);
        labelIds.set(text, id);
      }
      return id;
    };
    /** Makes `control` (a control showing a label alone) an icon named by its label, and by `address` (an element showing an address alone) when given. */
    const iconOnly = (control: Element, address: Element | null = null): boolean => {
      const text = control.textContent?.trim() ?? '';
      if (!control.isConnected || control.children.length > 0 || !text || !v.rng.chance(0.7)) return false;
      const ids = [labelOf(text)];
      if (address?.isConnected && /^\S+@\S+$/.test(address.textContent?.trim() ?? '') && v.rng.chance(0.7)) {
        address.id ||= v.id('address-');
        if (v.language === 'de') ids.unshift(address.id);
        else ids.push(address.id);
      }
      control.setAttribute('aria-labelledby', ids.join(' '));
      const icon = v.doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      icon.setAttribute('aria-hidden', 'true');
      control.replaceChildren(icon);
      return true;
    };
    let changed = 0;
    for (const account of v.accounts) {
      for (const row of account.rows) if (row.remove && iconOnly(v.now(row.remove), v.now(row.holder))) changed += 1;
    }
    for (const control of [v.marks.addAccount, v.marks.confirm]) if (control && iconOnly(v.now(control))) changed += 1;
    return changed ? `${changed} controls` : null;
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

export const names: Mutation = {
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

export const addresses: Mutation = {
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
      for (const row of account.rows) setAddress(v.now(row.holder), text);
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

/**
 * The address a holder shows, as text: its first text holding an `@` (a holder may hold other
 * elements: a dd with its Remove), or, holding none, all of it; a read-only field's value.
 */
export function setAddress(holder: Element, text: string): void {
  if (holder.localName === 'input') {
    holder.setAttribute('value', text);
    return;
  }
  const walker = holder.ownerDocument.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.data.includes('@')) {
      node.data = text;
      return;
    }
  }
  holder.textContent = text;
}
