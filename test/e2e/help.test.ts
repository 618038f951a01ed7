import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { messageKey, pathIds, stepsOf } from '../../src/guide/procedure.ts';
import { describeViolations, runAxe } from '../support/axe.ts';
import { Rig } from '../support/rig.ts';

/**
 * The help page (help.html, the extension's options page), as a person opens it from the
 * popup, in English and in French: its sections, the paths and risks, Microsoft's pages in
 * Learn's locale of the language shown, every text translated, no axe violation in light and
 * dark, and usable by keyboard. A11Y_SCREENSHOTS=DIR also saves the whole page as shown.
 */

type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string): Messages => JSON.parse(readFileSync(join('_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = messagesOf('en');
/** A message as chrome.i18n gives it, placeholders filled in order. */
const say = (messages: Messages, key: string, ...substitutions: string[]): string => {
  const text = messages[key]?.message;
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\$P(\d)\$/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
};

const screenshotDir = process.env.A11Y_SCREENSHOTS;
if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

const cases = [
  { language: 'en', learnLocale: 'en-us' },
  { language: 'fr', learnLocale: 'fr-fr' },
] as const;

describe.each(cases)('the help page in $language', ({ language, learnLocale }) => {
  const messages = messagesOf(language);
  const m = (key: string, ...substitutions: string[]) => say(messages, key, ...substitutions);
  let rig: Rig;
  let help: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    rig = await Rig.start({ locale: language });
    // Opened from the popup, as a person would: its Help link, in a new tab.
    const popup = await rig.openPopup();
    const link = popup.getByRole('link', { name: m('help'), exact: true });
    await link.waitFor();
    const [opened] = await Promise.all([rig.context.waitForEvent('page'), link.click()]);
    help = opened;
    help.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    help.on('pageerror', (error) => problems.push(error.message));
    await help.waitForLoadState('load');
    await help.locator('[data-path]').first().waitFor();
    await popup.close();
  });
  afterAll(async () => rig?.close());

  it("is the extension's help.html, opened from the popup's Help link, with no error (a CSP refusal would be one)", async () => {
    expect(help.url()).toBe(`chrome-extension://${rig.extensionId}/help.html`);
    await help.reload();
    await help.locator('[data-path]').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('speaks its language: <html lang> and the title', async () => {
    expect(await help.evaluate(() => document.documentElement.lang)).toBe(m('lang'));
    expect(await help.title()).toBe(m('helpTitle'));
    expect(await help.locator('h1').textContent()).toBe(m('helpTitle'));
  });

  it('has its sections, each named in the contents and by its heading', async () => {
    const sections = {
      what: 'helpWhatHeading',
      profiles: 'helpProfilesHeading',
      paths: 'helpPathsHeading',
      risks: 'helpRisksHeading',
      microsoft: 'helpMicrosoftHeading',
      report: 'helpReportHeading',
    };
    const headings = await help.locator('main > section').evaluateAll((all) =>
      all.map((section) => [section.id, section.querySelector('h2')?.textContent, section.getAttribute('aria-labelledby') === section.querySelector('h2')?.id]),
    );
    expect(headings).toEqual(Object.entries(sections).map(([id, key]) => [id, m(key), true]));
    const contents = await help.locator('nav a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(contents).toEqual(Object.entries(sections).map(([id, key]) => [`#${id}`, m(key)]));
  });

  it('says what the extension does and does not do, the two profiles and why they must match', async () => {
    const what = await help.locator('#what').textContent();
    for (const key of ['helpWhatReads', 'helpWhatShows', 'helpWhatKeeps', 'helpNotClick', 'helpNotDecide']) expect(what).toContain(m(key));
    // "Start over" named as the popup names it.
    expect(what).toContain(m('helpNotSend', m('reset')));
    const profiles = await help.locator('#profiles dt').allTextContents();
    expect(profiles).toEqual([m('helpLearnProfile'), m('helpCertProfile')]);
    expect(await help.locator('#profiles').textContent()).toContain(m('helpWhyMatch'));
  });

  it("shows every path of the procedure as the popup names it, with its steps and risks, each risk explained", async () => {
    const shown = await help.locator('#paths [data-path]').evaluateAll((articles) =>
      articles.map((article) => ({
        path: article.getAttribute('data-path'),
        name: article.querySelector('h3')?.firstChild?.textContent,
        summary: article.querySelector('p')?.textContent,
        steps: [...article.querySelectorAll('ol li')].map((li) => li.textContent),
        risks: [...article.querySelectorAll('ul a')].map((a) => a.getAttribute('href')),
      })),
    );
    expect(shown.map((p) => p.path)).toEqual([...pathIds]);
    for (const path of shown) {
      const id = path.path as (typeof pathIds)[number];
      expect(path.name).toBe(m(messageKey('path', id)));
      expect(path.summary).toBe(m(messageKey('pathHelp', id)));
      expect(path.steps).toEqual(stepsOf(id).map((step) => m(messageKey('step', step.id)) + (step.optional ? ` (${m('optional')})` : '')));
      expect(path.risks.length, `${id}: its risks`).toBeGreaterThan(0);
    }
    const risksOf = (path: string) => shown.find((p) => p.path === path)?.risks;
    // The risks the issue names, on the paths that carry them.
    expect(risksOf('has-aad')).toEqual(['#risk-wrong-account', '#risk-signed-in-account', '#risk-last-account', '#risk-merge', '#risk-work-account']);
    expect(risksOf('add-aad')).toEqual(risksOf('has-aad'));
    expect(risksOf('recommended')).toEqual(['#risk-wait']);
    expect(risksOf('new-profile')).toEqual(['#risk-fresh-start']);
    // Every risk a path points at is explained in the risks section, by the same name.
    const explained = await help.locator('#risks dt').evaluateAll((terms) =>
      terms.map((dt) => [`#${dt.id}`, dt.textContent, dt.nextElementSibling?.tagName, dt.nextElementSibling?.textContent?.length ?? 0]),
    );
    for (const href of new Set(shown.flatMap((p) => p.risks))) {
      const entry = explained.find(([id]) => id === href);
      expect(entry, href ?? '').toBeDefined();
      expect(entry?.[2]).toBe('DD');
      expect(entry?.[3]).toBeGreaterThan(40);
    }
    const riskNames = explained.map(([, name]) => name);
    expect(riskNames).toEqual(expect.arrayContaining([m('helpRisk_wrong_account'), m('helpRisk_last_account'), m('helpRisk_signed_in_account'), m('helpRisk_merge'), m('helpRisk_work_account')]));
  });

  it(`links to Microsoft's two pages in ${learnLocale} and to the support forum the popup opens`, async () => {
    const links = await help.locator('#microsoft a').evaluateAll((all) => all.map((a) => [(a as HTMLAnchorElement).href, a.textContent]));
    expect(links).toEqual([
      [`https://learn.microsoft.com/${learnLocale}/certifications/connect-cert-profile-to-learn`, m('helpLinkConnect')],
      [`https://learn.microsoft.com/${learnLocale}/training/support/learn-profile-manage`, m('helpLinkManage')],
      ['https://aka.ms/mcpforum', m('helpLinkForum')],
    ]);
  });

  it("says how to send a page report: the popup's button by its name, what it holds, where it goes", async () => {
    const report = await help.locator('#report').textContent();
    expect(report).toContain(m('helpReportCopy', m('copyPageReport')));
    for (const key of ['helpReportWhen', 'helpReportOpen', 'helpReportPaste', 'helpReportWhat']) expect(report).toContain(m(key));
    expect(report).toContain('<address>');
  });

  it('shows every text translated: no message key, no empty text, nothing left in English', async () => {
    const texts = await help.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) found.push(node.textContent.trim());
      return found;
    });
    // chrome.i18n gives nothing for a missing key and the page shows the key instead.
    const keys = new Set(Object.keys(english));
    expect(texts.filter((text) => keys.has(text))).toEqual([]);
    expect(await help.locator('[data-msg]:empty, h3:empty, dd:empty, li:empty').count()).toBe(0);
    if (language !== 'en') {
      const englishHelp = Object.entries(english)
        .filter(([key, entry]) => key.startsWith('help') && entry.message !== messages[key]?.message)
        .map(([, entry]) => entry.message.replace(/\$P\d\$/g, '').slice(0, 30));
      const page = texts.join('\n');
      expect(englishHelp.filter((text) => page.includes(text))).toEqual([]);
    }
  });

  it.each(['light', 'dark'] as const)('axe finds no violation, in %s, every step list open', async (scheme) => {
    await help.emulateMedia({ colorScheme: scheme });
    await help.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const run = await runAxe(help);
    expect(describeViolations(run.violations)).toEqual([]);
    expect(run.rules).toBeGreaterThan(20);
    if (screenshotDir) await help.screenshot({ path: join(screenshotDir, `help-${language}-${scheme}.png`), fullPage: true });
    await help.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
  });

  it('works by keyboard: Tab reaches the contents first, a step list opens with Enter, a risk link leads to its risk', async () => {
    await help.emulateMedia({ colorScheme: 'light' });
    await help.reload();
    await help.locator('[data-path]').first().waitFor();
    await help.keyboard.press('Tab');
    expect(await help.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#what');
    const focusDrawn = () => help.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle !== 'none');
    expect(await focusDrawn()).toBe(true);
    const steps = help.locator('[data-path="has-aad"] summary');
    for (let presses = 0; presses < 40 && !(await steps.evaluate((s) => s === document.activeElement)); presses += 1) {
      await help.keyboard.press('Tab');
      expect(await focusDrawn()).toBe(true);
    }
    await help.keyboard.press('Enter');
    expect(await help.locator('[data-path="has-aad"] details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await help.keyboard.press('Tab'); // the first risk link of has-aad
    expect(await help.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#risk-wrong-account');
    await help.keyboard.press('Enter');
    await help.waitForFunction(() => location.hash === '#risk-wrong-account');
    expect(await help.locator('#risk-wrong-account').isVisible()).toBe(true);
  });

  if (language === 'en') {
    it("is the extension's options page too: the browser opens it in a tab", async () => {
      await help.close(); // an options page already open would only be brought forward
      await rig.serviceWorker().evaluate(() => chrome.runtime.openOptionsPage());
      // In a new tab, or in the empty tab the browser started with (no "page" event then).
      const helpUrl = `chrome-extension://${rig.extensionId}/help.html`;
      await expect.poll(() => rig.context.pages().some((page) => page.url() === helpUrl)).toBe(true);
      const opened = rig.context.pages().find((page) => page.url() === helpUrl) as Page;
      await opened.locator('h1').filter({ hasText: m('helpTitle') }).waitFor();
    });
  }
});
