import type { Directive } from '../guide/directive.ts';
import type { Text } from '../guide/instructions.ts';

/**
 * Every text the overlay may show for a directive, worded by the worker when it stores the
 * directive (background.ts), in the browser's language: the content script then asks
 * chrome.i18n nothing. A page's first getMessage waits on the browser for the extension's
 * messages (about 5 ms of the page's main thread, in CPU profiles of the content script).
 */

/** The overlay's own texts (overlay.ts) and those the plan puts in place of the step's (plan.ts). */
const fixedKeys = ['overlayScrollTo', 'overlayClose', 'overlayNotFound', 'hint_confirm_merge', 'warning_merge_is_final', 'hint_confirm_remove'];

/** Stands, in a text worded ahead, for what only the page tells at the time: who is signed in. */
export const pageSubstitution = '\uE000';

/**
 * `unreadLocale`: the locale of the last Learn page seen, when the reader has no words for its
 * language (background.ts): the docked callout then also says how to open the page in a
 * language it reads. The page's own labels, in another language, are what it could not find.
 */
export function directiveTexts(directive: Directive, message: (key: string, substitutions?: string[]) => string, unreadLocale?: string | null): Record<string, string> {
  const texts: Record<string, string> = {};
  const word = ({ key, substitutions }: Text) => {
    texts[key] = message(key, substitutions);
  };
  for (const key of fixedKeys) word({ key });
  if (unreadLocale) texts.overlayNotFound = message('overlayNotFoundLanguage', [unreadLocale]);
  word(directive.instruction);
  word(directive.hint);
  if (directive.warning) word(directive.warning);
  word({ key: 'stepNofM', substitutions: directive.position.map(String) });
  // plan.ts: "Remove <account>? You stay signed in as <the page's signed-in address>".
  word({ key: 'warning_confirm_remove', substitutions: [directive.action.account ?? '', pageSubstitution] });
  return texts;
}
