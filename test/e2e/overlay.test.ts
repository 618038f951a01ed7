import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Rig } from '../support/rig.ts';
import { storeAsAPersonHasIt, storedAtAddition, storedAtConnect, storedAtRemoval } from '../support/stored-progress.ts';
import { openSettings, pickAccount, signOut } from '../support/learn-actions.ts';
import { identities, scenarios, type Scenario } from '../fixtures/replica/index.ts';

/** The overlay on the replica: what is highlighted, where the callout sits, and when nothing is shown. */

const hostMode = (page: Page) => page.locator('#learn-account-aligner').getAttribute('data-mode');

async function marked(page: Page, step: string): Promise<string> {
  const element = page.locator(`[data-aligner-step="${step}"]`);
  await element.waitFor({ state: 'visible' });
  expect(await page.locator('[data-aligner-step]').count()).toBe(1);
  return element.evaluate((e) => e.getAttribute('data-bi-name') ?? e.tagName);
}

/** The callout is shown and does not cover the highlighted element. */
async function expectCalloutBeside(page: Page, step: string): Promise<void> {
  await page.waitForFunction(() => {
    const box = document.getElementById('learn-account-aligner')?.shadowRoot?.querySelector('.callout')?.getBoundingClientRect();
    return box && box.width > 0;
  });
  const boxes = await page.evaluate((s) => {
    const target = document.querySelector(`[data-aligner-step="${s}"]`)?.getBoundingClientRect();
    const callout = document.getElementById('learn-account-aligner')?.shadowRoot?.querySelector('.callout')?.getBoundingClientRect();
    return { target: target?.toJSON(), callout: callout?.toJSON() };
  }, step);
  const { target, callout } = boxes as { target: DOMRect; callout: DOMRect };
  const overlaps = target.left < callout.right && callout.left < target.right && target.top < callout.bottom && callout.top < target.bottom;
  expect(overlaps, JSON.stringify(boxes)).toBe(false);
}

/**
 * Records every element that ever carries the guide's mark, by its data-bi-name (else its
 * tag), from the page's first mutation on: call before the page is opened; the function
 * returned reads the record.
 */
async function recordMarks(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const ever: string[] = [];
    (window as unknown as { everMarked: string[] }).everMarked = ever;
    new MutationObserver((records) => {
      for (const { target } of records) {
        const element = target as Element;
        if (element.hasAttribute('data-aligner-step')) ever.push(element.getAttribute('data-bi-name') ?? element.tagName);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-aligner-step'] });
  });
  return () => page.evaluate(() => (window as unknown as { everMarked: string[] }).everMarked);
}

const calloutText = (page: Page) =>
  page.locator('#learn-account-aligner').evaluate((h) => h.shadowRoot?.querySelector('.callout')?.textContent ?? '');

/**
 * Run on the page: records what the overlay shows, frame by frame, in `window.seenModes` (a
 * docked instruction counts only once it is drawn, seen; before that it is 'unseen').
 */
const recordModes = () => {
  const seen: string[] = [];
  (window as unknown as { seenModes: string[] }).seenModes = seen;
  const look = () => {
    const host = document.getElementById('learn-account-aligner');
    const docked = host?.shadowRoot?.querySelector('.docked');
    const mode = !host ? 'none' : host.dataset.mode === 'docked' && !(docked && getComputedStyle(docked).visibility === 'visible') ? 'unseen' : host.dataset.mode;
    if (seen.at(-1) !== mode) seen.push(mode ?? 'none');
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};
const seenModes = (page: Page) => page.evaluate(() => (window as unknown as { seenModes: string[] }).seenModes);

/** A rig for the describe block, signed in with the work account at the removal, as a person at that step is. */
function atRemovalAsWork(): () => Rig {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: { ...(scenarios['has-aad'] as Scenario), signedInAs: 'ana@contoso.com' } });
    await storeAsAPersonHasIt(rig.context, rig.extensionId, storedAtRemoval(1));
  });
  afterAll(async () => rig?.close());
  return () => rig;
}

