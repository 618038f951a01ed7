import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface ChecklistRow {
  step: string;
  state: string;
  doneBy: string | null;
}

/** The popup's checklist as the contract of DESIGN.md exposes it. */
export function readChecklist(popup: Page): Promise<ChecklistRow[]> {
  return popup.locator('li[data-step]').evaluateAll((items) =>
    items.map((li) => ({
      step: li.getAttribute('data-step') ?? '',
      state: li.getAttribute('data-state') ?? '',
      doneBy: li.getAttribute('data-done-by'),
    })),
  );
}

/** The steps done, and the current one, once the open popup shows them (it updates live). */
export async function expectProgress(popup: Page, done: string[], current: string | null, timeout = 10_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const rows = await readChecklist(popup);
        return {
          done: rows.filter((r) => r.state === 'done').map((r) => `${r.step}:${r.doneBy}`),
          current: rows.find((r) => r.state === 'current')?.step ?? null,
        };
      },
      { timeout },
    )
    .toEqual({ done, current });
}

/**
 * Starts recording, in the open popup, every state its checklist shows (one entry per
 * change), to check later that it followed the pages live and never went back.
 */
export async function recordChecklist(popup: Page): Promise<void> {
  await popup.evaluate(() => {
    const history: string[][] = [];
    const snapshot = () => {
      const rows = [...document.querySelectorAll('li[data-step]')].map((li) => `${li.getAttribute('data-step')}:${li.getAttribute('data-state')}`);
      if (rows.length > 0 && rows.join() !== history.at(-1)?.join()) history.push(rows);
    };
    (window as unknown as { checklistHistory: string[][] }).checklistHistory = history;
    snapshot();
    new MutationObserver(snapshot).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

/** The states the popup's checklist went through since `recordChecklist`, as `step:state` rows. */
export function checklistHistory(popup: Page): Promise<string[][]> {
  return popup.evaluate(() => (window as unknown as { checklistHistory: string[][] }).checklistHistory);
}

/** Each state of the history has every step done that the one before had, and no current step further back. */
export function expectNeverWentBack(history: string[][]): void {
  const doneIn = (rows: string[]) => new Set(rows.filter((r) => r.endsWith(':done')).map((r) => r.split(':')[0]));
  const currentIn = (rows: string[]) => rows.findIndex((r) => r.endsWith(':current'));
  for (let i = 1; i < history.length; i += 1) {
    const before = history[i - 1] as string[];
    const after = history[i] as string[];
    const lost = [...doneIn(before)].filter((step) => !doneIn(after).has(step));
    expect(lost, `checklist state ${i} of ${history.length}: ${after.join(' ')}`).toEqual([]);
    const backwards = currentIn(after) !== -1 && currentIn(after) < currentIn(before);
    expect(backwards, `current step went back at state ${i}: ${after.join(' ')}`).toBe(false);
  }
}
