import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { distDir, zipPath } from '../../scripts/build.ts';
import { gzipSize } from '../../scripts/gzip-size.ts';

/** What `npm run build` leaves (global-setup ran it): a loadable MV3 folder and its zip. */

const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(distDir, path)];
  });
}

describe('the build', () => {
  it('writes an MV3 manifest whose every file exists', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const referenced = [
      manifest.background.service_worker,
      manifest.action.default_popup,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
      ...Object.values(manifest.icons as Record<string, string>),
      ...Object.values(manifest.action.default_icon as Record<string, string>),
      `_locales/${manifest.default_locale}/messages.json`,
      'page-report.js', // injected by the popup on request
    ];
    const files = new Set(filesUnder(distDir));
    for (const file of referenced) expect(files, file).toContain(file);
  });

  it('asks for storage and, on Learn only, scripting (the page report on request)', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.host_permissions).toEqual(['https://learn.microsoft.com/*']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['https://learn.microsoft.com/*']]);
  });

  it('has every message of the manifest in English and French', () => {
    const keys = JSON.stringify(manifest).match(/__MSG_(\w+)__/g)?.map((k) => k.slice(6, -2)) ?? [];
    for (const language of ['en', 'fr']) {
      const messages = JSON.parse(readFileSync(join(distDir, `_locales/${language}/messages.json`), 'utf8'));
      for (const key of keys) expect(messages[key]?.message, `${language}: ${key}`).toBeTruthy();
    }
  });

  // Issue 5's budgets, min+gzip (`gzip -9 -c`), in bytes (1 kB = 1,000 B, as the bench
  // prints): the content script is parsed on every Learn page it runs on, its CSS inside it.
  it('keeps the content script within 6 kB and the popup within 12 kB, gzipped', () => {
    const gzipped = (file: string) => gzipSize(join(distDir, file));
    expect(gzipped('content.js'), 'content.js (JS + its overlay CSS), gzipped bytes').toBeLessThanOrEqual(6000);
    expect(gzipped('popup.js') + gzipped('popup.css'), 'popup.js + popup.css, gzipped bytes').toBeLessThanOrEqual(12000);
  });

  it('zips exactly the unpacked folder, manifest at the root', () => {
    const zipped = unzipSync(readFileSync(zipPath));
    expect(Object.keys(zipped).sort()).toEqual(filesUnder(distDir).sort());
    expect(new TextDecoder().decode(zipped['manifest.json'])).toBe(readFileSync(join(distDir, 'manifest.json'), 'utf8'));
  });
});
