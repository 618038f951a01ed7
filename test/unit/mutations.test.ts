import { afterEach, describe, expect, it } from 'vitest';
import { touchesGuide } from '../../src/page/mutations.ts';

/** The records a change makes, observed as the content script observes the page (and its text regions). */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

/** Builds markup with the DOM's own parser, not the test's string handling. */
function fragment(html: string): DocumentFragment {
  return document.createRange().createContextualFragment(html);
}

afterEach(() => document.body.replaceChildren());

describe('which mutations the guide looks at', () => {
  it('lets through bursts of plain elements and text coming and going, as a busy page makes them', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const records = recordsOf(() => {
      for (let i = 0; i < 20; i += 1) host.appendChild(document.createElement('span')).textContent = `item ${i}`;
      for (let i = 0; i < 10; i += 1) host.lastElementChild?.remove();
      host.append('a text of its own', document.createElement('br'));
    });
    expect(records.length).toBeGreaterThan(40);
    expect(touchesGuide(records)).toBe(false);
  });

  it('looks at a control arriving inside plain wrappers, among unrelated records', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const records = recordsOf(() => {
      host.append(document.createElement('span'));
      host.append(fragment('<div><div><button data-bi-name="remove-account">Remove</button></div></div>'));
    });
    expect(touchesGuide(records)).toBe(true);
  });

  it('looks at a bare element of a kind the guide reads (a button, a list row) arriving', () => {
    for (const tag of ['button', 'li', 'h2', 'dialog']) {
      expect(touchesGuide(recordsOf(() => document.body.append(document.createElement(tag)))), tag).toBe(true);
    }
  });

  it('looks at a class or a style changed only on a dialog or around one, and at any role changed', () => {
    document.body.append(fragment('<div class="plain"><span>x</span></div><div class="backdrop"><div role="dialog" aria-modal="true"><p>Remove?</p></div></div>'));
    const plain = document.querySelector('.plain') as HTMLElement;
    const backdrop = document.querySelector('.backdrop') as HTMLElement;
    expect(touchesGuide(recordsOf(() => plain.classList.add('hover')))).toBe(false);
    expect(touchesGuide(recordsOf(() => (plain.style.opacity = '0.5')))).toBe(false);
    expect(touchesGuide(recordsOf(() => backdrop.classList.add('is-open')))).toBe(true);
    expect(touchesGuide(recordsOf(() => (backdrop.style.display = 'none')))).toBe(true);
    expect(touchesGuide(recordsOf(() => (document.querySelector('[role="dialog"]') as HTMLElement).classList.add('shown')))).toBe(true);
    expect(touchesGuide(recordsOf(() => plain.setAttribute('role', 'dialog')))).toBe(true);
  });

  it('looks at a class changed in an item of a list (it may tell an account\'s kind), not at a style there', () => {
    document.body.append(fragment('<ul><li class="account account--msa"><span class="icon">x</span> <button>Remove</button></li></ul>'));
    const item = document.querySelector('li') as HTMLElement;
    expect(touchesGuide(recordsOf(() => (item.className = 'account account--aad')))).toBe(true);
    expect(touchesGuide(recordsOf(() => item.querySelector('.icon')?.classList.add('work')))).toBe(true);
    // The overlay names its anchor in the ringed Remove's style (a property jsdom knows stands in for anchor-name).
    const records = recordsOf(() => item.querySelector('button')?.style.setProperty('outline-color', 'red'));
    expect(records).toHaveLength(1);
    expect(touchesGuide(records)).toBe(false);
  });

  it('looks at a text with an address arriving anywhere', () => {
    const host = document.body.appendChild(document.createElement('div'));
    expect(touchesGuide(recordsOf(() => host.append('ana@contoso.com')))).toBe(true);
  });

  it('looks at text arriving in a relevant element or just inside one, not deeper in plain ones', () => {
    document.body.append(fragment('<ul><li><span id="inner"></span></li></ul><div><div><span id="deep"></span></div></div>'));
    const inner = document.getElementById('inner') as HTMLElement;
    const deep = document.getElementById('deep') as HTMLElement;
    expect(touchesGuide(recordsOf(() => inner.append('Microsoft account')))).toBe(true);
    expect(touchesGuide(recordsOf(() => deep.append('Microsoft account')))).toBe(false);
  });

  it('looks at a relevant element leaving, alone or inside a plain one', () => {
    document.body.append(fragment('<div id="list"><div><li>ana@contoso.com <button>Remove</button></li></div><span id="plain">x</span></div>'));
    const list = document.getElementById('list') as HTMLElement;
    expect(touchesGuide(recordsOf(() => document.getElementById('plain')?.remove()))).toBe(false);
    expect(touchesGuide(recordsOf(() => list.firstElementChild?.remove()))).toBe(true);
  });

  it('looks at what a relevant element held when its content is replaced', () => {
    document.body.append(fragment('<section id="accounts"><button>Remove</button></section>'));
    const section = document.getElementById('accounts') as HTMLElement;
    expect(touchesGuide(recordsOf(() => section.replaceChildren(document.createElement('span'))))).toBe(true);
  });

  it('looks at text rewritten in place when it holds an address or sits in a relevant element', () => {
    document.body.append(fragment('<div><span id="address">someone</span></div><li id="row">Personal</li><div><div><span id="plain">1</span></div></div>'));
    const textOf = (id: string) => document.getElementById(id)?.firstChild as Text;
    expect(touchesGuide(recordsOf(() => (textOf('address').data = 'ana@contoso.com')))).toBe(true);
    expect(touchesGuide(recordsOf(() => (textOf('row').data = 'Work or school')))).toBe(true);
    expect(touchesGuide(recordsOf(() => (textOf('plain').data = '2')))).toBe(false);
  });

  it('looks at every attribute change it is given (the observer asks only for those that matter)', () => {
    const element = document.body.appendChild(document.createElement('div'));
    expect(touchesGuide(recordsOf(() => element.setAttribute('hidden', '')))).toBe(true);
  });
});
