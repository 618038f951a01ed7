import type { Directive } from '../../src/guide/directive.ts';
import type { NextAction } from '../../src/guide/next-action.ts';
import { messageKey } from '../../src/guide/procedure.ts';

/** A directive as the worker stores it for `action`, at `position`, with the step's texts. */
function directive(action: NextAction, position: [number, number], hint: string, warning: string | null = null): Directive {
  return {
    action,
    position,
    instruction: { key: messageKey('step', action.step) },
    hint: { key: hint },
    warning: warning ? { key: warning } : null,
    dismissed: false,
  };
}

/** The directive of has-aad's remove-msa step, for `account`: what planFor is asked on Settings. */
export const removalDirective = (account: string): Directive =>
  directive({ step: 'remove-msa', control: 'remove-account', place: 'settings', account, accountKind: 'personal' }, [3, 7], 'hint_remove');

/** The directive of the recommended path's forum-ask step: "Ask a question" on Microsoft Q&A. */
export const askDirective = (): Directive =>
  directive({ step: 'forum-ask', control: 'ask-question', place: 'forum', account: null, accountKind: null }, [2, 6], 'hint_forum');

/**
 * The directive of has-aad's add-cert-msa step, adding `account` (null: the person did not say
 * which), signed in with `signedInWith` (null: the guide does not know who is).
 */
export const addDirective = (account: string | null, signedInWith: string | null = null): Directive =>
  directive(
    { step: 'add-cert-msa', control: 'add-account', place: 'settings', account, accountKind: 'personal', with: signedInWith },
    [4, 7],
    'hint_add_account',
    'warning_merge_is_final',
  );

/** The directive of has-aad's connect-cert step, to be done signed in with `account` (null: the guide does not know it). */
export const connectDirective = (account: string | null): Directive =>
  directive({ step: 'connect-cert', control: 'connect-certification', place: 'credentials', account: null, accountKind: null, with: account }, [7, 7], 'hint_connect');
