import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { addAccount, connectCertification, openSettings, removeAccount, signInAs, signOut } from '../support/learn-actions.ts';
import { expectProgress } from '../support/popup.ts';

/**
 * A person walks a whole path on the replica while the popup stays open beside it: each step
 * is checked off by the page, at the moment the page shows it, through sign-outs, sign-ins
 * and a browser restart.
 */

const byPage = (...steps: string[]) => steps.map((s) => `${s}:page`);

describe('has-aad in en-us, to a connected Certification profile', () => {
  let rig: Rig;
  let learn: Page;
  let popup: Page;
  const steps = ['sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa', 'sign-out-aad', 'sign-in-cert-msa', 'connect-cert'];
  const doneUpTo = (n: number) => byPage(...steps.slice(0, n));

  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('suggests has-aad once Settings showed a work account, and starts it from the popup', async () => {
    learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    popup = await rig.openPopup();
    await popup.locator('[data-path="has-aad"].suggested').waitFor();
    await popup.locator('[data-path="has-aad"]').click();
    await expectProgress(popup, [], 'sign-in-aad');
    expect(await popup.locator('[data-step]').count()).toBe(steps.length);
    expect(await popup.getByTestId('step-count').textContent()).toBe('Step 1 of 7');
  });

  it('checks off signing in with the work account, seen on the page Learn lands on', async () => {
    await signOut(learn);
    await expectProgress(popup, [], 'sign-in-aad');
    await signInAs(learn, 'ana@contoso.com');
    await expectProgress(popup, doneUpTo(1), 'open-settings');
  });

  it('checks off Settings, then the removal of the personal account', async () => {
    await openSettings(learn, 'en-us');
    await expectProgress(popup, doneUpTo(2), 'remove-msa');
    await removeAccount(learn, 'learner@outlook.com');
    await expectProgress(popup, doneUpTo(3), 'add-cert-msa');
  });

  it('keeps the progress across a browser restart', async () => {
    await rig.restart();
    popup = await rig.openPopup();
    await expectProgress(popup, doneUpTo(3), 'add-cert-msa');
    learn = await rig.openLearn('/en-us/users/me/settings/');
  });

  it('checks off adding the Certification MSA, the sign-out and the sign-in with it', async () => {
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    await addAccount(learn, 'cert.ana@hotmail.com');
    await expectProgress(popup, doneUpTo(4), 'sign-out-aad');
    await signOut(learn);
    await expectProgress(popup, doneUpTo(5), 'sign-in-cert-msa');
    await signInAs(learn, 'cert.ana@hotmail.com');
    await expectProgress(popup, doneUpTo(6), 'connect-cert');
  });

  it('ends when the Certification profile is connected', async () => {
    await connectCertification(learn, 'en-us');
    await expectProgress(popup, doneUpTo(7), null);
    expect(await popup.getByTestId('step-count').textContent()).toContain('Certification profile is connected');
    expect(rig.replica.state().profiles[0]).toMatchObject({ certificationConnected: true });
  });
});

describe('add-aad in fr-fr, with a French browser', () => {
  let rig: Rig;
  let learn: Page;
  let popup: Page;
  const steps = [
    'sign-in-msa', 'open-settings', 'add-aad', 'sign-out-msa', 'sign-in-aad', 'remove-msa',
    'add-cert-msa', 'sign-out-aad', 'sign-in-cert-msa', 'connect-cert', 'remove-aad',
  ];
  const doneUpTo = (n: number) => byPage(...steps.slice(0, n));

  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'add-aad', locale: 'fr' });
  });
  afterAll(async () => rig?.close());

  it('asks the plain question, then starts add-aad already two steps in', async () => {
    learn = await rig.openLearn('/fr-fr/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    popup = await rig.openPopup();
    await popup.getByRole('button', { name: 'Oui' }).click();
    await popup.locator('[data-path="add-aad"].suggested').waitFor();
    await popup.locator('[data-path="add-aad"]').click();
    await expectProgress(popup, doneUpTo(2), 'add-aad');
    expect(await popup.getByTestId('step-count').textContent()).toBe('Étape 3 sur 11');
    expect(await popup.getByTestId('current-step').textContent()).toContain('organisation');
  });

  it('walks the swap through the work account', async () => {
    await addAccount(learn, 'ana@fabrikam.com');
    await expectProgress(popup, doneUpTo(3), 'sign-out-msa');
    await signOut(learn);
    await expectProgress(popup, doneUpTo(4), 'sign-in-aad');
    await signInAs(learn, 'ana@fabrikam.com');
    await expectProgress(popup, doneUpTo(5), 'remove-msa');
    await openSettings(learn, 'fr-fr');
    await removeAccount(learn, 'learner@outlook.com');
    await expectProgress(popup, doneUpTo(6), 'add-cert-msa');
  });

  it('survives a restart, then connects and removes the work account', async () => {
    await rig.restart();
    popup = await rig.openPopup();
    await expectProgress(popup, doneUpTo(6), 'add-cert-msa');
    learn = await rig.openLearn('/fr-fr/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    await addAccount(learn, 'cert.ana@hotmail.com');
    // Settings reports once idle: signing out before it would leave the addition unseen.
    await expectProgress(popup, doneUpTo(7), 'sign-out-aad');
    await signOut(learn);
    await expectProgress(popup, doneUpTo(8), 'sign-in-cert-msa');
    await signInAs(learn, 'cert.ana@hotmail.com');
    await expectProgress(popup, doneUpTo(9), 'connect-cert');
    await connectCertification(learn, 'fr-fr');
    await expectProgress(popup, doneUpTo(10), 'remove-aad');
    await openSettings(learn, 'fr-fr');
    await removeAccount(learn, 'ana@fabrikam.com');
    await expectProgress(popup, doneUpTo(11), null);
  });
});
