import type { Progress } from '../guide/progress.ts';
import { t, timeAgo } from './i18n.ts';

/** `settings` -> `pageSettings`, `work` -> `kindWork`: the _locales keys of pages and kinds. */
const key = (prefix: 'page' | 'kind', name: string) => prefix + name.charAt(0).toUpperCase() + name.slice(1);

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
          <p class="muted small">{t('seenOn', t(key('page', seen.page)), timeAgo(seen.at, now))}</p>
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
                  <span class={`kind kind-${account.kind}`}>{t(key('kind', account.kind))}</span>
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
