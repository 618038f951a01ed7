import { actionHint, type Text } from './instructions.ts';
import { checklist, nextAction, type NextAction } from './next-action.ts';
import { messageKey, stepsOf } from './procedure.ts';
import type { Progress } from './progress.ts';

/**
 * What the page overlay needs of the guide for the current step, worked out by the worker
 * and stored beside the progress, so the content script (parsed on every Learn page)
 * carries no procedure: the control to point at, the texts, where the step stands.
 */
export interface Directive {
  action: NextAction;
  /** Position in the path, 1-based, and the path's length. */
  position: [number, number];
  instruction: Text;
  hint: Text;
  warning: Text | null;
  /** The person closed the overlay for this step; pages still report who is signed in. */
  dismissed: boolean;
  /** The overlay's texts for it, by message key, worded by the worker (overlay/texts.ts). */
  texts?: Record<string, string>;
}

/** The current step's directive; null with no path or a finished one. */
export function directiveFor(progress: Progress): Directive | null {
  const items = checklist(progress);
  const index = items.findIndex((item) => item.state === 'current');
  const step = items[index]?.step;
  const action = connectWay(progress, nextAction(progress));
  if (!step || !action) return null;
  return {
    action,
    position: [index + 1, items.length],
    instruction: { key: messageKey('step', step.id) },
    hint: actionHint(action),
    warning: step.warning ? { key: messageKey('warning', step.warning) } : null,
    dismissed: progress.overlayDismissed === step.id,
  };
}

/**
 * At connect-cert, the control waits for the account the path signed in with before it
 * (sign-in-msa's, the Learn profile's own; or sign-in-cert-msa's): while Learn shows no one
 * signed in, or another account the guide can tell, the page points the sign-in step's own
 * way back to it (Sign in; Sign out first), not at Connect certification profile, which Learn
 * would refuse or take for another profile. That step's way is nextAction's, asked as if it
 * were not done yet. Not told who is signed in, or which account it must be: Connect.
 * (Here, for the page: the popup, held to its size budget, shows the step's own control.)
 */
function connectWay(progress: Progress, action: NextAction | null): NextAction | null {
  const path = progress.path;
  if (action?.step !== 'connect-cert' || !path) return action;
  const signIn = stepsOf(path).filter((step) => step.id.startsWith('sign-in')).at(-1)?.id;
  if (!signIn) return action;
  const way = nextAction({ ...progress, done: { ...progress.done, [path]: { ...progress.done[path], [signIn]: undefined } } });
  const signedIn = progress.world.lastObservation?.signedIn;
  return way && !way.hold && (way.control === 'sign-out' || !signedIn) ? { ...way, step: action.step } : action;
}
