/**
 * The procedure as data: the four paths of DESIGN.md and their steps. Step and path ids are
 * a contract (storage, tests, `data-step`); the texts shown to people live in _locales under
 * keys derived from the ids (see messageKey).
 */

export const pathIds = ['recommended', 'has-aad', 'add-aad', 'new-profile'] as const;
export type PathId = (typeof pathIds)[number];

export const stepIds = [
  'forum-open',
  'forum-ask',
  'forum-request',
  'forum-verify',
  'sign-in-msa',
  'sign-in-aad',
  'open-settings',
  'add-aad',
  'sign-out-msa',
  'remove-msa',
  'add-cert-msa',
  'sign-out-aad',
  'sign-in-cert-msa',
  'create-profile',
  'connect-cert',
  'remove-aad',
] as const;
export type StepId = (typeof stepIds)[number];

/** Where a step happens: a Learn page, any Learn page (the header), or off Learn. */
export type StepPlace = 'forum' | 'learn' | 'settings' | 'credentials' | 'profile';

/** A fact a person must read at the step where it matters, not before. */
export type WarningId = 'org-sees-progress' | 'merge-is-final' | 'keep-signed-in-account' | 'wait-for-agent';

export interface Step {
  id: StepId;
  place: StepPlace;
  /** Off Learn, only the person can say it is done. */
  proof: 'page' | 'person';
  optional?: boolean;
  warning?: WarningId;
}

const step = (id: StepId, place: StepPlace, extra: Partial<Step> = {}): Step => ({
  id,
  place,
  proof: place === 'forum' ? 'person' : 'page',
  ...extra,
});

export const paths: Record<PathId, readonly Step[]> = {
  // Support changes the Certification profile's MSA to match Learn's.
  recommended: [
    step('forum-open', 'forum'),
    step('forum-ask', 'forum'),
    step('forum-request', 'forum'),
    step('forum-verify', 'forum', { warning: 'wait-for-agent' }),
    step('sign-in-msa', 'learn'),
    step('connect-cert', 'credentials'),
  ],
  // A work or school account is already linked: swap the MSA through it.
  'has-aad': [
    step('sign-in-aad', 'learn'),
    step('open-settings', 'settings'),
    step('remove-msa', 'settings', { warning: 'keep-signed-in-account' }),
    step('add-cert-msa', 'settings', { warning: 'merge-is-final' }),
    step('sign-out-aad', 'learn'),
    step('sign-in-cert-msa', 'learn'),
    step('connect-cert', 'credentials'),
  ],
  // Link a work or school account first, then as has-aad.
  'add-aad': [
    step('sign-in-msa', 'learn'),
    step('open-settings', 'settings'),
    step('add-aad', 'settings', { warning: 'org-sees-progress' }),
    step('sign-out-msa', 'learn'),
    step('sign-in-aad', 'learn'),
    step('remove-msa', 'settings', { warning: 'keep-signed-in-account' }),
    step('add-cert-msa', 'settings', { warning: 'merge-is-final' }),
    step('sign-out-aad', 'learn'),
    step('sign-in-cert-msa', 'learn'),
    step('connect-cert', 'credentials'),
    step('remove-aad', 'settings', { optional: true, warning: 'keep-signed-in-account' }),
  ],
  // No work or school account: a new Learn profile on the Certification profile's MSA.
  'new-profile': [
    step('sign-out-msa', 'learn'),
    step('sign-in-cert-msa', 'learn'),
    step('create-profile', 'profile'),
    step('connect-cert', 'credentials'),
  ],
};

export function stepsOf(path: PathId): readonly Step[] {
  return paths[path];
}

/** The _locales key of a step's, path's or warning's text: `sign-in-aad` -> `step_sign_in_aad`. */
export function messageKey(kind: 'step' | 'stepHelp' | 'path' | 'pathHelp' | 'warning', id: string): string {
  return `${kind}_${id.replace(/-/g, '_')}`;
}

/** Microsoft's Certification support forum, where the recommended path starts. */
export const forumUrl = 'https://aka.ms/mcpforum';
