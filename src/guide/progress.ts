import type { AccountKind, LinkedAccount, PageObservation } from '../page/observation.ts';
import type { PathId, StepId } from './procedure.ts';

export interface StepDone {
  by: 'page' | 'person';
  at: number;
}

/** The account list last read on Settings, and who was signed in when it was read. */
export interface AccountsSnapshot {
  list: LinkedAccount[];
  signedInAs: string | null;
  locale: string;
  at: number;
}

/** What Learn's pages have shown, accumulated: the evidence every step is judged on. */
export interface World {
  lastObservation: PageObservation | null;
  accounts: AccountsSnapshot | null;
  /** Every address whose kind an account list showed. */
  kinds: Record<string, Exclude<AccountKind, 'unknown'>>;
  /** The personal account linked to the Learn profile before the guide changed anything. */
  learnMsa: string | null;
  /**
   * Whether learnMsa was seen signed in, in a list read then (the procedure's starting point):
   * the profile whose list shows it is then the path's for sure (next-action.ts, pathList).
   * Told otherwise (the one personal account of a list read signed in with another account),
   * it may be another Learn profile's.
   */
  learnMsaSignedIn: boolean;
  /** The personal account seen added in place of learnMsa (add-cert-msa). */
  newMsa: string | null;
}

export type Notice =
  | { kind: 'reset-broken' }
  | { kind: 'undone'; step: StepId; at: number };

export interface Progress {
  schema: 2;
  path: PathId | null;
  /** Steps proved done, per path: switching path loses nothing. */
  done: Partial<Record<PathId, Partial<Record<StepId, StepDone>>>>;
  /** The Certification profile's personal account, as the person entered it. */
  certMsa: string | null;
  /** The Certification ID (MCID, digits) the person gave for the support request; null: none. */
  mcid: string | null;
  world: World;
  notice: Notice | null;
  /** The step whose overlay the person closed on the page; the popup brings it back. */
  overlayDismissed: StepId | null;
}

export function initialWorld(): World {
  return { lastObservation: null, accounts: null, kinds: {}, learnMsa: null, learnMsaSignedIn: false, newMsa: null };
}

export function initialProgress(): Progress {
  return { schema: 2, path: null, done: {}, certMsa: null, mcid: null, world: initialWorld(), notice: null, overlayDismissed: null };
}
