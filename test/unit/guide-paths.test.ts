import { describe, expect, it } from 'vitest';
import { checklist, isComplete, nextAction, type NextAction } from '../../src/guide/next-action.ts';
import { stepsOf, type PathId, type StepId } from '../../src/guide/procedure.ts';
import { initialProgress, initialWorld, type Progress } from '../../src/guide/progress.ts';
import { reduce, type GuideEvent } from '../../src/guide/reducer.ts';
import { suggestPath, type Answers } from '../../src/guide/suggest.ts';
import {
  learner,
  certMsa,
  contoso,
  fabrikam,
  personal,
  work,
  settingsPage,
  otherPage,
  signedOutPage,
  profilePage,
  credentialsPage,
  type Seen,
} from '../support/observations.ts';

/**
 * Every path walked as a person would on Learn, one page at a time, with the replica's
 * people (test/fixtures/replica/scenarios.ts): after each page, the checklist and the one
 * control the guide points at.
 */

/** One person using the guide: each event a little later than the one before. */
class Person {
  progress: Progress = initialProgress();
  private clock = 1_700_000_000_000;

  do(event: GuideEvent): this {
    this.progress = reduce(this.progress, event);
    return this;
  }
  choose(path: PathId): this {
    return this.do({ type: 'choose-path', path, at: ++this.clock });
  }
  see(seen: Seen): this {
    return this.do({ type: 'observed', observation: { ...seen, at: ++this.clock } });
  }
  tick(step: StepId, done = true): this {
    return this.do({ type: 'tick', step, done, at: ++this.clock });
  }
  enterCertMsa(address: string | null): this {
    return this.do({ type: 'set-cert-msa', address, at: ++this.clock });
  }
}

/**
 * The checklist as one line: each step of the path, in order, as `page` or `person` (done,
 * and by whom), `current` or `todo`.
 */
function states(p: Progress): string {
  return checklist(p)
    .map((item) => (item.state === 'done' ? (item.done?.by ?? 'done?') : item.state))
    .join(' ');
}

/** The parts of the next action a person acts on. */
function action(p: Progress): Partial<NextAction> | null {
  const a = nextAction(p);
  if (!a) return null;
  const { step, control, account, accountKind, place, hold } = a;
  // `with`: the account the page must show signed in, where the step names one.
  return { step, control, account, accountKind, place, ...(hold && { hold }), ...(a.with !== undefined && { with: a.with }) };
}

function expectAt(person: Person, expectedStates: string, expectedAction: Partial<NextAction> | null) {
  expect(states(person.progress)).toBe(expectedStates);
  expect(action(person.progress)).toEqual(expectedAction);
}

describe('the procedure as data', () => {
  it('has the step ids of DESIGN.md, in order', () => {
    const ids = (path: PathId) => stepsOf(path).map((s) => s.id);
    expect(ids('recommended')).toEqual(['forum-open', 'forum-ask', 'forum-request', 'forum-verify', 'sign-in-msa', 'connect-cert']);
    expect(ids('has-aad')).toEqual([
      'sign-in-aad',
      'open-settings',
      'remove-msa',
      'add-cert-msa',
      'sign-out-aad',
      'sign-in-cert-msa',
      'connect-cert',
    ]);
    expect(ids('add-aad')).toEqual([
      'sign-in-msa',
      'open-settings',
      'add-aad',
      'sign-out-msa',
      'sign-in-aad',
      'remove-msa',
      'add-cert-msa',
      'sign-out-aad',
      'sign-in-cert-msa',
      'connect-cert',
      'remove-aad',
    ]);
    expect(ids('new-profile')).toEqual(['sign-out-msa', 'sign-in-cert-msa', 'create-profile', 'connect-cert']);
  });

  it('lets only the person tick the forum steps, and makes only remove-aad optional', () => {
    for (const path of ['recommended', 'has-aad', 'add-aad', 'new-profile'] as const) {
      for (const s of stepsOf(path)) {
        expect(s.proof, `${path}/${s.id}`).toBe(s.id.startsWith('forum-') ? 'person' : 'page');
        expect(s.optional ?? false, `${path}/${s.id}`).toBe(s.id === 'remove-aad');
      }
    }
  });
});

