import { describe, expect, it } from 'vitest';
import { isQnaPage, isSettingsPage, learnPageOf, localeOfPath } from '../../src/page/learn-url.ts';
import type { LearnPage } from '../../src/page/observation.ts';

// Each detector matches its own example URLs and none of the others'.
const examples: Record<LearnPage | 'none', string[]> = {
  settings: [
    'https://learn.microsoft.com/en-us/users/me/settings/',
    'https://learn.microsoft.com/fr-fr/users/me/settings',
    'https://learn.microsoft.com/zh-hans-cn/users/me/settings/?tab=accounts#account',
    'https://learn.microsoft.com/users/me/settings/',
    // Paths are matched in lowercase: a path typed or linked in capitals is the same page.
    'https://learn.microsoft.com/EN-US/Users/Me/Settings/',
  ],
  profile: [
    'https://learn.microsoft.com/en-us/users/me/activity/',
    'https://learn.microsoft.com/fr-fr/users/me/activity',
    'https://learn.microsoft.com/de-de/users/me/',
  ],
  credentials: [
    'https://learn.microsoft.com/en-us/users/me/credentials',
    'https://learn.microsoft.com/fr-fr/users/me/credentials/',
    'https://learn.microsoft.com/en-us/users/me/achievements/credentials',
    'https://learn.microsoft.com/pt-BR/users/me/Credentials/Connect',
  ],
  other: [
    'https://learn.microsoft.com/en-us/',
    'https://learn.microsoft.com/fr-fr/training/modules/intro-to-learn-profiles/',
    'https://learn.microsoft.com/en-us/users/someone-else/settings/',
    'https://learn.microsoft.com/en-us/docs/users/me/settings/',
  ],
  none: [
    'https://learn.microsoft.com.evil.example/en-us/users/me/settings/',
    'http://learn.microsoft.com/en-us/users/me/settings/',
    'https://login.microsoftonline.com/en-us/users/me/settings/',
    'http://example.com/en-us/users/me/settings/',
  ],
};

describe('learnPageOf', () => {
  for (const [page, urls] of Object.entries(examples)) {
    for (const url of urls) {
      it(`${url} is ${page}`, () => {
        expect(learnPageOf(new URL(url)) ?? 'none').toBe(page);
      });
    }
  }

  it('isSettingsPage holds for the settings examples only', () => {
    const all = Object.values(examples).flat();
    expect(all.filter((url) => isSettingsPage(new URL(url)))).toEqual(examples.settings);
  });
});

describe('isQnaPage', () => {
  it("holds on Microsoft Q&A's pages, in any locale, and on no other Learn page", () => {
    for (const url of ['https://learn.microsoft.com/en-us/answers/tags/1307/microsoft-certification/', 'https://learn.microsoft.com/fr-fr/answers/questions/ask/?tagName=microsoft-certification'])
      expect(isQnaPage(url), url).toBe(true);
    for (const url of Object.values(examples).flat()) expect(isQnaPage(url), url).toBe(false);
  });
});

describe('localeOfPath', () => {
  it('reads the first segment, in lowercase', () => {
    expect(localeOfPath('/en-us/users/me/settings/')).toBe('en-us');
    expect(localeOfPath('/FR-FR/users/me/settings/')).toBe('fr-fr');
    expect(localeOfPath('/zh-hans-cn/')).toBe('zh-hans-cn');
  });

  it('finds none where the path has none', () => {
    expect(localeOfPath('/users/me/settings/')).toBeUndefined();
    expect(localeOfPath('/')).toBeUndefined();
  });
});
