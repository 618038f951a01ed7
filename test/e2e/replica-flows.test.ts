// The Learn replica, clicked through by hand in a real Chromium (no extension), in both
// locales: what each page shows after each step, and what the server then holds.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from '../support/chromium.ts';
import { scenarios, startReplica, stringsFor, type Locale, type Replica, type Scenario } from '../fixtures/replica/index.ts';

const LEARN = 'learn.microsoft.com';
const LOGIN = 'login.microsoftonline.com';
const learner = 'learner@outlook.com';
const contoso = 'ana@contoso.com';
const fabrikam = 'ana@fabrikam.com';
const certMsa = 'cert.ana@hotmail.com';

/** Labels quoted by Microsoft's own procedure (English and French), written out here rather than read from the table. */
const quoted: Record<Exclude<Locale, 'de-de' | 'it-it' | 'he-il'>, { accountManagement: string; addAccount: string; signOut: string; settings: string }> = {
  'en-us': { accountManagement: 'Account management', addAccount: 'Add account', signOut: 'Sign out', settings: 'Settings' },
  'fr-fr': { accountManagement: 'Gestion du compte', addAccount: 'Ajouter un compte', signOut: 'Se déconnecter', settings: 'Paramètres' },
};

/** A scenario with someone else signed in at start, or other profiles. */
function variant(name: string, changes: Partial<Scenario>): Scenario {
  const base = scenarios[name];
  if (!base) throw new Error(`no scenario ${name}`);
  return { ...structuredClone(base), ...changes };
}

let replica: Replica;
beforeAll(async () => {
  // Shorter than the defaults to keep the file fast; still late: Settings' sections arrive after
  // the page has loaded (the first Settings test checks the server-rendered placeholder).
  replica = await startReplica({ scenario: 'fresh', authDelayMs: 50, settingsDelayMs: 150 });
});
afterAll(async () => replica?.close());

