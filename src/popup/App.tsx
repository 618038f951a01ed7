import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { LearnPage, LinkedAccount } from '../page/observation.ts';
import type { Message } from '../storage/schema.ts';
import type { AlignerState } from '../storage/state.ts';
import { learnLocale, t, timeAgo } from './i18n.ts';
import { useStoredState } from './use-stored-state.ts';

const send = (message: Message) => browser.runtime.sendMessage(message);

const pageNames: Record<LearnPage, string> = {
  settings: 'pageSettings',
  profile: 'pageProfile',
  credentials: 'pageCredentials',
};

const kindNames: Record<LinkedAccount['kind'], string> = {
  personal: 'kindPersonal',
  work: 'kindWork',
  unknown: 'kindUnknown',
};

export function App() {
  const state = useStoredState();
  if (!state) return null;
  const now = Date.now();
  return (
    <>
      <header class="top">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
      </header>
      {state.notice === 'reset-broken' && (
        <div class="notice" role="status">
          <p>{t('noticeResetBroken')}</p>
          <button type="button" class="link" onClick={() => void send({ type: 'dismiss-notice' })}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <section aria-labelledby="seen-heading">
        <h2 id="seen-heading">{t('seenHeading')}</h2>
        {state.lastObservation ? <SeenSummary state={state} now={now} /> : <p class="muted">{t('nothingSeen')}</p>}
        <button type="button" class="primary" onClick={() => openSettings(state)}>
          {t('openSettings')}
        </button>
      </section>
      <footer>
        <p class="muted">{t('privacyNote')}</p>
        {(state.lastObservation || state.accounts) && <ForgetButton />}
      </footer>
    </>
  );
}

function SeenSummary({ state, now }: { state: AlignerState; now: number }) {
  const seen = state.lastObservation;
  if (!seen) return null;
  const who = !seen.signedIn
    ? t('signedOut')
    : seen.signedInAs
      ? t('signedInAs', seen.signedInAs)
      : t('signedInUnknown');
  const accounts = state.accounts;
  return (
    <>
      <p class="who" data-testid="signed-in">
        {who}
      </p>
      <p class="muted small">{t('seenOn', t(pageNames[seen.page]), timeAgo(seen.at, now))}</p>
      <h3>{t('linkedAccounts')}</h3>
      {accounts ? (
        <>
          <ul class="accounts" data-testid="accounts">
            {accounts.list.map((account) => (
              <AccountItem
                key={account.address}
                account={account}
                current={seen.signedIn && account.address === seen.signedInAs}
              />
            ))}
          </ul>
          <p class="muted small">
            {t('linkedAccountsSeen', timeAgo(accounts.at, now), accounts.signedInAs ?? '?')}
          </p>
        </>
      ) : (
        <p class="muted">{seen.page === 'settings' ? t('accountsNotFound') : t('nothingSeen')}</p>
      )}
    </>
  );
}

function AccountItem({ account, current }: { account: LinkedAccount; current: boolean }) {
  return (
    <li data-address={account.address} data-kind={account.kind} data-current={current ? 'true' : undefined}>
      <span class={`kind kind-${account.kind}`}>{t(kindNames[account.kind])}</span>
      <span class="address">{account.address}</span>
      {current && <span class="badge">{t('currentAccount')}</span>}
    </li>
  );
}

function ForgetButton() {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" class="link" onClick={() => setConfirming(true)}>
        {t('forget')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={t('forget')}>
      <button
        type="button"
        class="danger"
        onClick={() => void send({ type: 'reset' }).then(() => setConfirming(false))}
      >
        {t('forgetConfirm')}
      </button>
      <button type="button" class="link" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}

function openSettings(state: AlignerState) {
  const locale = state.lastObservation?.locale ?? learnLocale();
  void browser.tabs.create({ url: `https://learn.microsoft.com/${locale}/users/me/settings/` });
  window.close();
}
