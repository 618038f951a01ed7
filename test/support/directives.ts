import type { Directive } from '../../src/guide/directive.ts';

/** The directive of has-aad's remove-msa step, for `account`: what planFor is asked on Settings. */
export function removalDirective(account: string): Directive {
  return {
    action: { step: 'remove-msa', control: 'remove-account', place: 'settings', account, accountKind: 'personal' },
    position: [3, 7],
    instruction: { key: 'step_remove_msa' },
    hint: { key: 'hint_remove' },
    warning: null,
    dismissed: false,
  };
}

/** The directive of the recommended path's forum-ask step: "Ask a question" on Microsoft Q&A. */
export function askDirective(): Directive {
  return {
    action: { step: 'forum-ask', control: 'ask-question', place: 'forum', account: null, accountKind: null },
    position: [2, 6],
    instruction: { key: 'step_forum_ask' },
    hint: { key: 'hint_forum' },
    warning: null,
    dismissed: false,
  };
}

/** The directive of has-aad's add-cert-msa step, adding `account` (null: the person did not say which). */
export function addDirective(account: string | null): Directive {
  return {
    action: { step: 'add-cert-msa', control: 'add-account', place: 'settings', account, accountKind: 'personal' },
    position: [4, 7],
    instruction: { key: 'step_add_cert_msa' },
    hint: { key: 'hint_add_account' },
    warning: { key: 'warning_merge_is_final' },
    dismissed: false,
  };
}

/** The directive of has-aad's connect-cert step, to be done signed in with `account` (null: the guide does not know it). */
export function connectDirective(account: string | null): Directive {
  return {
    action: { step: 'connect-cert', control: 'connect-certification', place: 'credentials', account, accountKind: null },
    position: [7, 7],
    instruction: { key: 'step_connect_cert' },
    hint: { key: 'hint_connect' },
    warning: null,
    dismissed: false,
  };
}
