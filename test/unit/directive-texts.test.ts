import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Directive } from '../../src/guide/directive.ts';
import { directiveTexts, pageSubstitution } from '../../src/overlay/texts.ts';
import { unreadLocale } from '../../src/page/learn-words.ts';
import { removalDirective } from '../support/directives.ts';

/**
 * The worker words every text the overlay may show into the directive (overlay/texts.ts), so
 * that Learn's pages need not ask chrome.i18n: a text the overlay or the plan shows and the
 * directive lacks would be shown empty.
 */

const message = (key: string, substitutions: string[] = []) => `${key}(${substitutions.join(',')})`;

describe('directiveTexts', () => {
  it("words the step's texts, the overlay's own and the plan's, with their substitutions", () => {
    const directive: Directive = { ...removalDirective('learner@outlook.com'), warning: { key: 'warning_remove_msa' } };
    expect(directiveTexts(directive, message)).toEqual({
      step_remove_msa: 'step_remove_msa()',
      hint_remove: 'hint_remove()',
      warning_remove_msa: 'warning_remove_msa()',
      stepNofM: 'stepNofM(3,7)',
      overlayScrollTo: 'overlayScrollTo()',
      overlayClose: 'overlayClose()',
      overlayNotFound: 'overlayNotFound()',
      hint_confirm_merge: 'hint_confirm_merge()',
      warning_merge_is_final: 'warning_merge_is_final()',
      hint_confirm_remove: 'hint_confirm_remove()',
      warning_confirm_remove: `warning_confirm_remove(learner@outlook.com,${pageSubstitution})`,
    });
  });

  it("says, where it could not find a control, how to open in a language it reads a page whose language it has no words for", () => {
    const directive = removalDirective('learner@outlook.com');
    expect(directiveTexts(directive, message, 'he-il').overlayNotFound).toBe('overlayNotFoundLanguage(he-il)');
    expect(directiveTexts(directive, message, null).overlayNotFound).toBe('overlayNotFound()');
    // Every language has the text, with the locale in it (chrome.i18n's placeholder), and the
    // Learn locale it says to open instead is one the guide reads.
    for (const folder of ['en', 'fr', 'de', 'es', 'ja', 'pt_BR', 'zh_CN']) {
      const text = (JSON.parse(readFileSync(`_locales/${folder}/messages.json`, 'utf8')) as Record<string, { message: string; placeholders?: object }>).overlayNotFoundLanguage;
      expect(text?.message, folder).toContain('/$LOCALE$/');
      expect(text?.placeholders, folder).toEqual({ locale: { content: '$1', example: 'he-il' } });
      const instead = [...(text?.message.matchAll(/\/([a-z]{2}-[a-z]{2})\//g) ?? [])].map((m) => m[1]);
      expect(instead, folder).toHaveLength(1);
      expect(unreadLocale(instead[0]), folder).toBeNull();
    }
  });

  it('has every text that overlay.ts and plan.ts name', () => {
    const named = ['src/overlay/overlay.ts', 'src/overlay/plan.ts'].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/key: '(\w+)'/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(5);
    const texts = directiveTexts(removalDirective('learner@outlook.com'), message);
    for (const key of named) expect(Object.keys(texts), key).toContain(key);
  });
});
