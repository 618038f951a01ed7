import * as v from 'valibot';
import { initialProgress, initialWorld, type Progress, type World } from '../guide/progress.ts';
import { progressSchema, progressV1Schema } from './schema.ts';

export { storageKey } from './key.ts';
export const schemaVersion = 2;

/**
 * The progress from whatever storage held: nothing gives a fresh start; an older version is
 * migrated; anything else gives a fresh start with a notice, never an exception.
 */
export function parseStored(stored: unknown): Progress {
  if (stored === undefined) return initialProgress();
  const current = v.safeParse(progressSchema, stored);
  if (current.success) return current.output as Progress;
  const v1 = v.safeParse(progressV1Schema, stored);
  if (v1.success) return migrateFromV1(v1.output);
  return { ...initialProgress(), notice: { kind: 'reset-broken' } };
}

/** Whether what storage holds must be rewritten: an older version, or something broken. */
export function needsRewrite(stored: unknown): boolean {
  return stored !== undefined && !v.is(progressSchema, stored);
}

function migrateFromV1(old: v.InferOutput<typeof progressV1Schema>): Progress {
  const world: World = {
    ...initialWorld(),
    lastObservation: old.lastObservation && { ...old.lastObservation, certificationConnected: null },
    accounts: old.accounts,
  };
  for (const { address, kind } of old.accounts?.list ?? []) {
    if (kind !== 'unknown') world.kinds[address] = kind;
  }
  return { ...initialProgress(), world, notice: old.notice ? { kind: 'reset-broken' } : null };
}
