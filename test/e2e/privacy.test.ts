import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { storedLearn } from '../../src/page/learn-words.ts';
import { startReplica } from '../fixtures/replica/index.ts';
import { launchChromium } from '../support/chromium.ts';
import { addAccount, connectCertification, openSettings, removeAccount, signInAs, signOut } from '../support/learn-actions.ts';
import { Rig } from '../support/rig.ts';

/**
 * Privacy (issue 6, item 5): a whole has-aad walk on the replica, once without the extension
 * and once with it, every request the browser makes recorded. The extension's own contexts
 * (its pages, its worker) make no network request; Learn's pages make none with it that they
 * do not make without it (the content script runs in the page's network); the addresses it
 * reads stay in chrome.storage.local, and "Start over" leaves none behind.
 */

const learner = 'learner@outlook.com';
const contoso = 'ana@contoso.com';
const certMsa = 'cert.ana@hotmail.com';

interface Recorded {
  method: string;
  url: string;
  /** The page or worker the request came from. */
  from: string;
}

function recordRequests(context: BrowserContext): Recorded[] {
  const seen: Recorded[] = [];
  const fromOf = (request: Request) => {
    const worker = request.serviceWorker();
    if (worker) return worker.url();
    try {
      return request.frame().url();
    } catch {
      return '(no frame)';
    }
  };
  // Pages and, in Chromium, service workers (extension workers included) report here.
  context.on('request', (request) => void seen.push({ method: request.method(), url: request.url(), from: fromOf(request) }));
  return seen;
}

const isNetwork = (url: string) => /^(https?|wss?|ftp):/i.test(url);
const isExtension = (url: string) => url.startsWith('chrome-extension://');

/** What a Learn page shows of addresses in its document (a shadow root's content is not in it), and what it was told. */
async function addressesShown(page: Page): Promise<{ shown: string[]; ours: string[]; messages: number }> {
  return page.evaluate(() => {
    const found = (html: string) => html.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [];
    // The page's document as the page made it: without our host and the attributes we set.
    const own = document.documentElement.cloneNode(true) as Element;
    own.querySelectorAll('[id="learn-account-aligner"]').forEach((host) => host.remove());
    own.querySelectorAll('[data-aligner-step]').forEach((e) => e.removeAttribute('data-aligner-step'));
    const full = found(document.documentElement.outerHTML);
    const left = found(own.outerHTML);
    // Counted, not just listed: repeating an address the page shows is still ours.
    const count = (list: string[], a: string) => list.filter((b) => b === a).length;
    return {
      shown: [...new Set(full)].sort(),
      ours: [...new Set(full)].filter((a) => count(full, a) > count(left, a)),
      messages: (window as unknown as { messagesSeen?: number }).messagesSeen ?? 0,
    };
  });
}

/** What Learn's origin keeps in the browser: web storage, IndexedDB, cookies. */
async function learnOriginStorage(page: Page, context: BrowserContext): Promise<unknown> {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.entries(localStorage),
    sessionStorage: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
  }));
  const cookies = (await context.cookies('https://learn.microsoft.com')).map((c) => `${c.name}=${c.value}`).sort();
  return { ...inPage, cookies };
}

interface WalkRecord {
  requests: Recorded[];
  checkpoints: Record<string, string[]>;
  /** Per checkpoint, addresses in our host and the attributes we set on the page (none, or a leak). */
  added: Record<string, string[]>;
  messages: number;
  learnStorage: unknown;
  seconds: number;
}

/**
 * has-aad from the Learn profile's MSA to a connected Certification profile, by the test's own
 * hands (the same with or without the extension); `checkpoint` after each step.
 */
