import type { Page } from 'playwright-core';

/**
 * What a person does on the replica's Learn pages, by the replica's own markup. These are the
 * test's hands, not the extension's: the extension never clicks.
 */

export async function openAccountMenu(page: Page): Promise<void> {
  const menu = page.locator('details[data-bi-name="site-header-user"]');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await page.locator('summary[data-bi-name="site-header-user-avatar"]').click();
  }
}

export async function signOut(page: Page): Promise<void> {
  await openAccountMenu(page);
  await page.locator('a.docs-sign-out').click();
  await page.locator('a.docs-sign-in').waitFor();
}

/** Sign in through the account picker on login.microsoftonline.com, choosing `address`. */
export async function signInAs(page: Page, address: string): Promise<void> {
  await page.locator('a.docs-sign-in').first().click();
  await pickAccount(page, address);
  await page.waitForFunction(() => document.documentElement.dataset.authStatusDetermined === 'true');
}

export async function pickAccount(page: Page, address: string): Promise<void> {
  await page.waitForURL(/login\.microsoftonline\.com/);
  await page.getByText(address, { exact: true }).click();
  await page.waitForURL((url) => url.host === 'learn.microsoft.com');
}

export async function openSettings(page: Page, locale: string): Promise<void> {
  await page.goto(`https://learn.microsoft.com/${locale}/users/me/settings/`);
  await page.locator('[data-bi-name="add-account"]').waitFor();
}

export async function removeAccount(page: Page, address: string): Promise<void> {
  await page.locator('li', { hasText: address }).locator('[data-bi-name="remove-account"]').click();
  await page.locator('[data-bi-name="confirm-remove-account"]').click();
  await page.locator('li', { hasText: address }).waitFor({ state: 'detached' });
}

export async function addAccount(page: Page, address: string): Promise<void> {
  await page.locator('[data-bi-name="add-account"]').click();
  await pickAccount(page, address);
  await page.locator('li', { hasText: address }).waitFor();
}

export async function connectCertification(page: Page, locale: string): Promise<void> {
  await page.goto(`https://learn.microsoft.com/${locale}/users/me/credentials`);
  await page.locator('[data-bi-name="connect-certification-profile"]').click();
  await page.waitForLoadState();
}
