import { describe, expect, it, vi } from 'vitest';
import { checklist } from '../../src/guide/next-action.ts';
import { stepsOf, type PathId, type StepId } from '../../src/guide/procedure.ts';
import { initialProgress, type Progress } from '../../src/guide/progress.ts';
import { reduce, type GuideEvent } from '../../src/guide/reducer.ts';
import type { LinkedAccount, PageObservation } from '../../src/page/observation.ts';
import { parseStored, schemaVersion, storageKey } from '../../src/storage/state.ts';
import { readProgress, updateProgress, type StorageArea } from '../../src/storage/store.ts';
import { askPagesAgain } from '../../src/storage/ask-pages-again.ts';
import { lacksListed, settleLists } from '../../src/storage/settle-lists.ts';
import { messageSchema } from '../../src/storage/schema.ts';
import * as v from 'valibot';

/**
 * The stored progress: one key, a schema version, migration from the first release, a fresh
 * start with a notice for anything broken, and one read-change-write at a time.
 */

const learner = 'learner@outlook.com';
const certMsa = 'cert.ana@hotmail.com';
const contoso = 'ana@contoso.com';

const personal = (address: string): LinkedAccount => ({ address, kind: 'personal' });
const work = (address: string): LinkedAccount => ({ address, kind: 'work' });

const settings = (at: number, signedInAs: string, accounts: PageObservation['accounts']): PageObservation => ({
  page: 'settings',
  locale: 'en-us',
  signedIn: true,
  signedInAs,
  accounts,
  certificationConnected: false,
  at,
});
const observed = (observation: PageObservation): GuideEvent => ({ type: 'observed', observation });
const run = (events: GuideEvent[], from: Progress = initialProgress()): Progress => events.reduce(reduce, from);

const broken: Progress = { ...initialProgress(), notice: { kind: 'reset-broken' } };

/** A progress with a bit of everything: a path, steps done by page and person, a notice. */
function busyProgress(): Progress {
  return run([
    { type: 'choose-path', path: 'recommended', at: 1 },
    { type: 'tick', step: 'forum-open', done: true, at: 2 },
    { type: 'set-cert-msa', address: certMsa, at: 3 },
    { type: 'choose-path', path: 'has-aad', at: 4 },
    observed(settings(5, learner, [personal(learner), work(contoso)])),
    observed(settings(6, contoso, [work(contoso)])),
    observed(settings(7, contoso, [work(contoso), personal(learner)])),
  ]);
}

/** An in-memory storage area with the asynchrony of the real one (and JSON-like copies). */
function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  let sets = 0;
  let failNextSets = 0;
  const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  const area = {
    data,
    get sets() {
      return sets;
    },
    failNext(n = 1) {
      failNextSets = n;
    },
    async get(key: string): Promise<Record<string, unknown>> {
      await tick();
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items: Record<string, unknown>): Promise<void> {
      await tick();
      if (failNextSets > 0) {
        failNextSets--;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      sets++;
      Object.assign(data, structuredClone(items));
    },
  };
  return area satisfies StorageArea;
}

/** A realistic value of the first release (schema 1): what was last seen, no path. */
const v1 = {
  schema: 1,
  lastObservation: {
    page: 'settings',
    locale: 'en-us',
    signedIn: true,
    signedInAs: learner,
    accounts: [personal(learner), work(contoso), { address: 'someone@example.com', kind: 'unknown' }],
    at: 5,
  },
  accounts: {
    list: [personal(learner), work(contoso), { address: 'someone@example.com', kind: 'unknown' }],
    signedInAs: learner,
    locale: 'en-us',
    at: 5,
  },
  notice: null,
};

