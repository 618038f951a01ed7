import { counterpart } from './drift-sources.ts';
import { setAddress } from './drift-text.ts';
import { idReferences, type AccountTruth, type Kind, type KindMark, type Mutation, type RowTruth, type Variant } from './drift-truth.ts';
import { key, kindLabel, signedInWords } from './drift-wording.ts';

// ---------------------------------------------------------------------------------------
// Mutations of the account rows: a row duplicated, 200 to 300 rows added, every row removed,
// every Remove made usable.

/**
 * A copy of an account row (its elements, not yet on the page); its Remove is as usable as
 * the original's, its menus are menus of the copy, and its ids are its own.
 */
function cloneRow(v: Variant, account: AccountTruth, row: RowTruth): RowTruth | null {
  const parts = v.rowParts(row);
  if (parts.length === 0 || parts.some((p) => !p.isConnected)) return null;
  const copies = parts.map((p) => p.cloneNode(true) as Element);
  // The counterpart in the copies of a node of the row's own tree (a clone has no shadow roots).
  const map = (node: Element | null): Element | null => {
    if (!node) return null;
    const i = parts.findIndex((p) => p.contains(node));
    return i < 0 ? null : counterpart(parts[i] as Element, copies[i] as Element, node);
  };
  const holder = map(v.now(row.holder));
  if (!holder) return null;
  const entry: RowTruth = {
    holder,
    remove: map(row.remove && v.now(row.remove)),
    removable: row.removable,
    parts: copies,
    kinds: row.kinds.flatMap((mark) => {
      const element = map(v.now(mark.element));
      return element ? [{ ...mark, element }] : [];
    }),
  };
  for (const menu of [...v.rowMenus]) {
    const [copy, opener] = [map(v.now(menu.menu)), map(v.now(menu.opener))];
    if (copy && opener) v.rowMenus.push({ form: menu.form, menu: copy, opener });
  }
  freshIds(v, copies);
  account.rows.push(entry);
  return entry;
}

/** Fresh ids in copies of the page's elements, and the references inside them follow (a menu button's aria-controls, a label's for). */
export function freshIds(v: Variant, copies: Element[]): void {
  const all = copies.flatMap((c) => [c, ...c.querySelectorAll('*')]);
  const renamed = new Map<string, string>();
  for (const element of all) {
    if (!element.id) continue;
    const fresh = v.id(`${element.id}-`);
    renamed.set(element.id, fresh);
    element.id = fresh;
  }
  for (const element of all) {
    for (const name of idReferences) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.split(/\s+/).map((id) => renamed.get(id) ?? id).join(' '));
    }
  }
}

/** A kind mark made to say another kind (a copied row of another account). */
function setKind(v: Variant, mark: KindMark, kind: Kind): void {
  const label = kindLabel(kind, v.language);
  const element = v.now(mark.element);
  if (mark.how === 'text') element.textContent = label;
  else if (mark.how === 'attribute') element.setAttribute(mark.name, label);
  else {
    element.classList.remove(...mark.tokens);
    element.classList.add(mark.tokens[kind === 'personal' ? 0 : 1] as string);
  }
}

export const duplicate: Mutation = {
  name: 'duplicate-row',
  benign: false,
  weight: 1,
  apply(v) {
    const candidates = v.accounts.filter((a) => a.rows.some((r) => v.rowParts(r).every((p) => p.isConnected)));
    if (candidates.length === 0) return null;
    const account = v.rng.pick(candidates);
    const row = account.rows[0] as RowTruth;
    const original = v.rowParts(row);
    const entry = cloneRow(v, account, row);
    if (!entry) return null;
    if (v.rng.chance(0.5)) (original[original.length - 1] as Element).after(...entry.parts);
    else (original[0] as Element).parentElement?.append(...entry.parts);
    return account.address;
  },
};

export const huge: Mutation = {
  name: 'huge-list',
  benign: false,
  // Rare: the reader's rows cost quadratic time in their number (nothing on Learn, which links
  // six accounts at most, but seconds a variant in jsdom).
  weight: 0.25,
  apply(v) {
    const template = v.accounts
      .flatMap((a) => a.rows.map((r) => ({ a, r })))
      .find(({ r }) => r.remove && v.rowParts(r).every((p) => p.isConnected));
    if (!template) return null;
    const parent = v.rowParts(template.r)[0]?.parentElement;
    if (!parent) return null;
    const count = 200 + v.rng.int(101);
    for (let i = 0; i < count; i += 1) {
      const kind: Kind = v.rng.chance(0.5) ? 'personal' : 'work';
      const account: AccountTruth = { address: `user${i}.${v.seed % 1000}@example${i % 7}.com`, kind, rows: [] };
      const entry = cloneRow(v, account, template.r);
      if (!entry) return null;
      setAddress(entry.holder, account.address);
      for (const mark of entry.kinds) setKind(v, mark, kind);
      // Not signed in with these: no "Signed in" badge.
      for (const part of entry.parts) {
        for (const element of [...part.querySelectorAll('*')]) {
          if (element.children.length === 0 && signedInWords.has(key(element.textContent ?? ''))) element.remove();
        }
      }
      if (entry.remove) for (const name of ['disabled', 'aria-disabled', 'title']) entry.remove.removeAttribute(name);
      entry.removable = entry.remove !== null;
      parent.append(...entry.parts);
      v.accounts.push(account);
    }
    return `${count} rows`;
  },
};

export const empty: Mutation = {
  name: 'empty-list',
  benign: false,
  weight: 1,
  apply(v) {
    let removed = 0;
    for (const account of v.accounts) for (const row of account.rows) {
      const parts = v.rowParts(row).filter((p) => p.isConnected);
      for (const part of parts) part.remove();
      if (parts.length > 0) removed += 1;
    }
    return removed > 0 ? `${removed} rows` : null;
  },
};

/**
 * Every Remove of the list usable, the signed-in account's too (Learn refusing only once it is
 * pressed): the locators may find it, and only the plan's safety gate keeps it from the guide.
 */
export const enableRemoves: Mutation = {
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