describe('the overlay on the replica (has-aad)', () => {
  let rig: Rig;
  let learn: Page;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('shows nothing on a Learn article while no path is chosen', async () => {
    learn = await rig.openLearn('/en-us/training/modules/intro-to-learn-profiles/');
    await learn.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
    await learn.waitForTimeout(300);
    expect(await learn.locator('#learn-account-aligner').count()).toBe(0);
    expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
  });

  it('points at the account menu opener, then at Sign out once the menu is open', async () => {
    await openSettings(learn, 'en-us');
    const popup = await rig.openPopup();
    await popup.locator('[data-path="has-aad"]').click();
    await popup.close();
    await learn.bringToFront();
    expect(await marked(learn, 'sign-in-aad')).toBe('site-header-user-avatar');
    expect(await hostMode(learn)).toBe('ring');
    await learn.locator('summary[data-bi-name="site-header-user-avatar"]').click();
    expect(await marked(learn, 'sign-in-aad')).toBe('site-header-sign-out');
    await expectCalloutBeside(learn, 'sign-in-aad');
    expect(await calloutText(learn)).toContain('Step 1 of 7');
  });

  it('points at Sign in once signed out, and at Settings through the menu once signed in with the work account', async () => {
    await signOut(learn);
    expect(await marked(learn, 'sign-in-aad')).toBe('site-header-sign-in');
    await learn.locator('a.docs-sign-in').first().click();
    await pickAccount(learn, 'ana@contoso.com');
    expect(await marked(learn, 'open-settings')).toBe('site-header-user-avatar');
  });

  it("points at the personal account's Remove, then at Learn's own confirm with the plain warning", async () => {
    await openSettings(learn, 'en-us');
    expect(await marked(learn, 'remove-msa')).toBe('remove-account');
    const row = await learn.locator('[data-aligner-step="remove-msa"]').evaluate((b) => b.closest('li')?.textContent ?? '');
    expect(row).toContain('learner@outlook.com');
    await learn.locator('[data-aligner-step="remove-msa"]').click();
    expect(await marked(learn, 'remove-msa')).toBe('confirm-remove-account');
    const text = await calloutText(learn);
    expect(text).toContain('learner@outlook.com is removed from your profile; you stay signed in with ana@contoso.com');
    await expectCalloutBeside(learn, 'remove-msa');
    // What the overlay shows, frame by frame, from the confirmation on: the list without the
    // account is judged a second later (settle-lists.ts), and meanwhile the removed account's
    // row is nowhere; no "could not find" is seen before the next step's ring.
    await learn.evaluate(recordModes);
    await learn.locator('[data-aligner-step="remove-msa"]').click();
    expect(await marked(learn, 'add-cert-msa')).toBe('add-account');
    expect(await calloutText(learn)).toContain('merges the two profiles');
    expect(await seenModes(learn)).not.toContain('docked');
  });

  it('docks the instruction, and highlights nothing, when the control is not on the page: seen once the page has had a second and a half to bring it', async () => {
    // From the control's removal: when the ring goes, and when the docked instruction is seen.
    const [off, seen] = await learn.evaluate(async () => {
      const host = document.getElementById('learn-account-aligner') as HTMLElement;
      const start = performance.now();
      const after = async (done: () => boolean) => {
        while (!done() && performance.now() - start < 5000) await new Promise((r) => requestAnimationFrame(r));
        return done() ? performance.now() - start : Infinity;
      };
      document.querySelector('[data-bi-name="add-account"]')?.remove();
      const docked = () => host.shadowRoot?.querySelector('.docked') ?? null;
      return [
        await after(() => host.dataset.mode === 'docked' && !document.querySelector('[data-aligner-step]')),
        await after(() => !!docked() && getComputedStyle(docked() as Element).visibility === 'visible'),
      ];
    });
    expect(off).toBeLessThan(500);
    expect(seen).toBeGreaterThanOrEqual(1450);
    expect(seen).toBeLessThan(5000);
    expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
    expect(await calloutText(learn)).toContain('could not find this control');
    // No ring drawn anywhere, and no button leading to a control there is none of.
    const drawn = await learn.locator('#learn-account-aligner').evaluate((host) =>
      ['.ring', '.edge', '.callout'].map((part) => (host.shadowRoot?.querySelector(part) as HTMLElement | null)?.checkVisibility() ?? null),
    );
    expect(drawn).toEqual([false, false, true]);
  });

  it('marks a control Learn inserts before the next frame begins: the highlight is drawn in the frame the control appears', async () => {
    await learn.reload();
    expect(await marked(learn, 'add-cert-msa')).toBe('add-account');
    const seen = await learn.evaluate(async () => {
      const control = document.querySelector('[data-bi-name="add-account"]') as HTMLElement;
      const place = control.parentNode as Node;
      const next = control.nextSibling;
      control.remove();
      while (document.getElementById('learn-account-aligner')?.dataset.mode !== 'docked') await new Promise((r) => setTimeout(r, 20));
      // A frame after the removal's, so the insertion is the first change since a frame began
      // (on a loaded machine 20 ms may pass with no frame: the guide then waits for the next).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      // Put back in a task of the page's; the first frame callback after it tells what that frame draws.
      return new Promise<string | null>((resolve) =>
        setTimeout(() => {
          place.insertBefore(control, next);
          requestAnimationFrame(() => resolve(control.getAttribute('data-aligner-step')));
        }),
      );
    });
    expect(seen).toBe('add-cert-msa');
  });

  it("docks, and highlights nothing, where the page's own CSS keeps the control from being drawn", async () => {
    const page = await rig.context.newPage();
    // Add account's row with its content skipped: the button is in the page, in no box.
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: '.button-row { content-visibility: hidden }' }))),
    );
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    await page.locator('[data-bi-name="add-account"]').waitFor({ state: 'attached' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await hostMode(page)).toBe('docked');
    expect(await page.locator('[data-aligner-step]').count()).toBe(0);
    await page.close();
  });

  it('rings a control that comes into view by no change the page observer reads: a stylesheet gone, a class or a style on a wrapper', async () => {
    for (const how of ['stylesheet', 'class', 'style'] as const) {
      const page = await rig.context.newPage();
      // Add account kept from view: by the page's CSS from the start, or once in, around its row
      // by a class or an inline style (a framework's loading state), on no list item nor dialog.
      await page.addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () =>
          document.head.append(Object.assign(document.createElement('style'), { id: 'late', textContent: '.button-row { content-visibility: hidden } .is-loading { display: none }' })),
        ),
      );
      await page.goto(rig.replica.url('/en-us/users/me/settings/'));
      await page.locator('[data-bi-name="add-account"]').waitFor({ state: 'attached' });
      if (how != 'stylesheet') {
        await page.evaluate((how) => {
          document.getElementById('late')!.textContent = '.is-loading { display: none }';
          const row = document.querySelector('.button-row') as HTMLElement;
          const wrapper = document.createElement('div');
          if (how == 'class') wrapper.className = 'is-loading';
          else wrapper.style.display = 'none';
          row.replaceWith(wrapper);
          wrapper.append(row);
        }, how);
      }
      await page.waitForTimeout(300);
      expect(await hostMode(page), how).toBe('docked');
      await page.evaluate((how) => {
        if (how == 'stylesheet') document.getElementById('late')?.remove();
        else if (how == 'class') document.querySelector('.is-loading')?.classList.remove('is-loading');
        else (document.querySelector('[style*="display"]') as HTMLElement).style.display = '';
      }, how);
      // Looked for again within a second while docked.
      await page.waitForFunction(() => document.getElementById('learn-account-aligner')?.dataset.mode === 'ring', null, { timeout: 3000 });
      expect(await marked(page, 'add-cert-msa'), how).toBe('add-account');
      await page.close();
    }
  });

  it('shows no "could not find" while a Settings page is still coming in: nothing, then the ring', async () => {
    const page = await rig.context.newPage();
    // What the overlay shows, frame by frame from the start of the load.
    await page.addInitScript(recordModes);
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    expect(await marked(page, 'add-cert-msa')).toBe('add-account');
    await page.waitForTimeout(1200);
    const modes = await seenModes(page);
    expect(modes).not.toContain('docked');
    expect(modes.at(-1)).toBe('ring');
    await page.close();
  });

  it('hides on the close button, and the popup brings it back', async () => {
    await openSettings(learn, 'en-us');
    await marked(learn, 'add-cert-msa');
    await learn.locator('#learn-account-aligner').evaluate((h) => (h.shadowRoot?.querySelector('.close') as HTMLButtonElement).click());
    await learn.waitForFunction(() => document.getElementById('learn-account-aligner')?.dataset.mode === 'off');
    expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
    const popup = await rig.openPopup();
    await popup.getByRole('button', { name: 'Show the guide on the page again' }).click();
    await popup.close();
    expect(await marked(learn, 'add-cert-msa')).toBe('add-account');
  });

});

