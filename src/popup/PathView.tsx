import { useEffect, useState } from 'preact/hooks';
import { actionHint, wrongAccountWarning } from '../guide/instructions.ts';
import { checklist, isComplete, type ChecklistItem, type NextAction } from '../guide/next-action.ts';
import { messageKey, type StepPlace } from '../guide/procedure.ts';
import type { Progress } from '../guide/progress.ts';
import { CertificationFields } from './CertificationFields.tsx';
import { t, tx } from './i18n.ts';
import { openOnLearn } from './open.ts';
import { send } from './use-stored-progress.ts';
import type { ForumStep } from './Forum.tsx';

const openLabels: Record<StepPlace, string> = {
  forum: 'openForum',
  learn: 'openLearn',
  settings: 'openSettings',
  credentials: 'openCredentials',
  profile: 'openProfile',
};

/** The chosen path: where the person stands, what to do now, and every step's state. */
export function PathView({ progress, action, onChangePath }: { progress: Progress; action: NextAction | null; onChangePath: () => void }) {
  const path = progress.path;
  if (!path) return null;
  const items = checklist(progress);
  const currentIndex = items.findIndex((item) => item.state === 'current');
  const doneCount = items.filter((item) => item.state === 'done').length;
  const complete = isComplete(progress);
  const step = items[currentIndex]?.step.id;
  const forumStep = step === 'forum-request' || step === 'forum-verify' ? step : null;
  return (
    <section aria-labelledby="path-heading">
      <div class="path-head">
        <h2 id="path-heading" tabIndex={-1}>{t(messageKey('path', path))}</h2>
        <button type="button" class="link" onClick={onChangePath}>
          {t('changePath')}
        </button>
      </div>
      <p class={complete ? 'complete' : 'step-count'} data-testid="step-count" role={complete ? 'status' : undefined}>
        {complete ? t('pathComplete') : t('stepNofM', String(currentIndex + 1), String(items.length))}
      </p>
      <progress max={items.length} value={doneCount} aria-label={t('progressLabel', String(doneCount), String(items.length))} />
      {!complete && action && <CurrentStep progress={progress} action={action} />}
      {forumStep && <ForumSteps progress={progress} step={forumStep} />}
      <ol class="checklist" aria-label={t('checklistLabel')}>
        {items.map((item) => (
          <ChecklistRow key={item.step.id} item={item} />
        ))}
      </ol>
      {!forumStep && !complete && <CertificationFields progress={progress} />}
    </section>
  );
}

type ForumModule = typeof import('./Forum.tsx');
let forum: Promise<ForumModule> | undefined;

/** The forum steps' views (Forum.tsx), imported the first time the popup shows one of them. */
function ForumSteps(props: { progress: Progress; step: ForumStep }) {
  const [module, setModule] = useState<ForumModule | null>(null);
  useEffect(() => void (forum ??= import('./Forum.tsx')).then(setModule), []);
  return module && <module.Forum {...props} />;
}

/** What to do now: the worker's action for the current step (use-stored-progress.ts). */
function CurrentStep({ progress, action }: { progress: Progress; action: NextAction }) {
  const step = checklist(progress).find((item) => item.state === 'current')?.step;
  const wrongAccount = wrongAccountWarning(progress);
  return (
    <div class="current" data-testid="current-step">
      <p class="instruction">{t(messageKey('step', action.step))}</p>
      <p class="hint">{tx(actionHint(action))}</p>
      {step?.warning && (
        <p class="warning" role="note">
          {t(messageKey('warning', step.warning))}
        </p>
      )}
      {wrongAccount && (
        <p class="warning" role="alert">
          {tx(wrongAccount)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={() => openOnLearn(action.place, progress)}>
          {t(openLabels[action.place])}
        </button>
        {progress.overlayDismissed === action.step && (
          <button type="button" onClick={() => void send({ type: 'show-overlay' })}>
            {t('showOverlay')}
          </button>
        )}
        {step?.proof === 'person' && (
          <button type="button" onClick={() => void send({ type: 'tick', step: step.id, done: true })}>
            {t('markDone')}
          </button>
        )}
      </div>
    </div>
  );
}

function ChecklistRow({ item }: { item: ChecklistItem }) {
  const { step, state, done } = item;
  const stateText =
    state === 'done' ? t(done?.by === 'person' ? 'stateDoneByYou' : 'stateDoneByPage') : t(state === 'current' ? 'stateCurrent' : 'stateTodo');
  return (
    <li
      data-step={step.id}
      data-state={state}
      data-done-by={done?.by}
      aria-current={state === 'current' ? 'step' : undefined}
    >
      <span class="mark" aria-hidden="true">
        {state === 'done' ? '✓' : state === 'current' ? '➜' : ''}
      </span>
      <span class="label">
        {t(messageKey('step', step.id))}
        {step.optional && <span class="muted"> ({t('optional')})</span>}
        <span class="state">{stateText}</span>
      </span>
      {step.proof === 'person' && (
        <input
          type="checkbox"
          checked={state === 'done'}
          aria-label={t('markDoneStep', t(messageKey('step', step.id)))}
          // The box shows what is stored, not the click: ticked once the worker has stored it,
          // never when storage refused it (full or failing).
          onClick={(event) => {
            event.preventDefault();
            void send({ type: 'tick', step: step.id, done: state !== 'done' });
          }}
        />
      )}
    </li>
  );
}
