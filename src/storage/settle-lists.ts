import type { PageObservation } from '../page/observation.ts';
import type { AccountsSnapshot } from '../guide/progress.ts';

/**
 * An account list is the page's word on which accounts are linked only once it has stood
 * still. Learn may draw its rows one by one (the signed-in account's first), and until the
 * last one comes the list lacks an account that is still linked: taken at once, it would prove
 * the personal account removed, move the guide on to "Add account" and take it all back a
 * moment later ("step undone"). And on a first visit, before the guide knows the Learn
 * profile's personal account, nothing would take it back.
 *
 * So a report whose list lacks an address the last list had (or that is the first list seen)
 * is judged only after `settleMs` without a newer report from the same tab; a newer one takes
 * its place. A list that lacks nothing (the same accounts, or one more: the account just added)
 * is judged at once, as is every report without a list. A held report is judged as of the
 * moment it is let through: meanwhile another tab's report may have been judged, and the held
 * one is not older news than that; what its own tab says after it is newer news still. After
 * a real removal, the guide moves on `settleMs` later; until then the page shows the removed
 * account's row nowhere, and the guide docks.
 */
export function lacksListed(before: AccountsSnapshot | null, observation: PageObservation): boolean {
  const list = observation.signedIn ? observation.accounts : null;
  if (!list) return false;
  return !before || before.list.some(({ address }) => !list.some((account) => account.address === address));
}

export interface ListSettlerOptions {
  /** The last account list judged (the stored progress's). */
  lastList: () => Promise<AccountsSnapshot | null>;
  /** Judges a report: what the sender is answered. */
  judge: (observation: PageObservation) => Promise<unknown>;
  settleMs?: number;
  now?: () => number;
}

/** Takes a tab's report (`tab` undefined: a sender with no tab): judged now, or once its list has settled. */
export type ListSettler = (tab: number | undefined, observation: PageObservation) => Promise<unknown>;

export function settleLists({ lastList, judge, settleMs = 1_000, now = Date.now }: ListSettlerOptions): ListSettler {
  /**
   * Per tab, its latest report's number: a held report is let through only if still the
   * latest. (One number per tab the worker has heard from since it started, here and below.)
   */
  const latest = new Map<number | undefined, number>();
  /**
   * Per tab, the time its last held report was judged as of: what the tab says after it is
   * newer than that, whatever the page's clock said (the row still to come, read a moment
   * before the held list was let through, is not older news than that list).
   */
  const letThrough = new Map<number | undefined, number>();
  let reports = 0;
  return async (tab, observation) => {
    const mine = ++reports;
    latest.set(tab, mine);
    const at = Math.max(observation.at, letThrough.get(tab) ?? 0);
    if (!lacksListed(await lastList(), observation)) return judge({ ...observation, at });
    await new Promise((wake) => setTimeout(wake, settleMs));
    // The tab has said something newer since: that is what it shows.
    if (latest.get(tab) !== mine) return true;
    const through = Math.max(at, now());
    letThrough.set(tab, through);
    return judge({ ...observation, at: through });
  };
}