describe('safety on the page', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('never points at removing the account this page says is signed in, whatever the stored progress says', async () => {
    // Progress written as if another tab had just seen ana@contoso.com signed in, with a
    // later time than this page's own report, so it stands; this page is signed in as learner.
    await rig.writeStored(storedAtRemoval(Date.now() + 10 * 60_000));
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    // A Learn that does not disable that Remove: the guide's own check is all that stands.
    await learn.evaluate(() => {
      for (const button of document.querySelectorAll('[data-bi-name="remove-account"]')) {
        button.removeAttribute('disabled');
        button.removeAttribute('aria-disabled');
      }
    });
    await learn.waitForFunction(() => document.getElementById('learn-account-aligner')?.dataset.mode === 'docked');
    await learn.waitForTimeout(200);
    expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
    expect(await learn.locator('[data-profile-property="upn"]').textContent()).toBe('learner@outlook.com');
  });
});

describe('Connect certification profile under a directive older than the page', () => {
  // Connecting ties the Certification profile to whoever is signed in, for good. The stored
  // progress says the Certification MSA is signed in, and is dated after this page's own
  // report, so the worker keeps its directive (Connect) whatever the page says.
  const connectPage = async (signedInAs: string) => {
    const rig = await Rig.start({
      scenario: {
        ...(scenarios['has-aad'] as Scenario),
        profiles: [{ id: 'P1', displayName: 'Ana Muñoz', accounts: ['ana@contoso.com', 'cert.ana@hotmail.com'], certificationConnected: false }],
        signedInAs,
      },
    });
    await storeAsAPersonHasIt(rig.context, rig.extensionId, storedAtConnect(Date.now() + 10 * 60_000));
    const page = await rig.context.newPage();
    const everMarked = await recordMarks(page);
    await page.goto(rig.replica.url('/en-us/users/me/credentials'));
    await page.locator('[data-bi-name="connect-certification-profile"]').waitFor();
    await page.waitForFunction(() => !!document.getElementById('learn-account-aligner')?.dataset.mode);
    await page.waitForTimeout(500);
    return { rig, page, ever: await everMarked() };
  };

  it('rings Connect while the page shows the Certification MSA signed in', async () => {
    const { rig, ever } = await connectPage('cert.ana@hotmail.com');
    try {
      expect(ever).toContain('connect-certification-profile');
    } finally {
      await rig.close();
    }
  });

  it('never rings it, not for a frame, while the page shows the work account signed in', async () => {
    const { rig, page, ever } = await connectPage('ana@contoso.com');
    try {
      expect(ever).not.toContain('connect-certification-profile');
      expect(await page.locator('[data-profile-property="upn"]').textContent()).toBe('ana@contoso.com');
      expect(await hostMode(page)).toBe('docked');
    } finally {
      await rig.close();
    }
  });
});

