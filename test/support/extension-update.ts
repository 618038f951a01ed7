import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Worker } from 'playwright-core';

/** The extension updated in place, as the store would update it (issue 6). */

/** A copy of the built extension (dist/chrome) in a temporary folder, to update in place. */
export function copyOfExtension(built: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aligner-extension-'));
  cpSync(built, dir, { recursive: true });
  return dir;
}

/**
 * Chromium 156 disables an unpacked extension reloaded while developer mode is off
 * ("unsupportedDeveloperExtension"); one loaded with --load-extension is not reloaded
 * otherwise. A person loading it unpacked has developer mode on; so does this profile.
 */
export async function turnOnDeveloperMode(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(() =>
    (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } }).developerPrivate.updateProfileConfiguration({
      inDeveloperMode: true,
    }),
  );
  await page.close();
}

export interface Update {
  /** chrome.runtime.onInstalled's details in the updated worker. */
  installed: { reason: string; previousVersion?: string };
  worker: Worker;
}

/**
 * Updates the extension loaded from `dir` as the store would: the copy gets a new version
 * (and, as instrumentation, a listener recording onInstalled's details in storage.session),
 * then chrome.runtime.reload() from the running worker loads it. Extension pages open
 * before (the popup) are closed by Chrome; content scripts in open Learn tabs are orphaned.
 */
export async function updateExtension(context: BrowserContext, dir: string, version: string): Promise<Update> {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2));
  const recorder = `chrome.runtime.onInstalled.addListener((details) => chrome.storage.session.set({ "test-installed": details }));`;
  const background = join(dir, 'background.js');
  if (!readFileSync(background, 'utf8').includes(recorder)) appendFileSync(background, `\n${recorder}\n`);
  const old = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).at(-1);
  if (!old) throw new Error('No extension worker to update from');
  const next = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 });
  // The worker goes with the reload: its answer may never come.
  void old.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 0)).catch(() => undefined);
  const worker = await next;
  let installed: Update['installed'] | undefined;
  await expect
    .poll(
      async () => {
        installed = ((await worker.evaluate(() => chrome.storage.session.get('test-installed'))) as { 'test-installed'?: Update['installed'] })['test-installed'];
        return installed !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return { installed: installed as Update['installed'], worker };
}
