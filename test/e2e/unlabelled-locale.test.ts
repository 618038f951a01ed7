import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { storedAtRemoval } from '../support/stored-progress.ts';
import { scenarios, type Scenario } from '../fixtures/replica/index.ts';

/**
 * Learn in a locale whose labels the extension does not know (Hebrew, right to left:
 * src/page/learn-words.ts has no table for it), with a German browser: the guide still finds
 * Learn's controls by their attributes and the page's structure, speaks German itself, and
 * docks where neither is left to go by. It never falls back to a guess. Then Learn in German and
 * in Italian, whose words it has: the same redesign, the controls' attributes gone, is still
 * read by the labels.
 */

const stepMarked = (page: Page) => page.locator('[data-aligner-step]');
const hostMode = (page: Page) => page.locator('#learn-account-aligner').getAttribute('data-mode');
const calloutText = (page: Page) =>
  page.locator('#learn-account-aligner').evaluate((h) => h.shadowRoot?.querySelector('.callout')?.textContent ?? '');

/** Learn renders its buttons again without their stable attributes (a redesign). */
const stripRemoveAttributes = (learn: Page) =>
  learn.evaluate(() => {
    for (const button of document.querySelectorAll('[data-bi-name*="remove"]')) {
      const plain = document.createElement('button');
      plain.className = button.className;
      plain.textContent = button.textContent;
      button.replaceWith(plain);
    }
  });

describe('Learn in Hebrew (no label table), a German browser', () => {
  let rig: Rig;
  beforeAll(async () => {
    // Signed in with the work account, as at the removal of the personal one.
    rig = await Rig.start({ scenario: { ...(scenarios['has-aad'] as Scenario), name: 'has-aad-he', signedInAs: 'ana@contoso.com' }, locale: 'de' });
  });
  afterAll(async () => rig?.close());

  it("rings the personal account's Remove, found by its attribute in the row of its address", async () => {
    await rig.writeStored(storedAtRemoval(1));
    const learn = await rig.openLearn('/he-il/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    await expect.poll(() => stepMarked(learn).count()).toBe(1);
    const marked = await stepMarked(learn).evaluate((e) => ({
      step: e.getAttribute('data-aligner-step'),
      text: e.textContent,
      row: e.closest('li')?.textContent ?? '',
    }));
    expect(marked).toMatchObject({ step: 'remove-msa', text: 'הסר' });
    expect(marked.row).toContain('learner@outlook.com');
    expect(await hostMode(learn)).toBe('ring');
    // The guide's own words are German (_locales/de), whatever Learn's labels are, and run left
    // to right on a right-to-left page.
    expect(await calloutText(learn)).toContain('Schritt');
    expect(await learn.locator('html').getAttribute('dir')).toBe('rtl');
    const direction = await learn.locator('#learn-account-aligner').evaluate((h) => getComputedStyle(h.shadowRoot?.querySelector('.callout') as Element).direction);
    expect(direction).toBe('ltr');
    await learn.close();
  });

  it('docks, pointing at nothing, once the page no longer marks its controls', async () => {
    await rig.writeStored(storedAtRemoval(2));
    const learn = await rig.openLearn('/he-il/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    await expect.poll(() => stepMarked(learn).count()).toBe(1);
    // "הסר" is a word the guide does not know: once the attributes are gone, nothing says
    // which control removes the account.
    await stripRemoveAttributes(learn);
    await expect.poll(() => hostMode(learn)).toBe('docked');
    expect(await stepMarked(learn).count()).toBe(0);
    // Docked on a page in a language it has no words for, it says how to open the page in
    // English (in German: the browser's language), where it knows Learn's labels.
    await expect.poll(() => calloutText(learn)).toContain('ersetzen Sie in der Adresse /he-il/ durch /de-de/');
    await learn.close();
  });
});

describe.each([
  { locale: 'de-de', browser: 'de', remove: 'Entfernen' },
  // The guide does not speak Italian: it speaks English there, and still reads Learn's words.
  { locale: 'it-it', browser: 'it', remove: 'Rimuovi' },
] as const)('Learn in $locale (a label table), a browser in $browser', ({ locale, browser, remove }) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: { ...(scenarios['has-aad'] as Scenario), name: `has-aad-${browser}`, signedInAs: 'ana@contoso.com' }, locale: browser });
  });
  afterAll(async () => rig?.close());

  it("still rings the personal account's Remove, by its label, once the page no longer marks its controls", async () => {
    await rig.writeStored(storedAtRemoval(1));
    const learn = await rig.openLearn(`/${locale}/users/me/settings/`);
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    await expect.poll(() => stepMarked(learn).count()).toBe(1);
    await stripRemoveAttributes(learn);
    await expect.poll(() => stepMarked(learn).evaluate((e) => !e.hasAttribute('data-bi-name') && e.closest('li')?.textContent?.includes('learner@outlook.com'))).toBe(true);
    expect(await stepMarked(learn).count()).toBe(1);
    expect(await stepMarked(learn).textContent()).toBe(remove);
    expect(await hostMode(learn)).toBe('ring');
    // Read in its language, the page is not one to leave for English.
    expect(await calloutText(learn)).not.toContain('/en-us/');
    await learn.close();
  });
});
