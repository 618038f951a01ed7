import { describe, expect, it } from 'vitest';
import { directiveFor } from '../../src/guide/directive.ts';
import { initialProgress } from '../../src/guide/progress.ts';
import { reduce, type GuideEvent } from '../../src/guide/reducer.ts';
import type { PageObservation } from '../../src/page/observation.ts';
import { nextAction } from '../../src/guide/next-action.ts';
import * as seen from '../support/observations.ts';

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

  it('points the way back to the account the path signed in with before Connect certification profile', () => {
    const { certMsa, contoso: ana, learner: msa, personal, work } = seen;
    const walk = (pages: seen.Seen[], from = run([{ type: 'choose-path', path: 'has-aad', at: 1 }])) =>
      pages.reduce((progress, page) => reduce(progress, { type: 'observed', observation: { ...page, at: (progress.world.lastObservation?.at ?? 1) + 1 } }), from);
    const atConnect = walk([
      seen.settingsPage(msa, [personal(msa), work(ana)]),
      seen.signedOutPage(),
      seen.otherPage(ana),
      seen.settingsPage(ana, [personal(msa), work(ana)]),
      seen.settingsPage(ana, [work(ana)]),
      seen.settingsPage(ana, [work(ana), personal(certMsa)]),
      seen.signedOutPage(),
      seen.otherPage(certMsa),
    ]);
    // Connect names the account it must be done with: a page showing another one signed in docks it (plan.ts).
    const connect = { step: 'connect-cert', control: 'connect-certification', place: 'credentials', account: null, accountKind: null, with: certMsa };
    expect(directiveFor(atConnect)?.action).toEqual(connect);
    const back = { step: 'connect-cert', place: 'learn', account: certMsa, accountKind: 'personal' };
    // Signed in with the work account again (another tab), or the old personal account: Sign out first.
    for (const other of [ana, msa]) {
      const progress = walk([seen.credentialsPage(other, false)], atConnect);
      expect(directiveFor(progress)?.action, other).toEqual({ ...back, control: 'sign-out' });
      expect(directiveFor(progress)?.position).toEqual([7, 7]);
      // The popup shows the same (it asks next-action.ts, as the worker does).
      expect(nextAction(progress)).toEqual(directiveFor(progress)?.action);
    }
    expect(directiveFor(walk([seen.signedOutPage('credentials')], atConnect))?.action).toEqual({ ...back, control: 'sign-in' });
    expect(directiveFor(walk([seen.credentialsPage(certMsa, false)], atConnect))?.action).toEqual(connect);
  });

  it('is null once the path is complete', () => {
    const done = run([
      { type: 'choose-path', path: 'has-aad', at: 1 },
      { type: 'observed', observation: { page: 'credentials', locale: 'en-us', signedIn: true, signedInAs: 'cert.ana@hotmail.com', accounts: null, certificationConnected: true, at: 2 } },
    ]);
    expect(directiveFor(done)).toBeNull();
  });
});
