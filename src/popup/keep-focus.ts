/**
 * Keeps keyboard focus in the popup when the control that had it goes away (a path chosen,
 * "I did it" done, a confirmation answered): without this the browser drops focus on
 * <body> and a keyboard or screen reader user starts again from the top. Focus goes where
 * the lost control said (`data-then`, a selector), else to the view's heading.
 * Chrome and Edge (Blink) send focusout when a focused element is removed; once the render
 * is over (the timeout), a control out of the document was removed, not merely left. (A
 * MutationObserver would not lean on Blink, for about 30 B more than the popup's budget had.)
 */
export function keepFocus(root: HTMLElement): void {
  root.addEventListener('focusout', (event) => {
    const lost = event.target as HTMLElement;
    setTimeout(() => lost.isConnected || root.querySelector<HTMLElement>(lost.dataset.then ?? 'h2')?.focus());
  });
}
