import { useState } from 'preact/hooks';
import { messageKey, pathIds } from '../guide/procedure.ts';
import type { Progress } from '../guide/progress.ts';
import { suggestPath, type Answers } from '../guide/suggest.ts';
import { t } from './i18n.ts';
import { ReadSettings } from './ReadSettings.tsx';
import { send } from './use-stored-progress.ts';

/**
 * Choosing the path: Microsoft's recommended one first, the page's evidence and at most two
 * questions to suggest another. Any path button starts that path at once.
 */
export function PathChooser(props: { progress: Progress; onChosen: () => void; onCancel: (() => void) | null }) {
  const { progress, onChosen, onCancel } = props;
  const [answers, setAnswers] = useState<Answers>({ canUseWork: null, keepProfile: null });
  const suggestion = suggestPath(progress.world, answers);
  const choose = (path: (typeof pathIds)[number]) => void send({ type: 'choose-path', path }).then(onChosen);

  return (
    <section aria-labelledby="choose-heading">
      <h2 id="choose-heading" tabIndex={-1}>{t('chooseHeading')}</h2>
      <p>{t('chooseIntro')}</p>
      {!progress.world.accounts && <ReadSettings progress={progress} text={t('chooseReadSettings')} class="muted small" />}
      {suggestion.question && (
        <fieldset class="question">
          <legend>{t(`question_${suggestion.question}`)}</legend>
          <button type="button" onClick={() => setAnswers({ ...answers, [suggestion.question as string]: true })}>
            {t('yes')}
          </button>
          <button type="button" onClick={() => setAnswers({ ...answers, [suggestion.question as string]: false })}>
            {t('no')}
          </button>
        </fieldset>
      )}
      {suggestion.reason !== 'ask' && (
        <p class="suggestion" role="status">
          {t(`reason_${suggestion.reason.replace(/-/g, '_')}`)}
        </p>
      )}
      <ul class="paths">
        {pathIds.map((id) => {
          const suggested = id === suggestion.path && suggestion.reason !== 'ask';
          return (
            <li key={id}>
              <button
                type="button"
                class={`path${suggested ? ' suggested' : ''}${id === progress.path ? ' chosen' : ''}`}
                data-path={id}
                aria-describedby={`help-${id}`}
                aria-pressed={id === progress.path}
                onClick={() => choose(id)}
              >
                <span class="path-name">{t(messageKey('path', id))}</span>
                {id === 'recommended' && <span class="tag">{t('tagRecommended')}</span>}
                {suggested && id !== 'recommended' && <span class="tag tag-suggested">{t('tagSuggested')}</span>}
                <span class="path-help" id={`help-${id}`}>
                  {t(messageKey('pathHelp', id))}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {onCancel && (
        <button type="button" class="link" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </section>
  );
}
