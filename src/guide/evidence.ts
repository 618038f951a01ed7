import type { LinkedAccount, PageObservation } from '../page/observation.ts';
import type { StepId } from './procedure.ts';
import type { World } from './progress.ts';

/**
 * What one observation proves, step by step. A proof reads the page as it is now (who is
 * signed in, what the account list shows) plus the few facts the guide keeps (which personal
 * account the Learn profile had, which one the Certification profile uses). It never reads
 * what the guide saw happen, so a reload, a second tab or a step done elsewhere lands right.
 */
export interface Evidence {
  observation: PageObservation;
  world: World;
  certMsa: string | null;
  /** Whether the step before this one in the path is done, or proved by this same observation. */
  previousDone: boolean;
  /** Whether this step is already done. */
  isDone: (step: StepId) => boolean;
}

export function kindOf(world: World, address: string | null): 'personal' | 'work' | 'unknown' {
  return (address && world.kinds[address]) || 'unknown';
}

/** The account list of this observation, if it is one read while signed in. */
function listOf(o: PageObservation): LinkedAccount[] | null {
  return o.signedIn && o.accounts ? o.accounts : null;
}

/** A listed account's kind: as this page tells it, else as an earlier list told it. */
export function kindIn(world: World, account: LinkedAccount): LinkedAccount['kind'] {
  return account.kind === 'unknown' ? kindOf(world, account.address) : account.kind;
}
export const personalIn = (list: LinkedAccount[], world: World) => list.filter((a) => kindIn(world, a) === 'personal');
const workIn = (list: LinkedAccount[], world: World) => list.filter((a) => kindIn(world, a) === 'work');

/** The personal account the Certification profile uses, as entered or as seen added. */
export function certificationAccount(world: World, certMsa: string | null): string | null {
  return certMsa ?? world.newMsa;
}

type Proof = (e: Evidence) => boolean;

const signedInWork: Proof = ({ observation: o, world }) => o.signedIn && kindOf(world, o.signedInAs) === 'work';

export const proofs: Record<StepId, Proof> = {
  // Off Learn: only the person can tell.
  'forum-open': () => false,
  'forum-ask': () => false,
  'forum-request': () => false,
  'forum-verify': () => false,

  'sign-in-msa': ({ observation: o, world, certMsa }) =>
    o.signedIn &&
    o.signedInAs !== null &&
    (o.signedInAs === world.learnMsa || (kindOf(world, o.signedInAs) === 'personal' && o.signedInAs !== certMsa)),

  'sign-in-aad': signedInWork,

  'open-settings': ({ observation: o, previousDone }) => o.page === 'settings' && o.signedIn && previousDone,

  'add-aad': ({ observation: o, world }) => {
    const list = listOf(o);
    return list !== null && workIn(list, world).length > 0;
  },

  'sign-out-msa': ({ observation: o, world, previousDone }) =>
    previousDone &&
    (!o.signedIn || (o.signedInAs !== null && world.learnMsa !== null && o.signedInAs !== world.learnMsa)),

  // DESIGN: no personal account listed, while signed in with a work account (which a real
  // list always shows), and not the Learn MSA under a kind unread this time.
  'remove-msa': (e) => {
    const { observation: o, world } = e;
    const list = listOf(o);
    return (
      list !== null &&
      signedInWork(e) &&
      list.some((a) => a.address === o.signedInAs) &&
      personalIn(list, world).length === 0 &&
      !list.some((a) => a.address === world.learnMsa)
    );
  },

  // A personal account other than the Learn profile's is linked beside a work account. (Not
  // while the Learn profile's is listed too: that page contradicts remove-msa, and proves no
  // step past it, reducer.ts.)
  'add-cert-msa': ({ observation: o, world, certMsa, isDone }) => {
    const list = listOf(o);
    if (!list || workIn(list, world).length === 0) return false;
    const personal = personalIn(list, world)[0]?.address;
    if (!personal || personal === world.learnMsa) return false;
    if (certMsa) return personal === certMsa;
    return world.learnMsa !== null || isDone('remove-msa');
  },

  'sign-out-aad': ({ observation: o, world, previousDone }) =>
    previousDone && (!o.signedIn || (o.signedInAs !== null && kindOf(world, o.signedInAs) !== 'work')),

  // Signing in with the Certification MSA proves nothing of the Learn profile's list (that
  // account may have a profile of its own): only after the steps before it.
  'sign-in-cert-msa': ({ observation: o, world, certMsa, previousDone }) => {
    if (!previousDone || !o.signedIn || o.signedInAs === null) return false;
    const target = certificationAccount(world, certMsa);
    if (target) return o.signedInAs === target;
    return (
      world.learnMsa !== null &&
      o.signedInAs !== world.learnMsa &&
      kindOf(world, o.signedInAs) !== 'work'
    );
  },

  // A profile page answers only once a profile exists for the account signed in.
  'create-profile': ({ observation: o, world, previousDone }) =>
    previousDone && o.page !== 'other' && o.signedIn && o.signedInAs !== null && o.signedInAs !== world.learnMsa,

  'connect-cert': ({ observation: o }) => o.signedIn && o.certificationConnected === true,

  'remove-aad': ({ observation: o, world, isDone }) => {
    const list = listOf(o);
    return (
      isDone('connect-cert') &&
      list !== null &&
      workIn(list, world).length === 0 &&
      kindOf(world, o.signedInAs) === 'personal'
    );
  },
};

/**
 * What a page can prove undone: a step done earlier whose outcome the page now contradicts.
 * Signing in is never undone by signing out later; that is the procedure.
 */
export const undoProofs: Partial<Record<StepId, (e: Evidence) => boolean>> = {
  // The Learn profile's old personal account is linked again.
  'remove-msa': ({ observation: o, world }) => {
    const list = listOf(o);
    return list !== null && world.learnMsa !== null && list.some((a) => a.address === world.learnMsa);
  },
  // The work or school account is gone before the procedure needed it no more.
  'add-aad': ({ observation: o, world, isDone }) => {
    const list = listOf(o);
    return list !== null && workIn(list, world).length === 0 && !isDone('connect-cert');
  },
  // The newly added personal account is gone, or is not the Certification MSA the person
  // has since entered: the wrong account was added.
  'add-cert-msa': ({ observation: o, world, certMsa }) => {
    if (world.newMsa === null) return false;
    if (certMsa !== null && world.newMsa !== certMsa) return true;
    const list = listOf(o);
    return list !== null && !list.some((a) => a.address === world.newMsa);
  },
  // No undo for connect-cert: an unconnected page may be another profile's (new-profile
  // leaves the old one unconnected), and nothing in the procedure disconnects.
};
