import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathIds } from '../../src/guide/procedure.ts';
import { helpLinkUrl, helpLinks } from '../../src/help/links.ts';
import { riskIds, riskKey, risksOf } from '../../src/help/risks.ts';

/** The help page's data: the risks it explains and the pages it links to. */
const english = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

describe("the help page's risks", () => {
  it('names and explains every risk in English (the locales test carries them to every language)', () => {
    for (const risk of riskIds) {
      expect(english[riskKey('name', risk)]?.message, risk).toBeTruthy();
      expect(english[riskKey('text', risk)]?.message, risk).toBeTruthy();
    }
  });

  it('gives every path a risk, and explains no risk that no path carries', () => {
    for (const path of pathIds) expect(risksOf(path).length, path).toBeGreaterThan(0);
    expect(riskIds.filter((risk) => !pathIds.some((path) => risksOf(path).includes(risk)))).toEqual([]);
  });

  it('warns of removing accounts and of merging on the paths that remove and add accounts on Settings', () => {
    for (const path of ['has-aad', 'add-aad'] as const) {
      expect(risksOf(path)).toEqual(expect.arrayContaining(['wrong-account', 'signed-in-account', 'last-account', 'merge', 'work-account']));
    }
    expect(risksOf('recommended')).not.toContain('merge');
  });
});

describe("the help page's links", () => {
  it("puts Learn's locale into Microsoft's pages, and leaves the forum as the popup opens it", () => {
    expect(helpLinkUrl('connect', 'fr-fr')).toBe('https://learn.microsoft.com/fr-fr/certifications/connect-cert-profile-to-learn');
    expect(helpLinkUrl('manage', 'ja-jp')).toBe('https://learn.microsoft.com/ja-jp/training/support/learn-profile-manage');
    expect(helpLinkUrl('forum', 'fr-fr')).toBe(helpLinks.forum);
  });
});
