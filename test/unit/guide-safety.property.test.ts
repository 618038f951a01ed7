import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checklist, isComplete, nextAction } from '../../src/guide/next-action.ts';
import { pathIds, stepIds, stepsOf, type PathId, type StepId } from '../../src/guide/procedure.ts';
import { initialProgress, type Progress } from '../../src/guide/progress.ts';
import { reduce, type GuideEvent } from '../../src/guide/reducer.ts';
import type { AccountKind, LinkedAccount, PageObservation } from '../../src/page/observation.ts';
import { parseStored } from '../../src/storage/state.ts';

/**
 * Properties of the guide over arbitrary sequences of events: pages in any order, signed in
 * as anyone of a small pool, account lists of any shape (kinds unread included), ticks,
 * answers, notices dismissed, resets. Checked after every single event.
 */

const RUNS = 5000;

const learner = 'learner@outlook.com';
const certMsa = 'cert.ana@hotmail.com';
const contoso = 'ana@contoso.com';
const fabrikam = 'ana@fabrikam.com';
const otherMsa = 'other.ana@outlook.com';
const pool = [learner, certMsa, contoso, fabrikam, otherMsa] as const;
/** What each address really is; a list may still show it unread or, rarely, misread. */
const natural: Record<(typeof pool)[number], Exclude<AccountKind, 'unknown'>> = {
  [learner]: 'personal',
  [certMsa]: 'personal',
  [otherMsa]: 'personal',
  [contoso]: 'work',
  [fabrikam]: 'work',
};

const address = fc.constantFrom(...pool);

const linkedAccount = (a: (typeof pool)[number]): fc.Arbitrary<LinkedAccount> =>
  fc
    .oneof(
      { weight: 12, arbitrary: fc.constant(natural[a]) },
      { weight: 3, arbitrary: fc.constant<AccountKind>('unknown') },
      { weight: 1, arbitrary: fc.constantFrom<AccountKind>('personal', 'work') },
    )
    .map((kind) => ({ address: a, kind }));

/** A random subset of the pool in random order, at most one of them shown as personal. */
const accountList: fc.Arbitrary<LinkedAccount[]> = fc
  .shuffledSubarray([...pool], { minLength: 0, maxLength: pool.length })
  .chain((addresses) => fc.tuple(...addresses.map(linkedAccount)))
  .map((list) => {
    let personalSeen = false;
    return list.map((a) => {
      if (a.kind !== 'personal') return a;
      if (personalSeen) return { ...a, kind: 'unknown' as const };
      personalSeen = true;
      return a;
    });
  });

type Timed = { event: GuideEvent; delta: number };

/** Mostly forward in time, sometimes a little back (a slow tab). */
const delta = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 50 }) }, { weight: 1, arbitrary: fc.integer({ min: -20, max: -1 }) });

const observation: fc.Arbitrary<Omit<PageObservation, 'at'>> = fc
  .record({
    page: fc.constantFrom<PageObservation['page']>('settings', 'settings', 'profile', 'credentials', 'other'),
    locale: fc.constantFrom('en-us', 'fr-fr'),
    signedIn: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    signedInAs: fc.option(address, { nil: null, freq: 10 }),
    accounts: fc.option(accountList, { nil: null, freq: 3 }),
    certificationConnected: fc.option(fc.boolean(), { nil: null }),
    // Mostly what the reader produces; sometimes odd combinations the reducer must survive.
    odd: fc.nat(19),
  })
  .map(({ odd, ...o }) => {
    const realistic = odd > 0;
    const signedInAs = !o.signedIn && realistic ? null : o.signedInAs;
    let accounts = (!o.signedIn || o.page !== 'settings') && realistic ? null : o.accounts;
    // Learn lists the account signed in with; a reader may still miss it.
    if (accounts && signedInAs && odd > 2 && !accounts.some((a) => a.address === signedInAs)) {
      const kind = natural[signedInAs as (typeof pool)[number]];
      accounts = kind === 'personal' && accounts.some((a) => a.kind === 'personal') ? accounts : [...accounts, { address: signedInAs, kind }];
    }
    return { ...o, signedInAs, accounts };
  });

