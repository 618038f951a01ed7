import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * "No step repeated", checked precisely: every step once done stays done with the same `by`
 * and `at`, whatever fault came between; read from the extension's own pages, which need no
 * worker.
 */

/** What the extension keeps in storage, read from one of its pages (no need of the worker). */
export function readStored(from: Page): Promise<StoredProgress> {
  return from.evaluate(() => chrome.storage.local.get(['aligner', 'aligner-directive'])) as Promise<StoredProgress>;
}

export interface StepDone {
  by: 'page' | 'person';
  at: number;
}

export interface StoredProgress {
  aligner?: { schema: number; path: string | null; done: Record<string, Record<string, StepDone>>; certMsa: string | null; notice: unknown };
  'aligner-directive'?: { action: { step: string } } | null;
}

/**
 * "No step repeated": every step once seen done stays done with the same `by` and `at`,
 * whatever fault came between. `check` takes what is stored now, fails on a step lost or
 * done again, and learns the new ones.
 */
export class DoneLedger {
  private readonly kept: Record<string, StepDone> = {};

  constructor(private readonly path: string) {}

  check(stored: StoredProgress, context = ''): Record<string, StepDone> {
    const done = stored.aligner?.done[this.path] ?? {};
    for (const [step, record] of Object.entries(this.kept)) {
      expect(done[step], `${step} stays done as it was ${context}`).toEqual(record);
    }
    Object.assign(this.kept, done);
    return done;
  }

  /** A step done when it was first seen done; the test may also know it from before. */
  knows(step: string, record: StepDone): void {
    this.kept[step] = record;
  }
}

/**
 * Records, in the extension page `on`, every value of the progress's `done` that storage
 * takes from now on (storage.onChanged): checked by `expectNoStepRedone`, it catches a step
 * lost and done again between two checks, which a check now and then would miss.
 */
export async function recordStoredDone(on: Page): Promise<void> {
  await on.evaluate(() => {
    const history: unknown[] = [];
    (window as unknown as { storedDone: unknown[] }).storedDone = history;
    chrome.storage.onChanged.addListener((changes, area) => {
      const value = changes.aligner?.newValue as { done?: unknown } | undefined;
      if (area === 'local' && value) history.push(value.done);
    });
  });
}

/** Over every value recorded: a step once done stays done with the same `by` and `at`. */
export async function expectNoStepRedone(on: Page, path: string): Promise<number> {
  const history = await on.evaluate(() => (window as unknown as { storedDone: Array<Record<string, Record<string, StepDone>>> }).storedDone);
  const first: Record<string, StepDone> = {};
  for (const [i, done] of history.entries()) {
    const steps = done[path] ?? {};
    for (const [step, record] of Object.entries(first)) {
      expect(steps[step], `${step} in stored value ${i + 1} of ${history.length}`).toEqual(record);
    }
    for (const [step, record] of Object.entries(steps)) first[step] ??= record;
  }
  return history.length;
}
