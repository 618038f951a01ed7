import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Progress } from '../../src/guide/progress.ts';
import { scenarios, type Scenario } from '../fixtures/replica/index.ts';
import { describeViolations, runAxe, targetOf, type AxeRun } from '../support/axe.ts';
import { expectProgress } from '../support/popup.ts';
import { Rig } from '../support/rig.ts';
import { storedAtRemoval } from '../support/stored-progress.ts';

/**
 * Accessibility of what the extension draws: axe-core on the popup in each of its states and
 * on the overlay on the replica's Settings page, in light and dark; the popup and the
 * overlay's buttons by keyboard alone. A11Y_SCREENSHOTS=DIR also writes what was checked, to
 * look at (contrast, alignment, focus rings). The figures (rules and elements checked per
 * state) are printed at the end.
 */

const host = '#learn-account-aligner';
const screenshotDir = process.env.A11Y_SCREENSHOTS;
if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
const shoot = async (page: Page, name: string, selector = 'body') => {
  if (screenshotDir) await page.locator(selector).screenshot({ path: join(screenshotDir, `${name}.png`) });
};
/** The overlay's parts and the highlighted control, close up, as on screen. */
const shootOverlay = async (page: Page, name: string) => {
  if (!screenshotDir) return;
  const box = await page.evaluate((id) => {
    const root = document.querySelector(id)?.shadowRoot;
    const parts = [...(root?.querySelectorAll('.callout, .edge:not([hidden])') ?? []), ...document.querySelectorAll('[data-aligner-step]')];
    const rects = parts.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    const left = Math.max(0, Math.min(...rects.map((r) => r.left)) - 24);
    const top = Math.max(0, Math.min(...rects.map((r) => r.top)) - 24);
    const right = Math.min(innerWidth, Math.max(...rects.map((r) => r.right)) + 24);
    const bottom = Math.min(innerHeight, Math.max(...rects.map((r) => r.bottom)) + 24);
    return { x: left, y: top, width: right - left, height: bottom - top };
  }, host);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), clip: box });
};

const figures: Array<{ state: string; rules: number; nodes: number; violations: number; inOverlay?: number }> = [];
afterAll(() => {
  if (figures.length === 0) return;
  const row = (state: string, rules: string, nodes: string, violations: string, note = '') =>
    `${state.padEnd(84)} ${rules.padStart(5)} ${nodes.padStart(6)} ${violations.padStart(10)}${note}`;
  const rows = figures.map((f) =>
    row(f.state, String(f.rules), String(f.nodes), String(f.violations), f.inOverlay === undefined ? '' : `  (${f.inOverlay} nodes in the overlay)`),
  );
  const sum = (key: 'nodes' | 'violations') => String(figures.reduce((total, f) => total + f[key], 0));
  console.log([row('axe-core: state checked', 'rules', 'nodes', 'violations'), ...rows, row(`${figures.length} runs, ${figures.filter((f) => !f.state.endsWith('target size')).length} states`, '', sum('nodes'), sum('violations'))].join('\n'));
});

/** Signed in with the work account, so the guide rings has-aad's Remove on Settings. */
const scenario: Scenario = { ...(scenarios['has-aad'] as Scenario), name: 'has-aad-signed-in-work', signedInAs: 'ana@contoso.com' };

// The popup's states, written to storage as the worker would leave them.
const atRemoval = () => storedAtRemoval(Date.now() - 5 * 60_000).aligner as unknown as Progress;
const recommendedMidway = (): Progress => ({
  ...atRemoval(),
  path: 'recommended',
  done: { recommended: { 'forum-open': { by: 'person', at: 1 }, 'forum-ask': { by: 'person', at: 2 } } },
  certMsa: 'cert.ana@hotmail.com',
  mcid: '12345678',
  overlayDismissed: 'forum-request',
});
const awaitingAgent = (): Progress => {
  const midway = recommendedMidway();
  const asked = Date.now() - 8 * 86_400_000; // a week on, no news: its warning shows
  return { ...midway, done: { recommended: { ...midway.done.recommended, 'forum-request': { by: 'person', at: asked } } }, overlayDismissed: null };
};
const hasAadComplete = (): Progress => {
  const steps = ['sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa', 'sign-out-aad', 'sign-in-cert-msa', 'connect-cert'] as const;
  return { ...atRemoval(), done: { 'has-aad': Object.fromEntries(steps.map((s) => [s, { by: 'page', at: 1 }])) } };
};