const timed = (event: fc.Arbitrary<GuideEvent>, weight: number) => ({
  weight,
  arbitrary: fc.record({ event, delta }),
});

// Weights: mostly pages; a reset is rare, since it wipes what came before it.
const event: fc.Arbitrary<Timed> = fc.oneof(
  timed(fc.constantFrom(...pathIds).map((path): GuideEvent => ({ type: 'choose-path', path, at: 0 })), 15),
  timed(observation.map((o): GuideEvent => ({ type: 'observed', observation: { ...o, at: 0 } })), 100),
  timed(
    fc.record({ step: fc.constantFrom(...stepIds), done: fc.boolean() }).map(({ step, done }): GuideEvent => ({ type: 'tick', step, done, at: 0 })),
    15,
  ),
  timed(
    fc
      .option(fc.oneof(address, fc.constant(' Cert.Ana@Hotmail.COM '), fc.constant('   ')), { nil: null, freq: 5 })
      .map((a): GuideEvent => ({ type: 'set-cert-msa', address: a, at: 0 })),
    10,
  ),
  timed(fc.constant<GuideEvent>({ type: 'dismiss-notice' }), 5),
  timed(fc.constant<GuideEvent>({ type: 'reset' }), 1),
);

/** Times filled in, from the deltas. */
function timedSequence(list: Timed[]): GuideEvent[] {
  let clock = 1_000;
  const out: GuideEvent[] = [];
  for (const { event: e, delta: d } of list) {
    clock = Math.max(0, clock + d);
    switch (e.type) {
      case 'observed':
        out.push({ ...e, observation: { ...e.observation, at: clock } });
        break;
      case 'choose-path':
      case 'tick':
      case 'set-cert-msa':
        out.push({ ...e, at: clock });
        break;
      default:
        out.push(e);
    }
  }
  return out;
}

/** Arbitrary events, usually after choosing a path. */
const arbitrarySequence: fc.Arbitrary<Timed[]> = fc
  .tuple(fc.option(fc.constantFrom(...pathIds), { nil: null, freq: 6 }), fc.array(event, { minLength: 1, maxLength: 40 }))
  .map(([first, list]) => (first ? [{ event: { type: 'choose-path', path: first, at: 0 }, delta: 0 }, ...list] : list));

const page = (seen: Omit<PageObservation, 'at'>): GuideEvent => ({ type: 'observed', observation: { ...seen, at: 0 } });
const settings = (as: string, accounts: LinkedAccount[], certificationConnected = false) =>
  page({ page: 'settings', locale: 'en-us', signedIn: true, signedInAs: as, accounts, certificationConnected });
const other = (as: string | null, p: PageObservation['page'] = 'other', certificationConnected: boolean | null = null) =>
  page({ page: p, locale: 'en-us', signedIn: as !== null, signedInAs: as, accounts: null, certificationConnected });
const P = (a: string): LinkedAccount => ({ address: a, kind: 'personal' });
const W = (a: string): LinkedAccount => ({ address: a, kind: 'work' });
const tick = (step: StepId): GuideEvent => ({ type: 'tick', step, done: true, at: 0 });

