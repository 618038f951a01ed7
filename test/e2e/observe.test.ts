import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';

/** What the popup says was last seen: who is signed in, and the linked accounts with kinds. */
async function popupSays(popup: Page) {
  await popup.reload();
  await popup.locator('h1').waitFor();
  return {
    who: (await popup.locator('[data-testid="signed-in"]').textContent({ timeout: 2_000 }).catch(() => null))?.trim(),
    accounts: await popup.locator('li[data-address]').evaluateAll((items) =>
      items.map((li) => ({
        address: li.getAttribute('data-address'),
        kind: li.getAttribute('data-kind'),
        current: li.getAttribute('data-current') === 'true',
      })),
    ),
  };
}

type Observation = { page: string; signedInAs: string | null; accounts: unknown[] | null; at: number };
type Stored = { aligner?: { world: { lastObservation: Observation | null } } };

async function waitForObservation(rig: Rig, accept: (o: Observation) => boolean) {
  await expect
    .poll(async () => {
      const observation = ((await rig.stored()) as Stored).aligner?.world.lastObservation;
      return observation ? accept(observation) : false;
    }, { timeout: 10_000 })
    .toBe(true);
}

async function signInAs(page: Page, address: string) {
  await page.locator('a.docs-sign-in').click();
  await page.waitForURL(/login\.microsoftonline\.com/);
  await page.getByText(address, { exact: true }).click();
  await page.waitForURL((url) => url.host === 'learn.microsoft.com');
}

async function signOut(page: Page) {
  await page.locator('summary[data-bi-name="site-header-user-avatar"]').click();
  await page.locator('a.docs-sign-out').click();
  await page.locator('a.docs-sign-in').waitFor();
}

describe('the popup shows what Learn showed (en-us, has-aad)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('starts with nothing read, and invites to open Settings', async () => {
    const popup = await rig.openPopup();
    await popup.getByText('Nothing read yet', { exact: false }).waitFor();
    await popup.getByRole('button', { name: 'Open Learn Settings' }).waitFor();
    await popup.close();
  });

  it('reads the signed-in address and the linked accounts with their kinds on Settings', async () => {
    const settings = await rig.openLearn('/en-us/users/me/settings/');
    await waitForObservation(rig, (o) => o.page === 'settings' && o.accounts !== null);
    const popup = await rig.openPopup();
    expect(await popupSays(popup)).toEqual({
      who: 'Signed in as learner@outlook.com',
      accounts: [
        { address: 'learner@outlook.com', kind: 'personal', current: true },
        { address: 'ana@contoso.com', kind: 'work', current: false },
      ],
    });
    await popup.close();
    await settings.close();
  });

  it('notices an address rewritten in place in the account list (a framework reusing its text nodes)', async () => {
    const settings = await rig.openLearn('/en-us/users/me/settings/');
    await settings.locator('main').getByText('ana@contoso.com').first().waitFor();
    await settings.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('main') as Element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node as Text).data.includes('ana@contoso.com')) (node as Text).data = (node as Text).data.replace('ana@contoso.com', 'ana@fabrikam.com');
      }
    });
    await waitForObservation(rig, (o) => JSON.stringify(o.accounts).includes('ana@fabrikam.com'));
    await settings.close();
  });

  it('notices an address rewritten in place on a page without a main element (its body watched)', async () => {
    const settings = await rig.context.newPage();
    // The same Settings with <main> as a plain <div>, made so before anything looks at the
    // parsed page (readystatechange comes before DOMContentLoaded).
    await settings.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        const main = document.querySelector('main');
        if (!main || document.readyState != 'interactive') return;
        const div = document.createElement('div');
        div.append(...main.childNodes);
        main.replaceWith(div);
      });
    });
    await settings.goto(rig.replica.url('/en-us/users/me/settings/'));
    await waitForObservation(rig, (o) => JSON.stringify(o.accounts).includes('ana@contoso.com'));
    expect(await settings.locator('main').count()).toBe(0);
    await settings.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        if (text.data.includes('ana@contoso.com') && !text.parentElement?.closest('header')) text.data = text.data.replace('ana@contoso.com', 'ana@northwind.example');
      }
    });
    await waitForObservation(rig, (o) => JSON.stringify(o.accounts).includes('ana@northwind.example'));
    await settings.close();
  });

  it('gets no observation from a Learn page outside the profile pages', async () => {
    const before = ((await rig.stored()) as Stored).aligner?.world.lastObservation?.at;
    const article = await rig.openLearn('/en-us/training/modules/intro-to-learn-profiles/');
    await article.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
    // Learn fills its header in after that; give a content script time it would have used.
    await article.waitForTimeout(500);
    expect(((await rig.stored()) as Stored).aligner?.world.lastObservation?.at).toBe(before);
    await article.close();
  });

  it('shows the new state after a sign-out and a sign-in with another account', async () => {
    const page = await rig.openLearn('/en-us/users/me/settings/');
    await signOut(page);
    await signInAs(page, 'ana@contoso.com');
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    await waitForObservation(rig, (o) => o.signedInAs === 'ana@contoso.com' && o.accounts !== null);
    const popup = await rig.openPopup();
    expect(await popupSays(popup)).toEqual({
      who: 'Signed in as ana@contoso.com',
      accounts: [
        { address: 'learner@outlook.com', kind: 'personal', current: false },
        { address: 'ana@contoso.com', kind: 'work', current: true },
      ],
    });
    await popup.close();
    await page.close();
  });

  it('keeps what it read across a browser restart', async () => {
    await rig.restart();
    const popup = await rig.openPopup();
    expect((await popupSays(popup)).who).toBe('Signed in as ana@contoso.com');
    await popup.close();
  });

  it('resets a broken stored value and says so', async () => {
    await rig.writeStored({ aligner: { schema: 1, lastObservation: 'broken' } });
    const popup = await rig.openPopup();
    expect(await popup.getByRole('status').textContent()).toContain('could not be read');
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await popup.getByRole('status').waitFor({ state: 'detached' });
    await popup.close();
  });
});

describe('in French (fr-fr pages, French browser)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'add-aad', locale: 'fr' });
  });
  afterAll(async () => rig?.close());

  it('reads the French Settings page and the popup speaks French', async () => {
    const settings = await rig.openLearn('/fr-fr/users/me/settings/');
    await waitForObservation(rig, (o) => o.page === 'settings' && o.accounts !== null);
    const popup = await rig.openPopup();
    expect(await popupSays(popup)).toEqual({
      who: 'Connecté en tant que learner@outlook.com',
      accounts: [{ address: 'learner@outlook.com', kind: 'personal', current: true }],
    });
    expect(await popup.locator('.kind').textContent()).toBe('Personnel');
    await popup.close();
    await settings.close();
  });
});

describe('a Learn page that is never idle', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('still reports what it shows: the report waits for idle time, half a second at most', async () => {
    const page = await rig.context.newPage();
    // Always a task waiting (8 ms of work each, one after the other): no idle period, ever.
    await page.addInitScript(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const until = performance.now() + 8;
        while (performance.now() < until);
        channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
    });
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    await waitForObservation(rig, (o) => o.page === 'settings' && Array.isArray(o.accounts) && o.accounts.length > 0);
    await page.close();
  });
});