interface PopupState {
  name: string;
  stored: Progress | null;
  /** What the person opens before the check. */
  open?: (popup: Page) => Promise<void>;
}

const popupStates: PopupState[] = [
  { name: 'no path chosen (a question, nothing seen yet)', stored: null },
  { name: 'no path chosen, a path suggested', stored: null, open: (p) => p.getByRole('button', { name: 'Yes' }).click() },
  {
    name: 'recommended midway: done, current, to do; the request written and copied',
    stored: recommendedMidway(),
    open: async (popup) => {
      await popup.getByText('What Learn showed').click();
      await popup.evaluate(() => {
        navigator.clipboard.writeText = async () => undefined; // no clipboard for an extension origin in tests
      });
      await popup.getByRole('button', { name: 'Copy the request for support' }).click();
      await popup.getByText('Copied: paste it').waitFor();
    },
  },
  {
    name: 'the request with an MCID that is not one, and the clipboard refused',
    stored: recommendedMidway(),
    open: async (popup) => {
      await popup.getByLabel('Certification ID (MCID), optional').fill('12a');
      await popup.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      });
      await popup.getByRole('button', { name: 'Copy the title' }).click();
      await popup.getByText('The browser did not allow copying').waitFor();
    },
  },
  { name: 'waiting for the agent, a week on', stored: awaitingAgent(), open: (p) => p.getByText('No news after a week?').waitFor() },
  { name: 'has-aad at Remove, with its warning, steps done by the page', stored: atRemoval() },
  { name: 'with a notice', stored: { ...atRemoval(), notice: { kind: 'undone', step: 'open-settings', at: 1 } } },
  { name: 'choosing another path (Cancel shown)', stored: atRemoval(), open: (p) => p.getByRole('button', { name: 'Change path' }).click() },
  { name: 'the reset confirmation', stored: atRemoval(), open: (p) => p.getByRole('button', { name: 'Start over' }).click() },
  {
    name: 'a page report asked for with no Learn page',
    stored: atRemoval(),
    open: async (popup) => {
      await popup.getByRole('button', { name: 'Copy a page report' }).click();
      await popup.getByText('Open the Learn page in this tab first.').waitFor();
    },
  },
  { name: 'a path complete', stored: hasAadComplete() },
];

async function clearStorage(rig: Rig): Promise<void> {
  await rig.serviceWorker().evaluate(() => chrome.storage.local.clear());
}

function expectNoViolation(run: AxeRun, where: string): void {
  expect(describeViolations(run.violations), where).toEqual([]);
}

const inOverlay = (node: { target: unknown[] }) => targetOf(node).startsWith(host);
const overlayNodes = (results: AxeRun['passes']) => results.flatMap((r) => r.nodes.filter(inOverlay).map((n) => `${r.id}: ${targetOf(n)}`));

/**
 * axe measures colours and target sizes on a layout grid it builds from <body>
 * (axe-core's createGrid); the overlay's host sits beside <body>, under <html>, so there
 * axe reports the overlay's contrast as "cannot tell". For those two rules the host is
 * moved into <body> for the run, then put back: its shadow root's styles do not depend on
 * where it sits.
 */
async function runAxeOnOverlayInBody(page: Page, state: string): Promise<AxeRun> {
  await page.evaluate((id) => document.body.append(document.querySelector(id) as Element), host);
  // A docked instruction is drawn 1.5 s after it is made (overlay.css); moved, it is made again.
  const docked = page.locator(`${host} .docked`);
  if (await docked.count()) await docked.waitFor({ state: 'visible' });
  try {
    const run = await runAxe(page, { include: [[host]] }, ['color-contrast', 'target-size']);
    figures.push({ state: `${state}, contrast and target size`, rules: run.rules, nodes: run.nodes, violations: run.violations.length });
    return run;
  } finally {
    await page.evaluate((id) => document.documentElement.append(document.querySelector(id) as Element), host);
  }
}

