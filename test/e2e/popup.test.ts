import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rig } from '../support/rig.ts';
import type { Page } from 'playwright-core';
import { expectProgress } from '../support/popup.ts';
import { storeAsAPersonHasIt, storedAtRemoval } from '../support/stored-progress.ts';
import { directiveKey } from '../../src/storage/key.ts';

/** The popup by keyboard alone, the steps only the person can tick, the page report (the forum steps: forum.test.ts). */
describe('the popup', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('starts a path, ticks a forum step and changes path by keyboard alone', async () => {
    const popup = await rig.openPopup();
    await popup.locator('[data-path]').first().waitFor();
    const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-path') ?? document.activeElement?.textContent ?? '');
    for (let i = 0; i < 10 && (await focused()) !== 'recommended'; i += 1) await popup.keyboard.press('Tab');
    expect(await focused()).toBe('recommended');
    await popup.keyboard.press('Enter');
    await expectProgress(popup, [], 'forum-open');
    // The chooser went away with the focused button: focus lands on the path's heading, and
    // every Tab below starts from there (not from a focus still moving).
    await expectFocusOn(popup, '#path-heading');

    // The forum steps are the person's to tick: "I did it" is reachable by Tab.
    const focusedText = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 10 && (await focusedText()) !== 'I did it'; i += 1) await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await expectProgress(popup, ['forum-open:person'], 'forum-ask');

    for (let i = 0; i < 10 && (await focusedText()) !== 'Change path'; i += 1) await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Enter');
    await expectFocusOn(popup, '#choose-heading');
    for (let i = 0; i < 10 && (await focused()) !== 'has-aad'; i += 1) await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await expectProgress(popup, [], 'sign-in-aad');
    await popup.close();
  });

  it("marks its first render once it is in the document ('popup-rendered', read by npm run bench)", async () => {
    const popup = await rig.context.newPage();
    // What the document holds at the moment the mark is set.
    await popup.addInitScript(`{
      const mark = performance.mark.bind(performance);
      performance.mark = (name, options) => {
        if (name === 'popup-rendered') window.shownAtMark = document.querySelectorAll('#app [data-path], #app [data-step]').length;
        return mark(name, options);
      };
    }`);
    await popup.goto(`chrome-extension://${rig.extensionId}/popup.html`);
    await popup.locator('[data-step], [data-path]').first().waitFor();
    const { marks, shownAtMark } = await popup.evaluate(() => ({
      marks: performance.getEntriesByName('popup-rendered').length,
      shownAtMark: (window as unknown as { shownAtMark?: number }).shownAtMark,
    }));
    expect(marks).toBe(1);
    expect(shownAtMark).toBeGreaterThan(0);
    await popup.close();
  });

  it('keeps what each path proved when switching back', async () => {
    const popup = await rig.openPopup();
    await popup.getByRole('button', { name: 'Change path' }).click();
    await popup.locator('[data-path="recommended"]').click();
    await expectProgress(popup, ['forum-open:person'], 'forum-ask');
    await popup.close();
  });

  it('copies a report of the Learn page in the current tab, with no address in it', async () => {
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    const popup = await rig.openPopup();
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => {
        document.body.dataset.copied = text;
      };
    });
    await learn.bringToFront(); // the popup reports on the active tab
    await popup.getByRole('button', { name: 'Copy a page report' }).click();
    await popup.getByText('Copied').waitFor();
    const report = await popup.evaluate(() => document.body.dataset.copied ?? '');
    expect(report).toContain('page: settings');
    expect(report).toContain('url: /en-us/users/me/settings/');
    expect(report).toContain('[data-bi-name="add-account"]');
    expect(report).not.toContain('@');
    await popup.close();
    await learn.close();
  });

  it("says what to do now as the worker's directive says it, and has the worker write again one that is for another step", async () => {
    // The progress at remove-msa as the worker stores it (and its directive), then a
    // directive for the step before in its place: storage written by something else than the
    // worker, which writes the two in one set. (Dated later than any page's report, so that
    // a Learn tab left open by another test changes nothing.)
    const stale = {
      action: { step: 'open-settings', control: 'settings', place: 'settings', account: null, accountKind: null },
      position: [2, 7],
      instruction: { key: 'step_open_settings' },
      hint: { key: 'hint_settings' },
      warning: null,
      dismissed: false,
    };
    await storeAsAPersonHasIt(rig.context, rig.extensionId, storedAtRemoval(Date.now() + 10 * 60_000));
    await rig.writeStored({ [directiveKey]: stale });
    const popup = await rig.openPopup();
    const current = popup.getByTestId('current-step');
    await current.getByText('In Account management, remove the current personal account').waitFor();
    // The hint is the worker's action's: the account to remove, named.
    await current.getByText('Select Remove next to learner@outlook.com.').waitFor();
    const stored = (await rig.stored())[directiveKey] as { action: { step: string; account: string } };
    expect(stored.action).toMatchObject({ step: 'remove-msa', control: 'remove-account', account: 'learner@outlook.com' });
    await popup.close();
  });

  it('forgets everything on reset, after a confirmation', async () => {
    const popup = await rig.openPopup();
    await popup.getByRole('button', { name: 'Start over' }).click();
    await popup.getByRole('button', { name: 'Forget everything' }).click();
    await popup.locator('[data-path="recommended"]').waitFor();
    expect(await popup.locator('[data-step]').count()).toBe(0);
    const stored = (await rig.stored()) as { aligner: Record<string, unknown> };
    expect(JSON.stringify(stored)).not.toContain('@');
    await popup.close();
  });
});

/** Focus is on `selector` once the popup's render and its focus keeping are over. */
async function expectFocusOn(popup: Page, selector: string): Promise<void> {
  await expect.poll(() => popup.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)).toBe(true);
}
