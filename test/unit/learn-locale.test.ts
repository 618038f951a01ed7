import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Links to Learn before any Learn page was seen go to Learn in the popup's language: each
 * locale names Learn's locale for it (the learnLocale message, read by src/popup/i18n.ts).
 */
describe('learnLocale messages', () => {
  const learnLocaleOf = (folder: string): string =>
    JSON.parse(readFileSync(`_locales/${folder}/messages.json`, 'utf8')).learnLocale?.message;

  it("give Learn's own locale for each language the extension speaks", () => {
    const expected: Record<string, string> = { en: 'en-us', fr: 'fr-fr', de: 'de-de', es: 'es-es', pt_BR: 'pt-br', ja: 'ja-jp', zh_CN: 'zh-cn' };
    expect(Object.fromEntries(readdirSync('_locales').map((folder) => [folder, learnLocaleOf(folder)]))).toEqual(expected);
  });
});