interface Focus {
  /** Where focus is: tag, id or data-path or class, and text. */
  where: string;
  onBody: boolean;
  /** Shown: :focus-visible, with an outline or a box-shadow drawn. */
  shown: boolean;
  /** Its index among the controls listed by listTabOrder, -1 if not one of them. */
  index: number;
}

/** The focused element (inside the overlay's shadow root too) and whether its focus is drawn. */
function readFocus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const element = active as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    const drawn = !!style && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none');
    const order = (window as unknown as { tabOrder?: Element[] }).tabOrder ?? [];
    const name = element?.id ? `#${element.id}` : element?.dataset.path ? `[data-path=${element.dataset.path}]` : element?.className ? `.${element.className}` : '';
    return {
      where: `${element?.tagName.toLowerCase()}${name} "${(element?.textContent ?? '').trim().slice(0, 40)}"`,
      onBody: !element || element === document.body,
      shown: !!element && element.matches(':focus-visible') && drawn,
      index: element ? order.indexOf(element) : -1,
    };
  });
}

/** Focus is on something, not dropped on <body>, and drawn. */
async function expectFocusShown(page: Page, after: string): Promise<Focus> {
  const focus = await readFocus(page);
  expect(focus.onBody, `focus lost to <body> after ${after}`).toBe(false);
  expect(focus.shown, `focus not drawn on ${focus.where} after ${after}`).toBe(true);
  return focus;
}

/**
 * The popup's controls a Tab can reach, in document order (no tabindex reorders them): what
 * Tab must visit, one after the other.
 */
function listTabOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility(),
    );
    (window as unknown as { tabOrder: Element[] }).tabOrder = controls;
    return controls.map((e) => `${e.tagName.toLowerCase()} "${e.getAttribute('aria-label') ?? (e.textContent ?? '').trim().slice(0, 40)}"`);
  });
}

/** Tabs from the top of a freshly opened popup through every control, in order. */
async function expectTabsThroughAll(page: Page): Promise<string[]> {
  const order = await listTabOrder(page);
  expect(order.length).toBeGreaterThan(3);
  for (const [index, control] of order.entries()) {
    await page.keyboard.press('Tab');
    const focus = await expectFocusShown(page, `Tab to ${control}`);
    expect(focus.index, `Tab ${index + 1} should reach ${control}, reached ${focus.where}`).toBe(index);
  }
  return order;
}

/** Presses Tab (or Shift+Tab) until `selector` has focus, every stop drawn and none on <body>. */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
    await expectFocusShown(page, `${key} toward ${selector}`);
  }
  throw new Error(`${key} never reached ${selector}`);
}

/** Presses a key on the focused control, then waits for focus to land on `then`, drawn. */
async function pressAndLand(page: Page, key: 'Enter' | 'Space', then: string): Promise<void> {
  const before = (await readFocus(page)).where;
  await page.keyboard.press(key);
  await page
    .waitForFunction((s) => document.activeElement?.matches(s), then, { timeout: 10_000 })
    .catch(async () => {
      throw new Error(`${key} on ${before}: focus on ${(await readFocus(page)).where}, not ${then}`);
    });
  await expectFocusShown(page, `${key} on ${before}`);
}

const modeOf = (page: Page) => page.evaluate((id) => document.querySelector<HTMLElement>(id)?.dataset.mode ?? null, host);
const shadowPart = (page: Page, part: string) => page.locator(`${host} ${part}`); // Playwright's CSS pierces open shadow roots

