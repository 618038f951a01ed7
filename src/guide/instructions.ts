import type { NextAction } from './next-action.ts';
import { certificationAccount } from './evidence.ts';
import type { Progress } from './progress.ts';

/** A text of _locales and what fills its placeholders; the popup and the overlay render it. */
export interface Text {
  key: string;
  substitutions?: string[];
}

/** The short line that says what to do with the control the guide points at. */
export function actionHint(action: NextAction): Text {
  const account = action.account;
  switch (action.hold) {
    case 'identify-account':
      return { key: 'hint_identify_account' };
    case 'read-settings-again':
      return { key: 'hint_read_settings_again' };
    case 'keeps-certification-account':
      return { key: 'hint_keeps_certification_account', substitutions: [account ?? ''] };
    case 'last-account':
      return { key: 'hint_last_account' };
    case 'other-profile':
      if (account) return { key: 'hint_other_profile_as', substitutions: [account] };
      break;
    case undefined:
      break;
  }
  switch (action.control) {
    case 'forum':
    case 'ask-question':
      return { key: 'hint_forum' };
    case 'settings':
      return { key: 'hint_settings' };
    case 'sign-out':
      return account
        ? { key: 'hint_sign_out_then_in_as', substitutions: [account] }
        : action.accountKind
          ? { key: action.accountKind === 'work' ? 'hint_sign_out_then_in_work' : 'hint_sign_out_then_in_personal' }
          : { key: 'hint_sign_out' };
    case 'sign-in':
      return account
        ? { key: 'hint_sign_in_as', substitutions: [account] }
        : { key: action.accountKind === 'work' ? 'hint_sign_in_work' : 'hint_sign_in_personal' };
    case 'add-account':
      if (action.accountKind === 'work') return { key: 'hint_add_work' };
      return account ? { key: 'hint_add_personal_as', substitutions: [account] } : { key: 'hint_add_personal' };
    case 'remove-account':
      return { key: 'hint_remove', substitutions: [account ?? ''] };
    case 'connect-certification':
      return { key: 'hint_connect' };
    case 'create-profile':
      return { key: 'hint_create_profile' };
  }
}

/**
 * "You added x, your Certification profile uses y": a personal account other than the
 * Learn profile's and the Certification profile's is linked. Said before the person signs in
 * with it and connects the wrong profile.
 */
export function wrongAccountWarning(progress: Progress): Text | null {
  const cert = certificationAccount(progress.world, progress.certMsa);
  if (!progress.certMsa || !cert) return null;
  const linked = progress.world.accounts?.list.find(
    (a) => a.kind === 'personal' && a.address !== cert && a.address !== progress.world.learnMsa,
  );
  return linked ? { key: 'warning_wrong_account', substitutions: [linked.address, cert] } : null;
}
