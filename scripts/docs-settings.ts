/**
 * What scripts/profile-docs.ts and scripts/compare-self-time.ts load, and how long they watch
 * it: the bench's docs-shaped Settings (the replica's `?docs=N`; 0: the flat Settings), opened
 * at the account section, from navigation to the load event + 1 s.
 */
export const docsSettingsUrl = (elements: number) => `https://learn.microsoft.com/en-us/users/me/settings/?docs=${elements}#account-settings`;

/**
 * For `page.evaluate`: resolves 1 s after the page's load event, with whether the guide has
 * an element highlighted then. A string: the TypeScript loader would wrap a named function
 * with helpers the page lacks.
 */
export const highlightedAtLoadPlusASecond = `new Promise((resolve) => {
  const wait = () => {
    const [nav] = performance.getEntriesByType('navigation');
    if (!nav || !nav.loadEventEnd) return setTimeout(wait, 50);
    setTimeout(() => resolve(!!document.querySelector('[data-aligner-step]')), Math.max(0, nav.loadEventEnd + 1000 - performance.now()));
  };
  wait();
})`;
