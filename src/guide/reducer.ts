import type { PageObservation } from '../page/observation.ts';
import { kindIn, personalIn, proofs, undoProofs, type Evidence } from './evidence.ts';
import { currentStep, pathList, stepIndex } from './next-action.ts';
import { stepsOf, type PathId, type StepId } from './procedure.ts';
import { initialProgress, type Progress, type StepDone, type World } from './progress.ts';

export type GuideEvent =
  | { type: 'observed'; observation: PageObservation }
  | { type: 'choose-path'; path: PathId; at: number }
  | { type: 'tick'; step: StepId; done: boolean; at: number }
  | { type: 'set-cert-msa'; address: string | null; at: number }
  | { type: 'set-mcid'; mcid: string | null }
  | { type: 'dismiss-notice' }
  | { type: 'dismiss-overlay'; step: StepId }
  | { type: 'show-overlay' }
  | { type: 'reset' };

/** The one place progress changes: (progress, event) -> progress, no DOM, no browser. */
export function reduce(progress: Progress, event: GuideEvent): Progress {
  switch (event.type) {
    case 'observed': {
      const o = event.observation;
      const last = progress.world.lastObservation;
      if (last && last.at > o.at) return progress; // a slow tab's stale news
      const judged = judge({ ...progress, world: learn(progress.world, o, progress) }, o);
      // The path works on the profile whose list it read (next-action.ts, pathList). A list
      // with no address in common with that one is another profile's (signed in with an
      // account of another Learn profile): whatever it would prove, it proves and undoes
      // nothing, says nothing of a connected certification, the path's list is kept, and the
      // step leads back to that profile's account (next-action.ts) instead of adding to or
      // removing from this one. Past every step of pathList but add-aad, the profile still
      // lists the work account the path signed in with (after remove-aad, the Certification
      // MSA), so a list showing neither is another profile's: the old Learn MSA's own new one
      // among them. At add-aad alone, a list that takes the path past the step is taken (steps
      // done unseen: the MSA removed, so the MSA's list shares nothing with the work
      // account's), unless it shows an account that may be personal other than the
      // Certification MSA entered: done unseen, the path would have removed the MSA, then
      // added the Certification one alone.
      const kept = pathList(progress);
      const foreign = kept && o.accounts && !o.accounts.some((a) => kept.list.some((k) => k.address === a.address));
      if (!foreign) return judged;
      const noOtherMsa = o.accounts!.every((a) => kindIn(progress.world, a) === 'work' || a.address === progress.certMsa);
      if (currentStep(progress)?.id === 'add-aad' && stepIndex(judged) > stepIndex(progress) && noOtherMsa) return judged;
      const blind = { ...o, accounts: null, certificationConnected: null };
      return judge({ ...progress, world: learn(progress.world, blind, progress) }, blind);
    }
    case 'choose-path': {
      const chosen = { ...progress, path: event.path, notice: null };
      const last = chosen.world.lastObservation;
      return rejudge(last ? { ...chosen, world: learn(chosen.world, last, chosen) } : chosen);
    }
    case 'tick': {
      const { path } = progress;
      if (!path || !stepsOf(path).some((s) => s.id === event.step && s.proof === 'person')) return progress;
      const done = { ...progress.done[path] };
      if (event.done) done[event.step] = { by: 'person', at: event.at };
      else delete done[event.step];
      return rejudge({ ...progress, done: { ...progress.done, [path]: done } });
    }
    case 'set-cert-msa': {
      const address = event.address?.trim().toLowerCase() || null;
      return rejudge({ ...progress, certMsa: address });
    }
    case 'set-mcid':
      return { ...progress, mcid: event.mcid };
    case 'dismiss-notice':
      return { ...progress, notice: null };
    case 'dismiss-overlay':
      return { ...progress, overlayDismissed: event.step };
    case 'show-overlay':
      return { ...progress, overlayDismissed: null };
    case 'reset':
      return initialProgress();
  }
}

/** Judges the chosen path again on the last page seen (after a choice or an answer). */
function rejudge(progress: Progress): Progress {
  const last = progress.world.lastObservation;
  return last ? judge(progress, last) : progress;
}