async function walkHasAad(page: Page, checkpoint: (name: string) => Promise<void>, afterFirstSettings?: () => Promise<void>): Promise<void> {
  const settled = async (name: string) => {
    await page.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
    await checkpoint(name);
  };
  await openSettings(page, 'en-us');
  await settled('settings as learner');
  await afterFirstSettings?.();
  await signOut(page);
  await settled('signed out');
  await signInAs(page, contoso);
  await settled('signed in with the work account');
  await openSettings(page, 'en-us');
  await settled('settings as the work account');
  await removeAccount(page, learner);
  await settled('personal account removed');
  await addAccount(page, certMsa);
  await settled('Certification MSA added');
  await signOut(page);
  await settled('signed out again');
  await signInAs(page, certMsa);
  await settled('signed in with the Certification MSA');
  await connectCertification(page, 'en-us');
  await settled('connected');
}

const countMessages = () =>
  window.addEventListener('message', () => {
    const w = window as unknown as { messagesSeen?: number };
    w.messagesSeen = (w.messagesSeen ?? 0) + 1;
  });

describe('privacy on a whole has-aad walk', () => {
  let baseline: WalkRecord;
  let ours: WalkRecord;
  let rig: Rig;
  let learn: Page;
  afterAll(async () => rig?.close());

  it('walks has-aad without the extension: what Learn itself requests and shows', async () => {
    const started = Date.now();
    const replica = await startReplica({ scenario: 'has-aad' });
    const browser = await launchChromium({ replicaPort: replica.port });
    try {
      await browser.context.addInitScript(countMessages);
      const requests = recordRequests(browser.context);
      const page = await browser.context.newPage();
      const checkpoints: Record<string, string[]> = {};
      let messages = 0;
      await walkHasAad(page, async (name) => {
        const seen = await addressesShown(page);
        checkpoints[name] = seen.shown;
        messages += seen.messages;
      });
      baseline = { requests, checkpoints, added: {}, messages, learnStorage: await learnOriginStorage(page, browser.context), seconds: (Date.now() - started) / 1000 };
    } finally {
      await browser.close();
      await replica.close();
    }
    expect(baseline.requests.length).toBeGreaterThan(20);
  }, 90_000);

  it("sees the extension's own requests when there are some (a canary from its worker and its popup)", async () => {
    rig = await Rig.start({ scenario: 'has-aad' });
    const requests = recordRequests(rig.context);
    await rig.serviceWorker().evaluate(() => fetch('https://learn.microsoft.com/_canary/worker').catch(() => undefined));
    const popup = await rig.openPopup();
    await popup.evaluate(() => fetch('https://learn.microsoft.com/_canary/popup').catch(() => undefined));
    await expect
      .poll(() => requests.filter((r) => r.url.includes('/_canary/') && isExtension(r.from)).map((r) => new URL(r.from).pathname))
      .toEqual(expect.arrayContaining(['/background.js', '/popup.html']));
    await popup.close();
  });

  it('walks it with the extension guiding, to the end', async () => {
    const started = Date.now();
    await rig.context.addInitScript(countMessages);
    const requests = recordRequests(rig.context);
    learn = await rig.context.newPage();
    const checkpoints: Record<string, string[]> = {};
    const added: Record<string, string[]> = {};
    let messages = 0;
    let popup: Page | undefined;
    await walkHasAad(
      learn,
      async (name) => {
        const seen = await addressesShown(learn);
        checkpoints[name] = seen.shown;
        added[name] = seen.ours;
        messages += seen.messages;
      },
      async () => {
        // The person starts the path in the popup, which stays open beside the page.
        popup = await rig.openPopup();
        await popup.locator('[data-path="has-aad"].suggested').click();
        await popup.getByTestId('step-count').waitFor();
        await learn.bringToFront(); // a tab behind another gets few frames: slow clicks
      },
    );
    // The extension really followed the walk: every step was checked off from the page.
    await expect
      .poll(async () => Object.keys(((await rig.stored()) as { aligner: { done: Record<string, object> } }).aligner.done['has-aad'] ?? {}))
      .toContain('connect-cert');
    await popup?.close();
    ours = { requests, checkpoints, added, messages, learnStorage: await learnOriginStorage(learn, rig.context), seconds: (Date.now() - started) / 1000 };
  }, 90_000);

  it("makes no network request from the extension's pages or worker, and no extra one from Learn's pages", () => {
    const fromExtension = ours.requests.filter((r) => isExtension(r.from) || isExtension(r.url));
    const extensionNetwork = fromExtension.filter((r) => isNetwork(r.url));
    expect(extensionNetwork).toEqual([]);
    const pageRequests = (walk: WalkRecord) => new Set(walk.requests.filter((r) => !isExtension(r.from) && !isExtension(r.url)).map((r) => `${r.method} ${r.url}`));
    const without = pageRequests(baseline);
    const withIt = pageRequests(ours);
    expect([...withIt].filter((r) => !without.has(r))).toEqual([]);
    console.log(
      `requests: without the extension ${baseline.requests.length} (${without.size} distinct), with it ${ours.requests.length}: ` +
        `from Learn's pages ${ours.requests.length - fromExtension.length} (${withIt.size} distinct, none new), ` +
        `from the extension's pages and worker ${fromExtension.length} (its own files), network ${extensionNetwork.length}; ` +
        `walk ${baseline.seconds.toFixed(1)} s without, ${ours.seconds.toFixed(1)} s with`,
    );
  });

  it('shows no address in the page beyond what Learn shows, and tells the page nothing', () => {
    // Our host and the attributes we set on the page carry no address...
    expect(Object.entries(ours.added).filter(([, addresses]) => addresses.length > 0)).toEqual([]);
    // ...and the page shows the addresses it shows without us, step by step.
    expect(ours.checkpoints).toEqual(baseline.checkpoints);
    expect(Object.values(ours.checkpoints).flat()).toContain(certMsa); // the comparison saw addresses
    expect({ with: ours.messages, without: baseline.messages }).toEqual({ with: 0, without: 0 });
  });

  it('keeps addresses in chrome.storage.local only', async () => {
    const areas = await rig.serviceWorker().evaluate(async () => ({
      local: Object.keys(await chrome.storage.local.get(null)).sort(),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
    }));
    expect(areas).toEqual({ local: ['aligner', 'aligner-directive', 'aligner-learn'], sync: {}, session: {} });
    expect(JSON.stringify(await rig.stored())).toContain(contoso); // it is where the addresses are
    // Learn's origin holds what it holds without the extension (its own session cookie).
    expect(ours.learnStorage).toEqual(baseline.learnStorage);
    // The extension's own origin: nothing besides chrome.storage.
    const popup = await rig.openPopup();
    const extensionOrigin = await popup.evaluate(async () => ({
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      cookies: document.cookie,
    }));
    expect(extensionOrigin).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: 0, caches: 0, cookies: '' });
    await popup.close();
  });

  it('leaves no address behind after "Start over", with Learn still open', async () => {
    const popup = await rig.openPopup();
    await popup.getByRole('button', { name: 'Start over' }).click();
    await popup.getByRole('button', { name: 'Forget everything' }).click();
    await popup.locator('[data-path="recommended"]').waitFor();
    const { 'aligner-learn': learned, ...stored } = (await rig.stored()) as { aligner: Record<string, unknown>; 'aligner-directive': unknown; 'aligner-learn': unknown };
    expect(stored['aligner-directive']).toBeNull();
    expect(stored.aligner).toMatchObject({ path: null, done: {}, certMsa: null, world: { lastObservation: null, accounts: null, kinds: {}, learnMsa: null, newMsa: null } });
    expect(JSON.stringify(stored)).not.toMatch(/@/);
    // Beside it, only what the extension knows of Learn's pages, the same for everyone.
    expect(learned).toEqual(storedLearn);
    expect(await popup.locator('body').innerText()).not.toMatch(/@/);
    const areas = await rig.serviceWorker().evaluate(async () => [await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]);
    expect(areas).toEqual([{}, {}]);
    expect(learn.url()).toContain('/users/me/credentials');
    await popup.close();
  });
});