/**
 * Settings opened signed in with ana@fabrikam.com, a work account with a Learn profile of its
 * own (P2, listing `otherAccounts` beside it), while the path's profile (P1) lists `accounts`
 * and storage holds `stored`.
 */
async function settingsOfAnotherProfile(accounts: string[], otherAccounts: string[], stored: Record<string, unknown>) {
  const rig = await Rig.start({
    scenario: {
      ...(scenarios['has-aad'] as Scenario),
      name: 'another-profile',
      identities: [...(scenarios['has-aad'] as Scenario).identities, identities.fabrikam],
      profiles: [
        { id: 'P1', displayName: 'Ana Muñoz', accounts, certificationConnected: false },
        { id: 'P2', displayName: 'Ana Muñoz (Fabrikam)', accounts: ['ana@fabrikam.com', ...otherAccounts], certificationConnected: false },
      ],
      signedInAs: 'ana@fabrikam.com',
    },
  });
  await storeAsAPersonHasIt(rig.context, rig.extensionId, stored);
  const page = await rig.context.newPage();
  const everMarked = await recordMarks(page);
  await page.goto(rig.replica.url('/en-us/users/me/settings/'));
  return { rig, page, everMarked };
}

describe("Settings of another Learn profile at the Certification MSA's addition", () => {
  // The path's profile lists ana@contoso.com alone (the Learn MSA removed). Adding the
  // Certification MSA to the other profile would tie it to that profile.
  const openedAtAddition = (storedAt: number) => settingsOfAnotherProfile(['ana@contoso.com'], [], storedAtAddition(storedAt));

  it("rings the way to Sign out toward the profile's account once the worker has read the page", async () => {
    const { rig, page, everMarked } = await openedAtAddition(1);
    try {
      await page.locator('[data-bi-name="site-header-user-avatar"][data-aligner-step="add-cert-msa"]').waitFor();
      expect(await everMarked()).not.toContain('add-account');
      const directive = (await rig.stored())['aligner-directive'] as { action: unknown };
      expect(directive.action).toMatchObject({ step: 'add-cert-msa', control: 'sign-out', account: 'ana@contoso.com' });
      expect(await page.locator('[data-aligner-step]').count()).toBe(1);
      expect(await page.locator('#learn-account-aligner').evaluate((host) => host.shadowRoot?.textContent ?? '')).toContain(
        'Sign out, then sign in with ana@contoso.com',
      );
      const popup = await rig.openPopup();
      await popup.getByTestId('current-step').getByText('Sign out, then sign in with ana@contoso.com').waitFor();
    } finally {
      await rig.close();
    }
  });

  it('never rings Add account, not for a frame, under a directive older than the page', async () => {
    // Dated after the page's own reports: the worker keeps its directive (Add account, to be
    // done signed in with ana@contoso.com) whatever the page says.
    const { rig, page, everMarked } = await openedAtAddition(Date.now() + 10 * 60_000);
    try {
      await page.locator('[data-bi-name="add-account"]').waitFor();
      await page.waitForFunction(() => !!document.getElementById('learn-account-aligner')?.dataset.mode);
      await page.waitForTimeout(500);
      expect(await everMarked()).toEqual([]);
      expect(await hostMode(page)).toBe('docked');
      expect(((await rig.stored())['aligner-directive'] as { action: unknown }).action).toMatchObject({ control: 'add-account', with: 'ana@contoso.com' });
    } finally {
      await rig.close();
    }
  });
});

