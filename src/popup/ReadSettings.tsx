import type { Progress } from '../guide/progress.ts';
import { t } from './i18n.ts';
import { openOnLearn } from './open.ts';

/** What Learn's Settings would tell the guide, said in `text`, with the button that opens it. */
export function ReadSettings({ progress, text, class: className }: { progress: Progress; text: string; class: string }) {
  return (
    <p class={className}>
      {text}{' '}
      <button type="button" class="link" onClick={() => openOnLearn('settings', progress)}>
        {t('openSettings')}
      </button>
    </p>
  );
}
