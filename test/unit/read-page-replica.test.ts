import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnPageOf } from '../../src/page/learn-url.ts';
import type { LearnPage, LinkedAccount } from '../../src/page/observation.ts';
import { readAccountList, readPage } from '../../src/page/read-page.ts';

/**
 * The page reader on pages saved from the replica, as Learn's scripts leave them
 * (scripts/save-replica-pages.ts writes them). Every detector runs on every page: it must
 * recognise its own pages and none of the others'.
 */

interface Expected {
  url: string;
  page: LearnPage;
  signedInAs: string | null;
  accounts: LinkedAccount[] | null;
  certificationConnected: boolean | null;
}

const learner = { address: 'learner@outlook.com', kind: 'personal' } as const;
const contoso = { address: 'ana@contoso.com', kind: 'work' } as const;

const savedPages: Record<string, Expected> = Object.fromEntries(
  ['en-us', 'fr-fr'].flatMap((locale) => [
    [`${locale}-settings-has-aad.html`, { url: `/${locale}/users/me/settings/`, page: 'settings', signedInAs: learner.address, accounts: [learner, contoso], certificationConnected: false }],
    [`${locale}-settings-add-aad.html`, { url: `/${locale}/users/me/settings/`, page: 'settings', signedInAs: learner.address, accounts: [learner], certificationConnected: false }],
    [`${locale}-settings-signed-out.html`, { url: `/${locale}/users/me/settings/`, page: 'settings', signedInAs: null, accounts: null, certificationConnected: null }],
    [`${locale}-profile.html`, { url: `/${locale}/users/me/activity/`, page: 'profile', signedInAs: learner.address, accounts: null, certificationConnected: null }],
    [`${locale}-credentials.html`, { url: `/${locale}/users/me/credentials`, page: 'credentials', signedInAs: learner.address, accounts: null, certificationConnected: false }],
    [`${locale}-home.html`, { url: `/${locale}/`, page: 'other', signedInAs: learner.address, accounts: null, certificationConnected: null }],
    [`${locale}-article.html`, { url: `/${locale}/training/modules/intro-to-learn-profiles/`, page: 'other', signedInAs: learner.address, accounts: null, certificationConnected: null }],
  ]),
);

function load(file: string): Document {
  const html = readFileSync(resolve('test/fixtures/pages', file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

const detectors: LearnPage[] = ['settings', 'profile', 'credentials', 'other'];

describe.each(Object.entries(savedPages))('%s', (file, expected) => {
  const doc = load(file);
  const url = new URL(`https://learn.microsoft.com${expected.url}`);
  const locale = expected.url.slice(1, 6);

  it.each(detectors)('the %s detector answers for this page only', (detector) => {
    expect(learnPageOf(url) === detector).toBe(expected.page === detector);
  });

  it('reads what the page shows', () => {
    expect(readPage(doc, url, 1)).toEqual({
      page: expected.page,
      locale,
      signedIn: expected.signedInAs !== null,
      signedInAs: expected.signedInAs,
      accounts: expected.accounts,
      certificationConnected: expected.certificationConnected,
      at: 1,
    });
  });

  it('finds an account list on a signed-in Settings page only', () => {
    const list = readAccountList(doc, locale);
    if (expected.accounts) expect(list).toEqual(expected.accounts);
    else expect(list).toBeNull();
  });
});
