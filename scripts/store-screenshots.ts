/**
 * `npm run demo -- --store`: the store listing's screenshots, made on the Learn replica the
 * way the demo walks it (has-aad, as a person following the guide), for English and French.
 * Each one is the Learn page as the browser showed it, the popup beside it at its real size,
 * and the caption of store/<language>/listing.md above them, written to
 * store/screenshots/<language>-<n>.png at 1280x800 (Chrome Web Store, Edge Add-ons, Firefox
 * Add-ons) and store/screenshots/640x400/<language>-<n>.png (the Chrome Web Store's small size).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.ts';
import { screenshotCaptions, storeScreenshotLanguages, storeSizes } from './store-kit.ts';
import { Rig } from '../test/support/rig.ts';
import { addAccount, connectCertification, openSettings, pickAccount, removeAccount, signOut } from '../test/support/learn-actions.ts';

const captionHeight = 80;
const popupSize = { width: 360, height: 600 }; // a browser popup is at most 600 px high

/** What one screenshot shows: the Learn page (full width when no popup beside it). */
interface Scene {
  page: Buffer;
  popup: Buffer | null;
}

export async function writeStoreScreenshots({ outDir = 'store/screenshots' } = {}): Promise<string[]> {
  const written: string[] = [];
  for (const { language, learnLocale } of storeScreenshotLanguages) {
    const captions = screenshotCaptions(language);
    const scenes = await walkForScenes(language, learnLocale);
    if (captions.length !== scenes.length) throw new Error(`store/${language}/listing.md: ${captions.length} captions for ${scenes.length} screenshots`);
    written.push(...(await compose(scenes, captions, language, outDir)));
  }
  return written;
}

/** The has-aad walk, stopping where a screenshot tells the extension's story, in store order. */
async function walkForScenes(language: string, learnLocale: string): Promise<Scene[]> {
  const rig = await Rig.start({ scenario: 'has-aad', locale: language, headless: true });
  const pageWidth = storeSizes.large.width - popupSize.width - 40;
  const bodyHeight = storeSizes.large.height - captionHeight;
  try {
    const page = await rig.openLearn(`/${learnLocale}/users/me/settings/`);
    await page.setViewportSize({ width: pageWidth, height: bodyHeight });
    const popupShot = async (ready: string, before?: (popup: Page) => Promise<void>) => {
      const popup = await rig.openPopup();
      await popup.setViewportSize(popupSize);
      await popup.locator(ready).first().waitFor();
      await before?.(popup);
      const shot = await popup.screenshot();
      await popup.close();
      return shot;
    };

    // Signed in with the Learn profile's personal account: the popup suggests a way.
    await page.locator('[data-bi-name="add-account"]').scrollIntoViewIfNeeded();
    const chooser: Scene = { page: await page.screenshot(), popup: await popupShot('[data-path="has-aad"].suggested') };
    const popup = await rig.openPopup();
    await popup.locator('[data-path="has-aad"]').click();
    await popup.locator('[data-step="sign-in-aad"][data-state="current"]').waitFor();
    await popup.close();

    // Signed in with the work account: the guide rings Remove next to the personal account.
    await page.bringToFront();
    await signOut(page);
    await page.locator('a.docs-sign-in').first().click();
    await pickAccount(page, 'ana@contoso.com');
    await openSettings(page, learnLocale);
    const remove = page.locator('[data-aligner-step="remove-msa"]');
    await remove.waitFor();
    await remove.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300); // the ring's transition
    const ring: Scene = { page: await page.screenshot(), popup: await popupShot('[data-step="remove-msa"][data-state="current"]') };

    // Learn's markup changed under the guide (its Remove buttons gone): the instruction docks.
    await page.setViewportSize({ width: storeSizes.large.width, height: bodyHeight });
    await page.evaluate(() => document.querySelectorAll('[data-bi-name="remove-account"]').forEach((button) => button.remove()));
    await page.waitForFunction(() => document.getElementById('learn-account-aligner')?.dataset.mode === 'docked');
    // Drawn 1.5 s after it is made (overlay.css).
    await page.locator('#learn-account-aligner .docked').waitFor({ state: 'visible' });
    await page.locator('[data-bi-name="add-account"]').evaluate((button) => {
      button.closest('section')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -24);
    });
    await page.waitForTimeout(300);
    const docked: Scene = { page: await page.screenshot(), popup: null };

    // To the end, as a person would: the Certification profile connected, every step checked.
    await page.setViewportSize({ width: pageWidth, height: bodyHeight });
    await page.reload();
    await removeAccount(page, 'learner@outlook.com');
    await addAccount(page, 'cert.ana@hotmail.com');
    await signOut(page);
    await page.locator('a.docs-sign-in').first().click();
    await pickAccount(page, 'cert.ana@hotmail.com');
    await connectCertification(page, learnLocale);
    const donePopup = await popupShot('[data-step="connect-cert"][data-state="done"]');
    // The page once Learn filled its header in and the guide has nothing left to show on it.
    await page.bringToFront();
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.authStatusDetermined === 'true' &&
        (document.getElementById('learn-account-aligner')?.dataset.mode ?? 'off') === 'off',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    const done: Scene = { page: await page.screenshot(), popup: donePopup };

    return [ring, chooser, docked, done];
  } finally {
    await rig.close();
  }
}

