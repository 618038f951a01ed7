import { describe, expect, it } from 'vitest';
import {
  mcidOf,
  requestLanguageNames,
  requestLanguageOf,
  requestLanguages,
  supportRequest,
  type RequestFacts,
} from '../../src/guide/support-request.ts';

/** The request a person pastes into Microsoft Q&A to have support change their Certification profile's account. */

const learnMsa = 'learner@outlook.com';
const certMsa = 'old.learner@hotmail.com';
const withMcid: RequestFacts = { learnMsa, certMsa, mcid: '987654321' };
const withoutMcid: RequestFacts = { learnMsa, certMsa, mcid: null };

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.each(requestLanguages)('supportRequest in %s', (language) => {
  it('names the Learn account in the list and in the ask, and the Certification account once', () => {
    const { body } = supportRequest(withMcid, language);
    expect(occurrences(body, learnMsa)).toBe(2);
    expect(occurrences(body, certMsa)).toBe(1);
  });

  it('gives the MCID once when known', () => {
    const { body } = supportRequest(withMcid, language);
    expect(occurrences(body, '987654321')).toBe(1);
    expect(occurrences(body, 'MCID')).toBe(1);
  });

  it('leaves the MCID line out entirely when none is given', () => {
    const { title, body } = supportRequest(withoutMcid, language);
    expect(body).not.toContain('MCID');
    expect(title).not.toContain('MCID');
    expect(body).not.toContain('\n\n\n');
    expect(body.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
    // The ask follows the list after one blank line, as with an MCID.
    expect(body.split('\n').length).toBe(supportRequest(withMcid, language).body.split('\n').length - 1);
  });

  it('has a title without any address', () => {
    const { title } = supportRequest(withMcid, language);
    expect(title.trim()).not.toBe('');
    expect(title).not.toContain('@');
    expect(title).not.toContain(learnMsa);
    expect(title).not.toContain(certMsa);
  });

  it('has no leftover placeholder and no blank start or end', () => {
    const { body } = supportRequest(withMcid, language);
    expect(body).not.toMatch(/[{}]/);
    expect(body).toBe(body.trim());
  });

  it('keeps an address with $ patterns and braces verbatim', () => {
    const odd = 'a$&b$1{learnMsa}$$c@outlook.com';
    const oddCert = '$`x$\'{certMsa}@hotmail.com';
    const { body } = supportRequest({ learnMsa: odd, certMsa: oddCert, mcid: null }, language);
    expect(occurrences(body, odd)).toBe(2);
    expect(occurrences(body, oddCert)).toBe(1);
  });
});

describe.each(requestLanguages.filter((language) => language !== 'en'))('supportRequest in %s, against English', (language) => {
  it('is really translated', () => {
    const english = supportRequest(withMcid, 'en');
    const translated = supportRequest(withMcid, language);
    expect(translated.body).not.toBe(english.body);
    expect(translated.title).not.toBe(english.title);
    expect(translated.body).not.toContain('Could you please');
    expect(translated.body).not.toContain('Thank you');
  });
});

describe('supportRequest in French', () => {
  it('reads as French support would expect it', () => {
    const { title, body } = supportRequest(withMcid, 'fr');
    expect(body.startsWith('Bonjour')).toBe(true);
    expect(body).toContain('profil de certification');
    expect(body).toContain('profil Microsoft Learn');
    expect(body).toContain('ID de certification (MCID)');
    expect(title).toContain('profil de certification');
  });
});

describe('requestLanguageOf', () => {
  it.each([
    ['fr-fr', 'fr'],
    ['fr-ca', 'fr'],
    ['pt-br', 'pt'],
    ['pt-pt', 'pt'],
    ['zh-cn', 'zh'],
    ['zh-sg', 'zh'],
    ['de-de', 'de'],
    ['de-ch', 'de'],
    ['es-es', 'es'],
    ['es-mx', 'es'],
    ['ja-jp', 'ja'],
    ['en-us', 'en'],
    ['en-gb', 'en'],
    ['FR-CA', 'fr'],
    ['pt_BR', 'pt'],
    ['zh_CN', 'zh'],
    ['fr', 'fr'],
    ['zh-tw', 'en'],
    ['zh-hk', 'en'],
    ['zh_TW', 'en'],
    ['zh-hant-tw', 'en'],
    ['it-it', 'en'],
    ['', 'en'],
    ['garbage', 'en'],
    ['-', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ] as const)('%s -> %s', (locale, language) => {
    expect(requestLanguageOf(locale)).toBe(language);
  });
});

describe('mcidOf', () => {
  it.each([
    ['123456789', '123456789'],
    [' 1234 5678 ', '12345678'],
    ['12-34', '1234'],
    ['', null],
    ['   ', null],
    ['abc', undefined],
    ['12a', undefined],
    ['1234567890123', undefined],
    ['123456789012', '123456789012'],
    ['٣٤٥', undefined],
    ['-', undefined],
  ] as const)('%j -> %j', (input, mcid) => {
    expect(mcidOf(input)).toBe(mcid);
  });
});

describe('requestLanguageNames', () => {
  it('names every language, each differently', () => {
    for (const language of requestLanguages) expect(requestLanguageNames[language].trim()).not.toBe('');
    expect(new Set(requestLanguages.map((language) => requestLanguageNames[language])).size).toBe(requestLanguages.length);
    expect(requestLanguageNames.fr).toBe('Français');
    expect(requestLanguageNames.zh).toBe('简体中文');
  });
});
