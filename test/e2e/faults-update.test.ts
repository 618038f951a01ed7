import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionDir, Rig } from '../support/rig.ts';
import { openSettings, removeAccount, signInAs, signOut } from '../support/learn-actions.ts';
import { expectProgress } from '../support/popup.ts';
import { copyOfExtension, turnOnDeveloperMode, updateExtension } from '../support/extension-update.ts';
import { FaultCount } from '../support/faults.ts';
import { DoneLedger, readStored } from '../support/stored-done.ts';

/**
 * Issue 6: the extension updated mid-path, as the store would update it. The rig loads a
 * copy of dist/chrome; each update gives the copy a new version and reloads it
 * (chrome.runtime.reload()). A first-release value (schema 1) is migrated in the updated
 * worker's first run, before anything asks, and what it knew is used; a current value goes
 * through untouched. A Learn tab left open across an update keeps the old content script,
 * orphaned: it shows the step it showed until the person acts there, then stands down; a
 * reload brings the updated one, which resumes on the right step.
 */

const learner = 'learner@outlook.com';
const contoso = 'ana@contoso.com';
const listing = [
  { address: learner, kind: 'personal' },
  { address: contoso, kind: 'work' },
];

/** What the first release stored after reading Settings (as in test/unit/storage.test.ts). */
function firstReleaseValue(at: number) {
  return {
    schema: 1,
    lastObservation: { page: 'settings', locale: 'en-us', signedIn: true, signedInAs: learner, accounts: listing, at },
    accounts: { list: listing, signedInAs: learner, locale: 'en-us', at },
    notice: null,
  };
}

/** What the page shows of the guide: the overlay's mode, the marked step, and the instruction it gives. */
const guideSeen = (page: Page) =>
  page.evaluate(() => {
    const host = document.getElementById('learn-account-aligner');
    return {
      mode: host?.dataset.mode ?? null,
      marked: document.querySelector('[data-aligner-step]')?.getAttribute('data-aligner-step') ?? null,
      says: host?.shadowRoot?.querySelector('.callout .instruction')?.textContent ?? null,
    };
  });
const sayRemove = 'In Account management, remove the current personal account';
const sayAdd = 'Add the personal account your Certification profile uses';

describe('an extension update mid-path (a copy of dist/chrome, its version bumped, chrome.runtime.reload())', () => {
  const faults = new FaultCount('faults-update');
  const ledger = new DoneLedger('has-aad');
  const errors: string[] = [];
  let copy: string;
  let rig: Rig;
  let learn: Page;
  let popup: Page;

  beforeAll(async () => {
    copy = copyOfExtension(extensionDir);
    rig = await Rig.start({ scenario: 'has-aad', extensionDir: copy });
    await turnOnDeveloperMode(rig.context);
  });
  afterAll(async () => {
    faults.print();
    await rig?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it("migrates a schema-1 value in the updated worker's first run, and the guide uses what the first release saw", async () => {
    const seenAt = Date.now() - 86_400_000;
    await rig.writeStored({ aligner: firstReleaseValue(seenAt) });
    const { installed, worker } = await updateExtension(rig.context, copy, '0.1.1');
    faults.add('extension updated (schema 1 stored)');
    expect(installed).toEqual({ reason: 'update', previousVersion: '0.1.0' });
    // No page and no popup is open: the worker rewrote it on its own.
    await expect
      .poll(async () => ((await worker.evaluate(() => chrome.storage.local.get('aligner'))) as { aligner: unknown }).aligner, { timeout: 10_000 })
      .toEqual({
        schema: 2,
        path: null,
        done: {},
        certMsa: null,
        world: {
          lastObservation: { ...firstReleaseValue(seenAt).lastObservation, certificationConnected: null },
          accounts: firstReleaseValue(seenAt).accounts,
          kinds: { [learner]: 'personal', [contoso]: 'work' },
          learnMsa: null,
          learnMsaSignedIn: false,
          newMsa: null,
        },
        notice: null,
        overlayDismissed: null,
        mcid: null,
      });

    popup = await rig.openPopup();
    await popup.locator('[data-path="has-aad"]').click();
    await expectProgress(popup, [], 'sign-in-aad');
    // Signed in with the work account on a page that lists no account: only the kind the
    // first release read on Settings says it is a work account.
    learn = await rig.openLearn('/en-us/');
    learn.on('pageerror', (error) => errors.push(error.message));
    await signOut(learn);
    await signInAs(learn, contoso);
    await expectProgress(popup, ['sign-in-aad:page'], 'open-settings');
    await openSettings(learn, 'en-us');
    await expectProgress(popup, ['sign-in-aad:page', 'open-settings:page'], 'remove-msa');
    ledger.check(await readStored(popup));
    await learn.bringToFront();
    await learn.locator('[data-aligner-step="remove-msa"]').waitFor();
  });

  it('keeps a current value through an update, and the open Settings tab still shows the step', async () => {
    const before = await readStored(popup);
    expect(await guideSeen(learn)).toEqual({ mode: 'ring', marked: 'remove-msa', says: sayRemove });
    const { installed, worker } = await updateExtension(rig.context, copy, '0.1.2');
    faults.add('extension updated mid-path');
    expect(installed).toEqual({ reason: 'update', previousVersion: '0.1.1' });
    const after = (await worker.evaluate(() => chrome.storage.local.get('aligner'))) as typeof before;
    expect(after.aligner).toEqual(before.aligner);
    ledger.check(after, 'after the update');
    // Chrome closed the popup's tab with the old version; the tab on Learn stays, its
    // content script orphaned, its highlight as it was: still the right one.
    expect(popup.isClosed()).toBe(true);
    expect(await guideSeen(learn)).toEqual({ mode: 'ring', marked: 'remove-msa', says: sayRemove });
    expect(errors).toEqual([]);
  });

  it('takes the orphaned guide away once the person acts in the tab left open, with no error', async () => {
    const errorSeen = new Promise<string>((resolve) => learn.once('pageerror', (error) => resolve(error.message)));
    const stoodDown = learn.locator('#learn-account-aligner').waitFor({ state: 'detached' }).then(() => 'stood down');
    await removeAccount(learn, learner);
    faults.add('content script orphaned by the update');
    // An orphaned content script cannot use chrome.* any more (sendMessage and getMessage
    // throw): at its next update it stands down instead of drawing the step just done.
    expect(await Promise.race([errorSeen, stoodDown])).toBe('stood down');
    expect(await guideSeen(learn)).toEqual({ mode: null, marked: null, says: null });
    expect(errors).toEqual([]);
    // It could not report the removal either.
    popup = await rig.openPopup();
    await expectProgress(popup, ['sign-in-aad:page', 'open-settings:page'], 'remove-msa');
  });

  it('resumes in that tab once it is reloaded: the removal is checked off and the next step shown', async () => {
    await learn.reload();
    await expectProgress(popup, ['sign-in-aad:page', 'open-settings:page', 'remove-msa:page'], 'add-cert-msa');
    await learn.bringToFront();
    await learn.locator('[data-aligner-step="add-cert-msa"]').waitFor();
    expect(await guideSeen(learn)).toEqual({ mode: 'ring', marked: 'add-cert-msa', says: sayAdd });
    ledger.check(await readStored(popup), 'after the reload');
    expect(errors).toEqual([]);
  });
});
