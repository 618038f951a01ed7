import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { addAccount, openSettings, removeAccount, signInAs, signOut } from '../support/learn-actions.ts';
import { expectProgress } from '../support/popup.ts';
import { storedAtRemoval } from '../support/stored-progress.ts';
import { countRefusedWrites, FaultCount, fillStorage, freeStorage, liveWorker, writesRefused } from '../support/faults.ts';
import { DoneLedger, readStored } from '../support/stored-done.ts';

/**
 * Issue 6: storage full. chrome.storage.local is filled to its quota (10 MB; the extension
 * has no unlimitedStorage) while a person is at has-aad's add-cert-msa, then they act: the
 * write that would check the step off is refused. Nothing crashes, the last good progress
 * stays shown in the popup and on the page, and once space is freed the step the page still
 * shows is checked off without the page changing; what was done before keeps its `by` and
 * `at`. A change asked in the popup is refused too: the popup goes on showing what is stored.
 */

const byPage = (...steps: string[]) => steps.map((s) => `${s}:page`);
// What a refused change leaves in the popup's console (an unhandled rejection of its message
// to the worker): the popup does not tell the person (see the README).
const refusedInPopup = 'popup: Resource::kQuotaBytes quota exceeded';

describe('has-aad with storage full at add-cert-msa', () => {
  const faults = new FaultCount('faults-storage');
  const ledger = new DoneLedger('has-aad');
  const errors: string[] = [];
  const learnErrors = () => errors.filter((e) => e.startsWith('Learn:'));
  let rig: Rig;
  let learn: Page;
  let popup: Page;

  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => {
    faults.print();
    await rig?.close();
  });

  it('gets to add-cert-msa', async () => {
    learn = await rig.openLearn('/en-us/users/me/settings/');
    learn.on('pageerror', (error) => errors.push(`Learn: ${error.message}`));
    await signOut(learn);
    await signInAs(learn, 'ana@contoso.com');
    await rig.writeStored(storedAtRemoval(1));
    ledger.knows('sign-in-aad', { by: 'page', at: 1 });
    ledger.knows('open-settings', { by: 'page', at: 1 });
    await openSettings(learn, 'en-us');
    popup = await rig.openPopup();
    popup.on('pageerror', (error) => errors.push(`popup: ${error.message}`));
    await learn.bringToFront();
    await removeAccount(learn, 'learner@outlook.com');
    await expectProgress(popup, byPage('sign-in-aad', 'open-settings', 'remove-msa'), 'add-cert-msa');
    ledger.check(await readStored(popup));
  });

  it('keeps showing the last good progress when the write of a step is refused, and nothing crashes', async () => {
    const worker = await liveWorker(rig.context, popup);
    await countRefusedWrites(worker);
    const quota = await fillStorage(popup);
    faults.add('storage filled to its quota');
    expect(quota).toBe(10 * 1024 * 1024);

    await addAccount(learn, 'cert.ana@hotmail.com');
    await expect.poll(() => writesRefused(worker), { timeout: 10_000 }).toBeGreaterThan(0);
    faults.add('write refused');
    // The popup, storage and the page all still say add-cert-msa.
    await expectProgress(popup, byPage('sign-in-aad', 'open-settings', 'remove-msa'), 'add-cert-msa');
    expect(ledger.check(await readStored(popup), 'with storage full')['add-cert-msa']).toBeUndefined();
    await learn.locator('[data-aligner-step="add-cert-msa"]').waitFor();
    // The worker still answers.
    expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-progress' }))).toMatchObject({ path: 'has-aad' });

    // In the popup, the Certification MSA the person saves is refused too; the field keeps it.
    await popup.locator('#cert-msa').fill('cert.ana@hotmail.com');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => errors, { timeout: 10_000 }).toEqual([refusedInPopup]);
    faults.add('write refused');
    expect(await popup.locator('#cert-msa').inputValue()).toBe('cert.ana@hotmail.com');
    expect((await readStored(popup)).aligner).toMatchObject({ certMsa: null });
    await expectProgress(popup, byPage('sign-in-aad', 'open-settings', 'remove-msa'), 'add-cert-msa');
  });

  it('checks the step off, from the page that still shows it, once space is freed', async () => {
    await freeStorage(popup);
    // Nothing writes until the worker's next try, its waits doubling while storage was full
    // (1, 2, 4, 8, 16 s): up to 16 s away when a slow machine kept storage full past 15 s.
    await expectProgress(popup, byPage('sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa'), 'sign-out-aad', 35_000);
    ledger.check(await readStored(popup), 'after space was freed');
    await learn.locator('[data-aligner-step="sign-out-aad"]').waitFor();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await readStored(popup)).aligner?.certMsa).toBe('cert.ana@hotmail.com');
    await learn.bringToFront();
    await signOut(learn);
    await expectProgress(popup, byPage('sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa', 'sign-out-aad'), 'sign-in-cert-msa');
    ledger.check(await readStored(popup), 'after the next step');
    expect(learnErrors()).toEqual([]);
  });

  it('shows a forum step the person ticks as still to do while the tick is refused, and takes it once space is freed', async () => {
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Change path' }).click();
    await popup.locator('[data-path="recommended"]').click();
    await expectProgress(popup, [], 'forum-open');
    const worker = await liveWorker(rig.context, popup);
    await countRefusedWrites(worker);
    await fillStorage(popup);
    faults.add('storage filled to its quota');
    const tick = popup.locator('li[data-step="forum-open"] input[type="checkbox"]');
    await tick.click();
    await expect.poll(() => writesRefused(worker), { timeout: 10_000 }).toBeGreaterThan(0);
    faults.add('write refused');
    // The box shows what is stored, not what was clicked.
    expect(await tick.isChecked()).toBe(false);
    await expectProgress(popup, [], 'forum-open');
    await freeStorage(popup);
    await tick.click();
    await expectProgress(popup, ['forum-open:person'], 'forum-ask');
    expect(await tick.isChecked()).toBe(true);
    // Switching path lost nothing of has-aad.
    ledger.check(await readStored(popup), 'after switching path');
    expect(learnErrors()).toEqual([]);
  });
});