/** The walks of guide-paths.test.ts, as events. */
const journeys: Record<PathId, GuideEvent[]> = {
  'has-aad': [
    settings(learner, [P(learner), W(contoso)]),
    other(null),
    other(contoso),
    settings(contoso, [P(learner), W(contoso)]),
    settings(contoso, [W(contoso)]),
    settings(contoso, [W(contoso), P(certMsa)]),
    other(null),
    other(certMsa),
    other(certMsa, 'credentials', true),
  ],
  'add-aad': [
    settings(learner, [P(learner)]),
    settings(learner, [P(learner), W(fabrikam)]),
    other(null),
    other(fabrikam),
    settings(fabrikam, [P(learner), W(fabrikam)]),
    settings(fabrikam, [W(fabrikam)]),
    settings(fabrikam, [W(fabrikam), P(certMsa)]),
    other(null),
    other(certMsa),
    other(certMsa, 'credentials', true),
    settings(certMsa, [W(fabrikam), P(certMsa)], true),
    settings(certMsa, [P(certMsa)], true),
  ],
  'new-profile': [settings(learner, [P(learner)]), other(null), other(certMsa), other(certMsa, 'profile'), other(certMsa, 'credentials', true)],
  recommended: [
    settings(learner, [P(learner)]),
    tick('forum-open'),
    tick('forum-ask'),
    tick('forum-request'),
    tick('forum-verify'),
    other(learner, 'credentials', true),
  ],
};

/** A walk as a person would do it, with pages skipped, seen twice, and random events between. */
const perturbedJourney: fc.Arbitrary<Timed[]> = fc
  .constantFrom<PathId>('has-aad', 'has-aad', 'add-aad', 'add-aad', 'new-profile', 'recommended')
  .chain((path) =>
    fc.tuple(
      fc.constant(path),
      fc.array(
        fc.tuple(
          fc.constantFrom('keep', 'keep', 'keep', 'keep', 'keep', 'drop', 'twice'),
          fc.array(event, { maxLength: 2 }),
          fc.integer({ min: 1, max: 30 }),
        ),
        { minLength: journeys[path].length, maxLength: journeys[path].length },
      ),
    ),
  )
  .map(([path, ops]) => {
    const out: Timed[] = [{ event: { type: 'choose-path', path, at: 0 }, delta: 0 }];
    journeys[path].forEach((e, i) => {
      const [op, noise, d] = ops[i] ?? ['keep', [], 1];
      if (op !== 'drop') out.push({ event: e, delta: d });
      if (op === 'twice') out.push({ event: e, delta: d });
      out.push(...noise);
    });
    return out;
  });

const events: fc.Arbitrary<GuideEvent[]> = fc
  .oneof({ weight: 3, arbitrary: arbitrarySequence }, { weight: 2, arbitrary: perturbedJourney })
  .map(timedSequence);

/** Runs `check(before, event, after)` after every event of every sequence. */
function forEveryEvent(check: (before: Progress, event: GuideEvent, after: Progress) => void, numRuns = RUNS) {
  fc.assert(
    fc.property(events, (sequence) => {
      let p = initialProgress();
      for (const e of sequence) {
        const next = reduce(p, e);
        check(p, e, next);
        p = next;
      }
    }),
    { numRuns },
  );
}

function fail(message: string, p: Progress): never {
  throw new Error(`${message}\nprogress: ${JSON.stringify(p, null, 1)}\nnext action: ${JSON.stringify(nextAction(p))}`);
}

