/**
 * `npm run demo`: builds the extension, starts the Learn replica and opens Chromium with the
 * extension on it. With a display, the browser stays open for you to click through (close it
 * to stop). Without one (or with --headless), it walks the pages itself and writes a
 * screenshot of each to demo-output/ (or --out DIR).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension } from './build.ts';
import { Rig } from '../test/support/rig.ts';

const outputDir = argValue('--out') ?? 'demo-output';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const scenario = argValue('--scenario') ?? 'has-aad';
const locale = argValue('--locale') ?? 'en-us';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// --skip-build: the tests run the demo on the extension they built already.
if (!process.argv.includes('--skip-build')) await buildExtension();
const rig = await Rig.start({ scenario, headless, locale: locale.slice(0, 2) });
const learn = (path: string) => rig.replica.url(`/${locale}${path}`);

if (!headless) {
  const page = await rig.openLearn(`/${locale}/users/me/settings/`);
  await rig.openPopup();
  await page.bringToFront();
  console.log(`Chromium is open on the Learn replica (scenario "${scenario}"), with the extension loaded.`);
  console.log('Sign in and out from the account menu, add and remove accounts on Settings; the');
  console.log('extension popup (toolbar, or the second tab) shows what it read. Close the browser to stop.');
  await new Promise<void>((done) => rig.context.once('close', () => done()));
  await rig.replica.close();
} else {
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  let count = 0;
  const shot = async (page: Page, name: string) => {
    count += 1;
    const path = resolve(outputDir, `${String(count).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    console.log(path);
  };
  const settled = (page: Page) =>
    page.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
  /** The popup is shot once the extension has stored what Settings showed for `address`. */
  const storedAccountsOf = async (address: string) => {
    for (let tries = 0; tries < 100; tries += 1) {
      const stored = (await rig.stored()) as { aligner?: { accounts?: { signedInAs?: string } | null } };
      if (stored.aligner?.accounts?.signedInAs === address) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The extension stored no account list read while signed in as ${address}`);
  };
  const popupShot = async (name: string, colorScheme: 'light' | 'dark' = 'light') => {
    const popup = await rig.openPopup();
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.locator('h1').waitFor();
    await shot(popup, name);
    await popup.close();
  };

  try {
    console.log(`Headless demo on the replica (scenario "${scenario}", ${locale}); screenshots:`);
    await popupShot('popup-before-anything-is-read');
    const page = await rig.openLearn(`/${locale}/`);
    await settled(page);
    await shot(page, 'learn-home-signed-in');
    await page.locator('summary[data-bi-name="site-header-user-avatar"]').click();
    await shot(page, 'account-menu-open');
    await page.goto(learn('/users/me/settings/'));
    await page.locator('[data-bi-name="add-account"]').scrollIntoViewIfNeeded();
    await shot(page, 'settings-account-management');
    await storedAccountsOf(rig.replica.state().signedInAs ?? '');
    await popupShot('popup-after-settings');
    await page.locator('summary[data-bi-name="site-header-user-avatar"]').click();
    await page.locator('a.docs-sign-out').click();
    await page.locator('a.docs-sign-in').waitFor();
    await shot(page, 'signed-out');
    await page.locator('a.docs-sign-in').click();
    await page.waitForURL(/login\.microsoftonline\.com/);
    await shot(page, 'account-picker');
    const other = rig.replica.state().profiles[0]?.accounts.find((a) => !a.includes('outlook.com'));
    if (other) {
      await page.getByText(other, { exact: true }).click();
      await page.waitForURL(/learn\.microsoft\.com/);
      await page.goto(learn('/users/me/settings/'));
      await page.locator('[data-bi-name="add-account"]').scrollIntoViewIfNeeded();
      await shot(page, 'settings-signed-in-with-work-account');
      await popupShot('popup-after-sign-in-with-another-account');
      await popupShot('popup-after-sign-in-with-another-account-dark', 'dark');
    }
  } finally {
    await rig.close();
  }
  console.log(`${count} screenshots in ${resolve(outputDir)}`);
}
