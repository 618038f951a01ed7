import { stepsOf, type PathId, type StepId } from '../guide/procedure.ts';

/**
 * What can go wrong on the paths, told in plain words on the help page. The popup and the
 * overlay warn at the step itself (procedure.ts's warnings); the help page says it all before
 * a person chooses.
 */
export const riskIds = ['wrong-account', 'signed-in-account', 'last-account', 'merge', 'work-account', 'wait', 'fresh-start'] as const;
export type RiskId = (typeof riskIds)[number];

/** The risks a step carries; a path's risks are those of its steps. */
const risksOfStep: Partial<Record<StepId, readonly RiskId[]>> = {
  'forum-verify': ['wait'],
  // Signed in with it, then the profile's way in while the personal account is swapped.
  'sign-in-aad': ['work-account'],
  'add-aad': ['work-account'],
  'remove-msa': ['wrong-account', 'signed-in-account', 'last-account'],
  'add-cert-msa': ['merge'],
  'create-profile': ['fresh-start'],
  'remove-aad': ['wrong-account', 'signed-in-account', 'last-account'],
};

/** A path's risks, each once, in the order of riskIds. */
export function risksOf(path: PathId): RiskId[] {
  const risks = new Set(stepsOf(path).flatMap((step) => risksOfStep[step.id] ?? []));
  return riskIds.filter((risk) => risks.has(risk));
}

/** The _locales keys of a risk's name and its explanation: `last-account` -> `helpRisk_last_account`. */
export function riskKey(part: 'name' | 'text', risk: RiskId): string {
  return `${part === 'name' ? 'helpRisk' : 'helpRiskText'}_${risk.replace(/-/g, '_')}`;
}
