/**
 * `npm run demo`: builds the extension, starts the Learn replica and opens Chromium with the
 * extension on it. With a display, the browser stays open for you to click through (close it
 * to stop). Without one (or with --headless), it walks the has-aad path itself, as a person
 * following the guide would, and writes a screenshot of each page and of the popup at each
 * moment to demo-output/ (or --out DIR), printing their paths. With --store, it writes the
 * store listing's screenshots instead (scripts/store-screenshots.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension } from './build.ts';
import { writeStoreScreenshots } from './store-screenshots.ts';
import { Rig } from '../test/support/rig.ts';
import { addAccount, connectCertification, openSettings, pickAccount, removeAccount, signOut } from '../test/support/learn-actions.ts';

const outputDir = argValue('--out') ?? 'demo-output';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const locale = argValue('--locale') ?? 'en-us';
const scenario = argValue('--scenario') ?? 'has-aad';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// --skip-build: the tests run the demo on the extension they built already.
if (!process.argv.includes('--skip-build')) await buildExtension();

// --store: the store listing's screenshots instead, from the same walk on the replica.
if (process.argv.includes('--store')) {
  for (const path of await writeStoreScreenshots({ outDir: argValue('--out') ?? 'store/screenshots' })) console.log(path);
  process.exit(0);
}
const rig = await Rig.start({ scenario: headless ? 'has-aad' : scenario, headless, locale: locale.slice(0, 2) });

if (!headless) {
  const page = await rig.openLearn(`/${locale}/users/me/settings/`);
  await rig.openPopup();
  await page.bringToFront();
  console.log(`Chromium is open on the Learn replica (scenario "${scenario}"), with the extension loaded.`);
  console.log('Open the extension popup (second tab, or the toolbar), choose a path, and follow it on');
  console.log('the Learn pages: sign in and out from the account menu, add and remove accounts on');
  console.log('Settings. Close the browser to stop.');
  await new Promise<void>((done) => rig.context.once('close', () => done()));
  await rig.replica.close();
} else {
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  let count = 0;
  const shot = async (page: Page, name: string) => {
    count += 1;
    const path = resolve(outputDir, `${String(count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path, fullPage: page.url().startsWith('chrome-extension:') });
    console.log(path);
  };
  /** The popup, shot in light and dark once it shows `ready` (a selector of its own markup). */
  const popupShots = async (name: string, ready: string) => {
    const popup = await rig.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.locator(ready).first().waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await shot(popup, `popup-${name}-${colorScheme}`);
    }
    return popup;
  };
  const stepDone = (step: string) => `[data-step="${step}"][data-state="done"]`;

  try {
    console.log(`Headless demo: the has-aad path on the replica (${locale}); screenshots:`);
    const page = await rig.openLearn(`/${locale}/users/me/settings/`);
    await page.locator('[data-bi-name="add-account"]').scrollIntoViewIfNeeded();
    await shot(page, 'settings-signed-in-with-the-learn-msa');
    const chooser = await popupShots('choose-a-path', '[data-path="has-aad"].suggested');
    await chooser.locator('[data-path="has-aad"]').click();
    await chooser.close();
    await popupShots('step-1-of-7', '[data-step="sign-in-aad"][data-state="current"]');
    await page.bringToFront();
    await page.locator('summary[data-bi-name="site-header-user-avatar"]').click();
    await page.locator('[data-aligner-step="sign-in-aad"][data-bi-name="site-header-sign-out"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'guide-points-at-sign-out');
    await page.locator('summary[data-bi-name="site-header-user-avatar"]').click();

    await signOut(page);
    await shot(page, 'signed-out');
    await page.locator('a.docs-sign-in').first().click();
    await page.waitForURL(/login\.microsoftonline\.com/);
    await shot(page, 'account-picker');
    await page.goBack();
    await page.locator('a.docs-sign-in').first().click();
    await pickAccount(page, 'ana@contoso.com');
    await openSettings(page, locale);
    const highlighted = page.locator('[data-aligner-step="remove-msa"]');
    await highlighted.waitFor();
    await highlighted.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(200); // the ring's transition
      await shot(page, `guide-highlights-remove-${colorScheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('li', { hasText: 'learner@outlook.com' }).locator('[data-bi-name="remove-account"]').click();
    await shot(page, 'learn-asks-to-confirm-the-removal');
    await page.locator('[data-bi-name="cancel-remove-account"]').click();
    await removeAccount(page, 'learner@outlook.com');
    await shot(page, 'personal-account-removed');
    await popupShots('step-4-of-7', stepDone('remove-msa'));

    await addAccount(page, 'cert.ana@hotmail.com');
    await shot(page, 'certification-msa-added');
    await signOut(page);
    await page.locator('a.docs-sign-in').first().click();
    await pickAccount(page, 'cert.ana@hotmail.com');
    await connectCertification(page, locale);
    await shot(page, 'certification-profile-connected');
    await popupShots('path-complete', stepDone('connect-cert'));

    // The recommended path's forum steps, as a person who took it would see them: the request
    // written for them (the MCID given), then the wait for support's agent.
    const popup = await rig.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.locator('.path-head .link').click();
    await popup.locator('[data-path="recommended"]').click();
    for (const step of ['forum-open', 'forum-ask']) {
      await popup.locator(`[data-step="${step}"] input`).click();
      await popup.locator(stepDone(step)).waitFor();
    }
    await popup.locator('#cert-msa').fill('cert.ana@hotmail.com');
    await popup.locator('#cert-msa').press('Enter');
    await popup.locator('#mcid').fill('987654321');
    await popup.locator('#mcid').press('Tab');
    await popup.locator('#request-body').waitFor();
    const forumShots = async (name: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme });
        await shot(popup, `popup-${name}-${colorScheme}`);
      }
      await popup.emulateMedia({ colorScheme: 'light' });
    };
    await forumShots('forum-request');
    await popup.locator('[data-step="forum-request"] input').click();
    await popup.locator('[data-testid="asked-on"]').waitFor();
    await forumShots('forum-verify');
  } finally {
    await rig.close();
  }
  console.log(`${count} screenshots in ${resolve(outputDir)}`);
}