/** The facts an observation adds to what the guide knows. */
function learn(world: World, o: PageObservation, progress: Progress): World {
  const next: World = { ...world, lastObservation: o };
  if (o.signedIn && o.accounts) {
    next.kinds = { ...world.kinds };
    for (const { address, kind } of o.accounts) {
      if (kind !== 'unknown') next.kinds[address] = kind;
    }
    // Each listed account with its kind as the lists told it: this one's where it told one,
    // else an earlier one's (a page whose labels are in a language without words tells none,
    // which is no evidence against the kind known). Whatever reads the list reads that.
    const list = o.accounts.map((account) => ({ ...account, kind: kindIn(world, account) }));
    next.accounts = { list, signedInAs: o.signedInAs, locale: o.locale, at: o.at };
  }
  next.learnMsa ??= learnMsaSeen(next, o, progress);
  next.learnMsaSignedIn ||= !!o.accounts && o.signedInAs === next.learnMsa && o.accounts.some((a) => a.address === next.learnMsa);
  return next;
}

/**
 * The Learn profile's own personal account, when this page tells it for sure: the one
 * personal account listed while it is the one signed in (the procedure's starting point) or
 * while the entered Certification MSA says it is not that one; or, on new-profile (chosen by
 * people with no work or school account) before the page proved anything, whoever is signed in.
 * A list seen after the swap would otherwise pass the new MSA off as the old one.
 */
function learnMsaSeen(world: World, o: PageObservation, progress: Progress): string | null {
  if (!o.signedIn) return null;
  const { certMsa } = progress;
  const removedAlready = Object.values(progress.done).some((steps) => steps?.['remove-msa']);
  if (o.accounts && !removedAlready) {
    const personal = o.accounts.filter((a) => world.kinds[a.address] === 'personal').map((a) => a.address);
    const only = personal.length === 1 ? personal[0] : undefined;
    if (only && only !== certMsa && (only === o.signedInAs || certMsa !== null)) return only;
  }
  const path = progress.path;
  const untouched = path && !Object.values(progress.done[path] ?? {}).some((d) => d?.by === 'page');
  if (untouched && path === 'new-profile' && o.signedInAs && world.kinds[o.signedInAs] !== 'work' && o.signedInAs !== certMsa) {
    return o.signedInAs;
  }
  return null;
}

/**
 * Undo what the page contradicts, then find the furthest step the page proves: it and every
 * step before it are done (a later step's evidence presupposes the earlier ones), except that
 * no page proof passes a step only the person can tick.
 */
function judge(progress: Progress, o: PageObservation): Progress {
  const { path } = progress;
  if (!path) return progress;
  const steps = stepsOf(path);
  const done: Partial<Record<StepId, StepDone>> = { ...progress.done[path] };
  let { notice } = progress;
  let world = progress.world;

  const evidenceFor = (previousDone: boolean): Evidence => ({
    observation: o,
    world,
    certMsa: progress.certMsa,
    previousDone,
    isDone: (step) => done[step] !== undefined,
  });

  const before = { ...done };
  // Undone: the first contradicted step and every page-proved step after it.
  const undoneAt = steps.findIndex((s) => done[s.id]?.by === 'page' && undoProofs[s.id]?.(evidenceFor(true)));
  if (undoneAt >= 0) {
    for (const s of steps.slice(undoneAt)) if (done[s.id]?.by === 'page') delete done[s.id];
    if (!done['add-cert-msa']) world = { ...world, newMsa: null };
  }

  let furthest = -1;
  let previousDone = true;
  for (const [i, s] of steps.entries()) {
    // Nor does it prove a step it contradicts, nor, through a later one, any past it.
    if ((s.proof === 'person' && !done[s.id]) || undoProofs[s.id]?.(evidenceFor(true))) break;
    const holds: boolean = s.proof === 'page' && proofs[s.id](evidenceFor(previousDone));
    if (holds) furthest = i;
    previousDone = holds || done[s.id] !== undefined;
  }
  for (const s of steps.slice(0, furthest + 1)) {
    done[s.id] ??= { by: 'page', at: o.at };
  }

  // A step this same page undid and proved again keeps its record, and nothing is said.
  for (const s of steps) {
    const kept = before[s.id];
    if (kept && done[s.id]) done[s.id] = kept;
  }
  // Said of the first step this page took back for good; a notice about a step proved done
  // again is no longer true.
  const lost = steps.find((s) => before[s.id] && !done[s.id]);
  if (lost) notice = { kind: 'undone', step: lost.id, at: o.at };
  else if (notice?.kind === 'undone' && done[notice.step]) notice = null;

  // The personal account proved added is the one the next steps sign in with.
  if (done['add-cert-msa'] && !world.newMsa && o.accounts) {
    const added = personalIn(o.accounts, world).find((a) => a.address !== world.learnMsa);
    if (added) world = { ...world, newMsa: added.address };
  }
  return { ...progress, world, notice, done: { ...progress.done, [path]: done } };
}
