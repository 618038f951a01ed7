import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kind, Marks } from './drift-truth.ts';
import { key } from './drift-wording.ts';

export const learner = 'learner@outlook.com';
/** An address no saved page links: a Remove for it is never right. */
export const stranger = 'cert.ana@hotmail.com';
/** Another address no page links, named only by decoys (never asked about). */
export const unlinked = 'someone@fabrikam.com';

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
  rows: Array<{ element: number[]; holder: number[]; remove: number[] | null; icon: number[] | null; removable: boolean; address: string; kind: Kind }>;
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

export function pathOf(root: Node, node: Node): number[] {
  const path: number[] = [];
  for (let n = node; n !== root; n = n.parentNode as Node) path.unshift([...(n.parentNode as Node).childNodes].indexOf(n as ChildNode));
  return path;
}

export function follow(root: Node, path: number[]): Element {
  let n = root;
  for (const index of path) n = n.childNodes[index] as Node;
  return n as Element;
}

/** The counterpart of `node` (inside `from`) in a deep clone `to` of `from`. */
export function counterpart(from: Node, to: Node, node: Node): Element {
  return follow(to, pathOf(from, node));
}

const sources = new Map<SourceName, Source>();
export function sourceOf(name: SourceName): Source {
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
      element: pathOf(root, row),
      holder: pathOf(root, holder),
      remove: at(remove),
      icon: at(row.querySelector('[role="img"]')),
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