describe('parseStored', () => {
  it('starts fresh when nothing is stored', () => {
    expect(parseStored(undefined)).toEqual(initialProgress());
  });

  it('keeps a valid progress as it is, through JSON', () => {
    const p = busyProgress();
    expect(p.notice).toEqual({ kind: 'undone', step: 'remove-msa', at: 7 });
    expect(parseStored(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(parseStored(structuredClone(initialProgress()))).toEqual(initialProgress());
  });

  it('keeps the Certification ID given, and reads a value stored before it existed as none', () => {
    const given = reduce(busyProgress(), { type: 'set-mcid', mcid: '12345678' });
    expect(given.mcid).toBe('12345678');
    expect(parseStored(JSON.parse(JSON.stringify(given)))).toEqual(given);
    const { mcid: _none, ...before } = busyProgress();
    expect(parseStored(before).mcid).toBeNull();
    // Anything but digits is a broken value: a fresh start with its notice, never shown in a request.
    expect(parseStored({ ...given, mcid: '1234<b>' }).notice).toEqual({ kind: 'reset-broken' });
    expect(reduce(given, { type: 'set-mcid', mcid: null }).mcid).toBeNull();
  });

  it('accepts a Certification ID from the popup only as digits', () => {
    expect(v.safeParse(messageSchema, { type: 'set-mcid', mcid: '987654321' }).success).toBe(true);
    expect(v.safeParse(messageSchema, { type: 'set-mcid', mcid: null }).success).toBe(true);
    for (const mcid of ['', '12 34', '٣٤٥', '1234567890123', 12345]) expect(v.safeParse(messageSchema, { type: 'set-mcid', mcid }).success, String(mcid)).toBe(false);
  });

  it('stores the schema version it reads', () => {
    expect(initialProgress().schema).toBe(schemaVersion);
    expect(storageKey).toBe('aligner');
  });

  describe('migration from schema 1', () => {
    it('keeps what was seen, learns the kinds, and has no path', () => {
      const p = parseStored(structuredClone(v1));
      expect(p).toEqual({
        schema: 2,
        path: null,
        done: {},
        certMsa: null,
        world: {
          lastObservation: { ...v1.lastObservation, certificationConnected: null },
          accounts: v1.accounts,
          kinds: { [learner]: 'personal', [contoso]: 'work' },
          learnMsa: null,
          learnMsaSignedIn: false,
          newMsa: null,
        },
        notice: null,
        overlayDismissed: null,
        mcid: null,
      });
      // The migrated value is a valid schema-2 value, read back unchanged.
      expect(parseStored(JSON.parse(JSON.stringify(p)))).toEqual(p);
    });

    it('lets a path chosen afterwards use what the first release saw', () => {
      let p = parseStored(structuredClone(v1));
      p = reduce(p, { type: 'choose-path', path: 'has-aad', at: 6 });
      // The work account's kind is known from the old list: the home page proves the sign-in.
      p = reduce(p, observed({ ...settings(7, contoso, null), page: 'other' }));
      expect(checklist(p).map((i) => i.state)).toEqual(['done', 'current', 'todo', 'todo', 'todo', 'todo', 'todo']);
    });

    it('carries a pending reset notice over, and accepts an empty first-release value', () => {
      expect(parseStored({ ...v1, notice: 'reset-broken' }).notice).toEqual({ kind: 'reset-broken' });
      expect(parseStored({ schema: 1, lastObservation: null, accounts: null, notice: null })).toEqual(initialProgress());
    });

    it('resets a first-release value that is broken', () => {
      expect(parseStored({ ...v1, lastObservation: { ...v1.lastObservation, page: 'other' } })).toEqual(broken);
      expect(parseStored({ schema: 1, broken: true })).toEqual(broken);
    });
  });

  const wellFormed = initialProgress();
  const markup = '<img src=x onerror=alert(1)>';
  it.each<[string, unknown]>([
    ['a string', 'garbage'],
    ['null', null],
    ['a number', 42],
    ['an array', [wellFormed]],
    ['an empty object', {}],
    ['an unknown schema version', { ...wellFormed, schema: 99 }],
    ['schema 3', { ...wellFormed, schema: 3 }],
    ['the schema as a string', { ...wellFormed, schema: '2' }],
    ['a first-release field of the wrong type', { schema: 1, lastObservation: 'x', accounts: null, notice: null }],
    ['an unknown path', { ...wellFormed, path: 'shortcut' }],
    ['an unknown step id', { ...wellFormed, done: { 'has-aad': { 'sign-in-everything': { by: 'page', at: 1 } } } }],
    ['done by someone else', { ...wellFormed, done: { 'has-aad': { 'sign-in-aad': { by: 'robot', at: 1 } } } }],
    ['a negative time', { ...wellFormed, done: { 'has-aad': { 'sign-in-aad': { by: 'page', at: -1 } } } }],
    ['a fractional time', { ...wellFormed, done: { 'has-aad': { 'sign-in-aad': { by: 'page', at: 1.5 } } } }],
    ['a kind that is not learned', { ...wellFormed, world: { ...wellFormed.world, kinds: { [learner]: 'unknown' } } }],
    ['an unknown notice', { ...wellFormed, notice: { kind: 'surprise' } }],
    ['a notice of a first release', { ...wellFormed, notice: 'reset-broken' }],
    ['a missing world', { ...wellFormed, world: undefined }],
    ['a bad locale', { ...wellFormed, world: { ...wellFormed.world, lastObservation: { ...settings(1, learner, null), locale: 'EN_US!' } } }],
    [
      'markup as an address in a list',
      { ...wellFormed, world: { ...wellFormed.world, accounts: { list: [{ address: markup, kind: 'personal' }], signedInAs: null, locale: 'en-us', at: 1 } } },
    ],
    ['markup as the Certification MSA', { ...wellFormed, certMsa: markup }],
    ['markup as a learned address', { ...wellFormed, world: { ...wellFormed.world, kinds: { [markup]: 'work' } } }],
    ['markup as an address in a first-release value', { ...v1, accounts: { ...v1.accounts, signedInAs: `"><script>x</script>@a.b` } }],
    ['an address too long', { ...wellFormed, certMsa: `${'a'.repeat(320)}@x.com` }],
    ['a bidi override in an address', { ...wellFormed, certMsa: 'cert\u202e@x.com' }],
    ['a zero-width space in a learned address', { ...wellFormed, world: { ...wellFormed.world, kinds: { 'ana\u200b@contoso.com': 'work' } } }],
    ['a right-to-left mark in an address in a list', { ...wellFormed, world: { ...wellFormed.world, accounts: { list: [{ address: 'learner@outlook.com\u200f', kind: 'personal' }], signedInAs: null, locale: 'en-us', at: 1 } } }],
    ['too many learned addresses', { ...wellFormed, world: { ...wellFormed.world, kinds: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`u${i}@x.com`, 'work'])) } }],
  ])('resets %s to a fresh start with a notice, without throwing', (_, stored) => {
    expect(parseStored(stored)).toEqual(broken);
  });

  it('drops a __proto__ key of a stored record without touching any prototype', () => {
    const stored = JSON.parse(JSON.stringify({ ...initialProgress(), world: { ...initialProgress().world, kinds: { [contoso]: 'work' } } }).replace('"kinds":{', '"kinds":{"__proto__":"personal",'));
    const p = parseStored(stored);
    expect(Object.keys(p.world.kinds)).toEqual([contoso]);
    expect(Object.getPrototypeOf(p.world.kinds)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['personal']).toBeUndefined();
  });
});

