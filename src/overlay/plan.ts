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
  openDialog,
  pointable,
} from '../page/locate.ts';
import { readSignedInAddress } from '../page/read-page.ts';

/** What the overlay shows on this page for the current step. */
export interface Plan {
  mode: 'ring' | 'docked' | 'off';
  step: StepId | null;
  /** The page element to highlight (mode 'ring' only). */
  target: Element | null;
  instruction: Text | null;
  hint: Text | null;
  warning: Text | null;
  /** Position in the path, 1-based, and the path's length. */
  position: [number, number];
  /**
   * What was looked for (the locator's name), kept on the overlay's host while docked so a
   * page report says what was not found.
   */
  lookedFor: string | null;
}

const offPlan: Plan = { mode: 'off', step: null, target: null, instruction: null, hint: null, warning: null, position: [0, 0], lookedFor: null };

interface Found {
  element: Element | null;
  lookedFor: string;
  /** What to say instead of the step's own hint and warning (Learn's confirmations). */
  hint?: Text;
  warning?: Text;
}

/**
 * The current step's control on this page, or the way to it: the Settings link (through the
 * account menu) when the control is on Settings, Sign out before a sign-in with someone else,
 * Learn's own confirm button while it asks to confirm. Nothing found: docked.
 */
export function planFor(directive: Directive | null, doc: Document, page: LearnPage, locale: string): Plan {
  // A step off Learn (the support forum) shows nothing on Learn's pages.
  if (!directive || directive.dismissed || directive.action.control === 'forum') return offPlan;
  const found = locate(directive.action, doc, page, locale);
  const target = found.element && pointable(found.element);
  return {
    mode: target ? 'ring' : 'docked',
    step: directive.action.step,
    target,
    instruction: directive.instruction,
    hint: found.hint ?? directive.hint,
    warning: found.warning ?? directive.warning,
    position: directive.position,
    lookedFor: target ? null : found.lookedFor,
  };
}

function locate(action: NextAction, doc: Document, page: LearnPage, locale: string): Found {
  const toSettings = (): Found =>
    page === 'settings' ? { element: null, lookedFor: 'settings' } : { element: locateSettingsLink(doc, locale), lookedFor: 'settings-link' };
  switch (action.control) {
    case 'sign-in':
      return { element: locateSignIn(doc, locale), lookedFor: 'sign-in' };
    case 'sign-out':
      return { element: locateSignOut(doc, locale), lookedFor: 'sign-out' };
    case 'create-profile':
      // Learn asks for a new profile on its profile pages: the account menu's Profile leads there.
      return { element: locateCreateProfile(doc, locale) ?? (page === 'other' ? locateProfileLink(doc, locale) : null), lookedFor: 'create-profile' };
    case 'connect-certification':
      return page === 'credentials'
        ? { element: locateConnectCertification(doc, locale), lookedFor: 'connect-certification' }
        : { element: locateCredentialsWay(doc, locale), lookedFor: 'credentials-link' };
    case 'add-account': {
      // Learn asks to merge when the added account has a profile of its own: final.
      const merge = locateMergeConfirm(doc, locale);
      if (merge) return { element: merge, lookedFor: 'merge', hint: { key: 'hint_confirm_merge' }, warning: { key: 'warning_merge_is_final' } };
      return page === 'settings' ? { element: locateAddAccount(doc, locale), lookedFor: 'add-account' } : toSettings();
    }
    case 'remove-account': {
      const account = action.account ?? '';
      if (page !== 'settings') return toSettings();
      // Never toward the account this page says is signed in, whatever the stored progress says.
      const signedInHere = readSignedInAddress(doc);
      if (!account || signedInHere === account) return { element: null, lookedFor: 'remove: signed in' };
      if (openDialog(doc)) {
        return {
          element: locateConfirmRemove(doc, locale, account),
          lookedFor: 'confirm-remove',
          hint: { key: 'hint_confirm_remove' },
          warning: { key: 'warning_confirm_remove', substitutions: [account, signedInHere ?? '?'] },
        };
      }
      return { element: locateRemove(doc, locale, account), lookedFor: 'remove' };
    }
    default:
      // 'settings' (a hold: the guide waits for Settings to say more), or a control to come.
      return toSettings();
  }
}
