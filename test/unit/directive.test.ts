import { describe, expect, it } from 'vitest';
import { directiveFor } from '../../src/guide/directive.ts';
import { initialProgress } from '../../src/guide/progress.ts';
import { reduce, type GuideEvent } from '../../src/guide/reducer.ts';
import type { PageObservation } from '../../src/page/observation.ts';

/** The directive the worker stores for the overlay: the current step's control and texts. */

const learner = 'learner@outlook.com';
const contoso = 'ana@contoso.com';
const settings = (signedInAs: string, accounts: PageObservation['accounts'], at: number): GuideEvent => ({
  type: 'observed',
  observation: { page: 'settings', locale: 'en-us', signedIn: true, signedInAs, accounts, certificationConnected: false, at },
});
const run = (events: GuideEvent[]) => events.reduce(reduce, initialProgress());

describe('directiveFor', () => {
  it('is null with no path chosen', () => {
    expect(directiveFor(run([settings(learner, [{ address: learner, kind: 'personal' }], 1)]))).toBeNull();
  });

  it("names the MSA's Remove at has-aad's third step, with the step's texts", () => {
    const progress = run([
      { type: 'choose-path', path: 'has-aad', at: 1 },
      settings(contoso, [{ address: learner, kind: 'personal' }, { address: contoso, kind: 'work' }], 2),
    ]);
    expect(directiveFor(progress)).toEqual({
      action: { step: 'remove-msa', place: 'settings', control: 'remove-account', account: learner, accountKind: 'personal' },
      position: [3, 7],
      instruction: { key: 'step_remove_msa' },
      hint: { key: 'hint_remove', substitutions: [learner] },
      warning: { key: 'warning_keep_signed_in_account' },
      dismissed: false,
    });
    const dismissed = reduce(progress, { type: 'dismiss-overlay', step: 'remove-msa' });
    expect(directiveFor(dismissed)?.dismissed).toBe(true);
  });

  it('is null once the path is complete', () => {
    const done = run([
      { type: 'choose-path', path: 'has-aad', at: 1 },
      { type: 'observed', observation: { page: 'credentials', locale: 'en-us', signedIn: true, signedInAs: 'cert.ana@hotmail.com', accounts: null, certificationConnected: true, at: 2 } },
    ]);
    expect(directiveFor(done)).toBeNull();
  });
});
