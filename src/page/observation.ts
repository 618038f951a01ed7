/** What a Learn page showed, as read by the content script: the only thing it reports. */

/**
 * Learn pages the guide reads: the profile pages always; any other Learn page ('other') only
 * while a path is under way, for who is signed in.
 */
export type LearnPage = 'settings' | 'profile' | 'credentials' | 'other';

/** Personal Microsoft account, work or school account, or not told apart with certainty. */
export type AccountKind = 'personal' | 'work' | 'unknown';

export interface LinkedAccount {
  address: string;
  kind: AccountKind;
}

export interface PageObservation {
  page: LearnPage;
  /** Learn's locale of the page, lower case (`en-us`, `fr-fr`). */
  locale: string;
  signedIn: boolean;
  /** The address Learn's account menu shows; null when signed out or not shown. */
  signedInAs: string | null;
  /** The linked accounts of "Account management"; null when the list was not found. */
  accounts: LinkedAccount[] | null;
  /** Whether a Certification profile is connected, when the page tells; null when it does not. */
  certificationConnected: boolean | null;
  /** Epoch milliseconds. */
  at: number;
}
