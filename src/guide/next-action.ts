import { certificationAccount, kindOf } from './evidence.ts';
import { forumUrl, stepsOf, type Step, type StepId, type StepPlace } from './procedure.ts';
import type { LinkedAccount } from '../page/observation.ts';
import type { AccountsSnapshot, Progress, StepDone } from './progress.ts';

export interface ChecklistItem {
  step: Step;
  state: 'done' | 'current' | 'todo';
  done?: StepDone;
}

/** The chosen path's steps with their states; the current one is the first not done. */
export function checklist(progress: Progress): ChecklistItem[] {
  if (!progress.path) return [];
  const done = progress.done[progress.path] ?? {};
  let currentFound = false;
  return stepsOf(progress.path).map((step) => {
    const record = done[step.id];
    if (record) return { step, state: 'done', done: record };
    if (currentFound) return { step, state: 'todo' };
    currentFound = true;
    return { step, state: 'current' };
  });
}

export function currentStep(progress: Progress): Step | null {
  return checklist(progress).find((item) => item.state === 'current')?.step ?? null;
}

/** Where the path stands: its current step's index in it (its length once nothing is left; 0 with no path). */
export function stepIndex(progress: Progress): number {
  const items = checklist(progress);
  const index = items.findIndex((item) => item.state === 'current');
  return index < 0 ? items.length : index;
}

/**
 * The list of the Learn profile the current step works on, when the guide knows it
 * (reducer.ts takes a list that shares no address with it for another profile's):
 * - at an addition (add-aad, add-cert-msa), the stored list, when it was read since the step
 *   before the addition was proved (Settings read for the path; a list read before that may
 *   be any profile's: open-settings is proved by a Settings page before its rows come);
 * - from the work account's sign-in on (has-aad's first step, add-aad's once the work account
 *   is added), once the Learn MSA was seen signed in (World.learnMsaSignedIn; not the
 *   Certification MSA entered since, whose own profile the guide was started on): until the
 *   MSA's removal, the stored list while it shows that MSA, linked to that profile alone, and
 *   a work account to sign in with; after it, the stored list read since the removal was
 *   proved (each one the profile's, from the list that proved it on). Before the guide has
 *   seen that MSA so, no list is the profile's for sure; with no work account listed, the
 *   path's account is not known (has-aad chosen for a profile with none).
 * Null at any other step, or with no such list.
 */
export function pathList(progress: Progress): AccountsSnapshot | null {
  const { path, world } = progress;
  const steps = path ? stepsOf(path) : [];
  const index = stepIndex(progress);
  const step = steps[index]?.id;
  const ids = steps.map((s) => s.id);
  const list = world.accounts;
  const before = steps[index - 1] && progress.done[path!]?.[steps[index - 1]!.id];
  if ((step === 'add-aad' || step === 'add-cert-msa') && before && list && list.at >= before.at) return list;
  if (!list || !ids.includes('remove-msa') || index <= ids.indexOf('add-aad') || !world.learnMsaSignedIn || world.learnMsa === progress.certMsa) return null;
  const removed = progress.done[path!]?.['remove-msa'];
  const shows = (test: (a: LinkedAccount) => boolean) => list.list.some(test);
  return (removed ? list.at >= removed.at : shows((a) => a.address === world.learnMsa) && shows((a) => a.kind === 'work')) ? list : null;
}

/** A path is complete when every step but the optional ones is done. */
export function isComplete(progress: Progress): boolean {
  const items = checklist(progress);
  return items.length > 0 && items.every((item) => item.state === 'done' || item.step.optional);
}

/** The one control the current step needs now, given who is signed in and what is linked. */
export type Control =
  | 'forum'
  /** Microsoft Q&A's "Ask a question", on learn.microsoft.com/<locale>/answers/ (forum-ask). */
  | 'ask-question'
  | 'settings'
  | 'sign-in'
  | 'sign-out'
  | 'add-account'
  | 'remove-account'
  | 'connect-certification'
  | 'create-profile';

