import type { BrowserContext, Page, Worker } from 'playwright-core';

/**
 * The browser misbehaving, on purpose (issue 6): the service worker stopped through the
 * DevTools protocol, its writes held (then cut off), slowed or counted when refused, storage
 * filled to its quota; and a count of what was injected. What the tests check after them is
 * in stored-done.ts; an extension update, in extension-update.ts.
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
  for (let round = 1; round <= 5; round += 1) {
    const candidates = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).reverse();
    for (const worker of candidates) {
      const answered = await Promise.race([
        worker.evaluate(() => chrome.runtime.id).then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000)),
      ]);
      if (answered) return worker;
    }
    await context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => undefined);
  }
  throw new Error('The extension worker does not answer');
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
