import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { expectProgress } from '../support/popup.ts';
import { storeAsAPersonHasIt } from '../support/stored-progress.ts';

const learner = 'learner@outlook.com';
const certMsa = 'cert.ana@hotmail.com';
const day = 86_400_000;

/** The recommended path's forum steps in the popup: the request written and copied, then the wait for support. */
describe('the forum steps', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  const stored = async () => ((await rig.stored()) as { aligner: { certMsa: string | null; mcid: string | null } }).aligner;

  it('writes the request at forum-request, keeps its fields, and copies it to the clipboard', async () => {
    // Settings read once: the Learn profile's account comes from the page, not from the person.
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    const popup = await rig.openPopup();
    await popup.locator('[data-path="recommended"]').click();
    for (const done of [['forum-open:person'], ['forum-open:person', 'forum-ask:person']]) {
      await popup.getByRole('button', { name: 'I did it' }).click();
      await expectProgress(popup, done, done.length === 1 ? 'forum-ask' : 'forum-request');
    }
    const request = popup.getByRole('region', { name: 'Your request to support' });
    await request.getByText(`Your Learn profile’s personal account: ${learner}`).waitFor();
    // No text until both accounts are known, and it says which one is missing.
    await request.getByText('Enter the personal account your Certification profile uses').waitFor();
    expect(await popup.getByRole('button', { name: 'Copy the request' }).count()).toBe(0);

    await popup.getByLabel('Personal account your Certification profile uses').fill('Cert.Ana@hotmail.com');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await stored()).certMsa).toBe(certMsa);

    const mcid = popup.getByLabel('Certification ID (MCID), optional');
    await mcid.fill('12a');
    await popup.getByText('A Certification ID has digits only').waitFor();
    expect(await mcid.getAttribute('aria-invalid')).toBe('true');
    await mcid.fill('1234 5678');
    await mcid.press('Tab');
    await expect.poll(async () => (await stored()).mcid).toBe('12345678');

    const body = popup.getByLabel('Your question', { exact: true });
    const text = await body.inputValue();
    expect(text).toContain(`Microsoft account of my Learn profile: ${learner}`);
    expect(text).toContain(`Microsoft account of my Certification profile (current): ${certMsa}`);
    expect(text).toContain('Certification ID (MCID): 12345678');
    expect(await popup.getByLabel('Title of your question').inputValue()).toBe('Change the Microsoft account of my Certification profile');

    // Copied through the Clipboard API from the click. Chromium grants no clipboard reading
    // to an extension's page, so the clipboard is read back on a Learn tab allowed to.
    await rig.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://learn.microsoft.com' });
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy the request' }).click();
    await popup.getByText('Copied: paste it into the forum’s question.').waitFor();
    await learn.bringToFront();
    expect(await learn.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // The language of Learn's locale (en-us) first; another on request.
    await popup.bringToFront();
    expect(await popup.getByLabel('Language of the request').inputValue()).toBe('en');
    await popup.getByLabel('Language of the request').selectOption('fr');
    expect(await body.inputValue()).toMatch(/^Bonjour/);
    expect(await body.inputValue()).toContain(learner);
    // An edit makes a new text: "Copied" was said of the old one.
    expect(await popup.getByText('Copied: paste it').count()).toBe(0);
    // The MCID taken out: out of the text at once, and out of the progress once left.
    await mcid.fill('');
    expect(await body.inputValue()).not.toContain('MCID');
    await mcid.press('Tab');
    await expect.poll(async () => (await stored()).mcid).toBeNull();
    await mcid.fill('12345678');
    await mcid.press('Tab');
    await expect.poll(async () => (await stored()).mcid).toBe('12345678');

    // The fields are kept with the progress: the popup opened again shows them.
    await popup.close();
    const again = await rig.openPopup();
    expect(await again.getByLabel('Certification ID (MCID), optional').inputValue()).toBe('12345678');
    expect(await again.getByLabel('Personal account your Certification profile uses').inputValue()).toBe(certMsa);
    await again.close();
    await learn.close();
  });

  it('selects the text for Ctrl+C, and says so, when the clipboard is refused', async () => {
    const popup = await rig.openPopup();
    await popup.getByRole('button', { name: 'Copy the title' }).waitFor();
    await popup.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await popup.getByRole('button', { name: 'Copy the title' }).click();
    await popup.getByText('The browser did not allow copying: the text is selected').waitFor();
    const selection = await popup.evaluate(() => {
      const field = document.activeElement as HTMLInputElement;
      return { id: field.id, selected: field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0), value: field.value };
    });
    expect(selection.id).toBe('request-title');
    expect(selection.selected).toBe(selection.value);
    await popup.close();
  });

  it('waits at forum-verify across days and restarts, with the date of the request and what comes next', async () => {
    const at = Date.now();
    const progressAsked = (askedAt: number) => ({
      aligner: {
        schema: 2,
        path: 'recommended',
        done: {
          recommended: {
            'forum-open': { by: 'person', at: askedAt - 600_000 },
            'forum-ask': { by: 'person', at: askedAt - 300_000 },
            'forum-request': { by: 'person', at: askedAt },
          },
        },
        certMsa,
        mcid: '12345678',
        world: { lastObservation: null, accounts: null, kinds: {}, learnMsa: learner, newMsa: null },
        notice: null,
        overlayDismissed: null,
      },
    });
    await rig.writeStored(progressAsked(at - 3 * day));
    const expectWaiting = async (popup: Page) => {
      await expectProgress(popup, ['forum-open:person', 'forum-ask:person', 'forum-request:person'], 'forum-verify');
      const asked = popup.getByTestId('asked-on');
      await asked.waitFor();
      const date = new Date(at - 3 * day).toLocaleDateString('en-US', { dateStyle: 'long' });
      expect(await asked.textContent()).toBe(`You sent your request on ${date} (3 days ago).`);
      const waiting = popup.getByRole('region', { name: 'Waiting for support’s agent' });
      for (const item of [learner, certMsa, 'Certification ID: 12345678']) await waiting.getByRole('listitem').filter({ hasText: item }).waitFor();
      await waiting.getByText(`sign in to Learn with ${learner}`).waitFor();
    };
    const popup = await rig.openPopup();
    await expectWaiting(popup);
    expect(await popup.getByText('No news after a week?').count()).toBe(0);
    await popup.close();

    // The browser closed and opened again: still waiting, at the same step.
    await rig.restart();
    const reopened = await rig.openPopup();
    await expectWaiting(reopened);

    // A week on with no news: the popup says what to do.
    await rig.writeStored(progressAsked(at - 8 * day));
    await reopened.getByText('No news after a week? Reply to your question on the forum').waitFor();
    await reopened.close();
  });

  it('highlights "Ask a question" on Microsoft Q&A at forum-ask, and nothing on other Learn pages', async () => {
    await storeAsAPersonHasIt(rig.context, rig.extensionId, {
      aligner: {
        schema: 2,
        path: 'recommended',
        done: { recommended: { 'forum-open': { by: 'person', at: Date.now() } } },
        certMsa: null,
        mcid: null,
        world: { lastObservation: null, accounts: null, kinds: {}, learnMsa: learner, newMsa: null },
        notice: null,
        overlayDismissed: null,
      },
    });
    const host = (page: Page) => page.locator('#learn-account-aligner');
    for (const locale of ['en-us', 'fr-fr', 'de-de']) {
      // aka.ms/mcpforum lands on a tag's page of Q&A, under learn.microsoft.com/<locale>/answers/.
      const qna = await rig.openLearn(`/${locale}/answers/tags/1307/microsoft-certification/`);
      const marked = qna.locator('[data-aligner-step="forum-ask"]');
      await marked.waitFor();
      expect(await marked.getAttribute('href')).toMatch(new RegExp(`^/${locale}/answers/questions/ask/`));
      expect(await host(qna).getAttribute('data-mode')).toBe('ring');
      await qna.close();
    }
    // Another Learn page: no ring and no docked instruction, though the step is current.
    const home = await rig.openLearn('/en-us/');
    await home.locator('main').waitFor();
    await home.waitForTimeout(500);
    expect(await home.locator('[data-aligner-step]').count()).toBe(0);
    expect((await host(home).count()) === 0 || (await host(home).getAttribute('data-mode')) === 'off').toBe(true);
    await home.close();
  });
});