describe('suggestPath: which path fits', () => {
  const unanswered: Answers = { canUseWork: null, keepProfile: null };
  const seen = (...pages: Seen[]) => pages.reduce((p, o, i) => reduce(p, { type: 'observed', observation: { ...o, at: i + 1 } }), initialProgress()).world;

  it('has-aad as soon as Settings listed a work account, whatever was answered', () => {
    const world = seen(settingsPage(learner, [personal(learner), work(contoso)]));
    for (const canUseWork of [null, true, false]) {
      expect(suggestPath(world, { canUseWork, keepProfile: false })).toEqual({ path: 'has-aad', reason: 'work-linked', question: null });
    }
  });

  it('otherwise asks, recommending the support path until answered', () => {
    const world = seen(settingsPage(learner, [personal(learner)]));
    expect(suggestPath(initialWorld(), unanswered)).toEqual({ path: 'recommended', reason: 'ask', question: 'canUseWork' });
    expect(suggestPath(world, unanswered)).toEqual({ path: 'recommended', reason: 'ask', question: 'canUseWork' });
    expect(suggestPath(world, { canUseWork: true, keepProfile: null })).toEqual({ path: 'add-aad', reason: 'can-add-work', question: null });
    expect(suggestPath(world, { canUseWork: false, keepProfile: null })).toEqual({ path: 'recommended', reason: 'ask', question: 'keepProfile' });
    expect(suggestPath(world, { canUseWork: false, keepProfile: true })).toEqual({ path: 'recommended', reason: 'keep-profile', question: null });
    expect(suggestPath(world, { canUseWork: false, keepProfile: false })).toEqual({ path: 'new-profile', reason: 'fresh-profile', question: null });
  });

  it('keeps the last list seen: another page afterwards changes nothing', () => {
    const world = seen(settingsPage(learner, [personal(learner), work(contoso)]), otherPage(certMsa), signedOutPage());
    expect(suggestPath(world, unanswered).path).toBe('has-aad');
  });
});

describe('no path chosen', () => {
  it('shows no checklist and points at nothing, whatever the pages show', () => {
    const person = new Person().see(settingsPage(learner, [personal(learner), work(contoso)]));
    expect(checklist(person.progress)).toEqual([]);
    expect(nextAction(person.progress)).toBeNull();
    expect(isComplete(person.progress)).toBe(false);
    expect(person.progress.done).toEqual({});
  });
});

