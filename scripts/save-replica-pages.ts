/**
 * Saves rendered pages of the Learn replica to test/fixtures/pages/ for the page reader's
 * unit tests: the DOM as Learn's scripts leave it (header filled in, Settings rendered),
 * scripts and styles dropped. Run it after changing the replica:
 * `npx tsx scripts/save-replica-pages.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { scenarios, startReplica, type Scenario } from '../test/fixtures/replica/index.ts';
import { launchChromium } from '../test/support/chromium.ts';

interface SavedPage {
  file: string;
  scenario: string | Scenario;
  path: string;
  /** A selector that exists once the page is fully rendered. */
  ready: string;
  /** What a person does before the page is saved (opening a dialog, adding an account). */
  prepare?: (page: Page) => Promise<void>;
  /** Selector of what the saved page must show after `prepare`. */
  then?: string;
}

/** has-aad after the swap began: signed in with the work account. */
const signedInWithWork: Scenario = { ...(scenarios['has-aad'] as Scenario), name: 'work-signed-in', signedInAs: 'ana@contoso.com' };
/** The Certification MSA has its own profile; the Learn profile keeps only the work account. */
const mergeReady: Scenario = {
  ...(scenarios.merge as Scenario),
  name: 'merge-ready',
  profiles: (scenarios.merge as Scenario).profiles.map((p) => (p.id === 'P1' ? { ...p, accounts: ['ana@contoso.com'] } : p)),
  signedInAs: 'ana@contoso.com',
};
const certSignedIn: Scenario = { ...(scenarios['new-profile'] as Scenario), name: 'cert-signed-in', signedInAs: 'cert.ana@hotmail.com' };

const signedIn = '[data-profile-property="upn"]:not(:empty)';
const pages: SavedPage[] = ['en-us', 'fr-fr'].flatMap((locale) => [
  { file: `${locale}-settings-has-aad.html`, scenario: 'has-aad', path: `/${locale}/users/me/settings/`, ready: '[data-bi-name="add-account"]' },
  { file: `${locale}-settings-add-aad.html`, scenario: 'add-aad', path: `/${locale}/users/me/settings/`, ready: '[data-bi-name="add-account"]' },
  { file: `${locale}-settings-signed-out.html`, scenario: 'fresh', path: `/${locale}/users/me/settings/`, ready: 'a.docs-sign-in' },
  { file: `${locale}-profile.html`, scenario: 'has-aad', path: `/${locale}/users/me/activity/`, ready: signedIn },
  { file: `${locale}-credentials.html`, scenario: 'has-aad', path: `/${locale}/users/me/credentials`, ready: signedIn },
  { file: `${locale}-home.html`, scenario: 'has-aad', path: `/${locale}/`, ready: signedIn },
  { file: `${locale}-article.html`, scenario: 'has-aad', path: `/${locale}/training/modules/intro-to-learn-profiles/`, ready: signedIn },
  {
    file: `${locale}-settings-remove-dialog.html`,
    scenario: signedInWithWork,
    path: `/${locale}/users/me/settings/`,
    ready: '[data-bi-name="add-account"]',
    prepare: (page) => page.locator('li', { hasText: 'learner@outlook.com' }).locator('[data-bi-name="remove-account"]').click(),
    then: '[role="dialog"]',
  },
  {
    file: `${locale}-merge.html`,
    scenario: mergeReady,
    path: `/${locale}/users/me/settings/`,
    ready: '[data-bi-name="add-account"]',
    prepare: async (page) => {
      await page.locator('[data-bi-name="add-account"]').click();
      await page.waitForURL(/login\.microsoftonline\.com/);
      await page.getByText('cert.ana@hotmail.com', { exact: true }).click();
    },
    then: '[data-bi-name="confirm-merge"]',
  },
  { file: `${locale}-create-profile.html`, scenario: certSignedIn, path: `/${locale}/users/me/settings/`, ready: '[data-bi-name="create-profile"]' },
]);

const outDir = 'test/fixtures/pages';
mkdirSync(outDir, { recursive: true });
const replica = await startReplica();
const browser = await launchChromium({ replicaPort: replica.port });
try {
  for (const saved of pages) {
    replica.load(saved.scenario);
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(replica.url(saved.path));
    await page.locator(saved.ready).first().waitFor({ state: 'attached' });
    if (saved.prepare) {
      await saved.prepare(page);
      await page.locator(saved.then ?? 'body').first().waitFor({ state: 'attached' });
    }
    await page.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const element of copy.querySelectorAll('script, link[rel="stylesheet"], style')) element.remove();
      return `<!doctype html>\n${copy.outerHTML}\n`;
    });
    const url = page.url();
    writeFileSync(`${outDir}/${saved.file}`, html.replace('<head>', `<head><!-- saved from ${url} -->`));
    console.log(`${outDir}/${saved.file}  <- ${url}`);
    await page.close();
  }
} finally {
  await browser.close();
  await replica.close();
}