describe('what is stored from observations', () => {
  it('keeps the last account list when a later page shows none', () => {
    const list = [personal(learner), work(contoso)];
    let p = reduce(initialProgress(), observed(settings(1, learner, list)));
    p = reduce(p, observed({ ...settings(2, contoso, null), page: 'profile' }));
    expect(p.world.lastObservation?.signedInAs).toBe(contoso);
    expect(p.world.accounts).toEqual({ list, signedInAs: learner, locale: 'en-us', at: 1 });
    expect(p.world.kinds).toEqual({ [learner]: 'personal', [contoso]: 'work' });
  });

  it('ignores an observation older than the one kept (a slow tab)', () => {
    const newer = reduce(initialProgress(), observed(settings(10, 'new@outlook.com', null)));
    expect(reduce(newer, observed(settings(5, 'old@outlook.com', null)))).toBe(newer);
  });
});

describe('readProgress', () => {
  it('reads a fresh start from an empty area, and migrates or resets what is there', async () => {
    expect(await readProgress(memoryArea())).toEqual(initialProgress());
    expect(await readProgress(memoryArea({ other: 'x' }))).toEqual(initialProgress());
    expect((await readProgress(memoryArea({ [storageKey]: v1 }))).world.kinds).toEqual({ [learner]: 'personal', [contoso]: 'work' });
    expect(await readProgress(memoryArea({ [storageKey]: 'garbage' }))).toEqual(broken);
  });
});

