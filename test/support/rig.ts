import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startReplica, type Replica, type Scenario } from '../fixtures/replica/index.ts';
import { launchChromium, type LaunchedChromium } from './chromium.ts';

export const extensionDir = resolve('dist/chrome');

/** Our worker's script, as the built manifest names it: tells it from another extension's worker. */
const workerScript = () =>
  (JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as { background: { service_worker: string } }).background
    .service_worker;
const isOurWorker = (worker: Worker) => {
  const url = new URL(worker.url());
  return url.protocol === 'chrome-extension:' && url.pathname === `/${workerScript()}`;
};

export interface RigOptions {
  scenario?: Scenario | string;
  /** Browser UI language ('en', 'fr'). */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  headless?: boolean;
  /** Other unpacked extensions loaded beside ours (a test's probe extension). */
  otherExtensions?: string[];
  /** Ours, from another folder than dist/chrome: a copy lets a test update it in place. */
  extensionDir?: string;
}

/**
 * The built extension in Debian's Chromium, with learn.microsoft.com and
 * login.microsoftonline.com served by the replica. One per test file; `restart()` closes
 * and reopens the browser on the same profile, as a person restarting it.
 */
export class Rig {
  private constructor(
    readonly replica: Replica,
    private browser: LaunchedChromium,
    private worker: Worker,
    private readonly options: RigOptions,
    /** Owned by the rig, so a restart finds the same profile, extension storage included. */
    private readonly userDataDir: string,
  ) {}

  static async start(options: RigOptions = {}): Promise<Rig> {
    const replica = await startReplica({ scenario: options.scenario ?? 'has-aad' });
    const userDataDir = mkdtempSync(join(tmpdir(), 'aligner-profile-'));
    try {
      const browser = await launch(replica, options, userDataDir);
      const worker = await serviceWorkerOf(browser.context);
      return new Rig(replica, browser, worker, options, userDataDir);
    } catch (error) {
      await replica.close();
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  get context(): BrowserContext {
    return this.browser.context;
  }

  /** The extension's id, read from its service worker's URL. */
  get extensionId(): string {
    return new URL(this.worker.url()).host;
  }

  /** A new tab on a Learn page of the replica, e.g. `/en-us/users/me/settings/`. */
  async openLearn(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.replica.url(path));
    return page;
  }

  /** The popup, opened in a tab as `chrome-extension://<id>/popup.html`. */
  async openPopup(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return page;
  }

  /** What the extension keeps in browser.storage.local, read through its own worker. */
  async stored(): Promise<Record<string, unknown>> {
    return this.serviceWorker().evaluate(() => chrome.storage.local.get(null));
  }

  /** Writes storage as an older version or a broken write would have left it. */
  async writeStored(items: Record<string, unknown>): Promise<void> {
    await this.serviceWorker().evaluate((values) => chrome.storage.local.set(values), items);
  }

  serviceWorker(): Worker {
    return this.context.serviceWorkers().find(isOurWorker) ?? this.worker;
  }

  /** Closes the browser and starts it again on the same profile folder. */
  async restart(): Promise<void> {
    await this.browser.close();
    this.browser = await launch(this.replica, this.options, this.userDataDir);
    this.worker = await serviceWorkerOf(this.browser.context);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.replica.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

function launch(replica: Replica, options: RigOptions, userDataDir: string): Promise<LaunchedChromium> {
  return launchChromium({
    replicaPort: replica.port,
    extensionDir: [options.extensionDir ?? extensionDir, ...(options.otherExtensions ?? [])],
    userDataDir,
    locale: options.locale,
    colorScheme: options.colorScheme,
    headless: options.headless,
  });
}

async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find(isOurWorker);
  if (running) return running;
  return context.waitForEvent('serviceworker', {
    predicate: isOurWorker,
    timeout: 15_000,
  });
}