/** Why the guide holds back from the step's own control. */
export type Hold =
  /** Someone is signed in, but which account, or of which kind, the pages have not shown. */
  | 'identify-account'
  /** The account list was read under another sign-in (or never): read Settings again first. */
  | 'read-settings-again'
  /** The personal account listed is the one the Certification profile uses: it must stay. */
  | 'keeps-certification-account'
  /** Removing it would leave the profile without an account. */
  | 'last-account'
  /** Signed in with an account the path's profile does not list (another Learn profile's): back to one it lists. */
  | 'other-profile';

export interface NextAction {
  step: StepId;
  control: Control;
  place: StepPlace;
  /** The account the control is about: the one to sign in with, add or remove. */
  account: string | null;
  accountKind: 'personal' | 'work' | null;
  hold?: Hold;
  /**
   * The account the step is done signed in with, when it matters and is known: the page points
   * at nothing while it shows another signed in (plan.ts), as a directive older than the page
   * would otherwise have it do. Connecting ties the Certification profile to that account for
   * good; Add account adds to that account's Learn profile (the work account on add-aad, the
   * Certification MSA on add-cert-msa).
   */
  with?: string | null;
}

/**
 * What to point at next. Safety lives here: a removal is only ever offered for an account
 * that is not the signed-in one, not the last one, not the Certification profile's, and for
 * the personal account only while a work or school account is signed in.
 */
export function nextAction(progress: Progress): NextAction | null {
  const step = currentStep(progress);
  if (!step) return null;
  const { world } = progress;
  const o = world.lastObservation;
  const signedInAs = o?.signedIn ? o.signedInAs : null;
  const signedInKind = kindOf(world, signedInAs);
  const certAccount = certificationAccount(world, progress.certMsa);
  const base = { step: step.id, place: step.place, account: null, accountKind: null };

  // Unsure who is signed in: never guess; Settings shows the accounts with their kinds.
  const identify: NextAction = { ...base, place: 'settings', control: 'settings', hold: 'identify-account' };
  const signInWith = (account: string | null, accountKind: 'personal' | 'work'): NextAction => {
    if (o?.signedIn) {
      if (!signedInAs || (!account && signedInKind === 'unknown')) return identify;
      const isRight = account ? signedInAs === account : signedInKind === accountKind;
      if (!isRight) return { ...base, place: 'learn', control: 'sign-out', account, accountKind };
    }
    return { ...base, place: 'learn', control: 'sign-in', account, accountKind };
  };

  // An account is added to, or the MSA removed from, the profile whose list the path read
  // (pathList). Signed in with an account that list does not show (another Learn profile's,
  // whose Settings would add or remove it there: reducer.ts keeps the path's list), the way
  // back to that list's account of `kind` (the one it was read with, else its only one of that
  // kind) comes first: Sign out, then, signed out, Sign in with it. (From the work account's
  // sign-in to the MSA's removal, `kind` is work.)
  const list = pathList(progress);
  const backTo = (kind: 'personal' | 'work') => {
    const ofKind = list?.list.filter((a) => a.kind === kind) ?? [];
    return list?.signedInAs && kindOf(world, list.signedInAs) === kind ? list.signedInAs : ofKind.length === 1 ? ofKind[0]!.address : null;
  };
  const elsewhere = (kind: 'personal' | 'work'): NextAction | null => {
    if (!list) return null;
    const back = { ...base, place: 'learn', account: backTo(kind), accountKind: kind } as const;
    if (o && !o.signedIn) return { ...back, control: 'sign-in' };
    return signedInAs && !list.list.some((a) => a.address === signedInAs) ? { ...back, control: 'sign-out', hold: 'other-profile' } : null;
  };

  switch (step.id) {
    case 'forum-ask':
      return { ...base, control: 'ask-question' };
    case 'forum-open':
    case 'forum-request':
    case 'forum-verify':
      return { ...base, control: 'forum' };
    case 'sign-in-msa':
      return signInWith(world.learnMsa, 'personal');
    case 'sign-in-aad':
      // The work account the profile's list shows, when it shows one (any work account proves the step).
      return elsewhere('work') ?? signInWith(backTo('work'), 'work');
    case 'sign-in-cert-msa':
      return signInWith(certAccount, 'personal');
    case 'sign-out-msa':
      return elsewhere('work') ?? { ...base, control: 'sign-out' };
    case 'sign-out-aad':
      return { ...base, control: 'sign-out' };
    case 'open-settings':
      return elsewhere('work') ?? { ...base, control: 'settings' };
    case 'add-aad':
      return elsewhere('personal') ?? { ...base, control: 'add-account', accountKind: 'work', with: signedInAs };
    case 'add-cert-msa': {
      // Learn links one personal account at a time: a wrong one added goes first.
      const wrong = world.accounts?.list.find((a) => a.kind === 'personal' && a.address !== certAccount);
      return (
        elsewhere('work') ??
        (wrong
          ? removal(progress, step.id, 'personal', step.place, o?.signedIn ? o.signedInAs : null, identify)
          : { ...base, control: 'add-account', accountKind: 'personal', account: certAccount, with: signedInAs })
      );
    }
    case 'create-profile':
      return { ...base, control: 'create-profile' };
    case 'connect-cert': {
      // Connected while signed in with the account the path signed in with just before
      // (sign-in-msa's, the Learn profile's own; or sign-in-cert-msa's): signed out, or in with
      // another the guide can tell, that step's way back to it comes first (Learn would refuse
      // it, or take it for another profile). Not told who is signed in: the step's control,
      // naming that account, so that a page showing another one signed in docks it (plan.ts).
      const account = progress.path === 'recommended' ? world.learnMsa : certAccount;
      const way = signInWith(account, 'personal');
      return way.control === 'sign-out' || !o?.signedIn ? way : { ...base, control: 'connect-certification', with: account };
    }
    case 'remove-msa':
      return elsewhere('work') ?? removal(progress, step.id, 'personal', step.place, signedInAs, identify);
    case 'remove-aad':
      return removal(progress, step.id, 'work', step.place, signedInAs, identify);
  }
}