describe('path has-aad (a work account is already linked)', () => {
  it('is walked page by page from the Learn MSA to the connected Certification profile', () => {
    const person = new Person().choose('has-aad');
    expectAt(person, 'current todo todo todo todo todo todo', {
      step: 'sign-in-aad',
      control: 'sign-in',
      account: null,
      accountKind: 'work',
      place: 'learn',
    });

    // Signed in with the Learn MSA, on Settings: both accounts listed.
    person.see(settingsPage(learner, [personal(learner), work(contoso)]));
    expect(person.progress.world.learnMsa).toBe(learner);
    // Sign out, then sign in with the work account the list shows.
    expectAt(person, 'current todo todo todo todo todo todo', {
      step: 'sign-in-aad',
      control: 'sign-out',
      account: contoso,
      accountKind: 'work',
      place: 'learn',
    });

    // Signed out: Sign in with the work account that list shows.
    person.see(signedOutPage());
    expectAt(person, 'current todo todo todo todo todo todo', {
      step: 'sign-in-aad',
      control: 'sign-in',
      account: contoso,
      accountKind: 'work',
      place: 'learn',
    });

    // Back on the home page, signed in with the work account (its kind known from Settings).
    person.see(otherPage(contoso));
    expectAt(person, 'page current todo todo todo todo todo', {
      step: 'open-settings',
      control: 'settings',
      account: null,
      accountKind: null,
      place: 'settings',
    });

    person.see(settingsPage(contoso, [personal(learner), work(contoso)]));
    expectAt(person, 'page page current todo todo todo todo', {
      step: 'remove-msa',
      control: 'remove-account',
      account: learner,
      accountKind: 'personal',
      place: 'settings',
    });

    person.see(settingsPage(contoso, [work(contoso)]));
    expectAt(person, 'page page page current todo todo todo', {
      step: 'add-cert-msa',
      control: 'add-account',
      account: null, // not entered, not seen yet
      accountKind: 'personal',
      place: 'settings',
      with: contoso, // the page must show it signed in (the profile the MSA is added to)
    });

    person.see(settingsPage(contoso, [work(contoso), personal(certMsa)]));
    expect(person.progress.world.newMsa).toBe(certMsa);
    expectAt(person, 'page page page page current todo todo', {
      step: 'sign-out-aad',
      control: 'sign-out',
      account: null,
      accountKind: null,
      place: 'learn',
    });

    person.see(signedOutPage());
    expectAt(person, 'page page page page page current todo', {
      step: 'sign-in-cert-msa',
      control: 'sign-in',
      account: certMsa,
      accountKind: 'personal',
      place: 'learn',
    });

    person.see(otherPage(certMsa));
    expectAt(person, 'page page page page page page current', {
      step: 'connect-cert',
      control: 'connect-certification',
      account: null,
      with: certMsa,
      accountKind: null,
      place: 'credentials',
    });

    person.see(credentialsPage(certMsa, false));
    expectAt(person, 'page page page page page page current', {
      step: 'connect-cert',
      control: 'connect-certification',
      account: null,
      with: certMsa,
      accountKind: null,
      place: 'credentials',
    });
    expect(isComplete(person.progress)).toBe(false);

    person.see(credentialsPage(certMsa, true));
    expectAt(person, 'page page page page page page page', null);
    expect(isComplete(person.progress)).toBe(true);
    expect(person.progress.notice).toBeNull();
  });

  it('points at signing out when someone else than the work account is signed in, then at the removal', () => {
    const person = new Person().choose('has-aad').see(settingsPage(learner, [personal(learner), work(contoso)]));
    // The certification account signed in instead: the profile's list (read signed in with its
    // Learn MSA) does not show it, so it is another profile's, whatever its kind: back to the
    // profile's work account.
    person.see(otherPage(certMsa));
    expect(action(person.progress)).toMatchObject({ step: 'sign-in-aad', control: 'sign-out', hold: 'other-profile', account: contoso });
    // Learner, known personal: sign out, then in with the work account.
    person.see(otherPage(learner));
    expect(action(person.progress)).toMatchObject({ step: 'sign-in-aad', control: 'sign-out' });
    person.see(otherPage(contoso)).see(settingsPage(contoso, [personal(learner), work(contoso)]));
    expect(action(person.progress)).toMatchObject({ step: 'remove-msa', control: 'remove-account', account: learner });
  });

  it('points at the removal of the account an earlier list told personal, on a Settings page that tells no kind', () => {
    const person = new Person().choose('has-aad').see(settingsPage(contoso, [personal(learner), work(contoso)]));
    expect(action(person.progress)).toMatchObject({ step: 'remove-msa', control: 'remove-account', account: learner });
    // The same list in a language without words: no kind told, none contradicted.
    const untold = settingsPage(contoso, [learner, contoso].map((address) => ({ address, kind: 'unknown' as const })));
    person.see(untold);
    expect(action(person.progress)).toMatchObject({ step: 'remove-msa', control: 'remove-account', account: learner });
    // Never the one signed in, whatever it was told.
    person.see({ ...untold, signedInAs: learner });
    expect(action(person.progress)).not.toMatchObject({ control: 'remove-account', account: learner });
  });

  it('DESIGN example: one Settings page, signed in with the work account and no personal account listed, proves three steps on a fresh install', () => {
    let p = reduce(initialProgress(), { type: 'choose-path', path: 'has-aad', at: 1 });
    p = reduce(p, {
      type: 'observed',
      observation: { ...settingsPage(contoso, [work(contoso)]), at: 2 },
    });
    expect(states(p)).toBe('page page page current todo todo todo');
    for (const id of ['sign-in-aad', 'open-settings', 'remove-msa'] as const) {
      expect(p.done['has-aad']?.[id]).toEqual({ by: 'page', at: 2 });
    }
    expect(action(p)).toEqual({
      step: 'add-cert-msa',
      control: 'add-account',
      account: null,
      accountKind: 'personal',
      place: 'settings',
      with: contoso, // the page must show it signed in (the profile the MSA is added to)
    });
    expect(p.world.learnMsa).toBeNull();

    // Then adding the Certification MSA is recognised, though the old MSA was never seen.
    p = reduce(p, {
      type: 'observed',
      observation: { ...settingsPage(contoso, [work(contoso), personal(certMsa)]), at: 3 },
    });
    expect(states(p)).toBe('page page page page current todo todo');
    expect(p.world.newMsa).toBe(certMsa);
    expect(p.world.learnMsa).toBeNull();
  });

  it('with the Certification MSA entered, names it at add-cert-msa and sign-in-cert-msa', () => {
    const person = new Person().choose('has-aad').enterCertMsa(' Cert.Ana@Hotmail.com ');
    expect(person.progress.certMsa).toBe(certMsa);
    person.see(settingsPage(contoso, [personal(learner), work(contoso)])).see(settingsPage(contoso, [work(contoso)]));
    expect(action(person.progress)).toMatchObject({ step: 'add-cert-msa', control: 'add-account', account: certMsa });
    person.see(settingsPage(contoso, [work(contoso), personal(certMsa)])).see(signedOutPage());
    expect(action(person.progress)).toMatchObject({ step: 'sign-in-cert-msa', control: 'sign-in', account: certMsa });
  });
});

