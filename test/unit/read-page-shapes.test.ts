import { afterEach, describe, expect, it } from 'vitest';
import {
  locateAddAccount,
  locateConfirmRemove,
  locateConnectCertification,
  locateCreateProfile,
  locateCredentialsWay,
  locateMergeConfirm,
  locateRemove,
  openDialogs,
  pointable,
} from '../../src/page/locate.ts';
import { accountRowsOf, readAccountList, readCertificationConnected } from '../../src/page/read-page.ts';
import { keepNothing, readOnce } from '../../src/page/read-once.ts';
import { headingsOf, headingsSaying, outlineChanged, outlineOf } from '../../src/page/section.ts';
import { normalize } from '../../src/page/named.ts';
import { says, useLearn } from '../../src/page/learn-data.ts';
import { storedLearn } from '../../src/page/learn-words.ts';
import { storedSelectors } from '../../src/page/learn-markup.ts';
import { seeded } from '../support/seeded.ts';
import { planFor } from '../../src/overlay/plan.ts';
import { addDirective, removalDirective } from '../support/directives.ts';

/**
 * The reader and the Remove locator on the shapes a design system uses for a list of
 * accounts, beside the replica's list rows (read-page-variants.test.ts): cards titled by the
 * address, table rows, description lists, kinds told only by an icon, a tooltip or a class,
 * Remove as a link or inside a row's closed "More actions" menu, a section whose heading
 * stands side by side with its content, and a docs-sized page around it.
 */

const learner = 'learner@outlook.com';
const contoso = 'ana@contoso.com';
const both = [
  { address: learner, kind: 'personal' },
  { address: contoso, kind: 'work' },
];

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en-us" data-authenticated="true" data-auth-status-determined="true"><body>${body}</body></html>`,
    'text/html',
  );
}

/** The Settings page around an account section, with the header saying who is signed in. */
const settings = (section: string, upn = contoso) =>
  page(
    `<header><details data-bi-name="site-header-user"><summary aria-label="Your Account"></summary><p data-profile-property="upn">${upn}</p></details></header>` +
      `<main><section><h2>Profile information</h2><p>Display name</p></section>${section}` +
      '<section><h2>Delete profile</h2><button>Remove profile</button></section></main>',
  );
const inSection = (content: string) => `<section><h2>Account management</h2>${content}<button class="add">Add account</button></section>`;

/**
 * The Settings page around `body`, put in the test's own document: jsdom computes styles for
 * it (a page's style sheet, a class), and for a DOMParser's document none. Emptied after each test.
 */
function styled(body: string): Document {
  document.documentElement.setAttribute('data-authenticated', 'true');
  document.body.innerHTML = settings(body).body.innerHTML;
  return document;
}
afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('data-authenticated');
});

describe('account rows of other shapes', () => {
  it('reads cards whose title is the address, with the kind beside it (not the title alone)', () => {
    const card = (address: string, kind: string, n: number) =>
      `<article class="card"><h3>${address}</h3><span class="badge">${kind}</span><div class="actions"><button class="r${n}">Remove</button></div></article>`;
    const doc = settings(inSection(`<div class="grid">${card(learner, 'Personal account', 1)}${card(contoso, 'Work or school account', 2)}</div>`));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.r1'));
  });

  it('reads cards whose address and kind are in the card\'s own header', () => {
    const card = (address: string, kind: string, n: number) => `<article><header><h4>${address}</h4> ${kind}</header><button class="r${n}">Remove</button></article>`;
    const doc = settings(inSection(card(learner, 'Personal', 1) + card(contoso, 'Work or school', 2)));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
  });

  it('reads cards titled by a display name, with the address below it', () => {
    const card = (name: string, address: string, kind: string, n: number) =>
      `<article><h3>${name}</h3><p>${address}</p><p>${kind}</p><button class="r${n}">Remove</button></article>`;
    const doc = settings(inSection(card('Ana Muñoz', learner, 'Personal', 1) + card('Ana Muñoz', contoso, 'Work', 2)));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', contoso)).toBe(doc.querySelector('.r2'));
  });

  it('reads a form per account, the address in a read-only field, Remove a submit input; never a typed or a hidden field', () => {
    const form = (address: string, kind: string, n: number) =>
      `<form method="post" action="/remove"><input type="hidden" name="account" value="${address}"><input readonly value="${address}" aria-label="Account"> ${kind} ` +
      `<input type="submit" class="button r${n}" value="Remove"></form>`;
    // An address being typed into Add account's field is no linked account, nor is a form's hidden value.
    const typing = '<form><input type="email" value="new.work@fabrikam.com"><input type="hidden" value="other@fabrikam.com"></form>';
    const doc = settings(inSection(form(learner, 'Personal account', 1) + form(contoso, 'Work or school account', 2) + typing));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.r1'));
    // A read-only field the page hides, as hidden text: still linked, with no row to point at.
    const hidden = settings(inSection(form(learner, 'Personal account', 1).replace('<input readonly', '<input hidden readonly') + form(contoso, 'Work or school account', 2)));
    expect(readAccountList(hidden, 'en-us')).toEqual([both[1], { address: learner, kind: 'unknown' }]);
    expect(locateRemove(hidden, 'en-us', learner)).toBeNull();
  });

  it('reads table rows under a header row, the kind in its own cell', () => {
    const row = (address: string, kind: string, n: number) =>
      `<tr><td><a href="mailto:${address}">${address}</a></td><td>${kind}</td><td><a href="#" class="button r${n}" role="button">Remove</a></td></tr>`;
    const doc = settings(
      inSection(`<table><thead><tr><th>Account</th><th>Type</th><th></th></tr></thead><tbody>${row(learner, 'Personal account', 1)}${row(contoso, 'Work or school account', 2)}</tbody></table>`),
    );
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    // The address is itself a link: the row still grows to its own Remove.
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
  });

  it('reads description lists: address as the term, as the description, and grouped', () => {
    const termFirst = settings(
      inSection(
        `<dl><dt>${learner}</dt><dd>Personal account</dd><dd><button class="r1">Remove</button></dd>` +
          `<dt>${contoso}</dt><dd>Work or school account</dd><dd><button class="r2">Remove</button></dd></dl>`,
      ),
    );
    expect(readAccountList(termFirst, 'en-us')).toEqual(both);
    expect(locateRemove(termFirst, 'en-us', learner)).toBe(termFirst.querySelector('.r1'));
    expect(locateRemove(termFirst, 'en-us', contoso)).toBe(termFirst.querySelector('.r2'));

    const kindFirst = settings(
      inSection(
        `<dl><dt>Personal account</dt><dd>${learner} <button class="r1">Remove</button></dd>` +
          `<dt>Work or school account</dt><dd>${contoso}</dd><dd><button class="r2">Remove</button></dd></dl>`,
      ),
    );
    expect(readAccountList(kindFirst, 'en-us')).toEqual(both);
    expect(locateRemove(kindFirst, 'en-us', learner)).toBe(kindFirst.querySelector('.r1'));
    expect(locateRemove(kindFirst, 'en-us', contoso)).toBe(kindFirst.querySelector('.r2'));

    const grouped = settings(
      inSection(
        `<dl><div><dt>${learner}</dt><dd>Personal account</dd><dd><button class="r1">Remove</button></dd></div>` +
          `<div><dt>${contoso}</dt><dd>Work or school account</dd><dd><button class="r2">Remove</button></dd></div></dl>`,
      ),
    );
    expect(readAccountList(grouped, 'en-us')).toEqual(both);
    expect(locateRemove(grouped, 'en-us', contoso)).toBe(grouped.querySelector('.r2'));
  });

  it('keeps two addresses under one term apart: each description is its own row', () => {
    const doc = settings(inSection(`<dl><dt>Linked accounts</dt><dd>${learner} <button class="r1">Remove</button></dd><dd>${contoso} <button class="r2">Remove</button></dd></dl>`));
    expect(readAccountList(doc, 'en-us')?.map((a) => a.address)).toEqual([learner, contoso]);
    expect(locateRemove(doc, 'en-us', contoso)).toBe(doc.querySelector('.r2'));
  });

  it('reads the kind from an svg title, an image alt, a tooltip or a class alone', () => {
    const list = (personal: string, work: string) =>
      settings(inSection(`<ul><li>${personal}<span>${learner}</span><button>Remove</button></li><li>${work}<span>${contoso}</span><button>Remove</button></li></ul>`));
    const shapes: Array<[string, string]> = [
      ['<svg role="img"><title>Personal account</title></svg>', '<svg role="img"><title>Work or school account</title></svg>'],
      ['<img alt="Microsoft account" src="x.svg">', '<img alt="Work account" src="y.svg">'],
      ['<i class="icon" title="Personal account"></i>', '<i class="icon" title="Organizational account"></i>'],
      ['<i class="icon account--msa"></i>', '<i class="icon account--aad"></i>'],
      ['<i class="type-personal"></i>', '<i class="type-work"></i>'],
    ];
    for (const [personal, work] of shapes) expect(readAccountList(list(personal, work), 'en-us'), personal).toEqual(both);
  });

  it('reads the kind from a class on the row itself', () => {
    const doc = settings(inSection(`<ul><li class="row is-microsoft-account"><span>${learner}</span></li><li class="row is-work-account"><span>${contoso}</span></li></ul>`));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
  });
});

