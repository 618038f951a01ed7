import { describe, expect, it } from 'vitest';
import type { ProfileState } from '../../test/fixtures/replica/index.ts';
import { settingsPage } from '../../test/fixtures/replica/pages/settings.ts';

/**
 * The bench's docs-shaped Settings (?docs=N): exactly N more elements than the plain page,
 * placed where a page reader goes, with the settings where the page script fills them in.
 */

const profile: ProfileState = { id: 'bench', displayName: 'Ana Bowman', accounts: ['learner@outlook.com', 'ana@contoso.com'], certificationConnected: false };
const parse = (docs: number) =>
  new DOMParser().parseFromString(settingsPage('en-us', profile, '/en-us/users/me/settings/', undefined, docs).value, 'text/html');
const plain = parse(0).querySelectorAll('*').length;

describe.each([2_000, 20_000])('Settings in a docs page of %i more elements', (count) => {
  const doc = parse(count);

  it('adds exactly that many elements', () => {
    expect(doc.querySelectorAll('*').length - plain).toBe(count);
  });

  it('puts a navigation tree of links outside <main>, several levels deep', () => {
    const links = doc.querySelectorAll('aside nav a[href]').length;
    expect(doc.querySelector('main aside, main .docs-nav')).toBeNull();
    expect(links).toBeGreaterThan(count / 20);
    expect(doc.querySelector('aside nav ul ul ul li a')).not.toBeNull();
  });

  it('nests the settings in wrappers inside an article, with docs sections before, around and after', () => {
    const settings = doc.getElementById('account-settings') as Element;
    const article = settings.closest('main article');
    expect(article).not.toBeNull();
    let wrappers = 0;
    for (let e = settings.parentElement; e && e !== article; e = e.parentElement) wrappers += 1;
    expect(wrappers).toBeGreaterThanOrEqual(4);
    const sections = [...doc.querySelectorAll('main .docs-section')];
    const position = (e: Element) => settings.compareDocumentPosition(e);
    expect(sections.some((s) => position(s) & Node.DOCUMENT_POSITION_PRECEDING)).toBe(true);
    expect(sections.some((s) => position(s) & Node.DOCUMENT_POSITION_FOLLOWING)).toBe(true);
    expect(sections.some((s) => article?.contains(s))).toBe(true);
    for (const shape of ['h2', 'h3', 'p a[href]', 'code', 'strong', 'table tbody td a[href]', 'ul li a', 'pre code', 'button']) {
      expect(doc.querySelector(`main .docs-section ${shape}`), shape).not.toBeNull();
    }
  });

  it('carries the attributes a docs page carries, which the queries by attribute look through', () => {
    // An ARIA tree for the navigation, Learn's telemetry names on controls, link types on content links.
    expect(doc.querySelector('aside nav [role="tree"] > [role="treeitem"][aria-level="1"]')).not.toBeNull();
    expect(doc.querySelector('[role="treeitem"][aria-level="3"] [role="treeitem"][aria-level="4"]')).not.toBeNull();
    expect(doc.querySelectorAll('aside [role="group"]').length).toBeGreaterThan(count / 200);
    expect(doc.querySelectorAll('aside a[data-bi-name]').length).toBe(doc.querySelectorAll('aside a').length);
    expect(doc.querySelectorAll('main .docs-section button[data-bi-name]').length).toBe(doc.querySelectorAll('main .docs-section button').length);
    expect(doc.querySelectorAll('main .docs-section a[data-linktype]').length).toBe(doc.querySelectorAll('main .docs-section a').length);
    // None says what the guide looks for: no heading role, no dialog, no account section.
    expect(doc.querySelector('.docs-main [role="heading"], .docs-main [role$="dialog"], aside [data-bi-name*="account" i]')).toBeNull();
  });

  it('shows addresses in code, never one of the profile', () => {
    const code = [...doc.querySelectorAll('main .docs-section code')].map((c) => c.textContent ?? '');
    expect(code.some((text) => /\w@contoso\.com/.test(text))).toBe(true);
    expect(doc.querySelector('.docs-main')?.textContent).not.toMatch(/learner@outlook\.com|ana@contoso\.com/);
  });

  it('is the same page on every load', () => {
    expect(parse(count).documentElement.outerHTML).toBe(doc.documentElement.outerHTML);
  });
});