// Thousands of runs each: seconds on a quiet machine, more on a shared one; a time limit is
// not what these tests are about.
describe('guide safety properties (fast-check)', { timeout: 60_000 }, () => {
  it('(a) a removal is only offered for an account that can safely go', () => {
    let removals = 0;
    forEveryEvent((_before, _event, p) => {
      const a = nextAction(p);
      if (a?.control !== 'remove-account') return;
      removals++;
      const o = p.world.lastObservation;
      const signedInAs = o?.signedIn ? o.signedInAs : null;
      const snapshot = p.world.accounts;
      if (!o?.signedIn || signedInAs === null) fail('removal offered while nobody known is signed in', p);
      if (a.account === null) fail('removal offered for no account', p);
      if (a.account === signedInAs) fail('removal offered for the signed-in account', p);
      if (!snapshot || snapshot.list.length < 2) fail('removal offered with fewer than 2 accounts listed', p);
      if (snapshot.signedInAs !== signedInAs) fail('removal offered on a list read under another sign-in', p);
      if (!snapshot.list.some((x) => x.address === a.account)) fail('removal offered for an account not listed', p);
      const certification = p.certMsa ?? p.world.newMsa;
      if (a.account === certification) fail('removal offered for the Certification account', p);
      if (a.step === 'remove-msa' && p.world.kinds[signedInAs] !== 'work') fail('remove-msa offered without a work account signed in', p);
      if (a.step === 'remove-aad' && p.world.kinds[signedInAs] !== 'personal') fail('remove-aad offered without a personal account signed in', p);
    });
    // Not vacuous: the generator does reach the removal steps.
    expect(removals).toBeGreaterThan(100);
  });

  it('(b) reduce never throws, never changes its input, and its result is stored and read back unchanged', () => {
    fc.assert(
      fc.property(events, (sequence) => {
        let p = initialProgress();
        for (const e of sequence) {
          const copy = structuredClone(p);
          const next = reduce(p, e);
          if (!isDeepStrictEqual(p, copy)) fail(`reduce changed its input on ${JSON.stringify(e)}`, p);
          p = next;
        }
      }),
      { numRuns: RUNS / 5 },
    );
    forEveryEvent((_before, event, p) => {
      const json: unknown = JSON.parse(JSON.stringify(p));
      if (!isDeepStrictEqual(json, p)) fail(`not JSON-safe after ${JSON.stringify(event)}`, p);
      const parsed = parseStored(json);
      if (!isDeepStrictEqual(parsed, p)) fail(`parseStored changed it after ${JSON.stringify(event)}: ${JSON.stringify(parsed)}`, p);
    });
  });

  it('(c) the checklist has exactly one current step unless complete or no path is chosen', () => {
    forEveryEvent((_before, _event, p) => {
      const items = checklist(p);
      if (!p.path) {
        if (items.length !== 0) fail('a checklist without a path', p);
        return;
      }
      if (items.map((i) => i.step.id).join() !== stepsOf(p.path).map((s) => s.id).join()) fail('checklist is not the path', p);
      const current = items.filter((i) => i.state === 'current');
      if (!isComplete(p) && current.length !== 1) fail(`${current.length} current steps`, p);
      if (current.length > 1) fail(`${current.length} current steps`, p);
      // Everything before the current step is done; nothing after it is current.
      const at = items.findIndex((i) => i.state === 'current');
      if (at >= 0 && items.slice(0, at).some((i) => i.state !== 'done')) fail('a step before the current one is not done', p);
      for (const i of items) if ((i.state === 'done') !== (i.done !== undefined)) fail('done state without its record', p);
    });
  });

  it('(d) done steps only disappear on an undone notice, an untick or a reset', () => {
    let undos = 0;
    forEveryEvent((before, event, after) => {
      if (event.type === 'reset') return;
      const fresh = after.notice?.kind === 'undone' && after.notice !== before.notice ? after.notice : null;
      if (fresh) undos++;
      for (const path of pathIds) {
        const was = before.done[path] ?? {};
        const is = after.done[path] ?? {};
        for (const [step, record] of Object.entries(was) as [StepId, NonNullable<(typeof was)[StepId]>][]) {
          const now = is[step];
          if (now && isDeepStrictEqual(now, record)) continue;
          // A tick of that step: taken back, or ticked again.
          if (event.type === 'tick' && event.step === step && path === before.path) continue;
          // Undone by this event: the step named and the page-proved steps after it (the page
          // may prove some of them again at once, with a new record).
          if (fresh && path === after.path && record.by === 'page') {
            const steps = stepsOf(path).map((s) => s.id);
            if (steps.indexOf(step) >= steps.indexOf(fresh.step)) continue;
          }
          fail(`${path}/${step} ${now ? 'changed its record' : 'disappeared'} on ${JSON.stringify(event)}`, after);
        }
      }
    });
    expect(undos).toBeGreaterThan(20);
  });
});
