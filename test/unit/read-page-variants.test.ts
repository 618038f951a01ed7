import { describe, expect, it } from 'vitest';
import { readAccountList, readCertificationConnected, readPage, readSignedInAddress } from '../../src/page/read-page.ts';

/**
 * The reader on hand-written page variants the replica does not produce: other markup for
 * the same facts. Saved replica pages are covered in read-page-replica.test.ts.
 */

const settingsUrl = new URL('https://learn.microsoft.com/en-us/users/me/settings/');

/** The html element's attributes of a page in `locale` that Learn says someone is signed in to. */
const signedInIn = (locale: string) => `lang="${locale}" data-authenticated="true" data-auth-status-determined="true"`;

function page(body: string, html = signedInIn('en-us')): Document {
  return new DOMParser().parseFromString(`<!doctype html><html ${html}><head></head><body>${body}</body></html>`, 'text/html');
}

/** The two accounts most pages here list, as the reader should read them. */
const learnerAndAna = [
  { address: 'learner@outlook.com', kind: 'personal' },
  { address: 'ana@contoso.com', kind: 'work' },
];

const headerMenu = (upn: string) =>
  `<header><details data-bi-name="site-header-user"><summary aria-label="Your Account"></summary>` +
  `<p data-profile-property="displayName">Ana</p><p data-profile-property="upn">${upn}</p></details></header>`;