describe("Settings of another Learn profile at the Learn MSA's removal", () => {
  it("never rings the other profile's personal account's Remove: the way back to the profile's work account instead", async () => {
    // P2 lists the Certification MSA beside ana@fabrikam.com: read as the path's profile, its
    // one personal account (neither signed in nor the last) would be the one to remove.
    const { rig, page, everMarked } = await settingsOfAnotherProfile(['learner@outlook.com', 'ana@contoso.com'], ['cert.ana@hotmail.com'], storedAtRemoval(1));
    try {
      await page.locator('[data-bi-name="site-header-user-avatar"][data-aligner-step="remove-msa"]').waitFor();
      const directive = (await rig.stored())['aligner-directive'] as { action: unknown };
      expect(directive.action).toMatchObject({ step: 'remove-msa', control: 'sign-out', account: 'ana@contoso.com' });
      await page.waitForTimeout(300);
      expect(await page.locator('[data-aligner-step]').count()).toBe(1);
      // Nothing else, not for a frame (the stored directive, Remove learner@outlook.com, finds no row of it here).
      expect(new Set(await everMarked())).toEqual(new Set(['site-header-user-avatar']));
      const popup = await rig.openPopup();
      await popup.getByTestId('current-step').getByText('Sign out, then sign in with ana@contoso.com').waitFor();
    } finally {
      await rig.close();
    }
  });
});

