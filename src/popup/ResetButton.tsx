import { useState } from 'preact/hooks';
import { t } from './i18n.ts';
import { send } from './use-stored-progress.ts';

/** Wipes everything stored (path, progress, addresses seen), after a confirmation. */
export function ResetButton() {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" class="link" data-then=".confirm .link" onClick={() => setConfirming(true)}>
        {t('reset')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={t('reset')}>
      <p>{t('resetQuestion')}</p>
      <button type="button" class="danger" onClick={() => void send({ type: 'reset' }).then(() => setConfirming(false))}>
        {t('resetConfirm')}
      </button>
      <button type="button" class="link" data-then="footer > .link" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
