import type { LinkedAccount, PageObservation } from '../../src/page/observation.ts';

/**
 * What Learn's pages show, as the page reader reports it, for the guide's unit tests; the
 * replica's people (test/fixtures/replica/scenarios.ts).
 */

export const learner = 'learner@outlook.com'; // the Learn profile's personal account
export const certMsa = 'cert.ana@hotmail.com'; // the Certification profile's personal account
export const contoso = 'ana@contoso.com'; // work account already linked (has-aad)
export const fabrikam = 'ana@fabrikam.com'; // work account to add (add-aad)

export const personal = (address: string): LinkedAccount => ({ address, kind: 'personal' });
export const work = (address: string): LinkedAccount => ({ address, kind: 'work' });
export const unknown = (address: string): LinkedAccount => ({ address, kind: 'unknown' });

/** An observation without its time. */
export type Seen = Omit<PageObservation, 'at'>;

/** Settings, signed in, with its "Account management" list (and the connection section). */
export const settingsPage = (as: string, accounts: LinkedAccount[], certificationConnected = false): Seen => ({
  page: 'settings',
  locale: 'en-us',
  signedIn: true,
  signedInAs: as,
  accounts,
  certificationConnected,
});

/** Any other Learn page (home, an article), signed in: only the header tells who (null: not shown). */
export const otherPage = (as: string | null): Seen => ({
  page: 'other',
  locale: 'en-us',
  signedIn: true,
  signedInAs: as,
  accounts: null,
  certificationConnected: null,
});

export const signedOutPage = (page: PageObservation['page'] = 'other'): Seen => ({
  page,
  locale: 'en-us',
  signedIn: false,
  signedInAs: null,
  accounts: null,
  certificationConnected: null,
});

export const profilePage = (as: string): Seen => ({ ...otherPage(as), page: 'profile' });

export const credentialsPage = (as: string, certificationConnected: boolean): Seen => ({
  ...otherPage(as),
  page: 'credentials',
  certificationConnected,
});
