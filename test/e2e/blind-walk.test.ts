import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scenarios, type Scenario } from '../fixtures/replica/index.ts';
import { Rig } from '../support/rig.ts';
import { readStored } from '../support/stored-done.ts';

/**
 * The guide really guides: this test knows nothing of Learn's pages. It only clicks the
 * element carrying data-aligner-step and, at the account picker, the account the current
 * step is about; it ticks in the popup what only the person can tick. It must finish every
 * path, from the first step to a connected Certification profile, and says how many clicks
 * each took.
 */

interface Walk {
  path: 'recommended' | 'has-aad' | 'add-aad' | 'new-profile';
  scenario: Scenario;
  locale: string;
  /** Which account to choose at the picker, by the current step. */
  accounts: Record<string, string>;
}

// For the recommended path, support has already changed the Certification MSA to Learn's.
const supportDone: Scenario = { ...(scenarios.aligned as Scenario), name: 'support-done' };

const walks: Walk[] = [
  {
    path: 'has-aad',
    scenario: scenarios['has-aad'] as Scenario,
    locale: 'en-us',
    accounts: { 'sign-in-aad': 'ana@contoso.com', 'add-cert-msa': 'cert.ana@hotmail.com', 'sign-in-cert-msa': 'cert.ana@hotmail.com' },
  },
  {
    path: 'add-aad',
    scenario: scenarios['add-aad'] as Scenario,
    locale: 'fr-fr',
    accounts: {
      'add-aad': 'ana@fabrikam.com',
      'sign-in-aad': 'ana@fabrikam.com',
      'add-cert-msa': 'cert.ana@hotmail.com',
      'sign-in-cert-msa': 'cert.ana@hotmail.com',
    },
  },
  {
    path: 'new-profile',
    scenario: scenarios['new-profile'] as Scenario,
    locale: 'en-us',
    accounts: { 'sign-in-cert-msa': 'cert.ana@hotmail.com' },
  },
  { path: 'recommended', scenario: supportDone, locale: 'en-us', accounts: { 'sign-in-msa': 'learner@outlook.com' } },
];

type Stored = { aligner?: { path: string; done: Record<string, Record<string, unknown>> } };

/**
 * Waits until the worker has judged what the page shows now and the highlight follows it. A
 * page back from Learn's account picker rings the step it was opened for until its own
 * report (sent once the page is idle) moves the guide on: a few milliseconds no person
 * could click in, but a test can.
 */
async function judged(page: Page, popup: Page): Promise<boolean> {
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1_000 })));
  // The worker takes messages one at a time: this one is answered after the page's report.
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-progress' }));
  const step = (await readStored(popup))['aligner-directive']?.action.step ?? null;
  const shown = () => page.evaluate(() => document.querySelector('[data-aligner-step]')?.getAttribute('data-aligner-step') ?? null);
  // The current step's element, or none (the step is over, or docked): then the next turn looks.
  await expect.poll(shown).toSatisfy((now) => now === null || now === step);
  return (await shown()) !== null;
}

async function currentStep(popup: Page): Promise<string | null> {
  await popup.reload();
  await popup.locator('h1').waitFor();
  return popup.locator('[data-state="current"]').first().getAttribute('data-step', { timeout: 1_000 }).catch(() => null);
}

/** Waits until the page changed after a click: another URL, or the highlight moved. */
async function settle(page: Page, before: { url: string; marked: string | null }): Promise<void> {
  await page
    .waitForFunction(
      ({ url, marked }) => {
        const now = document.querySelector('[data-aligner-step]');
        const id = now ? `${now.outerHTML.slice(0, 200)}|${now.getAttribute('data-aligner-step')}` : null;
        return location.href !== url || id !== marked;
      },
      before,
      { timeout: 8_000 },
    )
    .catch(() => undefined);
  await page.waitForLoadState();
}