describe("around a control in Learn's modal dialog", () => {
  /** Learn's remove confirmation, as the test's own markup. */
  const confirmation = '<p>Remove learner@outlook.com from your profile?</p><button data-bi-name="confirm-remove-account">Remove</button>';
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: { ...(scenarios['has-aad'] as Scenario), name: 'has-aad-signed-in-work', signedInAs: 'ana@contoso.com' } });
  });
  afterAll(async () => rig?.close());

  it('rings the confirm button of a native modal <dialog> from the top layer, on the button', async () => {
    await rig.writeStored(storedAtRemoval(1));
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    expect(await marked(learn, 'remove-msa')).toBe('remove-account');
    // A Learn whose confirmation is a native modal dialog (the top layer), not the replica's own.
    await learn.evaluate((content) => {
      const dialog = document.createElement('dialog');
      dialog.innerHTML = content;
      document.body.append(dialog);
      dialog.showModal();
    }, confirmation);
    expect(await marked(learn, 'remove-msa')).toBe('confirm-remove-account');
    const placed = await learn.evaluate(() => {
      const target = document.querySelector('[data-aligner-step]')?.getBoundingClientRect();
      const root = document.getElementById('learn-account-aligner')?.shadowRoot;
      const ring = root?.querySelector('.ring');
      const callout = root?.querySelector('.callout');
      const box = ring?.getBoundingClientRect();
      if (!target || !box) return null;
      return {
        inTopLayer: Boolean(ring?.matches(':popover-open') && callout?.matches(':popover-open')),
        offBy: Math.max(Math.abs(box.left + 7 - target.left), Math.abs(box.top + 7 - target.top), Math.abs(box.width - 14 - target.width)),
      };
    });
    expect(placed).toEqual({ inTopLayer: true, offBy: 0 });
    await expectCalloutBeside(learn, 'remove-msa');
  });

  it('moves to the confirm button of a dialog kept on the page once its class, its style or its role shows it; never to one faded out', async () => {
    await rig.writeStored(storedAtRemoval(1));
    for (const how of ['class', 'style', 'role', 'faded'] as const) {
      const learn = await rig.openLearn('/en-us/users/me/settings/');
      expect(await marked(learn, 'remove-msa'), how).toBe('remove-account');
      // A confirmation kept on the page from the start, hidden (a framework's modal), or
      // shown but faded out and passed through by the pointer.
      await learn.evaluate(
        ([how, content]) => {
          const style = document.createElement('style');
          style.textContent = '.modal:not(.is-open) { display: none } .faded { opacity: 0; pointer-events: none }';
          const modal = document.createElement('div');
          modal.className = how == 'style' ? 'modal is-open' : how == 'faded' ? 'modal is-open faded' : 'modal';
          if (how == 'style') modal.style.display = 'none';
          const dialog = document.createElement('div');
          if (how != 'role') dialog.setAttribute('role', 'dialog');
          dialog.setAttribute('aria-modal', 'true');
          dialog.innerHTML = content;
          modal.append(dialog);
          document.head.append(style);
          document.body.append(modal);
        },
        [how, confirmation] as const,
      );
      if (how == 'faded') {
        // Taken for open, its confirm refused: the guide docks rather than ring an invisible button.
        await learn.waitForFunction(() => document.getElementById('learn-account-aligner')?.dataset.mode === 'docked');
        expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
        await learn.close();
        continue;
      }
      await learn.waitForTimeout(300);
      expect(await marked(learn, 'remove-msa'), how).toBe('remove-account');
      await learn.evaluate((how) => {
        const modal = document.querySelector('.modal') as HTMLElement;
        if (how == 'style') modal.style.display = '';
        else modal.classList.add('is-open');
        if (how == 'role') modal.firstElementChild?.setAttribute('role', 'dialog');
      }, how);
      await learn.waitForFunction(() => (document.querySelector('[data-aligner-step]') as HTMLElement | null)?.dataset.biName === 'confirm-remove-account');
      expect(await marked(learn, 'remove-msa'), how).toBe('confirm-remove-account');
      await learn.close();
    }
  });
});