describe('readAccountList', () => {
  it('reads packed rows whose kind is an icon label', () => {
    const doc = page(
      headerMenu('learner@outlook.com') +
        '<main><section><h2>Account management</h2><ul>' +
        '<li><span role="img" aria-label="Personal account"></span><span>learner@outlook.com</span><button>Remove</button></li>' +
        '<li><span role="img" aria-label="Work or school account"></span><span>ana@contoso.com</span><button>Remove</button></li>' +
        '</ul></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual(learnerAndAna);
  });

  it('reads French visible labels, rows in another order, in a table', () => {
    const doc = page(
      '<main><div><h3>Gestion du compte</h3><table><tbody>' +
        '<tr><td>ana@fabrikam.com</td><td>Compte professionnel ou scolaire</td><td><button>Supprimer</button></td></tr>' +
        '<tr><td>learner@outlook.com</td><td>Compte personnel</td><td><button>Supprimer</button></td></tr>' +
        '</tbody></table></div></main>',
      signedInIn('fr-fr'),
    );
    expect(readAccountList(doc, 'fr-fr')).toEqual([
      { address: 'ana@fabrikam.com', kind: 'work' },
      { address: 'learner@outlook.com', kind: 'personal' },
    ]);
  });

  it('reads the kind from data attributes and class names when nothing says it in words', () => {
    const doc = page(
      '<main><section data-bi-name="account-management"><div class="acct acct--msa"><b>learner@outlook.com</b></div>' +
        '<div data-account-type="aad"><b>ana@contoso.com</b></div></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual(learnerAndAna);
  });

  it('says unknown when a row tells nothing, or tells both kinds', () => {
    const doc = page(
      '<main><section><h2>Account management</h2><ul>' +
        '<li><span>someone@example.com</span><button>Remove</button></li>' +
        '<li><span title="Personal account"></span><span title="Work account"></span><span>both@example.com</span></li>' +
        '</ul></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual([
      { address: 'someone@example.com', kind: 'unknown' },
      { address: 'both@example.com', kind: 'unknown' },
    ]);
  });

  it('reads no kind from an address in a label: "Quitar personal.assistant@contoso.com" says nothing', () => {
    const doc = page(
      '<main><section><h2>Administración de cuentas</h2><ul>' +
        '<li><span>learner@outlook.com</span><span>Cuenta personal</span><button aria-label="Quitar learner@outlook.com">Quitar</button></li>' +
        '<li><span>personal.assistant@contoso.com</span><button aria-label="Quitar personal.assistant@contoso.com">Quitar</button></li>' +
        '</ul></section></main>',
      signedInIn('es-es'),
    );
    expect(readAccountList(doc, 'es-es')).toEqual([
      { address: 'learner@outlook.com', kind: 'personal' },
      { address: 'personal.assistant@contoso.com', kind: 'unknown' },
    ]);
  });

  it('counts neither the header menu, another section, nor an open dialog', () => {
    const doc = page(
      headerMenu('learner@outlook.com') +
        '<main><section><h2>Contact</h2><p>notify@example.com</p></section>' +
        '<section><h2>Account management</h2><ul>' +
        '<li><span aria-label="Personal account" role="img"></span><span>learner@outlook.com</span></li>' +
        '</ul><div role="dialog" aria-modal="true"><p>Remove other@contoso.com?</p></div></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual([{ address: 'learner@outlook.com', kind: 'personal' }]);
  });

  it('counts no address named by an announcement: "x was removed", "x is already linked"', () => {
    const doc = page(
      '<main><section><h2>Account management</h2><p role="status">learner@outlook.com was removed from your profile.</p>' +
        '<div aria-live="polite"><p>ana@fabrikam.com is already linked.</p></div><ul>' +
        '<li><span aria-label="Work or school account" role="img"></span><span>ana@contoso.com</span><button>Remove</button></li>' +
        '</ul><p role="alert">Only one personal account: remove other@outlook.com first.</p></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual([{ address: 'ana@contoso.com', kind: 'work' }]);
  });

  it('reads a list made live (its rows announced as they come and go), not as an announcement', () => {
    const doc = page(
      '<main><section><h2>Account management</h2><div aria-live="polite" aria-relevant="additions removals"><ul>' +
        '<li><span aria-label="Personal account" role="img"></span><span>learner@outlook.com</span><button>Remove</button></li>' +
        '<li><span aria-label="Work or school account" role="img"></span><span>ana@contoso.com</span><button>Remove</button></li>' +
        '</ul></div><div aria-live="polite"><p>ana@fabrikam.com is already linked.</p><button>Dismiss</button></div></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual(learnerAndAna);
  });

  it('reads cards made live (articles in a live grid), not as an announcement', () => {
    const doc = page(
      '<main><section><h2>Account management</h2><div class="grid" aria-live="polite">' +
        '<article><h3>learner@outlook.com</h3><span class="badge">Personal account</span><button>Remove</button></article>' +
        '<article><h3>ana@contoso.com</h3><span class="badge">Work or school account</span><button>Remove</button></article>' +
        '</div></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual(learnerAndAna);
  });

  it('keeps a lone account row apart from the section intro that names both kinds', () => {
    const doc = page(
      '<main><section><div><h2>Account management</h2><p>Link a work or school account or a personal account.</p>' +
        '<ul><li><span aria-label="Work or school account" role="img"></span><span>ana@contoso.com</span></li></ul>' +
        '</div></section></main>',
    );
    expect(readAccountList(doc, 'en-us')).toEqual([{ address: 'ana@contoso.com', kind: 'work' }]);
  });

  it('finds no list while the section is still loading, or when there is no such section', () => {
    expect(readAccountList(page('<main><section><h2>Account management</h2><p>Loading…</p></section></main>'), 'en-us')).toBeNull();
    expect(readAccountList(page('<main><h1>Settings</h1><p>learner@outlook.com</p></main>'), 'en-us')).toBeNull();
  });
});

describe('readPage', () => {
  it('waits until Learn has decided who is signed in', () => {
    const doc = page(headerMenu('learner@outlook.com'), 'lang="en-us" data-authenticated="false" data-auth-status-determined="false"');
    expect(readPage(doc, settingsUrl, 1)).toBeNull();
  });

  it('reads a signed-out page without accounts', () => {
    const doc = page('<header><a class="docs-sign-in">Sign in</a></header>', 'lang="en-us" data-authenticated="false" data-auth-status-determined="true"');
    expect(readPage(doc, settingsUrl, 7)).toEqual({
      page: 'settings',
      locale: 'en-us',
      signedIn: false,
      signedInAs: null,
      accounts: null,
      certificationConnected: null,
      at: 7,
    });
  });

  it('takes the locale from the path, then from the document', () => {
    const doc = page('', 'lang="fr-FR" data-authenticated="false" data-auth-status-determined="true"');
    expect(readPage(doc, settingsUrl, 1)?.locale).toBe('en-us');
    expect(readPage(doc, new URL('https://learn.microsoft.com/users/me/settings/'), 1)?.locale).toBe('fr-fr');
    // Lower case, however the path spells it.
    expect(readPage(doc, new URL('https://learn.microsoft.com/FR-CA/users/me/settings/'), 1)?.locale).toBe('fr-ca');
  });

  it('reads only who is signed in on other Learn pages', () => {
    const doc = page(headerMenu('learner@outlook.com') + '<main><section><h2>Account management</h2><p>ana@contoso.com</p><a href="#">Manage certification profile</a></section></main>');
    expect(readPage(doc, new URL('https://learn.microsoft.com/en-us/training/'), 1)).toEqual({
      page: 'other',
      locale: 'en-us',
      signedIn: true,
      signedInAs: 'learner@outlook.com',
      accounts: null,
      certificationConnected: null,
      at: 1,
    });
  });
});

describe('readCertificationConnected', () => {
  it('says connected when Learn offers to manage the profile, not when it offers to connect one', () => {
    const connected = page('<main><a href="/x">Manage certification profile and exam discounts</a></main>');
    const notYet = page('<main><button>Connect certification profile</button></main>');
    const french = page('<main><a href="/x">Gérer le profil de certification et les remises sur les examens</a></main>');
    expect(readCertificationConnected(connected, 'en-us')).toBe(true);
    expect(readCertificationConnected(notYet, 'en-us')).toBe(false);
    expect(readCertificationConnected(french, 'fr-fr')).toBe(true);
    expect(readCertificationConnected(page('<main><p>Certification profile</p></main>'), 'en-us')).toBeNull();
  });

  it('reads nothing from navigation or side content: a help link named "Manage certification profile" proves nothing', () => {
    const card = '<section><h2>Certifications</h2><button data-bi-name="connect-certification-profile">Connect certification profile</button></section>';
    for (const side of [
      '<aside aria-label="Need help?"><h3>Need help?</h3><a href="/en-us/credentials/support/manage">Manage certification profile</a></aside>',
      '<nav aria-label="Credentials menu"><a href="/en-us/credentials/support/manage">Manage certification profile</a></nav>',
      '<div role="complementary"><a href="/help">Manage certification profile</a></div>',
      '<div role="navigation"><a href="/help">Manage certification profile</a></div>',
    ]) {
      expect(readCertificationConnected(page(`<main>${side}${card}</main>`), 'en-us', 'credentials'), side).toBe(false);
      expect(readCertificationConnected(page(`<main>${side}</main>`), 'en-us', 'credentials'), side).toBeNull();
    }
  });
});

describe('readSignedInAddress', () => {
  it('reads the address alone from the menu, lower-cased', () => {
    expect(readSignedInAddress(page(headerMenu(' Learner@Outlook.com '))) ).toBe('learner@outlook.com');
    // Upper case everywhere, the top-level domain too (the pattern has no flags: its classes say both cases).
    expect(readSignedInAddress(page(headerMenu('LEARNER@OUTLOOK.COM')))).toBe('learner@outlook.com');
  });

  it('is null while the menu is not filled in', () => {
    expect(readSignedInAddress(page(headerMenu('')))).toBeNull();
  });

  it('is null when two copies of the header (one for small screens, hidden) say two addresses; a copy not filled in says nothing', () => {
    const copies = (first: string, second: string) => page(`<div class="is-hidden">${headerMenu(first)}</div>${headerMenu(second)}`);
    expect(readSignedInAddress(copies('learner@outlook.com', 'ana@contoso.com'))).toBeNull();
    expect(readSignedInAddress(copies('ana@contoso.com', 'Ana@Contoso.com'))).toBe('ana@contoso.com');
    expect(readSignedInAddress(copies('', 'ana@contoso.com'))).toBe('ana@contoso.com');
    expect(readSignedInAddress(copies('ana@contoso.com', ''))).toBe('ana@contoso.com');
  });
});

// Cases found by the page-drift generator (test/unit/page-drift.test.ts), one each, smallest form.
describe('the reader on drifted pages', () => {
  it('reads no control the page hides: a hidden "Manage certification profile" says nothing', () => {
    const both = page('<main><a href="/x" hidden>Manage certification profile</a><a href="/y">Connect a certification profile</a></main>');
    expect(readCertificationConnected(both, 'en-us')).toBe(false);
    expect(readCertificationConnected(page('<main><a href="/y" hidden>Connect a certification profile</a></main>'), 'en-us')).toBeNull();
  });

  it('reads an address apart from the bidi marks and typographic quotes around it', () => {
    // Right-to-left pages isolate or mark left-to-right runs such as addresses.
    const marked = (text: string) =>
      page(`${headerMenu(text)}<main><section><h2>Account management</h2><ul><li><span>${text}</span></li></ul></section></main>`);
    for (const text of ['\u200elearner@outlook.com\u200e', '\u2066learner@outlook.com\u2069', '\u202blearner@outlook.com\u202c', '\u200flearner@outlook.com', '“learner@outlook.com”']) {
      expect(readSignedInAddress(marked(text)), JSON.stringify(text)).toBe('learner@outlook.com');
      expect(readAccountList(marked(text), 'en-us')?.map((a) => a.address), JSON.stringify(text)).toEqual(['learner@outlook.com']);
    }
  });

  it("reads a work address with an apostrophe whole (Entra allows ' in user names), not a quote around one", () => {
    expect(readSignedInAddress(page(headerMenu("sean.o'brien@contoso.com")))).toBe("sean.o'brien@contoso.com");
    expect(readSignedInAddress(page(headerMenu("'ana@contoso.com'")))).toBe('ana@contoso.com');
  });
});
