import { freshIds } from './drift-rows.ts';
import { counterpart } from './drift-sources.ts';
import type { Mutation, Variant } from './drift-truth.ts';

// ---------------------------------------------------------------------------------------
// Surroundings: Settings without section elements, and docs-sized content around Account
// management. Page designs too: they apply after the list's shape, before the drift (`stage`).

/** Replace an element by its children. */
function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

/**
 * Settings without section elements: every section's heading and content (h2 Profile
 * information, its form, h2 Account management, its text, the list, Add account, h2
 * Connected certification profile, ...) children of one container. Only the headings tell
 * where Account management ends.
 */
export const flat: Mutation = {
  name: 'flat-section',
  benign: true,
  weight: 0.8,
  stage: 2,
  apply(v) {
    const section = v.now(v.marks.section);
    if (!section || !section.isConnected) return null;
    let container = section.parentElement;
    while (container && container.matches('section, .settings-section')) container = container.parentElement;
    if (!container || container === v.doc.body) return null;
    if (container.localName !== 'main' && container.parentElement?.localName === 'main' && v.rng.chance(0.3)) {
      const main = container.parentElement;
      unwrap(container);
      container = main;
    }
    let unwrapped = 0;
    for (let child = [...container.children].find((c) => c.matches('section, .settings-section')); child; child = [...container.children].find((c) => c.matches('section, .settings-section'))) {
      unwrap(child);
      unwrapped += 1;
    }
    const buttons = v.now(v.marks.addAccount)?.parentElement;
    const loose = !!buttons && buttons !== container && buttons.parentElement === container && v.rng.chance(0.5);
    if (loose) unwrap(buttons);
    v.marks.section = null;
    v.marks.deleteSection = null;
    v.flatContainer = container;
    return `${unwrapped} sections into ${container.localName}${loose ? ', Add account loose' : ''}`;
  },
};

const docsTopics = ['Prerequisites', 'Overview', 'Create a user', 'Assign licenses', 'Next steps', 'Troubleshoot sign-in', 'Related content', 'Limitations'];
const docsSentences = [
  'You can sign in with a personal Microsoft account or with a work or school account, depending on your organization.',
  'Before you begin, make sure that you have the permissions described in',
  'This article shows how to create users in bulk, and how to assign them to groups with',
  'For more information about guest users and external collaboration, see',
  'Changes can take up to 15 minutes to be reflected across all services; refresh the page with',
];
const docsLinks: Array<[string, string]> = [
  ['/en-us/entra/fundamentals/how-to-create-delete-users', 'Add or delete users'],
  ['/en-us/entra/identity/role-based-access-control/permissions-reference', 'Microsoft Entra built-in roles'],
  ['/en-us/cli/azure/ad/user', 'az ad user'],
  ['/en-us/powershell/module/az.resources/remove-azaduser', 'Remove-AzADUser'],
  ['/en-us/training/modules/intro-to-azure-fundamentals/', 'Introduction to Azure fundamentals'],
  ['/en-us/graph/api/user-post-users', 'Create user'],
];
const docsCode = ['az login', 'userPrincipalName', 'Get-MgUser', 'user@fabrikam.com', '--display-name', 'accountEnabled'];

/** A docs-like block (70 elements or so): heading, paragraphs with links and code, a list, a table, a code sample naming user@fabrikam.com, a note. */
function docsBlock(v: Variant, level: string, spill: boolean): Element[] {
  const { doc, rng } = v;
  const el = (tag: string, attributes: Record<string, string> = {}, ...children: Array<Node | string>): Element => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
  const link = () => {
    const [href, text] = rng.pick(docsLinks);
    return el('a', { href, 'data-linktype': 'absolute-path' }, text);
  };
  const para = () => el('p', {}, `${rng.pick(docsSentences)} `, link(), ' and ', link(), '. Run ', el('code', {}, rng.pick(docsCode)), ' first.');
  const rows = Array.from({ length: 3 + rng.int(3) }, (_, i) =>
    el('tr', {}, el('td', {}, el('code', {}, rng.pick(docsCode))), el('td', {}, i === 0 ? el('code', {}, 'user@fabrikam.com') : 'Yes'), el('td', {}, rng.pick(docsSentences).slice(0, 40))),
  );
  const parts = [
    el(level, { id: v.id('docs-') }, rng.pick(docsTopics)),
    para(),
    para(),
    el('ul', {}, ...Array.from({ length: 4 + rng.int(3) }, () => el('li', {}, link()))),
    el('table', { class: 'table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Property'), el('th', {}, 'Example'), el('th', {}, 'Notes'))), el('tbody', {}, ...rows)),
    para(),
    el('pre', {}, el('code', { class: 'lang-azurecli' }, 'az ad user create --display-name "Test User" --user-principal-name user@fabrikam.com --password "<password>"')),
    el('div', { class: 'alert is-info' }, el('p', { class: 'alert-title' }, el('span', { class: 'docon docon-status-info-outline', 'aria-hidden': 'true' }), ' Note'), para()),
    el('h3', { id: v.id('docs-') }, rng.pick(docsTopics)),
    el('ol', {}, ...Array.from({ length: 3 + rng.int(3) }, () => el('li', {}, 'Select ', el('strong', {}, rng.pick(['Save', 'Review + create', 'Next'])), '.'))),
  ];
  return spill ? parts : [el(rng.pick(['section', 'div', 'article']), { class: 'docs-block' }, ...parts)];
}

