import type { BrowserContext } from 'playwright-core';
import { learnKey } from '../../src/page/learn-data.ts';
import { directiveKey } from '../../src/storage/key.ts';

const [learner, contoso, certMsa] = ['learner@outlook.com', 'ana@contoso.com', 'cert.ana@hotmail.com'];

/** Progress on has-aad as the worker stores it (schema 2): `steps` proved by pages, and what the guide knows. */
function storedOnHasAad(steps: string[], known: { certMsa: string | null; world: Record<string, unknown> }): { aligner: Record<string, unknown> } {
  return {
    aligner: {
      schema: 2,
      path: 'has-aad',
      done: { 'has-aad': Object.fromEntries(steps.map((step) => [step, { by: 'page', at: 1 }])) },
      ...known,
      notice: null,
      overlayDismissed: null,
      mcid: null,
    },
  };
}

/**
 * Progress as the worker stores it, at has-aad's remove-msa step: signed in with the work
 * account, the Learn MSA still linked. `at` dates the last page seen; a later one makes it
 * stand against a page's own (older) report.
 */
export function storedAtRemoval(at: number): { aligner: Record<string, unknown> } {
  const listing = [
    { address: learner, kind: 'personal' },
    { address: contoso, kind: 'work' },
  ];
  return storedOnHasAad(['sign-in-aad', 'open-settings'], { certMsa: null, world: onSettingsAsContoso(listing, at) });
}

/** What the worker knows after Settings showed `listing` at `at`, signed in with the work account (the Learn MSA known, seen signed in before). */
function onSettingsAsContoso(listing: Array<{ address: string; kind: string }>, at: number): Record<string, unknown> {
  return {
    lastObservation: { page: 'settings', locale: 'en-us', signedIn: true, signedInAs: contoso, accounts: listing, certificationConnected: false, at },
    accounts: { list: listing, signedInAs: contoso, locale: 'en-us', at },
    kinds: { [learner]: 'personal', [contoso]: 'work' },
    // Seen signed in with it, its list read then (where the procedure starts).
    learnMsa: learner,
    learnMsaSignedIn: true,
    newMsa: null,
  };
}

/**
 * Progress as the worker stores it at has-aad's add-cert-msa step: the Learn MSA removed, the
 * profile's list read as the work account alone, signed in with it, at `at`.
 */
export function storedAtAddition(at: number): { aligner: Record<string, unknown> } {
  const listing = [{ address: contoso, kind: 'work' }];
  return storedOnHasAad(['sign-in-aad', 'open-settings', 'remove-msa'], { certMsa, world: onSettingsAsContoso(listing, at) });
}

/**
 * Progress as the worker stores it at has-aad's connect-cert step: the Certification MSA
 * added and signed in with, last seen on the credentials page at `at` (a later time than a
 * page's own report makes it stand: the directive stays Connect whatever the page reports).
 */
export function storedAtConnect(at: number): { aligner: Record<string, unknown> } {
  const listing = [
    { address: contoso, kind: 'work' },
    { address: certMsa, kind: 'personal' },
  ];
  return storedOnHasAad(['sign-in-aad', 'open-settings', 'remove-msa', 'add-cert-msa', 'sign-out-aad', 'sign-in-cert-msa'], {
    certMsa,
    world: {
      lastObservation: { page: 'credentials', locale: 'en-us', signedIn: true, signedInAs: certMsa, accounts: null, certificationConnected: false, at },
      accounts: { list: listing, signedInAs: contoso, locale: 'en-us', at: 1 },
      kinds: { [learner]: 'personal', [contoso]: 'work', [certMsa]: 'personal' },
      learnMsa: learner,
      learnMsaSignedIn: true,
      newMsa: certMsa,
    },
  });
}

/**
 * Storage as a person's browser has it, written through an extension page (the worker may
 * be asleep): cleared, `items` set, then what the worker keeps beside them awaited: Learn's
 * data (stored again once storage lost it) and, with `items`, the directive of the progress
 * (written with every change of it; the popup's first read writes it when missing). Without
 * them a page would start in a state no person's browser is in: waiting for Learn's data, and
 * getting its directive only once the worker judged its first report.
 */
export async function storeAsAPersonHasIt(context: BrowserContext, extensionId: string, items: Record<string, unknown> | null): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/help.html`);
  const keys = items ? [learnKey, directiveKey] : [learnKey];
  const ready = await page.evaluate(
    async ([set, wanted]) => {
      await chrome.storage.local.clear();
      if (set) {
        await chrome.storage.local.set(set);
        await chrome.runtime.sendMessage({ type: 'get-progress' });
      }
      for (let i = 0; i < 200; i += 1) {
        const stored = await chrome.storage.local.get(wanted);
        if (wanted.every((key) => stored[key])) return true;
        await new Promise((wake) => setTimeout(wake, 10));
      }
      return false;
    },
    [items, keys] as const,
  );
  await page.close();
  if (!ready) throw new Error(`the worker did not store ${keys.join(' and ')} within 2 s`);
}
