import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { addAccount, connectCertification, openSettings, removeAccount, signInAs, signOut } from '../support/learn-actions.ts';
import { checklistHistory, expectNeverWentBack, expectProgress, recordChecklist } from '../support/popup.ts';
import { FaultCount, holdWrites, liveWorker, stopServiceWorker, writesHeld } from '../support/faults.ts';
import { DoneLedger, expectNoStepRedone, readStored, recordStoredDone } from '../support/stored-done.ts';

/**
 * Issue 6, the browser misbehaving: the service worker stopped (as Chrome stops it when idle,
 * and in the middle of a write) and the browser closed mid-step, while a person walks has-aad
 * with the popup open beside Learn. After each fault the popup and the page land on the right
 * step, and every step done before stays done with the same `by` and `at`.
 */

const steps = ['sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa', 'sign-out-aad', 'sign-in-cert-msa', 'connect-cert'];
const doneUpTo = (n: number) => steps.slice(0, n).map((s) => `${s}:page`);

/** The step the page's guide points at: the element carrying `data-aligner-step`. */
async function guideOn(page: Page, step: string): Promise<void> {
  await page.locator(`[data-aligner-step="${step}"]`).waitFor();
  expect(await page.locator('#learn-account-aligner').getAttribute('data-mode')).toBe('ring');
}

describe('has-aad with the worker stopped and the browser restarted mid-step, the popup open throughout', () => {
  const faults = new FaultCount('faults-worker');
  const ledger = new DoneLedger('has-aad');
  let rig: Rig;
  let learn: Page;
  let popup: Page;

  /** The popup shows `n` steps done and the next one current; stored progress agrees, nothing repeated. */
  async function expectAt(n: number, context: string): Promise<void> {
    await expectProgress(popup, doneUpTo(n), steps[n] ?? null);
    const done = ledger.check(await readStored(popup), context);
    expect(Object.keys(done).sort()).toEqual(steps.slice(0, n).sort());
    await expectNoStepRedone(popup, 'has-aad');
  }

  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => {
    faults.print();
    await rig?.close();
  });

  it('starts the path from the popup while the worker is stopped: the popup wakes it', async () => {
    learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    popup = await rig.openPopup();
    await recordChecklist(popup);
    await recordStoredDone(popup);
    await stopServiceWorker(popup);
    faults.add('worker stopped, idle, popup open');
    await popup.locator('[data-path="has-aad"]').click();
    await expectAt(0, 'after the path was chosen');
    // The person works in the Learn tab; the popup's tab stays open behind it.
    await learn.bringToFront();
    await guideOn(learn, 'sign-in-aad');
  });

  it('checks off the sign-in when the worker was stopped between the sign-out and the sign-in', async () => {
    await signOut(learn);
    await stopServiceWorker(learn);
    faults.add('worker stopped, between two actions');
    await signInAs(learn, 'ana@contoso.com');
    await expectAt(1, 'after the sign-in');
    await guideOn(learn, 'open-settings');
  });

  it('checks off Settings when the worker was stopped just before it was opened', async () => {
    await stopServiceWorker(learn);
    faults.add('worker stopped, before an action');
    await openSettings(learn, 'en-us');
    await expectAt(2, 'after Settings');
    await guideOn(learn, 'remove-msa');
  });

  it('checks off the removal the worker was cut off writing, once it runs again, without the page changing', async () => {
    const worker = await liveWorker(rig.context, popup);
    await holdWrites(worker);
    await removeAccount(learn, 'learner@outlook.com');
    // The page's report has arrived and been judged; its write is waiting.
    await expect.poll(() => writesHeld(worker), { timeout: 10_000 }).toBeGreaterThan(0);
    await stopServiceWorker(learn);
    faults.add('worker stopped while writing a check-off');
    expect(ledger.check(await readStored(popup), 'after the write was cut off')['remove-msa']).toBeUndefined();

    // The person opens another Learn page; its report wakes the worker. The Settings tab
    // still shows the removal and is not touched.
    const home = await rig.openLearn('/en-us/');
    await expectAt(3, 'after the worker ran again');
    await home.close();
    await learn.bringToFront();
    await guideOn(learn, 'add-cert-msa');
  });

  it('checks off adding the Certification MSA, whose write the browser closed on, from Settings after the restart', async () => {
    const worker = await liveWorker(rig.context, popup);
    await holdWrites(worker);
    await addAccount(learn, 'cert.ana@hotmail.com');
    await expect.poll(() => writesHeld(worker), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await checklistHistory(popup);
    await rig.restart();
    faults.add('browser closed while writing a check-off');

    popup = await rig.openPopup();
    await recordChecklist(popup);
    await recordStoredDone(popup);
    await expectAt(3, 'after the restart'); // what was stored is all there; the addition was not
    learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.bringToFront();
    await expectAt(4, 'after Settings was opened again');
    await guideOn(learn, 'sign-out-aad');
    expectNeverWentBack(before);
  });

  it('walks to the end with the worker stopped before each action, the popup following live and ending right', async () => {
    await stopServiceWorker(learn);
    faults.add('worker stopped, before an action');
    await signOut(learn);
    await expectAt(5, 'after the sign-out');
    await stopServiceWorker(learn);
    faults.add('worker stopped, before an action');
    await signInAs(learn, 'cert.ana@hotmail.com');
    await expectAt(6, 'after the sign-in with the Certification MSA');
    await stopServiceWorker(popup);
    faults.add('worker stopped, idle, popup open');
    await connectCertification(learn, 'en-us');
    await expectAt(7, 'at the end');
    expect(await popup.getByTestId('step-count').textContent()).toContain('Certification profile is connected');
    expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
    const history = await checklistHistory(popup);
    expectNeverWentBack(history);
    // The popup showed every step of the walk after the restart as it happened.
    expect(history.at(-1)?.every((row) => row.endsWith(':done'))).toBe(true);
    expect(history.length).toBeGreaterThanOrEqual(4);
  });
});
