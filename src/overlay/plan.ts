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
  /** What was looked for and not found, for the console (mode 'docked'). */
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
  const toSettings = (): Found => ({ element: locateSettingsLink(doc, locale), lookedFor: 'the Settings link of the account menu' });
  switch (action.control) {
    case 'forum':
      return { element: null, lookedFor: 'nothing: the step is off Learn' };
    case 'sign-in':
      return { element: locateSignIn(doc, locale), lookedFor: 'Sign in in the header' };
    case 'sign-out':
      return { element: locateSignOut(doc, locale), lookedFor: 'Sign out in the account menu' };
    case 'settings':
      return page === 'settings' ? { element: null, lookedFor: `nothing to point at (${action.hold ?? 'on Settings'})` } : toSettings();
    case 'create-profile':
      // Learn asks for a new profile on its profile pages: the account menu's Profile leads there.
      return {
        element: locateCreateProfile(doc, locale) ?? (page === 'other' ? locateProfileLink(doc, locale) : null),
        lookedFor: 'Create profile, or the Profile link of the account menu',
      };
    case 'connect-certification':
      return page === 'credentials'
        ? { element: locateConnectCertification(doc, locale), lookedFor: 'Connect certification profile' }
        : { element: locateCredentialsWay(doc, locale), lookedFor: 'a link to Credentials' };
    case 'add-account': {
      // Learn asks to merge when the added account has a profile of its own: final.
      const merge = locateMergeConfirm(doc, locale);
      if (merge) {
        return { element: merge, lookedFor: 'Merge profiles', hint: { key: 'hint_confirm_merge' }, warning: { key: 'warning_merge_is_final' } };
      }
      if (page !== 'settings') return toSettings();
      return { element: locateAddAccount(doc, locale), lookedFor: 'Add account in Account management' };
    }
    case 'remove-account': {
      const account = action.account ?? '';
      if (page !== 'settings') return toSettings();
      // Never toward the account this page says is signed in, whatever the stored progress says.
      const signedInHere = readSignedInAddress(doc);
      if (!account || signedInHere === account) return { element: null, lookedFor: `Remove of ${account}: it is signed in` };
      if (openDialog(doc)) {
        return {
          element: locateConfirmRemove(doc, locale, account),
          lookedFor: `the confirm button of Learn's dialog about ${account}`,
          hint: { key: 'hint_confirm_remove' },
          warning: { key: 'warning_confirm_remove', substitutions: [account, signedInHere ?? '?'] },
        };
      }
      return { element: locateRemove(doc, locale, account), lookedFor: `Remove next to ${account}` };
    }
  }
}
