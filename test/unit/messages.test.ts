import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionHint, wrongAccountWarning } from '../../src/guide/instructions.ts';
import type { Control, Hold, NextAction } from '../../src/guide/next-action.ts';
import { messageKey, pathIds, paths, stepIds } from '../../src/guide/procedure.ts';
import { initialProgress } from '../../src/guide/progress.ts';

/** Every text the extension can show exists in every locale, with the same placeholders. */

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales = readdirSync('_locales');
const messages: Record<string, Messages> = Object.fromEntries(
  locales.map((l) => [l, JSON.parse(readFileSync(join('_locales', l, 'messages.json'), 'utf8')) as Messages]),
);
const english = messages.en as Messages;

function keysUsedInSource(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1] as string));
}

const controls: Control[] = ['forum', 'settings', 'sign-in', 'sign-out', 'add-account', 'remove-account', 'connect-certification', 'create-profile'];
const holds: Array<Hold | undefined> = [undefined, 'identify-account', 'read-settings-again', 'keeps-certification-account', 'last-account'];
const actions: NextAction[] = controls.flatMap((control) =>
  holds.flatMap((hold) =>
    [null, 'a@b.example'].flatMap((account) =>
      (['personal', 'work', null] as const).map((accountKind) => ({ step: 'remove-msa' as const, place: 'settings' as const, control, hold, account, accountKind })),
    ),
  ),
);

const expectedKeys = new Set([
  ...stepIds.map((id) => messageKey('step', id)),
  ...pathIds.flatMap((id) => [messageKey('path', id), messageKey('pathHelp', id)]),
  ...Object.values(paths).flatMap((steps) => steps.flatMap((s) => (s.warning ? [messageKey('warning', s.warning)] : []))),
  ...actions.map((a) => actionHint(a).key),
  'warning_wrong_account',
  'question_canUseWork',
  ...['pageSettings', 'pageProfile', 'pageCredentials', 'pageOther', 'kindPersonal', 'kindWork', 'kindUnknown'],
  ...['work-linked', 'can-add-work', 'keep-profile', 'fresh-profile'].map((reason) => `reason_${reason.replace(/-/g, '_')}`),
  'question_keepProfile',
  ...keysUsedInSource('src/popup'),
]);

describe('messages', () => {
  it.each(locales)('%s has every text the extension can show', (locale) => {
    const missing = [...expectedKeys].filter((key) => !messages[locale]?.[key]?.message);
    expect(missing).toEqual([]);
  });

  it.each(locales)('%s has the same keys and placeholders as English', (locale) => {
    const own = messages[locale] as Messages;
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      const used = (text: string) => [...text.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]).sort();
      expect(used(own[key]?.message ?? ''), `${locale}: ${key}`).toEqual(used(entry.message));
      expect(Object.keys(own[key]?.placeholders ?? {}).sort(), `${locale}: ${key}`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  it('says "you added x, your Certification profile uses y" only with a wrong personal account linked', () => {
    const progress = initialProgress();
    progress.certMsa = 'cert.ana@hotmail.com';
    progress.world.learnMsa = 'learner@outlook.com';
    const listing = (...list: Array<[string, 'personal' | 'work']>) => ({
      ...progress,
      world: { ...progress.world, accounts: { list: list.map(([address, kind]) => ({ address, kind })), signedInAs: null, locale: 'en-us', at: 1 } },
    });
    expect(wrongAccountWarning(listing(['ana@contoso.com', 'work'], ['cert.ana@hotmail.com', 'personal']))).toBeNull();
    expect(wrongAccountWarning(listing(['learner@outlook.com', 'personal']))).toBeNull();
    expect(wrongAccountWarning(listing(['ana@contoso.com', 'work'], ['other@outlook.com', 'personal']))).toEqual({
      key: 'warning_wrong_account',
      substitutions: ['other@outlook.com', 'cert.ana@hotmail.com'],
    });
  });
});
