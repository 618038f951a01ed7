/**
 * Progress as the worker stores it, at has-aad's remove-msa step: signed in with the work
 * account, the Learn MSA still linked. `at` dates the last page seen; a later one makes it
 * stand against a page's own (older) report.
 */
export function storedAtRemoval(at: number): { aligner: Record<string, unknown> } {
  const learner = 'learner@outlook.com';
  const contoso = 'ana@contoso.com';
  const listing = [
    { address: learner, kind: 'personal' },
    { address: contoso, kind: 'work' },
  ];
  return {
    aligner: {
      schema: 2,
      path: 'has-aad',
      done: { 'has-aad': { 'sign-in-aad': { by: 'page', at: 1 }, 'open-settings': { by: 'page', at: 1 } } },
      certMsa: null,
      world: {
        lastObservation: { page: 'settings', locale: 'en-us', signedIn: true, signedInAs: contoso, accounts: listing, certificationConnected: false, at },
        accounts: { list: listing, signedInAs: contoso, locale: 'en-us', at },
        kinds: { [learner]: 'personal', [contoso]: 'work' },
        learnMsa: learner,
        newMsa: null,
      },
      notice: null,
      overlayDismissed: null,
    },
  };
}
