import type { PathId } from './procedure.ts';
import type { World } from './progress.ts';

/** The two plain questions the popup may ask; null until answered. */
export interface Answers {
  /** Can you sign in with a work or school account (from an employer or a school)? */
  canUseWork: boolean | null;
  /** Without one: keep the current Learn profile (its progress), even if it takes support days? */
  keepProfile: boolean | null;
}

export type SuggestionReason = 'work-linked' | 'can-add-work' | 'keep-profile' | 'fresh-profile' | 'ask';

export interface Suggestion {
  path: PathId;
  reason: SuggestionReason;
  /** The next question to ask, if the pages and answers do not settle it yet. */
  question: keyof Answers | null;
}

/**
 * Which path fits: what Settings showed answers what it can (a work or school account
 * already linked means has-aad), the questions the rest. Until then, Microsoft's recommended path.
 */
export function suggestPath(world: World, answers: Answers): Suggestion {
  if (world.accounts?.list.some((a) => a.kind === 'work')) {
    return { path: 'has-aad', reason: 'work-linked', question: null };
  }
  if (answers.canUseWork === null) return { path: 'recommended', reason: 'ask', question: 'canUseWork' };
  if (answers.canUseWork) return { path: 'add-aad', reason: 'can-add-work', question: null };
  if (answers.keepProfile === null) return { path: 'recommended', reason: 'ask', question: 'keepProfile' };
  return answers.keepProfile
    ? { path: 'recommended', reason: 'keep-profile', question: null }
    : { path: 'new-profile', reason: 'fresh-profile', question: null };
}
