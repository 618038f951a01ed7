import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { addAccount, connectCertification, removeAccount, signInAs, signOut } from '../support/learn-actions.ts';
import { expectProgress } from '../support/popup.ts';
import { FaultCount, liveWorker, restoreWrites, slowWrites, writesStarted } from '../support/faults.ts';
import { DoneLedger, expectNoStepRedone, readStored, recordStoredDone } from '../support/stored-done.ts';

/**
 * Issue 6: several Learn tabs act at once. Settings is reloaded over and over in two tabs
 * while a third signs out and in, and two Settings tabs remove the same account together
 * while storage is slow and a third tab reports over the write: their reports reach the
 * worker interleaved, some of them already out of date. The steps the pages prove are
 * checked off once, keep their `by` and `at` in every value stored, nothing is undone, and
 * every tab points at the same next step.
 */

const steps = ['sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa', 'sign-out-aad', 'sign-in-cert-msa', 'connect-cert'];
const doneUpTo = (n: number) => steps.slice(0, n).map((s) => `${s}:page`);

/**
 * Who a loaded Settings page shows signed in, when all of it agrees. Its parts are answered
 * separately (the page, then the header and the account list, each by a request of its own),
 * so a load racing a sign-in can come out half old, say a sign-in prompt under a header that
 * says signed in: the guide rightly docks there, with no control to ring. A person reloads
 * such a page, and so do the tests.
 */
const signedInAs = (page: Page) =>
  page.evaluate(() => {
    if (document.documentElement.dataset.authenticated !== 'true') return null;
    const header = document.querySelector('[data-profile-property="upn"]')?.textContent?.trim();
    const listed = document.querySelector('.account-row:has(.badge) .account-email')?.textContent?.trim();
    return header === listed ? (header ?? null) : null;
  });

/**
 * Reloads Settings, each load a report, while `elsewhere` (another tab signing out and in)
 * runs, then until the page shows `address` signed in; returns how many loads it made.
 * Loads show whoever the session has at the time: some are out of date when they report.
 */
async function reloadSettingsDuring(page: Page, elsewhere: Promise<unknown>, address: string): Promise<number> {
  let finished = false;
  void elsewhere.finally(() => {
    finished = true;
  });
  for (let loads = 1; loads <= 40; loads += 1) {
    await page.reload();
    // Signed in, the account sections come late; signed out, there are none to wait for.
    await page.waitForFunction(
      () => document.documentElement.dataset.authStatusDetermined === 'true' && !document.getElementById('account-settings')?.hasAttribute('aria-busy'),
    );
    if (finished && (await signedInAs(page)) === address) return loads;
  }
  throw new Error(`Settings never showed ${address} signed in`);
}

/** Signs out and in with `address` in `page` while Settings reloads in two other tabs; the loads made. */
async function signOutAndInRacing(page: Page, address: string, settings: Page[]): Promise<number> {
  await page.bringToFront();
  const signing = signOut(page).then(() => signInAs(page, address));
  const [, ...loads] = await Promise.all([signing, ...settings.map((tab) => reloadSettingsDuring(tab, signing, address))]);
  return (loads as number[]).reduce((a, b) => a + b, 0);
}

describe('has-aad in three Learn tabs acting at once', () => {
  const faults = new FaultCount('faults-tabs');
  const ledger = new DoneLedger('has-aad');
  let rig: Rig;
  let settingsA: Page;
  let settingsB: Page;
  let other: Page;
  let popup: Page;

  async function expectAt(n: number, context: string): Promise<void> {
    await expectProgress(popup, doneUpTo(n), steps[n] ?? null);
    const stored = await readStored(popup);
    expect(Object.keys(ledger.check(stored, context)).sort()).toEqual(steps.slice(0, n).sort());
    expect(stored.aligner?.notice, `no step undone ${context}`).toBeNull();
    await expectNoStepRedone(popup, 'has-aad');
  }

  /** Every tab points at the current step (on a page without its control, the way there). */
  async function everyTabOn(step: string): Promise<void> {
    for (const page of [settingsA, settingsB, other]) await page.locator(`[data-aligner-step="${step}"]`).waitFor();
  }

  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => {
    faults.print();
    await rig?.close();
  });

  it('starts has-aad with Settings open in two tabs and Learn in a third', async () => {
    settingsA = await rig.openLearn('/en-us/users/me/settings/');
    settingsB = await rig.openLearn('/en-us/users/me/settings/');
    other = await rig.openLearn('/en-us/');
    popup = await rig.openPopup();
    await recordStoredDone(popup);
    await popup.locator('[data-path="has-aad"]').click();
    await expectAt(0, 'at the start');
    await everyTabOn('sign-in-aad');
  });

  it('checks off the sign-in and Settings once while two Settings tabs reload during a sign-out and in', async () => {
    const loads = await signOutAndInRacing(other, 'ana@contoso.com', [settingsA, settingsB]);
    faults.add('three tabs at once (a sign-out and in, Settings reloading in two)');
    faults.add('Settings loads racing a sign-out and in', loads);
    await expectAt(2, 'after the sign-in');
    await everyTabOn('remove-msa');
  });

  it('checks off the removal once when two Settings tabs remove together and a third reports over the slow write', async () => {
    const worker = await liveWorker(rig.context, popup);
    await slowWrites(worker, 1_000);
    faults.add('storage slow (each write 1 s late)');
    await Promise.all([removeAccount(settingsA, 'learner@outlook.com'), removeAccount(settingsB, 'learner@outlook.com')]);
    faults.add('two Settings tabs removing together');
    // One removal went through; Learn answered the other with the list as it is now.
    expect(rig.replica.state().profiles[0]?.accounts).toEqual(['ana@contoso.com']);
    // While the removal is being written, the third tab reports a page with no account list:
    // judged on the progress before the removal, its write would take the removal back.
    await expect.poll(() => writesStarted(worker), { timeout: 10_000 }).toBeGreaterThan(0);
    await other.reload();
    faults.add('report arriving during a write');
    await expectAt(3, 'after the two removals');
    await restoreWrites(worker);
    await everyTabOn('add-cert-msa');
  });

  it('goes on to the end while Settings reloads in two tabs during the sign-out and in with the new account', async () => {
    await settingsA.bringToFront();
    await addAccount(settingsA, 'cert.ana@hotmail.com');
    await expectAt(4, 'after the addition');
    const loads = await signOutAndInRacing(other, 'cert.ana@hotmail.com', [settingsA, settingsB]);
    faults.add('three tabs at once (a sign-out and in, Settings reloading in two)');
    faults.add('Settings loads racing a sign-out and in', loads);
    await expectAt(6, 'after the sign-in with the new account');
    await everyTabOn('connect-cert');
    await connectCertification(other, 'en-us');
    await expectAt(7, 'at the end');
  });
});
