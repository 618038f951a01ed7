import type { Directive } from '../guide/directive.ts';
import type { Text } from '../guide/instructions.ts';
import type { NextAction } from '../guide/next-action.ts';
import type { StepId } from '../guide/procedure.ts';
import type { LearnPage } from '../page/observation.ts';
import {
  locateAddAccount,
  locateConfirmRemove,
  locateConnectCertification,
  locateCreateProfile,
  locateCredentialsWay,
  locateMergeConfirm,
  locateProfileLink,
  locateRemove,
  locateSettingsLink,
  locateSignIn,
  locateSignOut,
  openDialogs,
  pointable,
} from '../page/locate.ts';
import { readSignedInAddress } from '../page/read-page.ts';

/** What the overlay shows on this page for the current step; null: nothing. */
export interface Plan {
  step: StepId;
  /** The page element to highlight; null: the instruction is docked. */
  target: Element | null;
  instruction: Text;
  hint: Text;
  warning: Text | null;
}

interface Found {
  element: Element | null;
  /** What to say instead of the step's own hint and warning (Learn's confirmations). */
  hint?: Text;
  warning?: Text;
}

/**
 * The current step's control on this page, or the way to it: the Settings link (through the
 * account menu) when the control is on Settings, Sign out before a sign-in with someone else,
 * Learn's own confirm button while it asks to confirm. Nothing found: docked.
 */
export function planFor(directive: Directive | null, doc: Document, page: LearnPage, locale: string): Plan | null {
  // A step off Learn (the support forum) shows nothing on Learn's pages.
  if (!directive || directive.dismissed || directive.action.control === 'forum') return null;
  const found = locate(directive.action, doc, page, locale);
  return {
    step: directive.action.step,
    target: found.element && pointable(found.element),
    instruction: directive.instruction,
    hint: found.hint ?? directive.hint,
    warning: found.warning ?? directive.warning,
  };
}

function locate(action: NextAction, doc: Document, page: LearnPage, locale: string): Found {
  const toSettings = (): Found =>
    page === 'settings' ? { element: null } : { element: locateSettingsLink(doc, locale) };
  switch (action.control) {
    case 'sign-in':
      return { element: locateSignIn(doc, locale) };
    case 'sign-out':
      return { element: locateSignOut(doc, locale) };
    case 'create-profile':
      // Learn asks for a new profile on its profile pages: the account menu's Profile leads there.
      return { element: locateCreateProfile(doc, locale) ?? (page === 'other' ? locateProfileLink(doc, locale) : null) };
    case 'connect-certification':
      return page === 'credentials'
        ? { element: locateConnectCertification(doc, locale) }
        : { element: locateCredentialsWay(doc, locale) };
    case 'add-account': {
      // Learn asks to merge when the added account has a profile of its own: final.
      const merge = locateMergeConfirm(doc, locale);
      if (merge) return { element: merge, hint: { key: 'hint_confirm_merge' }, warning: { key: 'warning_merge_is_final' } };
      return page === 'settings' ? { element: locateAddAccount(doc, locale) } : toSettings();
    }
    case 'remove-account': {
      const account = action.account ?? '';
      if (page !== 'settings') return toSettings();
      // Never toward the account this page says is signed in, whatever the stored progress
      // says, nor while it says no one (unsure who is: the instruction is docked).
      const signedInHere = readSignedInAddress(doc);
      if (!account || !signedInHere || signedInHere === account) return { element: null };
      const dialogs = openDialogs(doc);
      if (dialogs.length > 0) {
        return {
          element: locateConfirmRemove(doc, locale, account, dialogs),
          hint: { key: 'hint_confirm_remove' },
          warning: { key: 'warning_confirm_remove', substitutions: [account, signedInHere] },
        };
      }
      return { element: locateRemove(doc, locale, account) };
    }
    default:
      // 'settings' (a hold: the guide waits for Settings to say more), or a control to come.
      return toSettings();
  }
}