describe('updateProgress', () => {
  it('loses no observation when 20 arrive at once: the latest one wins, whatever the order', async () => {
    const area = memoryArea();
    const times = [7, 3, 19, 1, 20, 12, 5, 16, 9, 2, 14, 18, 6, 11, 4, 17, 8, 13, 10, 15];
    await Promise.all(
      times.map((t) => updateProgress(area, (p) => reduce(p, observed(settings(t, `u${t}@outlook.com`, null))))),
    );
    const p = await readProgress(area);
    expect(p.world.lastObservation?.at).toBe(20);
    expect(p.world.lastObservation?.signedInAs).toBe('u20@outlook.com');
  });

  it('loses no event when ticks, answers and pages arrive together from two tabs and the popup', async () => {
    const area = memoryArea();
    await updateProgress(area, (p) => reduce(p, { type: 'choose-path', path: 'recommended', at: 1 }));
    const forum = ['forum-open', 'forum-ask', 'forum-request', 'forum-verify'] as const;
    const events: GuideEvent[] = [
      ...forum.map((step, i): GuideEvent => ({ type: 'tick', step, done: true, at: 10 + i })),
      { type: 'set-cert-msa', address: certMsa, at: 20 },
      ...Array.from({ length: 15 }, (_, i) => observed({ ...settings(30 + i, contoso, null), page: i % 2 ? 'other' : 'profile' })),
    ];
    const results = await Promise.all(events.map((e) => updateProgress(area, (p) => reduce(p, e))));
    expect(results).toHaveLength(20);
    const p = await readProgress(area);
    expect(Object.keys(p.done.recommended ?? {}).sort()).toEqual([...forum].sort());
    expect(p.certMsa).toBe(certMsa);
    expect(p.world.lastObservation?.at).toBe(44);
  });

  it('loses none of 20 different concurrent changes', async () => {
    const area = memoryArea();
    const pairs = (['has-aad', 'add-aad', 'new-profile'] as PathId[])
      .flatMap((path) => stepsOf(path).map((s): [PathId, StepId] => [path, s.id]))
      .slice(0, 20);
    expect(pairs).toHaveLength(20);
    await Promise.all(
      pairs.map(([path, step], i) =>
        updateProgress(area, (p) => ({ ...p, done: { ...p.done, [path]: { ...p.done[path], [step]: { by: 'page', at: i } } } })),
      ),
    );
    const p = await readProgress(area);
    for (const [i, [path, step]] of pairs.entries()) expect(p.done[path]?.[step]).toEqual({ by: 'page', at: i });
  });

  it('goes on after a failing write, and a write queued behind it still happens', async () => {
    const area = memoryArea();
    area.failNext();
    const failing = updateProgress(area, (p) => reduce(p, { type: 'choose-path', path: 'has-aad', at: 1 }));
    const queued = updateProgress(area, (p) => reduce(p, observed(settings(3, learner, null))));
    await expect(failing).rejects.toThrow('quota');
    await queued;
    const p = await readProgress(area);
    expect(p.path).toBeNull(); // the failed write is lost, not retried
    expect(p.world.lastObservation?.at).toBe(3);
    await updateProgress(area, (q) => reduce(q, { type: 'choose-path', path: 'has-aad', at: 4 }));
    expect((await readProgress(area)).path).toBe('has-aad');
  });

  it('goes on after a change that throws, writing nothing for it', async () => {
    const area = memoryArea();
    const throwing = updateProgress(area, () => {
      throw new Error('bug in a change');
    });
    const next = updateProgress(area, (p) => reduce(p, observed(settings(3, learner, null))));
    await expect(throwing).rejects.toThrow('bug in a change');
    expect((await next).world.lastObservation?.at).toBe(3);
    expect(area.sets).toBe(1);
  });

  it('does not write when nothing changed (a stale observation)', async () => {
    const area = memoryArea();
    await updateProgress(area, (p) => reduce(p, observed(settings(10, learner, null))));
    expect(area.sets).toBe(1);
    const p = await updateProgress(area, (q) => reduce(q, observed(settings(5, learner, null))));
    expect(area.sets).toBe(1);
    expect(p.world.lastObservation?.at).toBe(10);
  });

  it('rewrites a broken stored value as a fresh start with its notice', async () => {
    const area = memoryArea({ [storageKey]: { schema: 1, broken: true } });
    await updateProgress(area, (p) => ({ ...p }));
    expect(area.data[storageKey]).toEqual(broken);
  });

  it('rewrites a first-release value as schema 2', async () => {
    const area = memoryArea({ [storageKey]: v1 });
    await updateProgress(area, (p) => ({ ...p }));
    expect(area.data[storageKey]).toMatchObject({ schema: 2, path: null, notice: null });
    expect(parseStored(area.data[storageKey])).toEqual(area.data[storageKey]);
  });

  it('returns what it wrote, and what it wrote reads back the same', async () => {
    const area = memoryArea();
    const written = await updateProgress(area, () => busyProgress());
    expect(await readProgress(area)).toEqual(written);
    expect(area.data[storageKey]).toEqual(written);
  });
});