describe('while Learn has not said who is signed in', () => {
  const theRig = atRemovalAsWork();

  /** The observations the worker is sent from now on, as it takes them. */
  const spyOnReports = () =>
    theRig().serviceWorker().evaluate(() => {
      const seen: unknown[] = [];
      (self as unknown as { reports: unknown[] }).reports = seen;
      chrome.runtime.onMessage.addListener((message: { type: string; observation?: unknown }) => void (message.type == 'observation' && seen.push(message.observation)));
    });
  const reports = () => theRig().serviceWorker().evaluate(() => (self as unknown as { reports: Array<{ signedInAs: string; accounts: Array<{ address: string; kind: string }> | null }> }).reports);

  /** Settings, with Learn's script kept from saying it has decided until `decide()` on the page. */
  async function undecidedSettings(): Promise<Page> {
    const page = await theRig().context.newPage();
    await page.addInitScript(() => {
      const set = Element.prototype.setAttribute;
      let hold = true;
      Element.prototype.setAttribute = function (name: string, value: string) {
        if (!hold || name != 'data-auth-status-determined') set.call(this, name, value);
      };
      (window as unknown as { decide: () => void }).decide = () => {
        hold = false;
        document.documentElement.setAttribute('data-auth-status-determined', 'true');
      };
    });
    await page.goto(theRig().replica.url('/en-us/users/me/settings/'));
    // The whole page in, the header's address included: all but Learn's word.
    await page.locator('[data-bi-name="add-account"]').waitFor({ state: 'attached' });
    await page.locator('[data-profile-property="upn"]', { hasText: 'ana@contoso.com' }).waitFor({ state: 'attached' });
    return page;
  }

  it('reads, shows and reports nothing until Learn says, then rings the Remove and reports the page once', async () => {
    await spyOnReports();
    const page = await undecidedSettings();
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-auth-status-determined'))).toBe('false');
    expect(await page.locator('#learn-account-aligner').count()).toBe(0);
    expect(await page.locator('[data-aligner-step]').count()).toBe(0);
    expect(await reports()).toEqual([]);

    await page.evaluate(() => (window as unknown as { decide: () => void }).decide());
    expect(await marked(page, 'remove-msa')).toBe('remove-account');
    expect(await page.locator('li:has([data-aligner-step])').textContent()).toContain('learner@outlook.com');
    await page.waitForTimeout(1000);
    const seen = await reports();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.signedInAs).toBe('ana@contoso.com');
    expect(seen[0]?.accounts).toEqual([
      { address: 'learner@outlook.com', kind: 'personal' },
      { address: 'ana@contoso.com', kind: 'work' },
    ]);
    await page.close();
  });
});

describe("a row's More actions menu that is a popover", () => {
  const theRig = atRemovalAsWork();

  it('rings its opener while it is closed, and the Remove inside once the person opens it: a popover opens with no change to the page', async () => {
    const rig = theRig();
    const page = await rig.context.newPage();
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    const remove = page.locator('[data-aligner-step="remove-msa"]');
    await remove.waitFor();
    // Learn redesigned: the personal account's Remove moves into its row's popover menu.
    await remove.evaluate((button) => {
      const opener = Object.assign(document.createElement('button'), { type: 'button', className: 'more', textContent: '⋯' });
      opener.setAttribute('aria-haspopup', 'menu');
      opener.setAttribute('aria-label', 'More actions');
      opener.setAttribute('popovertarget', 'row-menu');
      const menu = Object.assign(document.createElement('div'), { id: 'row-menu', popover: 'auto' });
      button.replaceWith(opener, menu);
      menu.append(button);
    });
    await page.locator('button.more[data-aligner-step="remove-msa"]').waitFor();
    // Opened as the person would (the opener's click): only a toggle event tells.
    await page.locator('button.more').click();
    expect(await page.evaluate(() => document.getElementById('row-menu')!.matches(':popover-open'))).toBe(true);
    await page.locator('#row-menu [data-bi-name="remove-account"][data-aligner-step="remove-msa"]').waitFor({ timeout: 2000 });
    expect(await page.locator('[data-aligner-step]').count()).toBe(1);
    await page.close();
  });
});

