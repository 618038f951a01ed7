/** What a Learn page showed, as read by the content script: the only thing it reports. */

/** Learn pages the guide reads. Everything else on Learn is left alone. */
export type LearnPage = 'settings' | 'profile' | 'credentials';

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
  /** Epoch milliseconds. */
  at: number;
}
