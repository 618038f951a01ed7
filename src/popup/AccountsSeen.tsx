import type { LearnPage, LinkedAccount } from '../page/observation.ts';
import type { Progress } from '../guide/progress.ts';
import { t, timeAgo } from './i18n.ts';

const pageNames: Record<LearnPage, string> = {
  settings: 'pageSettings',
  profile: 'pageProfile',
  credentials: 'pageCredentials',
  other: 'pageOther',
};

const kindNames: Record<LinkedAccount['kind'], string> = {
  personal: 'kindPersonal',
  work: 'kindWork',
  unknown: 'kindUnknown',
};

/** What Learn's pages last showed: who is signed in, and the accounts linked. */
export function AccountsSeen({ progress, open }: { progress: Progress; open: boolean }) {
  const seen = progress.world.lastObservation;
  const accounts = progress.world.accounts;
  const now = Date.now();
  const who = !seen
    ? null
    : !seen.signedIn
      ? t('signedOut')
      : seen.signedInAs
        ? t('signedInAs', seen.signedInAs)
        : t('signedInUnknown');
  return (
    <details class="seen" open={open}>
      <summary>{t('seenHeading')}</summary>
      {!seen && <p class="muted">{t('nothingSeen')}</p>}
      {seen && (
        <>
          <p class="who" data-testid="signed-in">
            {who}
          </p>
          <p class="muted small">{t('seenOn', t(pageNames[seen.page]), timeAgo(seen.at, now))}</p>
        </>
      )}
      <h3>{t('linkedAccounts')}</h3>
      {accounts ? (
        <>
          <ul class="accounts" data-testid="accounts">
            {accounts.list.map((account) => {
              const current = Boolean(seen?.signedIn && account.address === seen.signedInAs);
              return (
                <li key={account.address} data-address={account.address} data-kind={account.kind} data-current={current ? 'true' : undefined}>
                  <span class="address">{account.address}</span>
                  <span class={`kind kind-${account.kind}`}>{t(kindNames[account.kind])}</span>
                  {current && <span class="badge">{t('currentAccount')}</span>}
                </li>
              );
            })}
          </ul>
          <p class="muted small">{t('linkedAccountsSeen', timeAgo(accounts.at, now), accounts.signedInAs ?? '?')}</p>
        </>
      ) : (
        <p class="muted">{seen?.page === 'settings' && seen.signedIn ? t('accountsNotFound') : t('accountsNotRead')}</p>
      )}
    </details>
  );
}
