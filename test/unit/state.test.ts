import { describe, expect, it } from 'vitest';
import type { PageObservation } from '../../src/page/observation.ts';
import { applyObservation, initialState, parseState, storageKey } from '../../src/storage/state.ts';
import { readState, updateState, type StorageArea } from '../../src/storage/store.ts';

const settings = (at: number, signedInAs: string, accounts: PageObservation['accounts']): PageObservation => ({
  page: 'settings',
  locale: 'en-us',
  signedIn: true,
  signedInAs,
  accounts,
  at,
});

/** An in-memory storage area with the asynchrony of the real one. */
function memoryArea(initial: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  return {
    data,
    async get(key) {
      await tick();
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      await tick();
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('parseState', () => {
  it('starts fresh when nothing is stored', () => {
    expect(parseState(undefined)).toEqual(initialState());
  });

  it('keeps a valid state as it is', () => {
    const state = applyObservation(initialState(), settings(5, 'a@outlook.com', [{ address: 'a@outlook.com', kind: 'personal' }]));
    expect(parseState(structuredClone(state))).toEqual(state);
  });

  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['an unknown schema version', { schema: 99, lastObservation: null, accounts: null, notice: null }],
    ['a wrong field type', { schema: 1, lastObservation: 'x', accounts: null, notice: null }],
    ['markup as an address', { ...initialState(), accounts: { list: [{ address: '<img src=x onerror=alert(1)>', kind: 'personal' }], signedInAs: null, locale: 'en-us', at: 1 } }],
  ])('resets %s with a notice, without throwing', (_, stored) => {
    expect(parseState(stored)).toEqual({ ...initialState(), notice: 'reset-broken' });
  });
});

describe('applyObservation', () => {
  it('keeps the last account list when a later page shows none', () => {
    const list = [
      { address: 'a@outlook.com', kind: 'personal' as const },
      { address: 'a@contoso.com', kind: 'work' as const },
    ];
    let state = applyObservation(initialState(), settings(1, 'a@outlook.com', list));
    state = applyObservation(state, { ...settings(2, 'a@contoso.com', null), page: 'profile' });
    expect(state.lastObservation?.signedInAs).toBe('a@contoso.com');
    expect(state.accounts).toEqual({ list, signedInAs: 'a@outlook.com', locale: 'en-us', at: 1 });
  });

  it('ignores an observation older than the one kept (a slow tab)', () => {
    const newer = applyObservation(initialState(), settings(10, 'new@outlook.com', null));
    expect(applyObservation(newer, settings(5, 'old@outlook.com', null))).toBe(newer);
  });
});

describe('updateState', () => {
  it('loses no write when two writers update at once', async () => {
    const area = memoryArea();
    const observations = Array.from({ length: 20 }, (_, i) => settings(i + 1, `u${i}@outlook.com`, null));
    await Promise.all(observations.map((o) => updateState(area, (s) => applyObservation(s, o))));
    expect((await readState(area)).lastObservation?.at).toBe(20);
  });

  it('goes on after a failing write', async () => {
    const area = memoryArea();
    const failing: StorageArea = { get: area.get, set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    await expect(updateState(failing, (s) => ({ ...s }))).rejects.toThrow('quota');
    await updateState(area, (s) => applyObservation(s, settings(3, 'a@outlook.com', null)));
    expect((await readState(area)).lastObservation?.at).toBe(3);
  });

  it('rewrites a broken stored value as a fresh state with its notice', async () => {
    const area = memoryArea({ [storageKey]: { schema: 1, broken: true } });
    await updateState(area, (s) => ({ ...s }));
    expect(area.data[storageKey]).toEqual({ ...initialState(), notice: 'reset-broken' });
  });
});
