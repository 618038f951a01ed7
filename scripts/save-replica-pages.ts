/**
 * Saves rendered pages of the Learn replica to test/fixtures/pages/ for the page reader's
 * unit tests: the DOM as Learn's scripts leave it (header filled in, Settings rendered),
 * scripts and styles dropped. Run it after changing the replica:
 * `npx tsx scripts/save-replica-pages.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { startReplica } from '../test/fixtures/replica/index.ts';
import { launchChromium } from '../test/support/chromium.ts';

interface SavedPage {
  file: string;
  scenario: string;
  path: string;
  /** A selector that exists once the page is fully rendered. */
  ready: string;
}

const signedIn = '[data-profile-property="upn"]:not(:empty)';
const pages: SavedPage[] = ['en-us', 'fr-fr'].flatMap((locale) => [
  { file: `${locale}-settings-has-aad.html`, scenario: 'has-aad', path: `/${locale}/users/me/settings/`, ready: '[data-bi-name="add-account"]' },
  { file: `${locale}-settings-add-aad.html`, scenario: 'add-aad', path: `/${locale}/users/me/settings/`, ready: '[data-bi-name="add-account"]' },
  { file: `${locale}-settings-signed-out.html`, scenario: 'fresh', path: `/${locale}/users/me/settings/`, ready: 'a.docs-sign-in' },
  { file: `${locale}-profile.html`, scenario: 'has-aad', path: `/${locale}/users/me/activity/`, ready: signedIn },
  { file: `${locale}-credentials.html`, scenario: 'has-aad', path: `/${locale}/users/me/credentials`, ready: signedIn },
  { file: `${locale}-home.html`, scenario: 'has-aad', path: `/${locale}/`, ready: signedIn },
  { file: `${locale}-article.html`, scenario: 'has-aad', path: `/${locale}/training/modules/intro-to-learn-profiles/`, ready: signedIn },
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
