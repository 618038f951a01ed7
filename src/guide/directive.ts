import { actionHint, type Text } from './instructions.ts';
import { checklist, nextAction, type NextAction } from './next-action.ts';
import { messageKey } from './procedure.ts';
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
  const action = nextAction(progress);
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
