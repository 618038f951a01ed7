import { beforeAll, describe, expect, it, vi } from 'vitest';

/** Links to Learn before any Learn page was seen go to Learn in the browser's language. */
describe('learnLocale', () => {
  let learnLocale: (language?: string) => string;
  beforeAll(async () => {
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'en-US', getMessage: () => '' } });
    ({ learnLocale } = await import('../../src/popup/i18n.ts'));
  });

  it("gives Learn's locale for each language the extension speaks, English otherwise", () => {
    expect(['en-US', 'fr', 'fr-CA', 'de', 'es-419', 'pt-BR', 'ja', 'zh-CN', 'it', 'ko'].map((language) => learnLocale(language))).toEqual([
      'en-us', 'fr-fr', 'fr-fr', 'de-de', 'es-es', 'pt-br', 'ja-jp', 'zh-cn', 'en-us', 'en-us',
    ]);
    expect(learnLocale()).toBe('en-us');
  });
});