describe.each(walks)('clicking only what the guide highlights: $path ($locale)', (walk) => {
  let rig: Rig;
  afterAll(async () => rig?.close());

  it('reaches a connected Certification profile', async () => {
    rig = await Rig.start({ scenario: walk.scenario, locale: walk.locale.slice(0, 2) });
    const popup = await rig.openPopup();
    await popup.locator(`[data-path="${walk.path}"]`).click();
    const page = await rig.openLearn(`/${walk.locale}/`);
    let clicks = 0;
    let ticks = 0;
    for (let turn = 0; turn < 40; turn += 1) {
      const stored = (await rig.stored()) as Stored;
      if (stored.aligner?.done[walk.path]?.['connect-cert']) break;
      await page.bringToFront();
      if (page.url().startsWith('https://login.microsoftonline.com/')) {
        const step = await currentStep(popup);
        const account = walk.accounts[step ?? ''];
        expect(account, `an account to choose for ${step}`).toBeTruthy();
        await page.getByText(account as string, { exact: true }).click();
        clicks += 1;
        await page.waitForURL((url) => url.host === 'learn.microsoft.com');
        continue;
      }
      const marked = page.locator('[data-aligner-step]');
      // The popup offers the current step to tick when only the person can do it (off Learn):
      // nothing will be highlighted, no need to wait.
      const done = popup.getByRole('button', { name: /^(I did it|C’est fait)$/ });
      const personStep = (await done.count()) === 1;
      const found = !personStep && (await marked.first().waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false));
      if (!found) {
        // The last click may have finished the path: the page proved it a moment ago.
        if (((await rig.stored()) as Stored).aligner?.done[walk.path]?.['connect-cert']) break;
        await popup.bringToFront();
        const dockedText = await page.locator('#learn-account-aligner').evaluate((h) => h.shadowRoot?.textContent ?? '');
        expect(await done.count(), `stuck with nothing highlighted on ${page.url()}: ${dockedText}`).toBe(1);
        const step = await popup.locator('[data-state="current"]').first().getAttribute('data-step');
        await done.click();
        // Ticked once the popup shows it, from storage: the next turn reads the popup again.
        await popup.locator(`li[data-step="${step}"][data-state="done"]`).waitFor();
        ticks += 1;
        continue;
      }
      if (!(await judged(page, popup))) continue;
      // Exactly one highlighted element; a page that navigates a moment after the last
      // click (a redirect, a reload) may show none for an instant, never two.
      await expect.poll(() => marked.count(), { timeout: 5_000 }).toBe(1);
      // Every highlight comes with its callout, beside the element, never over it.
      await page.waitForFunction(() => {
        const callout = document.getElementById('learn-account-aligner')?.shadowRoot?.querySelector('.callout');
        return callout instanceof HTMLElement && !callout.hidden && callout.getBoundingClientRect().width > 0;
      });
      const overlap = await page.evaluate(() => {
        const a = document.querySelector('[data-aligner-step]')?.getBoundingClientRect();
        const b = document.getElementById('learn-account-aligner')?.shadowRoot?.querySelector('.callout')?.getBoundingClientRect();
        return !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      });
      expect(overlap, 'the callout covers the highlighted element').toBe(false);
      const before = await page.evaluate(() => {
        const now = document.querySelector('[data-aligner-step]');
        return { url: location.href, marked: now ? `${now.outerHTML.slice(0, 200)}|${now.getAttribute('data-aligner-step')}` : null };
      });
      await marked.click();
      clicks += 1;
      await settle(page, before);
    }
    const stored = (await rig.stored()) as Stored;
    expect(Object.keys(stored.aligner?.done[walk.path] ?? {})).toContain('connect-cert');
    expect(rig.replica.state().profiles.some((p) => p.certificationConnected)).toBe(true);
    console.log(`${walk.path} (${walk.locale}): ${clicks} clicks on highlighted controls, ${ticks} steps ticked by the person`);
  }, 120_000);
});