/**
 * A few hundred elements of docs-like content around Account management: before and after
 * it, and among the children of each of its ancestors (never inside it, nor in the header).
 * In a flat Settings, a block starts with its own h2 and goes where a section would (before a
 * heading, or at the end): the headings still tell where Account management ends.
 */
export const docs: Mutation = {
  name: 'docs-surroundings',
  benign: true,
  // Rare: jsdom is slow on big pages.
  weight: 0.3,
  stage: 3,
  apply(v) {
    const main = v.doc.querySelector('main') ?? v.doc.body;
    const section = v.now(v.marks.section);
    let blocks = 0;
    const insert = (parent: Element, before: Node | null, level: string, spill: boolean) => {
      for (const node of docsBlock(v, level, spill)) parent.insertBefore(node, before);
      blocks += 1;
    };
    const ancestorsOf = (element: Element) => {
      const found: Element[] = [];
      for (let a = element.parentElement; a && a !== v.doc.body; a = a.parentElement) found.push(a);
      return found;
    };
    if (v.flatContainer && v.flatContainer.isConnected) {
      const container = v.flatContainer;
      const boundaries = [...container.children].filter((c) => c.matches('h1, h2, h3, h4, h5, h6, [role="heading"]'));
      for (const before of [...v.rng.shuffle(boundaries).slice(0, 3), null]) insert(container, before, 'h2', v.rng.chance(0.6));
      for (const ancestor of ancestorsOf(container)) insert(ancestor, v.rng.pick([...ancestor.childNodes, null]), 'h2', false);
    } else if (section && section.isConnected) {
      insert(section.parentElement as Element, section, v.rng.pick(['h2', 'h3']), false);
      insert(section.parentElement as Element, section.nextSibling, v.rng.pick(['h2', 'h3']), false);
      for (const ancestor of ancestorsOf(section).slice(1)) insert(ancestor, v.rng.pick([...ancestor.childNodes, null]), v.rng.pick(['h2', 'h3']), false);
    } else {
      insert(main, main.firstChild, 'h2', false);
      insert(main, null, 'h2', false);
    }
    // Beside main too (a banner, a feedback block): never in the header.
    insert(v.doc.body, v.rng.chance(0.5) ? main : main.nextSibling, 'h2', false);
    return `${blocks} blocks`;
  },
};

/**
 * A copy of Account management, hidden from view, before it: a layout's for small screens,
 * drawn by the page only at another width (an inline display: none, or the hidden attribute;
 * a class of the page's style sheet is read-page-shapes.test.ts's, since this test models
 * computed styles from inline ones). Its ids are its own, its references follow them. Its
 * rows are the accounts' rows too, hidden: the accounts stay listed while only the copy shows
 * them, and its controls are never an answer.
 */
export const hiddenCopy: Mutation = {
  name: 'hidden-copy',
  benign: true,
  weight: 0.6,
  stage: 3,
  apply(v) {
    const section = v.now(v.marks.section);
    if (!section || !section.isConnected || !section.parentElement) return null;
    const copy = section.cloneNode(true) as HTMLElement;
    freshIds(v, [copy]);
    const map = (node: Element) => counterpart(section, copy, node);
    for (const account of v.accounts) {
      for (const row of [...account.rows]) {
        const parts = v.rowParts(row);
        if (!parts.every((part) => section.contains(part))) continue;
        account.rows.push({
          holder: map(v.now(row.holder)),
          remove: row.remove && map(v.now(row.remove)),
          removable: row.removable,
          parts: parts.map(map),
          kinds: row.kinds.map((mark) => ({ ...mark, element: map(v.now(mark.element)) })),
        });
      }
    }
    const how = v.rng.pick(['style', 'hidden'] as const);
    if (how === 'style') copy.style.display = 'none';
    else copy.hidden = true;
    v.hide(copy, how === 'hidden' ? 'attr' : 'css');
    section.before(copy);
    return `by ${how}`;
  },
};
