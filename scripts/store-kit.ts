import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The store listing kit's shape (store/README.md), shared by the script that makes its
 * screenshots and the test that checks it.
 */

/** The languages shot: the replica speaks Learn's en-us and fr-fr. */
export const storeScreenshotLanguages = [
  { language: 'en', learnLocale: 'en-us' },
  { language: 'fr', learnLocale: 'fr-fr' },
] as const;

/** 1280x800: every store; 640x400: the Chrome Web Store's small size. */
export const storeSizes = { large: { width: 1280, height: 800 }, small: { width: 640, height: 400 } } as const;

/** The numbered lines under "## Screenshot captions" in store/<language>/listing.md. */
export function screenshotCaptions(language: string, storeDir = 'store'): string[] {
  const listing = readFileSync(join(storeDir, language, 'listing.md'), 'utf8');
  const section = listing.split(/^## /m).find((part) => part.startsWith('Screenshot captions')) ?? '';
  return [...section.matchAll(/^\d+\.\s+(.+)$/gm)].map((match) => (match[1] as string).trim());
}