describe('rows beside what is not a row of the list', () => {
  it('never takes in a neighbouring item\'s Remove when the row\'s own is no control it knows', () => {
    // learner's Remove is a custom element or a link without href; the pending invitation beside it has a button.
    const pending = '<li class="pending">Invitation pending <button class="p">Remove</button></li>';
    for (const remove of ['<sl-button>Remove</sl-button>', '<a class="button">Remove</a>']) {
      const doc = settings(
        '<div class="current"><h3>Signed in with</h3><p>ana@contoso.com</p><p>Work or school account</p></div>' +
          inSection(`<ul><li><span role="img" aria-label="Personal account"></span><span>${learner}</span>${remove}</li>${pending}</ul>`),
      );
      expect(accountRowsOf(doc, 'en-us').find((row) => row.address == learner)?.parts).toEqual([doc.querySelector('li')]);
      expect(locateRemove(doc, 'en-us', learner)).toBeNull();
      expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
    }
  });

  it('gives no row to an address shown twice apart (a notification address and a linked account)', () => {
    const doc = settings(
      inSection(
        `<h3>Notification e-mail addresses</h3><ul><li><span>${learner}</span> <button class="n">Remove</button></li></ul>` +
          `<h3>Linked accounts</h3><ul><li><span role="img" aria-label="Personal account"></span><span>${learner}</span><button class="r1">Remove</button></li>` +
          `<li><span role="img" aria-label="Work or school account"></span><span>${contoso}</span><button class="r2">Remove</button></li></ul>`,
      ),
    );
    expect(readAccountList(doc, 'en-us')).toEqual([{ address: learner, kind: 'unknown' }, both[1]]);
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
    expect(locateRemove(doc, 'en-us', contoso)).toBe(doc.querySelector('.r2'));
  });

  it('never takes a "Remove <address>" elsewhere for the row of an address shown twice', () => {
    // A notification list under the accounts, with its own icon button named for the address.
    const doc = settings(
      inSection(
        `<ul><li>${learner} <span>Personal account</span> <button class="r1">Remove</button></li><li>${contoso} <span>Work or school account</span> <button disabled>Remove</button></li></ul>` +
          `<h3>Notification email</h3><ul><li>${learner} <button class="n" aria-label="Remove ${learner}">✕</button></li></ul>`,
      ),
    );
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
  });

  it('takes a "Remove <address>" for that address only, not a longer one it begins', () => {
    // learner's row has no Remove of its own; the .au account's icon button is named for its address.
    const au = `${learner}.au`;
    const doc = settings(
      inSection(
        `<ul><li>${learner} <span>Personal account</span></li><li>${au} <button class="au" aria-label="Remove ${au}">✕</button></li>` +
          `<li>${contoso} <span>Work or school account</span> <button disabled>Remove</button></li></ul>`,
      ),
    );
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
    expect(locateRemove(doc, 'en-us', au)).toBe(doc.querySelector('.au'));
  });

  it('keeps the row of an address shown twice inside it (an alias under the address)', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span><small>Alias: ${learner}</small><span>Personal account</span><button class="r1">Remove</button></li></ul>`));
    expect(readAccountList(doc, 'en-us')).toEqual([both[0]]);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
  });

  it('lists an account whose row is hidden (another tab, a collapsed list), with no row to point at', () => {
    const rowOf = (address: string, kind: string) => `<li>${address} <span>${kind}</span> <button>Remove</button></li>`;
    for (const hidden of [
      `<div role="tabpanel" hidden><ul>${rowOf(learner, 'Personal account')}</ul></div>`,
      `<ul hidden class="more">${rowOf(learner, 'Personal account')}</ul><button aria-expanded="false">Show 1 more account</button>`,
    ]) {
      const doc = settings(inSection(`<ul>${rowOf(contoso, 'Work or school account')}</ul>${hidden}`));
      // Still linked: a list without it would prove the removal done.
      expect(readAccountList(doc, 'en-us')).toEqual([both[1], { address: learner, kind: 'unknown' }]);
      expect(locateRemove(doc, 'en-us', learner)).toBeNull();
      expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
    }
  });

  it('reads no account from a copy hidden from assistive technology', () => {
    const doc = settings(
      inSection(
        `<ul aria-hidden="true" class="copy"><li><span>Work or school account</span><span>${learner}</span><button>Remove</button></li></ul>` +
          `<ul><li><span>Personal account</span><span>${learner}</span><button class="r1">Remove</button></li></ul>`,
      ),
    );
    expect(readAccountList(doc, 'en-us')).toEqual([both[0]]);
  });

  it('reads the section shown, not a copy of it hidden from view before it (a layout for small screens)', () => {
    const rowOf = (address: string, kind: string, n: string) => `<li>${address} <span>${kind}</span> <button class="${n}">Remove</button></li>`;
    const section = (n: string, attributes = '') =>
      `<section ${attributes}><h2>Account management</h2><ul>${rowOf(learner, 'Personal account', `${n}1`)}${rowOf(contoso, 'Work or school account', `${n}2`)}</ul><button class="${n}add">Add account</button></section>`;
    for (const hiding of ['class="narrow-only"', 'style="content-visibility:hidden"', 'hidden']) {
      const doc = styled(`<style>.narrow-only{display:none}</style>${section('m', hiding)}${section('d')}`);
      expect(readAccountList(doc, 'en-us'), hiding).toEqual(both);
      expect(accountRowsOf(doc, 'en-us').map((row) => row.parts[0]!.querySelector('button')!.className), hiding).toEqual(['d1', 'd2']);
      expect(locateRemove(doc, 'en-us', learner), hiding).toBe(doc.querySelector('.d1'));
      expect(locateAddAccount(doc, 'en-us'), hiding).toBe(doc.querySelector('.dadd'));
      expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target, hiding).toBe(doc.querySelector('.d1'));
    }
    // Only the hidden copy lists the accounts (the section collapsed, or the shown one still
    // coming in): still read, nothing pointed at.
    for (const body of [section('m', 'style="display:none"'), `<section><h2>Account management</h2><p>Loading…</p></section>${section('m', 'style="display:none"')}`]) {
      const alone = styled(body);
      expect(readAccountList(alone, 'en-us')).toEqual(both);
      expect(locateRemove(alone, 'en-us', learner)).toBeNull();
    }
  });

  it('takes a Remove that is an input button, named by its value, in a row beside a pending invitation', () => {
    const doc = settings(
      inSection(
        `<ul><li><span>Personal account</span><span>${learner}</span><form><input type="hidden" name="email" value="${learner}"><input class="r" type="submit" value="Remove"></form></li>` +
          '<li>Invitation pending <button class="p">Remove</button></li>' +
          `<li><span>Work or school account</span><span>${contoso}</span><form><input type="submit" value="Remove" disabled></form></li></ul>`,
      ),
    );
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r'));
    expect(locateRemove(doc, 'en-us', contoso)).toBeNull();
  });

  it("takes Fluent's own button element, with no role, for a row's Remove, and one with a disabled attribute for a disabled one", () => {
    // In the test window's own document: jsdom asks a custom element's :disabled of the window (DOMParser's documents have none).
    const parsed = settings(
      inSection(
        `<div class="list"><div class="item"><fluent-button appearance="subtle" class="r">Remove</fluent-button><span>${learner}</span><span>Personal account</span></div>` +
          `<div class="item"><fluent-button disabled>Remove</fluent-button><span>${contoso}</span><span>Work or school account</span></div></div>`,
      ),
    );
    document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
    const doc = document;
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r'));
    expect(locateRemove(doc, 'en-us', contoso)).toBeNull();
    // An element a script says is disabled by its attribute alone (no form control): disabled too.
    doc.querySelector('.r')!.setAttribute('disabled', '');
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
  });

  it('reads no kind from the guide\'s own mark on a highlighted Remove', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span><button data-aligner-step="remove-msa">Remove</button></li><li><span>${contoso}</span><span>Work or school account</span></li></ul>`));
    expect(readAccountList(doc, 'en-us')).toEqual([{ address: learner, kind: 'unknown' }, both[1]]);
  });
});