/** Each scene under its caption, at the stores' two sizes, drawn by the browser itself. */
async function compose(scenes: Scene[], captions: string[], language: string, outDir: string): Promise<string[]> {
  mkdirSync(join(outDir, '640x400'), { recursive: true });
  // A browser of its own, with no extension and no network: it only lays out the images.
  const browser = await launchChromium({ replicaPort: 9 });
  const written: string[] = [];
  try {
    const canvas = await browser.context.newPage();
    for (const [index, scene] of scenes.entries()) {
      const name = `${language}-${index + 1}.png`;
      await canvas.setViewportSize(storeSizes.large);
      await canvas.setContent(sceneHtml(scene, captions[index] as string, language));
      await canvas.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
      const large = await canvas.screenshot();
      writeFileSync(join(outDir, name), large);
      await canvas.setViewportSize(storeSizes.small);
      await canvas.setContent(`<body style="margin:0"><img src="data:image/png;base64,${large.toString('base64')}" width="640" height="400" style="display:block"></body>`);
      await canvas.waitForFunction(() => document.images[0]?.complete);
      writeFileSync(join(outDir, '640x400', name), await canvas.screenshot());
      written.push(resolve(outDir, name), resolve(outDir, '640x400', name));
    }
  } finally {
    await browser.close();
  }
  return written;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

function sceneHtml(scene: Scene, caption: string, language: string): string {
  const icon = dataUrl(readFileSync('assets/icons/icon-48.png'));
  const popup = scene.popup
    ? `<div class="side"><img class="popup" src="${dataUrl(scene.popup)}" width="${popupSize.width}" height="${popupSize.height}" alt=""></div>`
    : '';
  return `<!doctype html><html lang="${language}"><head><style>
    body { margin: 0; width: ${storeSizes.large.width}px; height: ${storeSizes.large.height}px; overflow: hidden; font-family: "Segoe UI", system-ui, sans-serif; }
    header { height: ${captionHeight}px; display: flex; align-items: center; gap: 18px; padding: 0 32px; box-sizing: border-box; background: #0f6cbd; color: #fff; }
    header img { width: 40px; height: 40px; padding: 4px; background: #fff; border-radius: 8px; }
    header p { margin: 0; font-size: 27px; font-weight: 600; line-height: 1.2; }
    .body { display: flex; height: ${storeSizes.large.height - captionHeight}px; }
    .page { display: block; }
    .side { flex: 1; background: #e8eef6; display: flex; justify-content: center; padding-top: 20px; border-left: 1px solid #c7d3e3; }
    .popup { border: 1px solid #b7c4d6; border-radius: 8px; box-shadow: 0 8px 28px rgba(0, 0, 0, .22); align-self: flex-start; }
  </style></head><body>
    <header><img src="${icon}" alt=""><p>${escapeHtml(caption)}</p></header>
    <div class="body"><img class="page" src="${dataUrl(scene.page)}" alt="">${popup}</div>
  </body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const path of await writeStoreScreenshots()) console.log(path);
}