describe('path add-aad (a work account is linked first)', () => {
  it('is walked through its 11 steps, the optional removal of the work account last', () => {
    const person = new Person().choose('add-aad');
    expectAt(person, 'current todo todo todo todo todo todo todo todo todo todo', {
      step: 'sign-in-msa',
      control: 'sign-in',
      account: null,
      accountKind: 'personal',
      place: 'learn',
    });

    person.see(settingsPage(learner, [personal(learner)]));
    expectAt(person, 'page page current todo todo todo todo todo todo todo todo', {
      step: 'add-aad',
      control: 'add-account',
      account: null,
      accountKind: 'work',
      place: 'settings',
      with: learner, // the page must show it signed in (the profile the work account is added to)
    });

    person.see(settingsPage(learner, [personal(learner), work(fabrikam)]));
    expectAt(person, 'page page page current todo todo todo todo todo todo todo', {
      step: 'sign-out-msa',
      control: 'sign-out',
      account: null,
      accountKind: null,
      place: 'learn',
    });

    person.see(signedOutPage());
    expectAt(person, 'page page page page current todo todo todo todo todo todo', {
      step: 'sign-in-aad',
      control: 'sign-in',
      account: fabrikam,
      accountKind: 'work',
      place: 'learn',
    });

    person.see(otherPage(fabrikam));
    // The list was read while the MSA was signed in: Settings must be read again first.
    expectAt(person, 'page page page page page current todo todo todo todo todo', {
      step: 'remove-msa',
      control: 'settings',
      account: null,
      accountKind: 'personal',
      place: 'settings',
      hold: 'read-settings-again',
    });

    person.see(settingsPage(fabrikam, [personal(learner), work(fabrikam)]));
    expectAt(person, 'page page page page page current todo todo todo todo todo', {
      step: 'remove-msa',
      control: 'remove-account',
      account: learner,
      accountKind: 'personal',
      place: 'settings',
    });

    person.see(settingsPage(fabrikam, [work(fabrikam)]));
    expectAt(person, 'page page page page page page current todo todo todo todo', {
      step: 'add-cert-msa',
      control: 'add-account',
      account: null,
      accountKind: 'personal',
      place: 'settings',
      with: fabrikam, // the page must show it signed in (the profile the MSA is added to)
    });

    person.see(settingsPage(fabrikam, [work(fabrikam), personal(certMsa)]));
    expectAt(person, 'page page page page page page page current todo todo todo', {
      step: 'sign-out-aad',
      control: 'sign-out',
      account: null,
      accountKind: null,
      place: 'learn',
    });

    person.see(signedOutPage());
    expectAt(person, 'page page page page page page page page current todo todo', {
      step: 'sign-in-cert-msa',
      control: 'sign-in',
      account: certMsa,
      accountKind: 'personal',
      place: 'learn',
    });

    person.see(otherPage(certMsa));
    expectAt(person, 'page page page page page page page page page current todo', {
      step: 'connect-cert',
      control: 'connect-certification',
      account: null,
      with: certMsa,
      accountKind: null,
      place: 'credentials',
    });

    person.see(credentialsPage(certMsa, true));
    // Complete; the optional last step is still offered, Settings to be read as the MSA.
    expect(isComplete(person.progress)).toBe(true);
    expectAt(person, 'page page page page page page page page page page current', {
      step: 'remove-aad',
      control: 'settings',
      account: null,
      accountKind: 'work',
      place: 'settings',
      hold: 'read-settings-again',
    });

    person.see(settingsPage(certMsa, [work(fabrikam), personal(certMsa)], true));
    expectAt(person, 'page page page page page page page page page page current', {
      step: 'remove-aad',
      control: 'remove-account',
      account: fabrikam,
      accountKind: 'work',
      place: 'settings',
    });

    person.see(settingsPage(certMsa, [personal(certMsa)], true));
    expectAt(person, 'page page page page page page page page page page page', null);
    expect(isComplete(person.progress)).toBe(true);
    expect(person.progress.notice).toBeNull();
  });

  it('never offers to remove the only account left, nor the work account while it is signed in', () => {
    const person = new Person().choose('add-aad');
    for (const seen of [
      settingsPage(learner, [personal(learner)]),
      settingsPage(learner, [personal(learner), work(fabrikam)]),
      signedOutPage(),
      otherPage(fabrikam),
      settingsPage(fabrikam, [personal(learner), work(fabrikam)]),
      settingsPage(fabrikam, [work(fabrikam)]),
      settingsPage(fabrikam, [work(fabrikam), personal(certMsa)]),
      signedOutPage(),
      otherPage(certMsa),
      credentialsPage(certMsa, true),
    ]) {
      person.see(seen);
      const a = nextAction(person.progress);
      if (a?.control === 'remove-account') expect(a.account).toBe(learner);
    }
    // Signed in with the work account at the optional removal: sign out first.
    person.see(settingsPage(fabrikam, [work(fabrikam), personal(certMsa)], true));
    expect(action(person.progress)).toMatchObject({ step: 'remove-aad', control: 'sign-out', place: 'learn' });
  });
});

