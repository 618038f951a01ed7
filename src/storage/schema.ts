import * as v from 'valibot';

/**
 * The shapes that cross a trust boundary: messages from content scripts, and whatever
 * storage holds (another version, a hand edit, a broken write). Checked with valibot, whose
 * schemas tree-shake to what is used, rather than hand-written guards that drift from the types.
 */

const address = v.pipe(v.string(), v.maxLength(320), v.regex(/^[^\s@]+@[^\s@]+$/));
const locale = v.pipe(v.string(), v.maxLength(20), v.regex(/^[a-z]{2}(-[a-z0-9]{2,4}){0,2}$/));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));

export const linkedAccountSchema = v.object({
  address,
  kind: v.picklist(['personal', 'work', 'unknown']),
});

export const pageObservationSchema = v.object({
  page: v.picklist(['settings', 'profile', 'credentials']),
  locale,
  signedIn: v.boolean(),
  signedInAs: v.nullable(address),
  accounts: v.nullable(v.pipe(v.array(linkedAccountSchema), v.maxLength(50))),
  at: time,
});

export const accountsSnapshotSchema = v.object({
  list: v.pipe(v.array(linkedAccountSchema), v.maxLength(50)),
  signedInAs: v.nullable(address),
  locale,
  at: time,
});

export const alignerStateSchema = v.object({
  schema: v.literal(1),
  lastObservation: v.nullable(pageObservationSchema),
  accounts: v.nullable(accountsSnapshotSchema),
  notice: v.nullable(v.picklist(['reset-broken'])),
});

export const messageSchema = v.variant('type', [
  v.object({ type: v.literal('observation'), observation: pageObservationSchema }),
  v.object({ type: v.literal('reset') }),
  v.object({ type: v.literal('dismiss-notice') }),
]);

export type Message = v.InferOutput<typeof messageSchema>;
export type AccountsSnapshot = v.InferOutput<typeof accountsSnapshotSchema>;
