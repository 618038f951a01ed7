import type { Directive } from '../guide/directive.ts';
import type { Text } from '../guide/instructions.ts';
import type { NextAction } from '../guide/next-action.ts';
import type { StepId } from '../guide/procedure.ts';
import type { LearnPage } from '../page/observation.ts';
import { isQnaPage } from '../page/learn-url.ts';
import {
  isAbout,
  locateAddAccount,
  locateAskQuestion,
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
import { accountRowsOf, readSignedInAddress } from '../page/read-page.ts';

/** What the overlay shows on this page for the current step; null: nothing. */
export interface Plan {
  step: StepId;
  /** The page element to highlight; null: the instruction is docked. */
  target: Element | null;
  instruction: Text;
  hint: Text;
  warning: Text | null;
}

/** The element to point at (null: none), and what to say instead of the step's own hint and warning (Learn's confirmations). */
type Found = [element: Element | null, hint?: Text, warning?: Text];

/**
 * The current step's control on this page, or the way to it: the Settings link (through the
 * account menu) when the control is on Settings, Sign out before a sign-in with someone else,
 * Learn's own confirm button while it asks to confirm. Nothing found: docked.
 */
export function planFor(directive: Directive | null | undefined, doc: Document, page: LearnPage, locale: string): Plan | null {
  // A step off Learn (the support forum) shows nothing on Learn's pages.
  // Nor does "Ask a question" anywhere but on Microsoft Q&A.
  const control = directive?.action.control;
  if (!directive || directive.dismissed || control == 'forum' || (control == 'ask-question' && !isQnaPage(doc.URL))) return null;
  const [element, hint = directive.hint, warning = directive.warning] = locate(directive.action, doc, page, locale);
  return { step: directive.action.step, target: element && pointable(element), instruction: directive.instruction, hint, warning };
}

function locate(action: NextAction, doc: Document, page: LearnPage, locale: string): Found {
  const toSettings = (): Found => [page == 'settings' ? null : locateSettingsLink(doc, locale)];
  // A step to be done signed in with one account (next-action.ts, `with`): nothing is pointed
  // at while this page shows another signed in, or no one yet. The directive may be older than
  // the page (the worker then asks to sign out, or in), and Learn fills in who is signed in a
  // moment after the page itself.
  const signedInHere = readSignedInAddress(doc);
  if (action.with && signedInHere != action.with) return [null];
  switch (action.control) {
    case 'sign-in':
      return [locateSignIn(doc, locale)];
    case 'sign-out':
      return [locateSignOut(doc, locale)];
    case 'ask-question':
      return [locateAskQuestion(doc, locale)];
    case 'create-profile':
      // Learn asks for a new profile on its profile pages: the account menu's Profile leads there.
      return [locateCreateProfile(doc, locale) ?? (page == 'other' ? locateProfileLink(doc, locale) : null)];
    case 'connect-certification':
      return [page == 'credentials' ? locateConnectCertification(doc, locale) : locateCredentialsWay(doc, locale)];
    case 'add-account': {
      // Learn asks to merge when the added account has a profile of its own: final. Only in a
      // prompt (its dialog, else the page's main content) about the account the step adds,
      // when the step knows which. One about another (the person chose another account in
      // Learn's account picker) is docked, with the hint to merge only if meant, else cancel.
      const merge = locateMergeConfirm(doc, locale);
      if (merge) return [!action.account || isAbout(merge, action.account) ? merge : null, { key: 'hint_confirm_merge' }, { key: 'warning_merge_is_final' }];
      return page == 'settings' ? [locateAddAccount(doc, locale)] : toSettings();
    }
    case 'remove-account': {
      const account = action.account;
      if (page != 'settings') return toSettings();
      // Never toward the account this page says is signed in, whatever the stored progress
      // says, nor while it says no one (unsure who is: the instruction is docked), nor while
      // its list does not show that account (a real one always does): a list still coming in
      // row by row, or one whose only account would be the last one removed.
      if (!account || !signedInHere || signedInHere == account || !accountRowsOf(doc, locale).some((row) => row.address == signedInHere)) return [null];
      const dialogs = openDialogs(doc);
      if (dialogs[0]) {
        return [
          locateConfirmRemove(doc, locale, account, dialogs),
          { key: 'hint_confirm_remove' },
          { key: 'warning_confirm_remove', substitutions: [account, signedInHere] },
        ];
      }
      return [locateRemove(doc, locale, account)];
    }
    default:
      // 'settings' (a hold: the guide waits for Settings to say more), or a control to come.
      return toSettings();
  }
}