describe('controls beside the one an attribute names', () => {
  it('never takes a Cancel, a close button or a help link for the action its attribute begins with', () => {
    const add = settings(inSection('<button data-bi-name="add-account-cancel">Cancel</button>').replace('<button class="add">', '<button class="add" data-bi-name="settings-add-account">'));
    expect(locateAddAccount(add, 'en-us')).toBe(add.querySelector('.add'));
    const dialog = settings(
      inSection(`<ul><li><span>${learner}</span><button>Remove</button></li></ul>`) +
        `<div role="dialog" aria-modal="true"><p>Remove ${learner}?</p><button data-bi-name="confirm-dialog-cancel">Cancel</button><button class="yes" data-bi-name="remove-account-submit">Remove</button></div>`,
    );
    expect(locateConfirmRemove(dialog, 'en-us', learner)).toBe(dialog.querySelector('.yes'));
    const connect = page(
      '<main><a href="/en-us/credentials/support/connect-profile" data-bi-name="connect-certification-help">Why connect?</a>' +
        '<button class="c" data-bi-name="connect-certification-profile">Connect certification profile</button></main>',
    );
    expect(locateConnectCertification(connect, 'en-us')).toBe(connect.querySelector('.c'));
  });

  it('never confirms in a dialog kept on the page after a fade-out, that the pointer passes through', () => {
    const doc = settings(
      inSection(`<ul><li><span>Personal account</span><span>${learner}</span><button class="r">Remove</button></li></ul>`) +
        `<div class="fade" style="opacity: 0; pointer-events: none"><div role="dialog" aria-modal="true"><p>Remove ${learner}?</p><button class="yes" data-bi-name="confirm-remove-account">Remove</button></div></div>`,
    );
    // Which of the two is on screen is not for styles read one by one to say: the guide docks.
    expect(locateConfirmRemove(doc, 'en-us', learner)).toBeNull();
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
    doc.querySelector<HTMLElement>('.fade')!.style.cssText = '';
    expect(locateConfirmRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.yes'));
  });

  it('confirms in a dialog whose frame the pointer passes through, its content not', () => {
    const doc = settings(
      inSection(`<ul><li><span>Personal account</span><span>${learner}</span><button class="r">Remove</button></li><li><span>${contoso}</span></li></ul>`) +
        `<div role="dialog" aria-modal="true" style="pointer-events: none"><div style="pointer-events: auto"><p>Remove ${learner}?</p><button class="yes" data-bi-name="confirm-remove-account">Remove</button></div></div>`,
    );
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.yes'));
  });

  it('still takes a disabled control the pointer passes through as a candidate: beside it, another is a guess', () => {
    const doc = page(
      '<main><h1>Merge profiles?</h1><button data-bi-name="confirm-merge" disabled style="pointer-events: none">Merge profiles</button>' +
        '<a href="/en-us/training/support/merge">Merge profiles</a></main>',
    );
    expect(locateMergeConfirm(doc, 'en-us')).toBeNull();
  });

  it('confirms a removal only in a dialog about that account: not one about another that mentions it, nor about a longer address', () => {
    const withDialog = (about: string) =>
      settings(
        inSection(`<ul><li><span>${learner}</span><button>Remove</button></li></ul>`) +
          `<div role="dialog" aria-modal="true"><p>${about}</p><button class="yes" data-bi-name="confirm-remove-account">Remove</button></div>`,
      );
    const right = withDialog(`Remove ${learner}? You can still sign in with ${contoso}.`);
    expect(locateConfirmRemove(right, 'en-us', learner)).toBe(right.querySelector('.yes'));
    expect(locateConfirmRemove(withDialog(`ana@fabrikam.com will be removed. You can still sign in with ${learner} and ${contoso}.`), 'en-us', learner)).toBeNull();
    expect(locateConfirmRemove(withDialog('Remove ana@northwind.com.au?'), 'en-us', 'ana@northwind.com')).toBeNull();
  });

  it('goes to the credentials page by a link that goes there: not one carrying its address in a query, nor a disabled one', () => {
    const links = (before: string) =>
      page(`<main>${before}<nav><a class="tab" href="/en-us/users/me/credentials">Credentials</a></nav></main>`);
    for (const before of [
      '<a href="/en-us/users/me/share?return=/en-us/users/me/credentials">Share your profile</a>',
      '<a href="/en-us/users/me/transcript/credentials.pdf">Download transcript (PDF)</a>',
      '<a href="/en-us/users/me/credentials/" aria-disabled="true">Credentials (disabled)</a>',
    ]) {
      const doc = links(before);
      expect(locateCredentialsWay(doc, 'en-us')).toBe(doc.querySelector('.tab'));
    }
  });

  it('never takes an attribute that goes on to name another object for the action it begins with', () => {
    const add = settings(inSection('<button data-bi-name="add-account-organization">Add organization</button>'));
    expect(locateAddAccount(add, 'en-us')).toBe(add.querySelector('.add'));
    const create = page('<main><h1>Create your profile</h1><button data-bi-name="create-profile-picture">Add a picture</button><button class="c">Create profile</button></main>');
    expect(locateCreateProfile(create, 'en-us')).toBe(create.querySelector('.c'));
  });

  it('never takes the choice not to for the action: "do not merge", "keep separate"', () => {
    for (const no of ['do-not-merge', 'keep-separate-merge']) {
      const doc = page(`<main><h1>Merge profiles?</h1><button class="m" data-bi-name="confirm-merge">Merge profiles</button><button data-bi-name="${no}">Keep separate</button></main>`);
      expect(locateMergeConfirm(doc, 'en-us')).toBe(doc.querySelector('.m'));
    }
  });

  it('points at Merge profiles only in a prompt about the account the step adds, when it knows which: merging is final', () => {
    const cert = 'cert@outlook.com';
    const prompt = `<p>The account {about} already has a Learn profile. Merge it into this one (${contoso})?</p><button class="m" data-bi-name="confirm-merge">Merge profiles</button><button data-bi-name="cancel-merge">Cancel</button>`;
    // Learn's dialog over Settings, or a page of its own (back from Learn's account picker).
    const inDialog = (about: string) => settings(inSection(`<ul><li>${contoso}</li></ul>`) + `<dialog open><h2>Merge profiles?</h2>${prompt.replace('{about}', about)}</dialog>`);
    const onPage = (about: string) => settings(`<h1>Merge profiles?</h1>${prompt.replace('{about}', about)}`);
    for (const shape of [inDialog, onPage]) {
      const right = shape(cert);
      expect(planFor(addDirective(cert), right, 'settings', 'en-us')?.target).toBe(right.querySelector('.m'));
      // The person chose another account in the picker, or one whose address begins like it.
      for (const other of ['someone@outlook.com', 'cert@outlook.com.au']) {
        const wrong = shape(other);
        expect(locateMergeConfirm(wrong, 'en-us')).toBe(wrong.querySelector('.m'));
        expect(planFor(addDirective(cert), wrong, 'settings', 'en-us')?.target, other).toBeNull();
        // Not told which account the step adds: the prompt is Learn's, whichever it names.
        expect(planFor(addDirective(null), wrong, 'settings', 'en-us')?.target).toBe(wrong.querySelector('.m'));
      }
    }
  });

  it('never takes a reference to a part of a document (a table of contents, a help link) for the action it names', () => {
    const faq = page(
      '<main><h1>Learn profile FAQ</h1><nav aria-label="In this article"><ol><li><a href="#merge-profiles">Merge profiles</a></li><li><a href="#create">Create a profile</a></li></ol></nav>' +
        '<h2 id="merge-profiles">Merge profiles</h2><p>…</p><h2 id="create">Create a profile</h2></main>',
    );
    expect(locateMergeConfirm(faq, 'en-us')).toBeNull();
    expect(locateCreateProfile(faq, 'en-us')).toBeNull();
    const help = settings(inSection('<p>An account with a profile of its own? See <a href="/en-us/training/support/profile-faq#merge-profiles">Merge profiles</a>.</p>'));
    expect(locateMergeConfirm(help, 'en-us')).toBeNull();
    // A link to "#" alone, one that says it is a button or one a script toggles a modal with is a script's button.
    for (const link of [
      '<a class="m" href="#">Merge profiles</a>',
      '<a class="m" href="#!">Merge profiles</a>',
      '<a class="m" href="#merge" role="button">Merge profiles</a>',
      '<a class="m" href="#merge-confirm" data-bs-toggle="modal">Merge profiles</a>',
    ]) {
      const doc = page(`<main><h1>Merge profiles?</h1>${link}</main>`);
      expect(locateMergeConfirm(doc, 'en-us')).toBe(doc.querySelector('.m'));
    }
  });

  it('takes no part about something else for the account section by its id (a language without words)', () => {
    const doc = page(
      '<main><section id="account-management-email"><h2>通知メール</h2><p>learner@outlook.com</p><button data-bi-name="add-account-email">メールを追加</button></section>' +
        `<section id="settings-account-management"><h2>アカウント管理</h2><ul><li><span>${learner}</span></li></ul><button class="add" data-bi-name="add-account">アカウントを追加</button></section></main>`,
    );
    expect(locateAddAccount(doc, 'ja-jp')).toBe(doc.querySelector('.add'));
  });
});

describe('Remove inside a row\'s closed "More actions" menu', () => {
  it('points at the row menu opener (details), then at Remove once it is open', () => {
    const row = (address: string, kind: string, n: number) =>
      `<li><span role="img" aria-label="${kind}"></span><span>${address}</span>` +
      `<details class="row-menu m${n}"><summary aria-label="More actions">⋯</summary><div class="menu"><button class="r${n}">Remove</button></div></details></li>`;
    const doc = settings(inSection(`<ul>${row(learner, 'Personal account', 1)}${row(contoso, 'Work or school account', 2)}</ul>`));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    const remove = locateRemove(doc, 'en-us', learner);
    expect(remove).toBe(doc.querySelector('.r1'));
    expect(pointable(remove as Element)).toBe(doc.querySelector('.m1 > summary'));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.m1 > summary'));
    (doc.querySelector('.m1') as HTMLDetailsElement).open = true;
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.r1'));
  });

  it('points at the outermost closed menu\'s opener when the menu holding Remove is inside another', () => {
    const doc = settings(
      inSection(
        `<ul><li><span>Personal account</span><span>${learner}</span><details class="outer"><summary aria-label="Actions">⋯</summary>` +
          `<details class="inner"><summary>More</summary><button class="r">Remove</button></details></details></li></ul>`,
      ),
    );
    const remove = locateRemove(doc, 'en-us', learner) as Element;
    expect(remove).toBe(doc.querySelector('.r'));
    expect(pointable(remove)).toBe(doc.querySelector('.outer > summary'));
    (doc.querySelector('.outer') as HTMLDetailsElement).open = true;
    expect(pointable(remove)).toBe(doc.querySelector('.inner > summary'));
    (doc.querySelector('.inner') as HTMLDetailsElement).open = true;
    expect(pointable(remove)).toBe(remove);
  });

  /** The browser's rule for a closed popover, standing in for jsdom's style sheet, which has none (the class `open` stands for :popover-open). */
  const popovers = '<style>[popover]{display:none}[popover].open{display:block}</style>';

  it('points at the button that says it opens a closed popover menu (the popover attribute), then at Remove once it is open', () => {
    const row = (address: string, kind: string, n: number) =>
      `<li><span role="img" aria-label="${kind}"></span><span>${address}</span><div class="menu-wrap">` +
      `<button class="o${n}" popovertarget="p${n}" aria-haspopup="menu" aria-label="More actions">⋯</button>` +
      `<div popover id="p${n}"><button class="r${n}">Remove</button></div></div></li>`;
    const doc = styled(popovers + inSection(`<ul>${row(learner, 'Personal account', 1)}${row(contoso, 'Work or school account', 2)}</ul>`));
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.o1'));
    // (In Chrome, a popover opening changes no attribute: content.ts listens for its toggle.)
    doc.querySelector('#p1')!.classList.add('open');
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.r1'));
  });

  it('takes no button that only targets a popover for its opener: it may open a dialog beside the menu, or be the Remove itself', () => {
    // A closed popover menu whose own opener says nothing, beside an "About this account" that opens a dialog popover.
    const about =
      `<li><span>Personal account</span><span>${learner}</span><span><button popovertarget="m1">⋯</button></span>` +
      '<div><button class="about" popovertarget="a1" aria-haspopup="dialog">About this account</button><div popover id="a1" role="dialog"><p>Linked in 2021</p></div>' +
      '<div popover id="m1"><button>Remove</button></div></div></li>';
    const withAbout = styled(popovers + inSection(`<ul>${about}<li><span>Work or school account</span><span>${contoso}</span></li></ul>`));
    expect(planFor(removalDirective(learner), withAbout, 'settings', 'en-us')?.target).toBeNull();
    // The row's Remove opens a confirmation popover with a Remove of its own: the row's is the one to select.
    const confirm =
      `<li><span>Personal account</span><span>${learner}</span><button class="r" popovertarget="c1">Remove</button>` +
      '<div popover id="c1"><p>Remove this account?</p><button>Remove</button></div></li>';
    const withConfirm = styled(popovers + inSection(`<ul>${confirm}<li><span>Work or school account</span><span>${contoso}</span></li></ul>`));
    expect(planFor(removalDirective(learner), withConfirm, 'settings', 'en-us')?.target).toBe(withConfirm.querySelector('.r'));
  });

  it('points at the menu button of an ARIA menu that is hidden while closed', () => {
    const row = (address: string, kind: string, n: number) =>
      `<li><span role="img" aria-label="${kind}"></span><span>${address}</span><div class="menu-wrap">` +
      `<button class="o${n}" aria-haspopup="menu" aria-expanded="false" aria-label="More actions">⋯</button>` +
      `<div role="menu" hidden><button role="menuitem" class="r${n}">Remove</button></div></div></li>`;
    const doc = settings(inSection(`<ul>${row(learner, 'Personal account', 1)}${row(contoso, 'Work or school account', 2)}</ul>`));
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.o1'));
    // Open: the menu item itself.
    doc.querySelector('.o1 + [role="menu"]')?.removeAttribute('hidden');
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.r1'));
  });

  it('points at the button that opens a menu, not one beside it whose popup is a dialog', () => {
    const row = (address: string, kind: string, n: number) =>
      `<li><span role="img" aria-label="${kind}"></span><span>${address}</span><div class="actions">` +
      `<button aria-haspopup="dialog" aria-label="About this account">?</button>` +
      `<button class="o${n}" aria-haspopup="menu" aria-label="More actions">⋯</button>` +
      `<div role="menu" hidden><div role="menuitem" class="r${n}">Remove</div></div></div></li>`;
    const doc = settings(inSection(`<ul>${row(learner, 'Personal account', 1)}${row(contoso, 'Work or school account', 2)}</ul>`));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBe(doc.querySelector('.o1'));
  });

  it('points at nothing when the menu\'s opener only says it expands, beside another that says it opens a menu', () => {
    const doc = settings(
      inSection(
        `<ul><li><span>Personal account</span><span>${learner}</span><div class="actions">` +
          `<button aria-haspopup="true" aria-label="Notifications">!</button><button aria-expanded="false" aria-controls="m1" aria-label="More actions">⋯</button>` +
          `<div role="menu" id="m1" hidden><div role="menuitem">Remove</div></div></div></li></ul>`,
      ),
    );
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
  });

  it('points at nothing when two buttons beside the closed menu say they open a menu', () => {
    const doc = settings(
      inSection(
        `<ul><li><span>Personal account</span><span>${learner}</span><div class="actions">` +
          `<button aria-haspopup="true" aria-label="Copy address">⧉</button><button aria-haspopup="menu" aria-label="More actions">⋯</button>` +
          `<div role="menu" hidden><div role="menuitem">Remove</div></div></div></li></ul>`,
      ),
    );
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
  });

  it('points at nothing when the closed menu has no opener that says it opens it', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span><button>⋯</button><div role="menu" hidden><button role="menuitem">Remove</button></div></li></ul>`));
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
  });

  it('never points at the signed-in account through its menu', () => {
    const doc = settings(
      inSection(`<ul><li><span>${learner}</span><details><summary aria-label="More actions"></summary><button>Remove</button></details></li></ul>`),
      learner,
    );
    expect(planFor(removalDirective(learner), doc, 'settings', 'en-us')?.target).toBeNull();
  });
});

describe('Remove worded otherwise', () => {
  it('takes "Remove…", "Remove from profile" and the French "Retirer" for the row\'s Remove, never "Remove profile"', () => {
    for (const [words, locale, personalWords, workWords] of [
      ['Remove…', 'en-us', 'Personal account', 'Work or school account'],
      ['Remove from profile', 'en-us', 'Personal account', 'Work or school account'],
      ['Retirer', 'fr-ca', 'Compte personnel', 'Compte professionnel'],
      ['Retirer du profil', 'fr-fr', 'Compte personnel', 'Compte professionnel'],
    ] as const) {
      const doc = settings(
        inSection(`<ul><li>${learner} <span>${personalWords}</span> <button class="r1">${words}</button></li><li>${contoso} <span>${workWords}</span> <button disabled>${words}</button></li></ul>`),
      );
      expect(locateRemove(doc, locale, learner), words).toBe(doc.querySelector('.r1'));
    }
    const doc = settings(inSection(`<ul><li>${learner} <span>Personal account</span> <button class="r1">Remove profile</button></li></ul>`));
    expect(locateRemove(doc, 'en-us', learner)).toBeNull();
  });
});

describe('the account section among others', () => {
  it('is never a side menu titled so that says who is signed in', () => {
    for (const side of ['nav', 'aside']) {
      const doc = settings(
        inSection(`<ul><li>${learner} <span>Personal account</span> <button class="r1">Remove</button></li><li>${contoso} <span>Work or school account</span> <button disabled>Remove</button></li></ul>`),
      );
      doc.body.insertAdjacentHTML('afterbegin', `<${side}><h2>Account management</h2><p>Signed in as ${contoso}</p><a href="/en-us/users/me/settings/">Settings</a></${side}>`);
      expect(readAccountList(doc, 'en-us')).toEqual(both);
      expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    }
  });

  it("is never an illustration of it: a docs figure showing the section, the person's own rows in it", () => {
    const list = (remove: string) =>
      `<ul><li>${learner} <span>Personal account</span> <button class="${remove}">Remove</button></li><li>${contoso} <span>Work or school account</span> <button>Remove</button></li></ul>`;
    for (const figure of ['figure', 'div role="figure"']) {
      const doc = settings(inSection(list('r1')));
      doc.querySelector('main')!.insertAdjacentHTML('afterbegin', `<${figure}><figcaption>Example</figcaption><section><h2>Account management</h2>${list('mock')}</section></${figure.split(' ')[0]}>`);
      expect(readAccountList(doc, 'en-us')).toEqual(both);
      expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    }
  });
});

describe('the section a heading titles', () => {
  it('reads a section whose heading stands side by side with the content (no wrapper)', () => {
    const doc = page(
      '<main><div class="settings"><h2>Profile information</h2><p>Contact us at help@example.com</p>' +
        `<h2>Account management</h2><p>Intro</p><ul><li><span>${learner}</span><span>Personal account</span><button class="r1">Remove</button></li>` +
        `<li><span>${contoso}</span><span>Work account</span><button>Remove</button></li></ul><button class="add">Add account</button>` +
        '<h2>Delete profile</h2><p>Write to privacy@example.com</p><button>Add account</button></div></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
    expect(locateAddAccount(doc, 'en-us')).toBe(doc.querySelector('.add'));
  });

  it('reads nothing beyond a section still loading, even with addresses after it', () => {
    const doc = page(
      '<main><div><section><h2>Account management</h2><p>Loading…</p></section>' +
        '<div class="docs"><h3>Sample</h3><pre><code>git config user.email dev@fabrikam.com</code></pre></div></div></main>',
    );
    expect(readAccountList(doc, 'en-us')).toBeNull();
  });

  it('finds the account section in a docs-sized page with addresses in its code samples', () => {
    const docs = Array.from({ length: 40 }, (_, i) =>
      `<section><h2>Topic ${i}</h2><p>See <a href="/t/${i}">this</a> and <code>user${i}@contoso.com</code>.</p><table><tr><td>a</td><td><a href="#">b</a></td></tr></table></section>`,
    ).join('');
    const nav = `<nav><ul>${Array.from({ length: 100 }, (_, i) => `<li><a href="/d/${i}">Doc ${i}</a></li>`).join('')}</ul></nav>`;
    const doc = page(
      `${nav}<main><div class="article">${docs}<div class="wrap"><div class="inner">` +
        inSection(`<ul><li><span role="img" aria-label="Personal account"></span><span>${learner}</span><button class="r1">Remove</button></li>` +
          `<li><span role="img" aria-label="Work or school account"></span><span>${contoso}</span><button>Remove</button></li></ul>`) +
        `</div></div>${docs}</div></main>`,
    );
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    expect(locateRemove(doc, 'en-us', learner)).toBe(doc.querySelector('.r1'));
  });
});

describe('the Certification profile on Settings', () => {
  it('is read in the section titled for it, not from a link elsewhere on the page', () => {
    const doc = page(
      '<main><section><h2>Connected certification profile</h2><p><a href="/c">Connect a certification profile</a></p></section>' +
        '<section><h2>Help</h2><p><a href="/m">Manage certification profile</a></p></section></main>',
    );
    expect(readCertificationConnected(doc, 'en-us', 'settings')).toBe(false);
    // On the credentials page, the whole page is read.
    expect(readCertificationConnected(doc, 'en-us', 'credentials')).toBe(true);
  });
});

describe('readOnce', () => {
  afterEach(() => keepNothing());

  it('reads the section once until the page changes, and anew after', () => {
    const doc = settings(inSection(`<ul><li><span role="img" aria-label="Personal account"></span><span>${learner}</span></li></ul>`));
    readOnce();
    const rows = accountRowsOf(doc, 'en-us');
    expect(rows.map((r) => r.address)).toEqual([learner]);
    doc.querySelector('ul')?.insertAdjacentHTML('beforeend', `<li><span role="img" aria-label="Work account"></span><span>${contoso}</span><button>Remove</button></li>`);
    // Until content.ts sees the change and says so, every reader is answered from that read.
    expect(accountRowsOf(doc, 'en-us')).toBe(rows);
    readOnce();
    expect(readAccountList(doc, 'en-us')).toEqual(both);
    // Without it, every read reads the page.
    keepNothing();
    doc.querySelector('li')?.remove();
    expect(readAccountList(doc, 'en-us')).toEqual([{ address: contoso, kind: 'work' }]);
  });

  it('keeps the list of dialogs through a dialog opening, and tells the open one', () => {
    document.body.innerHTML = `<main><dialog><p>Remove ${learner}?</p><button>Remove</button></dialog><div role="dialog" hidden><p>Other</p></div></main>`;
    readOnce();
    expect(openDialogs(document)).toEqual([]);
    // Opening one changes an attribute (content.ts reads the page again, the outline stays).
    document.querySelector('dialog')?.setAttribute('open', '');
    readOnce();
    expect(openDialogs(document)).toEqual([document.querySelector('dialog')]);
    document.querySelector('[role="dialog"]')?.removeAttribute('hidden');
    readOnce();
    expect(openDialogs(document)).toHaveLength(2);
  });

  it('keeps the page\'s headings through changes that touch none', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    readOnce();
    const headings = headingsOf(doc);
    expect(headings.map(([, text]) => text)).toEqual(['profile information', 'account management', 'delete profile']);
    outlineChanged(recordsOf(doc, () => doc.querySelector('ul')?.insertAdjacentHTML('beforeend', `<li><span>${contoso}</span><button>Remove</button></li>`)));
    readOnce();
    expect(headingsOf(doc)).toBe(headings);
    outlineChanged(recordsOf(doc, () => doc.querySelector('main')?.insertAdjacentHTML('beforeend', '<h2>Connected certification profile</h2>')));
    expect(headingsOf(doc).map(([, text]) => text)).toContain('connected certification profile');
  });

  it('brings the headings up to date from what changed: those that came or changed read, those that left dropped, the others kept', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    readOnce();
    const [profile, accounts, remove] = headingsOf(doc);
    outlineChanged(recordsOf(doc, () => ((accounts?.[0] as Element).textContent = 'Linked  Accounts')));
    readOnce();
    const again = headingsOf(doc);
    expect(again.map(([, text]) => text).sort()).toEqual(['delete profile', 'linked accounts', 'profile information']);
    // The same readings where nothing changed (a docs page's hundreds are not read again).
    expect(again).toContain(profile);
    expect(again).toContain(remove);
    expect(again).not.toContain(accounts);
    // Which say what is worked out again from the texts as they now read.
    expect(headingsSaying(doc, 'en-us', 'accountManagement')).toEqual([accounts?.[0]]);
    outlineChanged(recordsOf(doc, () => ((accounts?.[0]?.firstChild as Text).data = 'Delete profile')));
    expect(headingsSaying(doc, 'en-us', 'accountManagement')).toEqual([]);
    outlineChanged(recordsOf(doc, () => doc.querySelector('section')?.remove()));
    expect(headingsOf(doc).map(([heading]) => heading)).not.toContain(profile?.[0]);
    expect(headingsOf(doc)).toContain(remove);
  });

  it('keeps which headings say what with the headings, and tests them again once one changed', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    readOnce();
    const [accounts] = headingsSaying(doc, 'en-us', 'accountManagement');
    expect(accounts?.textContent).toBe('Account management');
    expect(headingsSaying(doc, 'en-us', 'certificationSection')).toEqual([]);
    // Renamed: until content.ts says the outline was touched, the kept answer stands.
    const records = recordsOf(doc, () => ((accounts as Element).textContent = 'Connected certification profile'));
    readOnce();
    expect(headingsSaying(doc, 'en-us', 'accountManagement')).toEqual([accounts]);
    outlineChanged(records);
    expect(headingsSaying(doc, 'en-us', 'accountManagement')).toEqual([]);
    expect(headingsSaying(doc, 'en-us', 'certificationSection')).toEqual([accounts]);
  });

  it('finds the headings that say a word in one search of their texts, a match across two never standing for one', () => {
    // Words that can match across a line break (a white space class): the headings "a" and
    // "b c", searched as lines, read "a", a line break, "b c".
    useLearn({ ...storedLearn, words: { en: { accountManagement: 'a\\sb|b c', certificationSection: '^c$' } } });
    try {
      const doc = settings(['a', 'b c', 'x a', 'b', 'c', 'a b'].map((text) => `<h3>${text}</h3>`).join(''));
      readOnce();
      const texts = (found: Element[]) => found.map((heading) => heading.textContent);
      expect(texts(headingsSaying(doc, 'en-us', 'accountManagement'))).toEqual(['b c', 'a b']);
      expect(texts(headingsSaying(doc, 'en-us', 'certificationSection'))).toEqual(['c']);
    } finally {
      useLearn(storedLearn);
      keepNothing();
    }
  });

  it('asks the headings it keeps whether they are still on the page only when part of the outline left', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    readOnce();
    let asked = 0;
    for (const [heading] of headingsOf(doc)) {
      const own = Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected')?.get as () => boolean;
      Object.defineProperty(heading, 'isConnected', { get: () => (asked++, own.call(heading)) });
    }
    // A section coming in, in place of a placeholder that held no heading: none asked.
    const main = doc.querySelector('main') as Element;
    main.insertAdjacentHTML('beforeend', '<p>Loading…</p>');
    outlineChanged(recordsOf(doc, () => main.lastElementChild?.replaceWith(Object.assign(doc.createElement('section'), { innerHTML: '<h2>Connected certification profile</h2>' }))));
    expect(headingsOf(doc)).toHaveLength(4);
    expect(asked).toBe(0);
    outlineChanged(recordsOf(doc, () => main.firstElementChild?.remove()));
    expect(asked).toBeGreaterThan(0);
    expect(headingsOf(doc).map(([, text]) => text)).toEqual(['account management', 'delete profile', 'connected certification profile']);
  });

  it('reads a whole page anew once what was kept is dropped', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    readOnce();
    const headings = headingsOf(doc);
    keepNothing();
    readOnce();
    expect(headingsOf(doc)).not.toBe(headings);
    expect(headingsOf(doc)).toEqual(headings);
  });

  it('ends, after any run of changes, with the headings, dialogs and marked sections a fresh read finds, each heading read as it now reads', () => {
    const random = seeded(13);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    // (A run of changes may leave main empty: those that need one of its children do nothing then.)
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    const main = doc.querySelector('main') as Element;
    const texts = ['Account management', 'Connected certification profile', 'Help', 'Linked accounts', 'Delete profile'];
    const changes: Array<() => void> = [
      () => pick([...main.children])?.insertAdjacentHTML('afterend', `<section><h${pick([2, 3])}>${pick(texts)}</h2><p>Text</p></section>`),
      () => pick([...main.children])?.remove(),
      () => {
        const heading = pick([...doc.querySelectorAll('h2, h3')]);
        if (heading) heading.textContent = pick(texts);
      },
      () => {
        const text = pick([...doc.querySelectorAll('h2, h3')])?.firstChild as Text | null;
        if (text) text.data = pick(texts);
      },
      () => main.children.length && main.append(pick([...main.children])),
      () => main.insertAdjacentHTML('beforeend', `<div><div role="heading" aria-level="3">${pick(texts)}</div><fieldset><legend>${pick(texts)}</legend></fieldset></div>`),
      () => pick([...main.querySelectorAll('div, section, fieldset')])?.replaceWith(doc.createElement('p')),
      // Dialogs and marked sections, kept as the headings are.
      () => pick([...main.children])?.insertAdjacentHTML('beforeend', pick(['<dialog><p>Remove?</p></dialog>', '<div role="alertdialog"></div>', '<div id="account-management"><h3>Accounts</h3></div>', '<section data-section="accounts"></section>'])),
      () => pick([...main.querySelectorAll('dialog, [role$="dialog"], [id], [data-section]')])?.remove(),
      // Roles given and taken away: an element made a dialog or a heading, or no longer one.
      () => pick([...main.querySelectorAll('div, section, p')])?.setAttribute('role', pick(['dialog', 'heading', 'alertdialog', 'note'])),
      () => pick([...main.querySelectorAll('[role]')])?.removeAttribute('role'),
    ];
    readOnce();
    headingsOf(doc);
    outlineOf(doc, 'dialogs');
    outlineOf(doc, 'accountSection');
    for (let step = 0; step < 200; step += 1) {
      const records = recordsOf(doc, () => {
        for (let n = 1 + Math.floor(random() * 3); n > 0; n -= 1) pick(changes)();
      });
      readOnce();
      outlineChanged(records);
      for (const name of ['dialogs', 'accountSection'] as const) {
        expect(new Set(outlineOf(doc, name)), name).toEqual(new Set(doc.querySelectorAll(storedSelectors[name])));
      }
      const fresh = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"], legend')].map((heading) => [heading, normalize(heading.textContent)]);
      const kept = headingsOf(doc);
      expect(kept).toHaveLength(fresh.length);
      expect(new Set(kept.map(([heading]) => heading)).size).toBe(fresh.length);
      expect(kept).toEqual(expect.arrayContaining(fresh));
      // Which say what, from one search of their texts: as each tested alone.
      for (const key of ['accountManagement', 'certificationSection'] as const) {
        expect(headingsSaying(doc, 'en-us', key)).toEqual(kept.filter(([, text]) => says('en-us', key, text)).map(([heading]) => heading));
      }
      if (!main.children.length) main.insertAdjacentHTML('beforeend', inSection(''));
    }
  });
});

/** The records a change makes, as content.ts's observer gets them. */
function recordsOf(doc: Document, change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('outlineChanged', () => {
  afterEach(() => keepNothing());

  /** Whether the change had what was worked out from the outline forgotten. */
  const touches = (doc: Document, change: () => void): boolean => {
    readOnce();
    const saying = headingsSaying(doc, 'en-us', 'accountManagement');
    outlineChanged(recordsOf(doc, change));
    return headingsSaying(doc, 'en-us', 'accountManagement') !== saying;
  };

  it('takes it as touched when a heading, a marked section or a dialog comes or goes, or what a heading says changes', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    const heading = doc.querySelector('h2') as Element;
    const main = doc.querySelector('main') as Element;
    expect(touches(doc, () => main.insertAdjacentHTML('beforeend', '<section><h2>Connected certification profile</h2></section>'))).toBe(true);
    expect(touches(doc, () => main.lastElementChild?.remove())).toBe(true);
    expect(touches(doc, () => main.insertAdjacentHTML('beforeend', '<div id="account-management"></div>'))).toBe(true);
    expect(touches(doc, () => doc.body.append(doc.createElement('dialog')))).toBe(true);
    expect(touches(doc, () => ((heading.firstChild as Text).data = 'Settings'))).toBe(true);
    expect(touches(doc, () => (heading.textContent = 'Account management'))).toBe(true);
  });

  it('takes an element made a dialog by its role into the dialogs it keeps', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`) + `<div class="modal"><p>Remove ${learner}?</p><button>Remove</button></div>`);
    readOnce();
    expect(openDialogs(doc)).toEqual([]);
    const modal = doc.querySelector('.modal') as Element;
    outlineChanged(recordsOf(doc, () => modal.setAttribute('role', 'dialog')));
    readOnce();
    expect(openDialogs(doc)).toEqual([modal]);
  });

  it('lets go of an element that stops being a dialog or a heading by its role', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`) + `<div role="dialog"><p>Remove ${learner}?</p><button>Remove</button></div><div role="heading">Account management</div>`);
    readOnce();
    const [modal, heading] = doc.querySelectorAll('[role]') as NodeListOf<Element>;
    expect(openDialogs(doc)).toEqual([modal]);
    expect(headingsSaying(doc, 'en-us', 'accountManagement')).toContain(heading);
    outlineChanged(recordsOf(doc, () => [modal, heading].forEach((e) => e?.removeAttribute('role'))));
    readOnce();
    expect(openDialogs(doc)).toEqual([]);
    expect(headingsSaying(doc, 'en-us', 'accountManagement')).not.toContain(heading);
  });

  it('takes it as untouched by the header filled in, rows added to a list or gone, a menu opening', () => {
    const doc = settings(inSection(`<ul><li><span>${learner}</span></li></ul>`));
    const upn = doc.querySelector('[data-profile-property="upn"]') as Element;
    expect(touches(doc, () => doc.querySelector('ul')?.insertAdjacentHTML('beforeend', `<li><span>${contoso}</span><button>Remove</button></li>`))).toBe(false);
    expect(touches(doc, () => doc.querySelector('li')?.remove())).toBe(false);
    expect(touches(doc, () => (upn.textContent = contoso))).toBe(false);
    expect(touches(doc, () => doc.querySelector('details')?.setAttribute('open', ''))).toBe(false);
  });

  it('takes it as untouched by rows added inside a marked section, or what a dialog shows changing: their elements stay', () => {
    const doc = settings(`<section id="account-management"><h2>Account management</h2><ul><li><span>${learner}</span></li></ul></section><dialog open><p>Remove?</p></dialog>`);
    expect(touches(doc, () => doc.querySelector('ul')?.insertAdjacentHTML('beforeend', `<li><span>${contoso}</span><button>Remove</button></li>`))).toBe(false);
    expect(touches(doc, () => ((doc.querySelector('dialog p') as Element).textContent = `Remove ${learner}?`))).toBe(false);
    // Its heading's text is kept: a change there still counts.
    expect(touches(doc, () => ((doc.querySelector('h2') as Element).textContent = 'Linked accounts'))).toBe(true);
  });
});
