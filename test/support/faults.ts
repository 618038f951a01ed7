import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';

/**
 * The browser misbehaving, on purpose (issue 6): the service worker stopped through the
 * DevTools protocol or cut off in the middle of a write, storage full, and a record of what
 * was injected. Plus the one check every fault test ends on: what was done stays done, with
 * the same `by` and `at`.
 */

/** The faults a test file injected, by kind; printed once per file (`[faults] ...`). */
export class FaultCount {
  private readonly counts = new Map<string, number>();

  constructor(private readonly file: string) {}

  add(kind: string, times = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + times);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  print(): void {
    const kinds = [...this.counts].map(([kind, n]) => `${kind} x${n}`).join(', ');
    console.log(`[faults] ${this.file}: ${this.total} injected (${kinds || 'none'})`);
  }
}

/**
 * Stops the extension's service worker as Chrome does when it is idle, through the DevTools
 * protocol of `page` (any page of the profile: extension workers live in its default storage
 * partition), and waits until Chrome says it is stopped. A running write is cut off.
 */
export async function stopServiceWorker(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * The extension's worker as it runs now, woken if it was stopped (a message from the
 * extension page `from`). Playwright lists a stopped worker for a while after: the live one
 * is the one that answers.
 */
export async function liveWorker(context: BrowserContext, from: Page): Promise<Worker> {
  await from.evaluate(() => chrome.runtime.sendMessage({ type: 'get-progress' }));
  for (;;) {
    const candidates = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).reverse();
    for (const worker of candidates) {
      const answered = await Promise.race([
        worker.evaluate(() => chrome.runtime.id).then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500)),
      ]);
      if (answered) return worker;
    }
    await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => undefined);
  }
}

/**
 * Makes this run of the worker hang on its next storage writes, as if the write were slow:
 * the message that asked for it has arrived and been judged, and nothing is stored yet.
 * `writesHeld` says how many are waiting. Stopping the worker then cuts the write off.
 */
export async function holdWrites(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { writesHeld?: number };
    // webextension-polyfill hands the worker Chromium's own `browser`, whose storage.local is
    // this same object.
    chrome.storage.local.set = (() => {
      scope.writesHeld = (scope.writesHeld ?? 0) + 1;
      return new Promise<void>(() => undefined);
    }) as typeof chrome.storage.local.set;
  });
}

export function writesHeld(worker: Worker): Promise<number> {
  return worker.evaluate(() => (globalThis as unknown as { writesHeld?: number }).writesHeld ?? 0);
}

/**
 * Makes this run of the worker's storage slow: each write waits `ms` before it happens, so
 * messages arriving meanwhile overlap it. `writesStarted` counts them; `restoreWrites` ends it.
 */
export async function slowWrites(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate((delay) => {
    const scope = globalThis as unknown as { writesStarted?: number; realSet?: typeof chrome.storage.local.set };
    const area = chrome.storage.local;
    scope.realSet ??= area.set;
    const set = scope.realSet.bind(area) as (items: Record<string, unknown>) => Promise<void>;
    scope.writesStarted = 0;
    area.set = ((items: Record<string, unknown>) => {
      scope.writesStarted = (scope.writesStarted ?? 0) + 1;
      return new Promise((resolve) => setTimeout(resolve, delay)).then(() => set(items));
    }) as typeof chrome.storage.local.set;
  }, ms);
}

export function writesStarted(worker: Worker): Promise<number> {
  return worker.evaluate(() => (globalThis as unknown as { writesStarted?: number }).writesStarted ?? 0);
}

export async function restoreWrites(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const { realSet } = globalThis as unknown as { realSet?: typeof chrome.storage.local.set };
    if (realSet) chrome.storage.local.set = realSet;
  });
}

/** Counts, in this run of the worker, the writes storage refuses (`writesRefused`). */
export async function countRefusedWrites(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { writesRefused?: number };
    scope.writesRefused = 0;
    const area = chrome.storage.local;
    const set = area.set.bind(area) as (items: Record<string, unknown>) => Promise<void>;
    area.set = ((items: Record<string, unknown>) =>
      set(items).catch((error: unknown) => {
        scope.writesRefused = (scope.writesRefused ?? 0) + 1;
        throw error;
      })) as typeof chrome.storage.local.set;
  });
}

