import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotCaptions, storeScreenshotLanguages, storeSizes } from '../../scripts/store-kit.ts';

/**
 * The store listing kit (store/): what the Chrome Web Store, Edge Add-ons and AMO are given
 * stays true to the manifest and within the stores' limits, in every language the extension
 * speaks, and its screenshots are at the sizes the stores take.
 */

const languages = ['en', 'fr', 'de', 'es', 'pt_BR', 'ja', 'zh_CN'];
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { permissions: string[]; host_permissions: string[] };
const messageOf = (language: string, key: string): string =>
  (JSON.parse(readFileSync(join('_locales', language, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key]?.message ?? '';
/** The text under `## <heading>` in a listing, up to the next heading. */
function section(language: string, heading: string): string {
  const listing = readFileSync(join('store', language, 'listing.md'), 'utf8');
  const part = listing.split(/^## /m).find((p) => p.startsWith(`${heading}\n`));
  return part ? part.slice(heading.length).trim() : '';
}
const characters = (text: string) => [...text].length; // as the stores count: code points

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${path}: a PNG`).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1'), path).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the store listings', () => {
  it('has a listing for every language of the extension', () => {
    expect(readdirSync('_locales').sort()).toEqual([...languages].sort());
    for (const language of languages) expect(existsSync(join('store', language, 'listing.md')), language).toBe(true);
  });

  it.each(languages)('%s: the short description is the manifest’s, within 132 characters', (language) => {
    const short = section(language, 'Short description');
    // The Chrome Web Store shows the package's own description: the listing says the same.
    expect(short).toBe(messageOf(language, 'extDescription'));
    expect(characters(short)).toBeGreaterThan(40);
    expect(characters(short)).toBeLessThanOrEqual(132);
    expect(section(language, 'Name')).toBe(messageOf(language, 'extName'));
  });

  it.each(languages)('%s: the long description is within Edge’s 250 to 10,000 characters and names every permission', (language) => {
    const long = section(language, 'Long description');
    expect(characters(long)).toBeGreaterThanOrEqual(250);
    expect(characters(long)).toBeLessThanOrEqual(10_000);
    // Each permission starts a line of its own that says why (a colon, in the language's style).
    for (const permission of [...manifest.permissions, 'learn.microsoft.com']) {
      expect(long, `${language}: ${permission}`).toMatch(new RegExp(`^- ${permission.replace(/\./g, '\\.')}\\s*[:：]\\s*\\S`, 'm'));
    }
    // Plain text: the stores show no Markdown.
    expect(long).not.toMatch(/^#|\*\*|\[[^\]]+\]\(/m);
  });

  it.each(languages)('%s: a caption for each screenshot, one line each', (language) => {
    const captions = screenshotCaptions(language);
    expect(captions).toHaveLength(4);
    for (const caption of captions) expect(characters(caption), caption).toBeLessThanOrEqual(90);
  });
});

describe('the privacy policy and the permissions', () => {
  const policy = readFileSync('store/privacy-policy.md', 'utf8');
  const permissions = readFileSync('store/permissions.md', 'utf8');

  it('mention every permission and host permission of the manifest', () => {
    for (const permission of [...manifest.permissions, ...manifest.host_permissions]) {
      expect(policy, `privacy policy: ${permission}`).toContain(permission);
      expect(permissions, `permissions: ${permission}`).toContain(permission);
    }
  });

  it('justify each permission under its own heading, with the single purpose', () => {
    for (const permission of manifest.permissions) expect(permissions).toMatch(new RegExp(`^### ${permission}$`, 'm'));
    for (const host of manifest.host_permissions) expect(permissions).toContain(`### Host permission: ${host}`);
    expect(permissions).toMatch(/^## Single purpose$/m);
    expect(permissions).toMatch(/^## Remote code$/m);
  });

  it('say what is read, where it is kept, that nothing is sent, how to erase it and whom to ask', () => {
    for (const heading of ['What it reads, and where', 'What it keeps, and where', 'What it sends', 'How to erase it', 'Contact']) {
      expect(policy).toMatch(new RegExp(`^## ${heading}$`, 'm'));
    }
    expect(policy).toContain('Start over');
    expect(policy).toContain('https://aka.ms/mcpforum');
  });
});

describe('the screenshots', () => {
  const shots = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.png')).sort();

  it.each(storeScreenshotLanguages.map((l) => l.language))('%s: one per caption, at exactly 1280x800 and 640x400', (language) => {
    const count = screenshotCaptions(language).length;
    for (let n = 1; n <= count; n += 1) {
      expect(pngSize(join('store/screenshots', `${language}-${n}.png`))).toEqual([storeSizes.large.width, storeSizes.large.height]);
      expect(pngSize(join('store/screenshots/640x400', `${language}-${n}.png`))).toEqual([storeSizes.small.width, storeSizes.small.height]);
    }
    expect([storeSizes.large, storeSizes.small]).toEqual([{ width: 1280, height: 800 }, { width: 640, height: 400 }]);
  });

  it('holds no other file: every screenshot is one the demo makes', () => {
    const expected = storeScreenshotLanguages.flatMap(({ language }) => screenshotCaptions(language).map((_, i) => `${language}-${i + 1}.png`)).sort();
    expect(shots('store/screenshots')).toEqual(expected);
    expect(shots('store/screenshots/640x400')).toEqual(expected);
  });
});