function removal(
  progress: Progress,
  step: StepId,
  kind: 'personal' | 'work',
  place: StepPlace,
  signedInAs: string | null,
  identify: NextAction,
): NextAction {
  const { world } = progress;
  const keepKind = kind === 'personal' ? 'work' : 'personal';
  const base = { step, place, account: null, accountKind: kind } as const;
  const signedIn = Boolean(world.lastObservation?.signedIn);
  if (signedIn && (!signedInAs || kindOf(world, signedInAs) === 'unknown')) return identify;
  // Removing needs the other kind signed in: lead there first.
  if (!signedInAs || kindOf(world, signedInAs) !== keepKind) {
    return signedInAs
      ? { ...base, place: 'learn', control: 'sign-out', accountKind: keepKind }
      : { ...base, place: 'learn', control: 'sign-in', accountKind: keepKind };
  }
  const list = world.accounts;
  if (!list || list.signedInAs !== signedInAs) return { ...base, control: 'settings', hold: 'read-settings-again' };
  const candidates = list.list.filter((a) => a.kind === kind && a.address !== signedInAs);
  // Two of that kind besides the one signed in (Learn links one personal account at a time:
  // a list misread, or another Learn): the Learn profile's own MSA when it is one of them,
  // else no guess at which.
  const target = candidates.find((a) => !candidates[1] || a.address === world.learnMsa);
  if (!target) return { ...base, control: 'settings', hold: 'read-settings-again' };
  if (list.list.length < 2) return { ...base, control: 'settings', hold: 'last-account' };
  if (target.address === certificationAccount(world, progress.certMsa)) {
    return { ...base, control: 'settings', account: target.address, hold: 'keeps-certification-account' };
  }
  return { ...base, control: 'remove-account', account: target.address };
}

/** Where on Learn (or off it) a step happens, as a URL to open. */
export function placeUrl(place: StepPlace, locale: string): string {
  const learn = `https://learn.microsoft.com/${locale}`;
  switch (place) {
    case 'forum':
      return forumUrl;
    case 'settings':
      return `${learn}/users/me/settings/`;
    case 'credentials':
      return `${learn}/users/me/credentials`;
    case 'profile':
      return `${learn}/users/me/activity/`;
    case 'learn':
      return `${learn}/`;
  }
}
