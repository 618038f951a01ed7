import { placeUrl } from '../guide/next-action.ts';
import type { StepPlace } from '../guide/procedure.ts';
import type { Progress } from '../guide/progress.ts';
import { learnLocale } from './i18n.ts';

/** Opens where a step happens in a new tab, in the locale Learn was last seen in. */
export function openOnLearn(place: StepPlace, progress: Progress): void {
  const locale = progress.world.lastObservation?.locale ?? learnLocale();
  void chrome.tabs.create({ url: placeUrl(place, locale) });
  window.close();
}