describe('askPagesAgain', () => {
  const key = 'aligner-directive';
  const directive = { key, of: (p: Progress) => (p.path ? { step: 'remove-msa' } : null) };
  const underWay = () => run([{ type: 'choose-path', path: 'has-aad', at: 1 }]);

  it('writes the directive anew, stamped, leaving the progress as it is; nothing with no path under way', async () => {
    const area = memoryArea();
    let clock = 100;
    const pages = askPagesAgain(area, { directive, now: () => clock });
    await pages.ask();
    expect(area.sets).toBe(0);
    area.data[storageKey] = underWay();
    await pages.ask();
    expect(area.data[key]).toEqual({ step: 'remove-msa', askedAt: 100 });
    clock = 200;
    await pages.ask();
    expect(area.data[key]).toEqual({ step: 'remove-msa', askedAt: 200 });
    expect(area.data[storageKey]).toEqual(underWay());
  });

  it('after a refused write, asks again until storage takes a write, waiting longer each time', async () => {
    vi.useFakeTimers();
    try {
      const area = memoryArea({ [storageKey]: underWay() });
      area.failNext(3);
      const pages = askPagesAgain(area, { directive, now: () => 7, firstRetryMs: 1_000, maxRetryMs: 3_000 });
      pages.refused();
      pages.refused(); // one retry pending at a time
      for (const wait of [1_000, 2_000, 3_000]) {
        await vi.advanceTimersByTimeAsync(wait + 50); // refused again
        expect(area.sets).toBe(0);
      }
      await vi.advanceTimersByTimeAsync(3_000 + 50); // the wait stops growing; storage takes it
      expect(area.sets).toBe(1);
      expect(area.data[key]).toEqual({ step: 'remove-msa', askedAt: 7 });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(area.sets).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an account list judged once it has stood still (settle-lists.ts)', () => {
  const snapshot = (...list: LinkedAccount[]) => ({ list, signedInAs: contoso, locale: 'en-us', at: 1 });
  const both = snapshot(personal(learner), work(contoso));

  it('holds a list that lacks an account the last list had, or the first list seen; nothing else', () => {
    expect(lacksListed(both, settings(2, contoso, [work(contoso)]))).toBe(true);
    expect(lacksListed(null, settings(2, contoso, [personal(learner), work(contoso)]))).toBe(true);
    expect(lacksListed(both, settings(2, contoso, [work(contoso), personal(learner)]))).toBe(false);
    expect(lacksListed(both, settings(2, contoso, [personal(learner), work(contoso), personal(certMsa)]))).toBe(false);
    // Another kind for the same address: still listed.
    expect(lacksListed(both, settings(2, contoso, [{ address: learner, kind: 'unknown' }, work(contoso)]))).toBe(false);
    expect(lacksListed(both, settings(2, contoso, null))).toBe(false);
    expect(lacksListed(both, { ...settings(2, contoso, [work(contoso)]), signedIn: false })).toBe(false);
  });

  /** A settler over a stored list, recording what it judges and when. */
  function settler(last: ReturnType<typeof snapshot> | null, clock = { now: 5_000 }) {
    const judged: Array<{ accounts: string[] | null; at: number; when: number }> = [];
    const take = settleLists({
      lastList: async () => last,
      judge: async (o) => {
        judged.push({ accounts: o.accounts?.map((a) => a.address) ?? null, at: o.at, when: Date.now() });
        return 'judged';
      },
      settleMs: 1_000,
      now: () => clock.now,
    });
    return { take, judged, clock };
  }

  it('judges at once a list that lacks nothing, and a list that lacks an account only after a second with nothing newer from its tab', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const { take, judged } = settler(both);
      await expect(take(1, settings(10, contoso, [personal(learner), work(contoso)]))).resolves.toBe('judged');
      expect(judged).toHaveLength(1);
      const held = take(1, settings(20, contoso, [work(contoso)]));
      await vi.advanceTimersByTimeAsync(999);
      expect(judged).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(held).resolves.toBe('judged');
      // Judged as of the moment it is let through: no older news than what was judged meanwhile.
      expect(judged[1]).toEqual({ accounts: [contoso], at: 5_000, when: 1_000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("takes what a tab says after its held list was let through as newer than that list, whatever the page's clock says", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      // The row still to come arrives just after the second: the list let through is judged as
      // of its release (5,000), and the full list the tab read before that (at 1,210) is news after it.
      const { take, judged } = settler(both);
      const partial = take(1, settings(200, contoso, [work(contoso)]));
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(partial).resolves.toBe('judged');
      await expect(take(1, settings(1_210, contoso, [work(contoso), personal(learner)]))).resolves.toBe('judged');
      expect(judged.map(({ accounts, at }) => [accounts, at])).toEqual([
        [[contoso], 5_000],
        [[contoso, learner], 5_000],
      ]);
      // Another tab's report keeps its own time.
      await expect(take(2, settings(1_300, contoso, [work(contoso), personal(learner)]))).resolves.toBe('judged');
      expect(judged[2]?.at).toBe(1_300);
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops a held list once its tab reports again (the row that was still to come), not for another tab's report", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const { take, judged } = settler(both);
      const partial = take(1, settings(10, contoso, [work(contoso)]));
      const elsewhere = take(2, settings(11, contoso, [work(contoso)]));
      await vi.advanceTimersByTimeAsync(400);
      await expect(take(1, settings(400, contoso, [personal(learner), work(contoso)]))).resolves.toBe('judged');
      await vi.advanceTimersByTimeAsync(1_000);
      // The sender is answered; what it said is not judged.
      await expect(partial).resolves.toBe(true);
      await expect(elsewhere).resolves.toBe('judged');
      expect(judged.map((j) => j.accounts)).toEqual([[learner, contoso], [contoso]]);
      // A list held again and again while it changes: only the last is judged.
      const first = take(1, settings(2_000, contoso, [work(contoso)]));
      await vi.advanceTimersByTimeAsync(500);
      const second = take(1, settings(2_500, contoso, [personal(certMsa), work(contoso)]));
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(first).resolves.toBe(true);
      await expect(second).resolves.toBe('judged');
      expect(judged.map((j) => j.accounts)).toEqual([[learner, contoso], [contoso], [certMsa, contoso]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