describe('path new-profile (a new Learn profile on the Certification MSA)', () => {
  it('is walked from the Learn MSA to a connected new profile', () => {
    const person = new Person().choose('new-profile');
    expectAt(person, 'current todo todo todo', {
      step: 'sign-out-msa',
      control: 'sign-out',
      account: null,
      accountKind: null,
      place: 'learn',
    });

    person.see(settingsPage(learner, [personal(learner)]));
    expectAt(person, 'current todo todo todo', {
      step: 'sign-out-msa',
      control: 'sign-out',
      account: null,
      accountKind: null,
      place: 'learn',
    });

    person.see(signedOutPage());
    expectAt(person, 'page current todo todo', {
      step: 'sign-in-cert-msa',
      control: 'sign-in',
      account: null,
      accountKind: 'personal',
      place: 'learn',
    });

    // Learn's "create a profile" page for an account without one is no profile page.
    person.see(otherPage(certMsa));
    expectAt(person, 'page page current todo', {
      step: 'create-profile',
      control: 'create-profile',
      account: null,
      accountKind: null,
      place: 'profile',
    });

    person.see(profilePage(certMsa));
    expectAt(person, 'page page page current', {
      step: 'connect-cert',
      control: 'connect-certification',
      account: null,
      with: null, // the Certification MSA never named: nothing for the page to check
      accountKind: null,
      place: 'credentials',
    });

    person.see(credentialsPage(certMsa, true));
    expectAt(person, 'page page page page', null);
    expect(isComplete(person.progress)).toBe(true);
  });
});

