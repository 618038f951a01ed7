import * as v from 'valibot';
import type { PageObservation } from '../page/observation.ts';
import { alignerStateSchema, type AccountsSnapshot } from './schema.ts';

/** Everything the extension keeps, under one key of browser.storage.local. */
export const storageKey = 'aligner';
export const schemaVersion = 1;

export interface AlignerState {
  schema: typeof schemaVersion;
  /** The latest observation of a page the guide reads. */
  lastObservation: PageObservation | null;
  /** The account list last read on Settings, and who was signed in then. */
  accounts: AccountsSnapshot | null;
  /** Something the popup must tell once: the stored value was unreadable and was reset. */
  notice: 'reset-broken' | null;
}

export function initialState(): AlignerState {
  return { schema: schemaVersion, lastObservation: null, accounts: null, notice: null };
}

/**
 * The state from whatever storage held: nothing yet gives a fresh state; anything that is not
 * a valid state of this version gives a fresh state with a notice, never an exception.
 */
export function parseState(stored: unknown): AlignerState {
  if (stored === undefined) return initialState();
  const parsed = v.safeParse(alignerStateSchema, stored);
  if (parsed.success) return parsed.output;
  return { ...initialState(), notice: 'reset-broken' };
}

/** What an observation changes: the last seen page, and the account list when it shows one. */
export function applyObservation(state: AlignerState, observation: PageObservation): AlignerState {
  if (state.lastObservation && state.lastObservation.at > observation.at) return state;
  const accounts = observation.accounts
    ? {
        list: observation.accounts,
        signedInAs: observation.signedInAs,
        locale: observation.locale,
        at: observation.at,
      }
    : state.accounts;
  return { ...state, lastObservation: observation, accounts };
}