describe.each(['light', 'dark'] as const)('in the %s colour scheme', (scheme) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({ scenario, colorScheme: scheme });
  });
  afterAll(async () => rig?.close());

  it.each(popupStates)('popup, $name: axe finds no violation', async ({ name, stored, open }) => {
    if (stored) await rig.writeStored({ aligner: stored });
    else await clearStorage(rig);
    const popup = await rig.openPopup();
    await popup.locator(stored?.path ? '[data-step]' : '[data-path]').first().waitFor();
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await open?.(popup);
    const run = await runAxe(popup);
    figures.push({ state: `popup, ${scheme}: ${name}`, rules: run.rules, nodes: run.nodes, violations: run.violations.length });
    await shoot(popup, `popup-${scheme}-${popupStates.findIndex((s) => s.name === name) + 1}`);
    expectNoViolation(run, name);
    await popup.close();
  });

  describe("the overlay on the replica's Settings page", () => {
    let learn: Page;
    /** What axe finds on the page itself before the guide draws anything: Learn's own markup. */
    let pageBaseline: string[];
    const pageViolations = (run: AxeRun) =>
      run.violations.flatMap((v) => v.nodes.filter((n) => !inOverlay(n)).map((n) => `${v.id} at ${targetOf(n)}`));

    /** axe on the whole document, the overlay's open shadow root named in the context. */
    async function checkOverlay(state: string): Promise<AxeRun> {
      const run = await runAxe(learn, { include: [['html'], [host]] });
      const checked = overlayNodes([...run.passes, ...run.incomplete]);
      const ours = run.violations.filter((v) => v.nodes.some(inOverlay)).length;
      figures.push({ state: `overlay, ${scheme}: ${state}`, rules: run.rules, nodes: run.nodes, violations: ours, inOverlay: checked.length });
      await shootOverlay(learn, `overlay-${scheme}-${state.replace(/\W+/g, '-')}`);
      // axe went into the shadow root: the close button's name, at least, was checked there.
      expect(checked).toContain(`button-name: ${host} >> .close`);
      expectNoViolation({ ...run, violations: run.violations.map((v) => ({ ...v, nodes: v.nodes.filter(inOverlay) })) }, `overlay, ${state}`);
      // Nor does the guide add any to Learn's page (the highlighted control carries its marks).
      expect(pageViolations(run).filter((v) => !pageBaseline.includes(v))).toEqual([]);
      return run;
    }

    beforeAll(async () => {
      await clearStorage(rig);
      learn = await rig.openLearn('/en-us/users/me/settings/');
      await learn.locator('[data-bi-name="remove-account"]').first().waitFor();
      pageBaseline = pageViolations(await runAxe(learn, { include: [['html']], exclude: [[host]] }));
    });

    it('ring mode, the control in view: no violation in the ring and callout', async () => {
      // The worker derives what pages show from the progress it writes; written from outside,
      // the page learns of it on its next load.
      await rig.writeStored(storedAtRemoval(1));
      await learn.reload();
      const target = learn.locator('[data-aligner-step="remove-msa"]');
      await target.waitFor({ timeout: 10_000 });
      await target.scrollIntoViewIfNeeded();
      await shadowPart(learn, '.callout').waitFor();
      await shadowPart(learn, '.edge').waitFor({ state: 'hidden' });
      expect(await modeOf(learn)).toBe('ring');
      await checkOverlay('ring, control in view');
      const contrast = await runAxeOnOverlayInBody(learn, `overlay, ${scheme}: ring, control in view`);
      expectNoViolation(contrast, 'ring: contrast and target size');
      expect(overlayNodes(contrast.passes)).toEqual(
        expect.arrayContaining([`color-contrast: ${host} >> .instruction`, `color-contrast: ${host} >> .warning`, `target-size: ${host} >> .close`]),
      );
    });

    it('ring mode, the control scrolled away: "Show the next control" has no violation', async () => {
      await learn.evaluate(() => window.scrollTo(0, 0));
      await shadowPart(learn, '.edge').waitFor({ timeout: 10_000 });
      await checkOverlay('ring, control scrolled away');
      const contrast = await runAxeOnOverlayInBody(learn, `overlay, ${scheme}: ring, control scrolled away`);
      expectNoViolation(contrast, 'edge: contrast and target size');
      expect(overlayNodes(contrast.passes)).toEqual(expect.arrayContaining([`color-contrast: ${host} >> .edge`, `target-size: ${host} >> .edge`]));
    });

    it('docked mode: no violation in the docked instruction', async () => {
      await learn.evaluate(() => document.querySelectorAll('[data-bi-name="remove-account"]').forEach((b) => b.remove()));
      await learn.waitForFunction((id) => document.querySelector<HTMLElement>(id)?.dataset.mode === 'docked', host, { timeout: 10_000 });
      // Drawn 1.5 s after it is made (overlay.css).
      await shadowPart(learn, '.docked').waitFor({ state: 'visible' });
      await checkOverlay('docked');
      const contrast = await runAxeOnOverlayInBody(learn, `overlay, ${scheme}: docked`);
      expectNoViolation(contrast, 'docked: contrast and target size');
      expect(overlayNodes(contrast.passes)).toEqual(expect.arrayContaining([`color-contrast: ${host} >> .instruction`, `color-contrast: ${host} >> .missing`]));
      await learn.close();
    });
  });

  it('the popup by keyboard alone: every control in order, operated with Enter and Space, focus always drawn', async () => {
    await clearStorage(rig);
    let popup = await rig.openPopup();
    await popup.locator('[data-path]').first().waitFor();
    const chooser = await expectTabsThroughAll(popup);
    expect(chooser).toEqual(expect.arrayContaining(['button "Yes"', 'button "No"', 'summary "What Learn showed"', 'button "Copy a page report"']));

    // Choose a path: focus goes to the path's heading, not to <body> with the chooser gone.
    await tabTo(popup, '[data-path="recommended"]', 'Shift+Tab');
    await shoot(popup, `focus-${scheme}-path-button`);
    await pressAndLand(popup, 'Enter', '#path-heading');
    await shoot(popup, `focus-${scheme}-path-heading`);
    await expectProgress(popup, [], 'forum-open');
    await popup.close();

    // The path view, from the top, every control in order.
    popup = await rig.openPopup();
    await popup.locator('[data-step]').first().waitFor();
    const pathView = await expectTabsThroughAll(popup);
    expect(pathView).toEqual(expect.arrayContaining(['button "Change path"', 'button "I did it"', 'input "Done: Go to the Microsoft Certification support forum"', 'input "Done: Verify your identity with the agent, in a private message session"', 'button "Start over"']));

    // Tick and untick a forum step with Space: focus stays on its box.
    await tabTo(popup, 'li[data-step="forum-open"] input', 'Shift+Tab');
    await pressAndLand(popup, 'Space', 'li[data-step="forum-open"] input');
    await shoot(popup, `focus-${scheme}-checkbox`);
    await expectProgress(popup, ['forum-open:person'], 'forum-ask');
    await pressAndLand(popup, 'Space', 'li[data-step="forum-open"] input');
    await expectProgress(popup, [], 'forum-open');

    // "I did it" with Enter: the next forum step has one too, and focus stays on it.
    await tabTo(popup, '.current button:not(.primary)', 'Shift+Tab');
    await pressAndLand(popup, 'Enter', '.current button:not(.primary)');
    await expectProgress(popup, ['forum-open:person'], 'forum-ask');

    // What Learn showed: opened and closed from its summary.
    await tabTo(popup, 'summary');
    await pressAndLand(popup, 'Enter', 'summary');
    expect(await popup.locator('details.seen').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await pressAndLand(popup, 'Space', 'summary');
    expect(await popup.locator('details.seen').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    // Change path, then Cancel: focus follows to each view's heading.
    await tabTo(popup, '.path-head .link', 'Shift+Tab');
    await pressAndLand(popup, 'Enter', '#choose-heading');
    await tabTo(popup, 'section > .link');
    await pressAndLand(popup, 'Enter', '#path-heading');
    await expectProgress(popup, ['forum-open:person'], 'forum-ask');

    // Start over: the confirmation takes focus on its safe answer; Cancel gives it back.
    await tabTo(popup, 'footer > .link');
    await pressAndLand(popup, 'Enter', '.confirm .link');
    await shoot(popup, `focus-${scheme}-reset-cancel`);
    await pressAndLand(popup, 'Enter', 'footer > .link');
    await pressAndLand(popup, 'Enter', '.confirm .link');
    await tabTo(popup, '.confirm .danger', 'Shift+Tab');
    await pressAndLand(popup, 'Enter', '#choose-heading');
    await popup.locator('[data-path="recommended"]').waitFor();
    expect(await popup.locator('[data-step]').count()).toBe(0);
    expect(JSON.stringify(await rig.stored())).not.toContain('forum-open');
    await popup.close();
  });

  it("the overlay's close and \"Show the next control\" buttons: reached by Tab, named, working", async () => {
    await rig.writeStored(storedAtRemoval(1));
    const learn = await rig.openLearn('/en-us/users/me/settings/');
    await learn.locator('[data-aligner-step="remove-msa"]').waitFor();
    /** Tabs on, through Learn's own controls, until focus is in the overlay (it comes last). */
    const tabIntoOverlay = async () => {
      let presses = 0;
      const inOverlay = () => learn.evaluate((id) => document.activeElement === document.querySelector(id), host);
      for (; presses < 80 && !(await inOverlay()); presses += 1) await learn.keyboard.press('Tab');
      return expectFocusShown(learn, `${presses} Tabs`);
    };
    // From the top of the page, Tab by Tab.
    const close = await tabIntoOverlay();
    expect(close.where).toMatch(/^button\.close/);
    await shootOverlay(learn, `focus-${scheme}-overlay-close`);
    // Tabbing went through Remove, which scrolled it into view; away from it, the next Tab
    // reaches "Show the next control".
    await learn.evaluate(() => window.scrollTo(0, 0));
    await shadowPart(learn, '.edge').waitFor();
    await learn.keyboard.press('Tab');
    const edge = await expectFocusShown(learn, 'Tab from the close button');
    expect(edge.where).toMatch(/^button\.edge/);
    await shootOverlay(learn, `focus-${scheme}-overlay-edge`);

    // Their names, as the browser's accessibility tree gives them to screen readers.
    const cdp = await learn.context().newCDPSession(learn);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    const buttons = nodes.filter((n) => !n.ignored && n.role?.value === 'button').map((n) => n.name?.value);
    expect(buttons).toEqual(expect.arrayContaining(['Hide the guide on this page (the popup brings it back)', 'Show the next control']));
    await cdp.detach();

    // Enter on "Show the next control" brings the control into view, with focus on it.
    await learn.keyboard.press('Enter');
    await learn.waitForFunction(() => {
      const target = document.querySelector('[data-aligner-step]');
      const box = target?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.bottom <= innerHeight && document.activeElement === target;
    });
    await shadowPart(learn, '.edge').waitFor({ state: 'hidden' });
    await shootOverlay(learn, `focus-${scheme}-overlay-after-edge`);
    // The page's own focus outline on the control is drawn, not hidden under the ring.
    const room = await learn.evaluate((id) => {
      const target = document.querySelector('[data-aligner-step]') as HTMLElement;
      const ring = document.querySelector(id)?.shadowRoot?.querySelector('.ring') as HTMLElement;
      const style = getComputedStyle(target);
      const inside = target.getBoundingClientRect().left - ring.getBoundingClientRect().left - parseFloat(getComputedStyle(ring).borderLeftWidth);
      return { focusVisible: target.matches(':focus-visible'), outline: parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth), inside };
    }, host);
    expect(room.focusVisible).toBe(true);
    expect(room.outline, JSON.stringify(room)).toBeGreaterThan(0);
    expect(room.outline, JSON.stringify(room)).toBeLessThanOrEqual(room.inside);
    // From the control, Tab on to the close button; Enter hides the guide.
    expect((await tabIntoOverlay()).where).toMatch(/^button\.close/);
    await learn.keyboard.press('Enter');
    await learn.waitForFunction((id) => document.querySelector<HTMLElement>(id)?.dataset.mode === 'off', host);
    expect(await learn.locator('[data-aligner-step]').count()).toBe(0);
    await learn.close();
  });
});