export function writesRefused(worker: Worker): Promise<number> {
  return worker.evaluate(() => (globalThis as unknown as { writesRefused?: number }).writesRefused ?? 0);
}

/**
 * Fills chrome.storage.local up to its quota (10 MB: the extension has no unlimitedStorage)
 * with one filler item, from the extension page `from`: any write that grows what is stored
 * is then refused with Chrome's "quota exceeded". Returns the quota.
 */
export async function fillStorage(from: Page): Promise<number> {
  return from.evaluate(async () => {
    const area = chrome.storage.local;
    for (let attempt = 1; ; attempt += 1) {
      const used = await area.getBytesInUse(null);
      // Chrome counts a key's length plus its value's JSON: the filler's quotes are 2 bytes.
      const room = area.QUOTA_BYTES - used - 'test-filler'.length - 2;
      // A write of the worker's between the count and the fill: count again.
      const filled = await area.set({ 'test-filler': 'x'.repeat(room) }).then(
        () => true,
        (error: unknown) => {
          if (attempt >= 5) throw error;
          return false;
        },
      );
      if (filled) return area.QUOTA_BYTES;
    }
  });
}

export async function freeStorage(from: Page): Promise<void> {
  await from.evaluate(() => chrome.storage.local.remove('test-filler'));
}

/** What the extension keeps in storage, read from one of its pages (no need of the worker). */
export function readStored(from: Page): Promise<StoredProgress> {
  return from.evaluate(() => chrome.storage.local.get(['aligner', 'aligner-directive'])) as Promise<StoredProgress>;
}

export interface StepDone {
  by: 'page' | 'person';
  at: number;
}

export interface StoredProgress {
  aligner?: { schema: number; path: string | null; done: Record<string, Record<string, StepDone>>; notice: unknown };
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

/** A copy of the built extension (dist/chrome) in a temporary folder, to update in place. */
export function copyOfExtension(built: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aligner-extension-'));
  cpSync(built, dir, { recursive: true });
  return dir;
}

/**
 * Chromium 156 disables an unpacked extension reloaded while developer mode is off
 * ("unsupportedDeveloperExtension"); one loaded with --load-extension is not reloaded
 * otherwise. A person loading it unpacked has developer mode on; so does this profile.
 */
export async function turnOnDeveloperMode(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(() =>
    (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } }).developerPrivate.updateProfileConfiguration({
      inDeveloperMode: true,
    }),
  );
  await page.close();
}

export interface Update {
  /** chrome.runtime.onInstalled's details in the updated worker. */
  installed: { reason: string; previousVersion?: string };
  worker: Worker;
}

/**
 * Updates the extension loaded from `dir` as the store would: the copy gets a new version
 * (and, as instrumentation, a listener recording onInstalled's details in storage.session),
 * then chrome.runtime.reload() from the running worker loads it. Extension pages open
 * before (the popup) are closed by Chrome; content scripts in open Learn tabs are orphaned.
 */
export async function updateExtension(context: BrowserContext, dir: string, version: string): Promise<Update> {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2));
  appendFileSync(
    join(dir, 'background.js'),
    `\nchrome.runtime.onInstalled.addListener((details) => chrome.storage.session.set({ "test-installed": details }));\n`,
  );
  const old = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).at(-1);
  if (!old) throw new Error('No extension worker to update from');
  const next = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 });
  // The worker goes with the reload: its answer may never come.
  void old.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 0)).catch(() => undefined);
  const worker = await next;
  let installed: Update['installed'] | undefined;
  await expect
    .poll(
      async () => {
        installed = ((await worker.evaluate(() => chrome.storage.session.get('test-installed'))) as { 'test-installed'?: Update['installed'] })['test-installed'];
        return installed !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return { installed: installed as Update['installed'], worker };
}