describe('a list Learn draws row by row', () => {
  const theRig = atRemovalAsWork();

  it("proves nothing from the signed-in account's row alone: the personal account's row, 400 ms later, is still to be removed", async () => {
    const rig = theRig();
    // Every progress the worker stores from now on.
    await rig.serviceWorker().evaluate(() => {
      const stored: unknown[] = [];
      (self as unknown as { stored: unknown[] }).stored = stored;
      chrome.storage.onChanged.addListener((changes) => void (changes.aligner && stored.push(changes.aligner.newValue)));
    });
    const page = await rig.context.newPage();
    await page.addInitScript(() => {
      // Learn's list drawn with the signed-in account's row first, the personal account's later.
      const replace = Element.prototype.replaceChildren;
      Element.prototype.replaceChildren = function (...nodes: Array<Node | string>) {
        const row = [...nodes].flatMap((n) => (n instanceof Element ? [...n.querySelectorAll('li')] : [])).find((li) => li.textContent?.includes('learner@outlook.com'));
        const list = row?.parentElement;
        row?.remove();
        if (row && list) setTimeout(() => list.prepend(row), 400);
        return replace.apply(this, nodes);
      };
      // Every element the guide rings, in order.
      const rung: string[] = [];
      (window as unknown as { rung: string[] }).rung = rung;
      new MutationObserver((records) => {
        for (const { target } of records) {
          const e = target as Element;
          if (e.hasAttribute('data-aligner-step')) rung.push(`${e.getAttribute('data-aligner-step')} ${e.getAttribute('data-bi-name')} ${e.closest('li')?.textContent?.includes('learner') ? 'learner' : ''}`);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-aligner-step'] });
    });
    await page.goto(rig.replica.url('/en-us/users/me/settings/'));
    expect(await marked(page, 'remove-msa')).toBe('remove-account');
    expect(await page.locator('li:has([data-aligner-step])').textContent()).toContain('learner@outlook.com');
    // Long enough for the worker to have judged the first list had it taken it at once.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { rung: string[] }).rung)).toEqual(['remove-msa remove-account learner']);
    const stored = await rig.serviceWorker().evaluate(
      () => (self as unknown as { stored: Array<{ done: Record<string, Record<string, unknown>>; notice: unknown }> }).stored,
    );
    // The whole list was judged (the page's report stored), and proved nothing removed.
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((progress) => progress.done['has-aad']?.['remove-msa'])).toBe(false);
    expect(stored.every((progress) => progress.notice === null)).toBe(true);
    await page.close();
  });
});

describe('a step off Learn', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
  });
  afterAll(async () => rig?.close());

  it('shows nothing on Learn while the current step is on the support forum', async () => {
    const popup = await rig.openPopup();
    await popup.locator('[data-path="recommended"]').click();
    const article = await rig.openLearn('/en-us/training/modules/intro-to-learn-profiles/');
    await article.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
    await article.waitForFunction(() => document.getElementById('learn-account-aligner')?.dataset.mode === 'off').catch(() => undefined);
    expect(await article.locator('[data-aligner-step]').count()).toBe(0);
    const mode = await article.locator('#learn-account-aligner').count() ? await hostMode(article) : 'off';
    expect(mode).toBe('off');
  });
});

describe('in French', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario: 'add-aad', locale: 'fr' });
  });
  afterAll(async () => rig?.close());

  it('points at "Ajouter un compte" with French instructions', async () => {
    const learn = await rig.openLearn('/fr-fr/users/me/settings/');
    await learn.locator('[data-bi-name="add-account"]').waitFor();
    const popup = await rig.openPopup();
    await popup.locator('[data-path="add-aad"]').click();
    await popup.close();
    await learn.bringToFront();
    expect(await marked(learn, 'add-aad')).toBe('add-account');
    const text = await calloutText(learn);
    expect(text).toContain('Étape 3 sur 11');
    expect(text).toContain('organisation');
    await expectCalloutBeside(learn, 'add-aad');
  });
});