describe.each(['en-us', 'fr-fr'] as const)('the Learn replica in %s', (locale) => {
  const t = stringsFor(locale);
  const q = quoted[locale];
  const settingsPath = `/${locale}/users/me/settings/`;
  let browser: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium({ replicaPort: replica.port });
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    await browser.context.clearCookies();
    page = await browser.context.newPage();
    page.setDefaultTimeout(5_000); // fail fast: every step here takes well under a second
  });
  afterEach(async () => page?.close());

  // ---- helpers: each one is what a person does, checked as far as the page shows it ----

  async function open(scenario: Scenario | string, path: string): Promise<void> {
    replica.load(scenario);
    await page.goto(replica.url(path));
    await authDetermined();
  }

  async function authDetermined(): Promise<void> {
    await page.locator('html[data-auth-status-determined="true"]').waitFor({ state: 'attached' });
  }

  async function whoIsSignedIn(): Promise<string | null> {
    await authDetermined();
    if ((await page.locator('html').getAttribute('data-authenticated')) !== 'true') return null;
    return page.locator('p[data-profile-property="upn"]').textContent();
  }

  async function pickAccount(email: string): Promise<void> {
    await page.waitForURL((url) => url.host === LOGIN);
    await page.getByRole('heading', { name: t.login.pick }).waitFor();
    await page.getByText(email, { exact: true }).click();
    await page.waitForURL((url) => url.host === LEARN);
    await authDetermined();
  }

  async function signIn(email: string): Promise<void> {
    await authDetermined();
    await page.locator('a.docs-sign-in').click();
    await pickAccount(email);
    expect(await whoIsSignedIn()).toBe(email);
  }

  function accountMenu() {
    return page.locator('details[data-bi-name="site-header-user"]');
  }

  async function openAccountMenu(): Promise<void> {
    await authDetermined();
    const opener = page.locator('summary[data-bi-name="site-header-user-avatar"]');
    expect(await opener.getAttribute('aria-label')).toBe(t.yourAccount);
    if ((await accountMenu().getAttribute('open')) === null) await opener.click();
  }

  async function signOut(): Promise<void> {
    await openAccountMenu();
    await accountMenu().getByRole('link', { name: q.signOut }).click();
    await page.waitForURL(replica.url(`/${locale}/`));
    expect(await whoIsSignedIn()).toBeNull();
  }

  async function openSettingsFromMenu(): Promise<void> {
    await openAccountMenu();
    await accountMenu().getByRole('link', { name: q.settings, exact: true }).click();
    await page.waitForURL(replica.url(settingsPath));
  }

  /** The rows of "Account management" once rendered, each read element by element. */
  async function linkedAccounts() {
    await page.getByRole('heading', { name: q.accountManagement }).waitFor();
    return page.locator('#account-management li').evaluateAll((rows) =>
      rows.map((row) => {
        const remove = row.querySelector('button');
        return {
          email: row.querySelector('.account-email')?.textContent,
          kind: row.querySelector('[role="img"]')?.getAttribute('aria-label'),
          signedIn: row.querySelector('.badge')?.textContent ?? null,
          removable: !!remove && !remove.disabled && remove.getAttribute('aria-disabled') !== 'true',
        };
      }),
    );
  }

  const personal = (email: string, signedIn = false) => ({
    email,
    kind: t.settings.personalAccount,
    signedIn: signedIn ? t.settings.signedInBadge : null,
    removable: !signedIn,
  });
  const work = (email: string, signedIn = false) => ({ ...personal(email, signedIn), kind: t.settings.workAccount });

  async function removeAccount(email: string): Promise<void> {
    const row = page.locator('#account-management li').filter({ hasText: email });
    await row.getByRole('button', { name: t.settings.remove }).click();
    const dialog = page.getByRole('dialog', { name: t.settings.removeDialogTitle });
    expect(await dialog.locator('strong').textContent()).toBe(email);
    await dialog.getByRole('button', { name: t.settings.remove }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: email }).waitFor();
  }

  async function addAccount(email: string): Promise<void> {
    await page.getByRole('button', { name: q.addAccount }).click();
    await pickAccount(email);
  }

  async function alertText(): Promise<string | null> {
    return page.getByRole('alert').first().textContent();
  }

  function accountsOf(profileId: string): string[] | undefined {
    return replica.state().profiles.find((p) => p.id === profileId)?.accounts;
  }

  // ---- flows ----

  it('signs in through the login picker, shows who in the account menu, and signs out for good', async () => {
    await open('fresh', `/${locale}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.locator('meta[name="locale"]').getAttribute('content')).toBe(locale);
    expect(await whoIsSignedIn()).toBeNull();
    expect(await page.locator('details[data-bi-name="site-header-user"]').isHidden()).toBe(true);

    await page.locator('a.docs-sign-in').click();
    await page.waitForURL((url) => url.host === LOGIN);
    const tiles = await page.locator('.tile').evaluateAll((buttons) =>
      buttons.map((b) => [b.querySelector('.tile-email')?.textContent, b.querySelector('.tile-kind')?.textContent]),
    );
    expect(tiles).toEqual([
      [learner, t.login.personal],
      [contoso, t.login.work],
      [certMsa, t.login.personal],
    ]);
    await page.getByText(contoso, { exact: true }).click();
    await page.waitForURL(replica.url(`/${locale}/`));

    expect(await whoIsSignedIn()).toBe(contoso);
    expect(await page.locator('a.docs-sign-in').isHidden()).toBe(true);
    await openAccountMenu();
    expect(await page.locator('p[data-profile-property="displayName"]').textContent()).toBe('Ana Muñoz');
    expect(await page.locator('a[data-bi-name="site-header-user-profile"]').textContent()).toBe(t.profile);

    await signOut();
    await page.reload();
    expect(await whoIsSignedIn()).toBeNull(); // no single sign-on after a sign-out
  });

  it('renders Settings late, listing each account with its kind, the signed-in one not removable', async () => {
    replica.load('has-aad');
    const response = await page.goto(replica.url(`/${locale}/users/me/settings`)); // no trailing slash
    expect(await response?.text()).toContain(`<p class="loading">${t.settings.loading}</p>`);
    expect(await linkedAccounts()).toEqual([personal(learner, true), work(contoso)]);

    const signedInRemove = page.locator('#account-management li').first().locator('button');
    expect(await signedInRemove.getAttribute('title')).toBe(t.settings.cannotRemoveSignedIn);
    expect(await signedInRemove.getAttribute('class')).toBe('button button-sm button-clear');
    // Rows are packed: no white-space text between their elements.
    const blankTextNodes = await page.locator('#account-management').evaluate((section) => {
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      let blank = 0;
      while (walker.nextNode()) if (!walker.currentNode.textContent?.trim()) blank += 1;
      return blank;
    });
    expect(blankTextNodes).toBe(0);

    await page.getByRole('heading', { name: t.settings.certSection }).waitFor();
    expect(await page.locator('[data-bi-name="go-to-credentials"]').getAttribute('href')).toBe(`/${locale}/users/me/credentials`);
    // Not every button is an account control.
    expect(await page.getByRole('button', { name: t.settings.save, exact: true }).count()).toBe(1);
    expect(await page.locator('button.button-danger').textContent()).toBe(t.settings.deleteProfile);
    expect(await page.locator('[data-bi-name="add-account"]').getAttribute('class')).toBe('button button-primary');
    expect(await page.getByText(t.settings.limitsNote).isVisible()).toBe(true);
  });

  it('removes an account after its confirmation, without reloading; refuses the signed-in one', async () => {
    await open(variant('has-aad', { signedInAs: contoso }), settingsPath);
    expect(await linkedAccounts()).toEqual([personal(learner), work(contoso, true)]);

    // The server refuses what the disabled button does not offer.
    const refused = await page.evaluate(async (email) => {
      const response = await fetch('/_api/settings/accounts/remove', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return { status: response.status, body: (await response.json()) as { error: string } };
    }, contoso);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('signed-in-account');

    // Cancel first: nothing changes.
    await page.evaluate(() => Object.assign(window, { stillSamePage: true }));
    await page.locator('#account-management li').filter({ hasText: learner }).getByRole('button', { name: t.settings.remove }).click();
    const dialog = page.getByRole('dialog', { name: t.settings.removeDialogTitle });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.textContent()).toContain(learner);
    await dialog.getByRole('button', { name: t.settings.cancel }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(accountsOf('P1')).toEqual([learner, contoso]);

    await removeAccount(learner);
    expect(await linkedAccounts()).toEqual([work(contoso, true)]);
    expect(accountsOf('P1')).toEqual([contoso]);
    expect(await page.evaluate(() => 'stillSamePage' in window)).toBe(true);
  });

  it('adds a work account through the login picker', async () => {
    await open('add-aad', settingsPath);
    expect(await linkedAccounts()).toEqual([personal(learner, true)]);
    await addAccount(fabrikam);
    expect(page.url()).toContain(settingsPath);
    expect(await page.getByRole('status').first().textContent()).toContain(fabrikam);
    expect(await linkedAccounts()).toEqual([personal(learner, true), work(fabrikam)]);
    expect(accountsOf('P1')).toEqual([learner, fabrikam]);
    expect(await whoIsSignedIn()).toBe(learner); // adding does not change who is signed in
  });

  it('refuses a second personal account, and a sixth work account', async () => {
    await open('has-aad', settingsPath);
    await addAccount(certMsa);
    expect(await alertText()).toContain(learner); // "Remove learner@outlook.com first."
    expect(await linkedAccounts()).toEqual([personal(learner, true), work(contoso)]);
    expect(accountsOf('P1')).toEqual([learner, contoso]);

    await open('work-limit', settingsPath);
    expect(await linkedAccounts()).toHaveLength(6);
    await addAccount('ana.six@northwind.example');
    expect(await alertText()).toContain('ana.six@northwind.example');
    expect(accountsOf('P1')).toHaveLength(6);
  });

  it('asks before merging a profile that the added account already has, then merges', async () => {
    const scenario = variant('merge', { signedInAs: contoso });
    const p1 = scenario.profiles[0];
    if (p1) p1.accounts = [contoso]; // the personal account was removed already
    await open(scenario, settingsPath);

    await addAccount(certMsa);
    expect(page.url()).toContain(`/${locale}/users/me/merge-profiles/`);
    await page.getByRole('heading', { name: t.merge.title }).waitFor();
    expect(await page.locator('main').textContent()).toContain(t.merge.irreversible);
    await page.getByRole('link', { name: t.merge.cancel }).click();
    await page.waitForURL(replica.url(settingsPath));
    expect(replica.state().profiles.map((p) => p.id)).toEqual(['P1', 'P2']);

    await addAccount(certMsa);
    await page.getByRole('button', { name: t.merge.confirm }).click();
    await page.waitForURL((url) => url.pathname === settingsPath);
    expect(await page.getByRole('status').first().textContent()).toContain(certMsa);
    expect(await linkedAccounts()).toEqual([work(contoso, true), personal(certMsa)]);
    expect(replica.state().profiles).toEqual([
      { id: 'P1', displayName: 'Ana Muñoz', accounts: [contoso, certMsa], certificationConnected: false },
    ]);
  });

  it('signs out, then in with an account that has no profile, and creates one', async () => {
    await open('new-profile', settingsPath);
    await signOut();
    await page.goto(replica.url(settingsPath));
    await page.getByRole('heading', { name: t.signInPrompt.title }).waitFor();
    await page.locator('[data-bi-name="sign-in-prompt"]').click();
    await pickAccount(certMsa);
    expect(page.url()).toBe(replica.url(`/${locale}/users/me/create-profile/`));

    await page.locator('[data-bi-name="create-profile"]').click();
    await page.waitForURL(replica.url(`/${locale}/users/me/activity/`));
    expect(await page.locator('.profile-name').textContent()).toBe('Ana M.');
    expect(replica.state().profiles.map((p) => p.accounts)).toEqual([[learner], [certMsa]]);
  });

  it('connects the certification profile only when signed in with its personal account', async () => {
    await open('has-aad', `/${locale}/users/me/activity/`);
    await page.locator('[data-bi-name="profile-credentials-link"]').click();
    await page.locator('[data-bi-name="connect-certification-profile"]').click();
    await page.waitForURL(/error=wrong-account/);
    expect(await alertText()).toContain(learner);
    expect(replica.state().profiles[0]?.certificationConnected).toBe(false);

    await open('aligned', `/${locale}/users/me/credentials`);
    await page.getByRole('button', { name: t.credentials.connect }).click();
    await page.getByText(t.credentials.connected, { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: t.credentials.manage }).isVisible()).toBe(true);
    expect(replica.state().profiles[0]?.certificationConnected).toBe(true);

    await page.goto(replica.url(settingsPath));
    await page.locator('[data-bi-name="manage-certification-profile"]').waitFor();
    expect(await page.locator('#certification-profile').textContent()).toContain(t.settings.certConnected);
  });

  it('walks the whole has-aad procedure by hand', async () => {
    await open('has-aad', `/${locale}/`);
    expect(await whoIsSignedIn()).toBe(learner);
    // 1. sign-in-aad
    await signOut();
    await signIn(contoso);
    // 2. open-settings
    await openSettingsFromMenu();
    expect(await linkedAccounts()).toEqual([personal(learner), work(contoso, true)]);
    // 3. remove-msa
    await removeAccount(learner);
    // 4. add-cert-msa
    await addAccount(certMsa);
    expect(await linkedAccounts()).toEqual([work(contoso, true), personal(certMsa)]);
    // 5. sign-out-aad, 6. sign-in-cert-msa
    await signOut();
    await signIn(certMsa);
    // 7. connect-cert
    await openAccountMenu();
    await accountMenu().getByRole('link', { name: t.profile, exact: true }).click();
    await page.locator('[data-bi-name="profile-credentials-link"]').click();
    await page.getByRole('button', { name: t.credentials.connect }).click();
    await page.getByText(t.credentials.connected, { exact: true }).waitFor();

    expect(replica.state().profiles).toEqual([
      { id: 'P1', displayName: 'Ana Muñoz', accounts: [contoso, certMsa], certificationConnected: true },
    ]);
  });
});
