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
export async function expectProgress(popup: Page, done: string[], current: string | null): Promise<void> {
  await expect
    .poll(
      async () => {
        const rows = await readChecklist(popup);
        return {
          done: rows.filter((r) => r.state === 'done').map((r) => `${r.step}:${r.doneBy}`),
          current: rows.find((r) => r.state === 'current')?.step ?? null,
        };
      },
      { timeout: 10_000 },
    )
    .toEqual({ done, current });
}
