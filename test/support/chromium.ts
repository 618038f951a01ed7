import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where the tests and the demo look for a browser: Debian's Chromium unless told otherwise. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails loudly, with the fix, when there is no browser: tests never skip for want of one. */
export function assertChromiumInstalled(): void {
  if (existsSync(chromiumPath)) return;
  throw new Error(
    `No Chromium at ${chromiumPath}. The end-to-end tests and the demo drive a real browser.\n` +
      `Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary.`,
  );
}

export interface LaunchOptions {
  /** Port of the Learn replica; learn.microsoft.com and login.microsoftonline.com resolve to it. */
  replicaPort: number;
  /**
   * Unpacked extension folder to load (dist/chrome), or several (a test's own probe
   * extension beside ours); none for replica-only runs.
   */
  extensionDir?: string | readonly string[];
  /** Profile folder; kept by the caller to restart the browser on the same profile. */
  userDataDir?: string;
  /** Browser UI language, e.g. 'fr' (drives chrome.i18n and navigator.language). */
  locale?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
}

export interface LaunchedChromium {
  context: BrowserContext;
  userDataDir: string;
  /** Closes the browser; removes the profile folder only if this launch created it. */
  close(): Promise<void>;
}

/** The flags of DESIGN.md: Learn's hosts go to the replica, nothing else leaves the machine. */
export function chromiumArgs(options: LaunchOptions): string[] {
  const map = `127.0.0.1:${options.replicaPort}`;
  const args = [
    `--host-resolver-rules=MAP learn.microsoft.com ${map}, MAP login.microsoftonline.com ${map}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (options.extensionDir) {
    // Both flags take a comma-separated list.
    const dirs = [options.extensionDir].flat().join(',');
    args.push(`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`);
  }
  if (options.locale) args.push(`--lang=${options.locale}`);
  return args;
}

export async function launchChromium(options: LaunchOptions): Promise<LaunchedChromium> {
  assertChromiumInstalled();
  const ownDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'aligner-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    args: chromiumArgs(options),
    // Playwright disables extensions by default; the extension is the thing under test.
    ignoreDefaultArgs: options.extensionDir ? ['--disable-extensions'] : [],
    locale: options.locale,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
