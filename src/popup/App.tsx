import { messageKey } from '../guide/procedure.ts';
import type { Progress } from '../guide/progress.ts';
import { AccountsSeen } from './AccountsSeen.tsx';
import { t } from './i18n.ts';
import { PageReportButton } from './PageReportButton.tsx';
import { PathChooser } from './PathChooser.tsx';
import { PathView } from './PathView.tsx';
import { ResetButton } from './ResetButton.tsx';
import { send, useStored } from './use-stored-progress.ts';
import { useState } from 'preact/hooks';

/** `stored`: what storage held when the popup opened (read before the first render). */
export function App({ stored }: { stored: Record<string, unknown> }) {
  const { progress, action } = useStored(stored);
  const [choosing, setChoosing] = useState(false);
  if (!progress) return null;
  const showChooser = !progress.path || choosing;
  return (
    <>
      <header class="top">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
        <a class="link" href="help.html" target="_blank">
          {t('help')}
        </a>
      </header>
      <Notice progress={progress} />
      {showChooser ? (
        <PathChooser progress={progress} onChosen={() => setChoosing(false)} onCancel={progress.path ? () => setChoosing(false) : null} />
      ) : (
        <PathView progress={progress} action={action} onChangePath={() => setChoosing(true)} />
      )}
      <AccountsSeen progress={progress} open={!progress.path} />
      <footer>
        <p class="muted">{t('privacyNote')}</p>
        <PageReportButton />
        {(progress.path || progress.world.lastObservation) && <ResetButton />}
      </footer>
    </>
  );
}

function Notice({ progress }: { progress: Progress }) {
  const { notice } = progress;
  if (!notice) return null;
  const text =
    notice.kind === 'reset-broken' ? t('noticeResetBroken') : t('noticeUndone', t(messageKey('step', notice.step)));
  return (
    <div class={`notice notice-${notice.kind}`} role="status">
      <p>{text}</p>
      <button type="button" class="link" onClick={() => void send({ type: 'dismiss-notice' })}>
        {t('dismiss')}
      </button>
    </div>
  );
}