describe('path recommended (support changes the Certification MSA)', () => {
  it('waits for the person on the forum steps, then proves the sign-in and the connection from the pages', () => {
    const person = new Person().choose('recommended');
    expectAt(person, 'current todo todo todo todo todo', {
      step: 'forum-open',
      control: 'forum',
      account: null,
      accountKind: null,
      place: 'forum',
    });

    // Signed in with the Learn MSA already: not proved before the forum steps are ticked.
    person.see(settingsPage(learner, [personal(learner)]));
    expectAt(person, 'current todo todo todo todo todo', {
      step: 'forum-open',
      control: 'forum',
      account: null,
      accountKind: null,
      place: 'forum',
    });

    person.tick('forum-open');
    // Q&A's "Ask a question", which the content script points at on Q&A's pages only.
    expectAt(person, 'person current todo todo todo todo', {
      step: 'forum-ask',
      control: 'ask-question',
      account: null,
      accountKind: null,
      place: 'forum',
    });
    person.tick('forum-ask');
    expectAt(person, 'person person current todo todo todo', {
      step: 'forum-request',
      control: 'forum',
      account: null,
      accountKind: null,
      place: 'forum',
    });
    person.tick('forum-request');
    expectAt(person, 'person person person current todo todo', {
      step: 'forum-verify',
      control: 'forum',
      account: null,
      accountKind: null,
      place: 'forum',
    });

    // Days later; the learner page again, still waiting for the agent.
    person.see(otherPage(learner));
    expectAt(person, 'person person person current todo todo', {
      step: 'forum-verify',
      control: 'forum',
      account: null,
      accountKind: null,
      place: 'forum',
    });

    // Ticking the last forum step lets the page already seen prove the sign-in.
    person.tick('forum-verify');
    expectAt(person, 'person person person person page current', {
      step: 'connect-cert',
      control: 'connect-certification',
      account: null,
      with: learner,
      accountKind: null,
      place: 'credentials',
    });

    person.see(credentialsPage(learner, true));
    expectAt(person, 'person person person person page page', null);
    expect(isComplete(person.progress)).toBe(true);
  });

  it('does not prove sign-in-msa with the work account signed in', () => {
    const person = new Person().choose('recommended').see(settingsPage(contoso, [personal(learner), work(contoso)]));
    for (const step of ['forum-open', 'forum-ask', 'forum-request', 'forum-verify'] as const) person.tick(step);
    // The Learn MSA is not taken from a list read under another account (after a swap, that
    // would be the new one): the guide asks for "your personal account", not an address.
    expectAt(person, 'person person person person current todo', {
      step: 'sign-in-msa',
      control: 'sign-out',
      account: null,
      accountKind: 'personal',
      place: 'learn',
    });
    person.see(signedOutPage());
    expect(action(person.progress)).toMatchObject({ step: 'sign-in-msa', control: 'sign-in', accountKind: 'personal' });
    person.see(otherPage(learner));
    expect(states(person.progress)).toBe('person person person person page current');
  });
});
