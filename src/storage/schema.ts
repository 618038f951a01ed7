import * as v from 'valibot';
import { pathIds, stepIds } from '../guide/procedure.ts';

/**
 * The shapes that cross a trust boundary: messages from content scripts and the popup, and
 * whatever storage holds (an older version, a hand edit, a broken write). Checked with
 * valibot, whose schemas tree-shake to what is used and stay in step with the types.
 */

/**
 * No white space or markup, and no control or invisible formatting character (bidi overrides
 * and marks, zero-width spaces and joiners): none is in a real account's address, and shown
 * in a sentence one would turn the rest of it around, or pass one address off as another.
 */
export const addressSchema = v.pipe(v.string(), v.maxLength(320), v.regex(/^[^\s@<>"\p{Cc}\p{Cf}]+@[^\s@<>"\p{Cc}\p{Cf}]+$/u));
/** A Certification ID: ASCII digits (support-request.ts, mcidOf, reads what is typed into them). */
export const mcidSchema = v.pipe(v.string(), v.regex(/^[0-9]{1,12}$/));
const locale = v.pipe(v.string(), v.maxLength(20), v.regex(/^[a-z]{2}(-[a-z0-9]{2,4}){0,2}$/));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const pathId = v.picklist(pathIds);
const stepId = v.picklist(stepIds);

const linkedAccount = v.object({
  address: addressSchema,
  kind: v.picklist(['personal', 'work', 'unknown']),
});
const accountList = v.pipe(v.array(linkedAccount), v.maxLength(50));

export const pageObservationSchema = v.object({
  page: v.picklist(['settings', 'profile', 'credentials', 'other']),
  locale,
  signedIn: v.boolean(),
  signedInAs: v.nullable(addressSchema),
  accounts: v.nullable(accountList),
  certificationConnected: v.nullable(v.boolean()),
  at: time,
});

const accountsSnapshot = v.object({
  list: accountList,
  signedInAs: v.nullable(addressSchema),
  locale,
  at: time,
});

const stepDone = v.object({ by: v.picklist(['page', 'person']), at: time });

export const progressSchema = v.object({
  schema: v.literal(2),
  path: v.nullable(pathId),
  done: v.record(pathId, v.record(stepId, stepDone)),
  certMsa: v.nullable(addressSchema),
  world: v.object({
    lastObservation: v.nullable(pageObservationSchema),
    accounts: v.nullable(accountsSnapshot),
    kinds: v.pipe(v.record(addressSchema, v.picklist(['personal', 'work'])), v.check((k) => Object.keys(k).length <= 100)),
    learnMsa: v.nullable(addressSchema),
    // Added within schema 2: a value stored before it reads as false (the Learn MSA not seen signed in).
    learnMsaSignedIn: v.optional(v.boolean(), false),
    newMsa: v.nullable(addressSchema),
  }),
  notice: v.nullable(
    v.variant('kind', [
      v.object({ kind: v.literal('reset-broken') }),
      v.object({ kind: v.literal('undone'), step: stepId, at: time }),
    ]),
  ),
  // Added within schema 2: a value stored before them reads as null.
  overlayDismissed: v.optional(v.nullable(stepId), null),
  mcid: v.optional(v.nullable(mcidSchema), null),
});

/** Version 1 (the first release): what was last seen, no path. */
export const progressV1Schema = v.object({
  schema: v.literal(1),
  lastObservation: v.nullable(
    v.object({
      page: v.picklist(['settings', 'profile', 'credentials']),
      locale,
      signedIn: v.boolean(),
      signedInAs: v.nullable(addressSchema),
      accounts: v.nullable(accountList),
      at: time,
    }),
  ),
  accounts: v.nullable(accountsSnapshot),
  notice: v.nullable(v.picklist(['reset-broken'])),
});

/** What the popup and content scripts may ask of the background worker, the single writer. */
export const messageSchema = v.variant('type', [
  v.object({ type: v.literal('observation'), observation: pageObservationSchema }),
  v.object({ type: v.literal('choose-path'), path: pathId }),
  v.object({ type: v.literal('tick'), step: stepId, done: v.boolean() }),
  v.object({ type: v.literal('set-cert-msa'), address: v.nullable(addressSchema) }),
  v.object({ type: v.literal('set-mcid'), mcid: v.nullable(mcidSchema) }),
  v.object({ type: v.literal('dismiss-overlay'), step: stepId }),
  v.object({ type: v.literal('show-overlay') }),
  v.object({ type: v.literal('get-progress') }),
  v.object({ type: v.literal('reset') }),
  v.object({ type: v.literal('dismiss-notice') }),
]);

export type Message = v.InferOutput<typeof messageSchema>;
