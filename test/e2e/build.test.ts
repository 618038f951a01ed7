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
    // In its own isolated world: in the page's ('MAIN'), Learn's scripts could reach into it.
    expect(manifest.content_scripts.map((c: { world?: string }) => c.world ?? 'ISOLATED')).toEqual(['ISOLATED']);
  });

  it("runs only its own scripts on its pages: a strict CSP, with no remote source", () => {
    expect(Object.keys(manifest.content_security_policy)).toEqual(['extension_pages']); // no sandbox pages
    const policy: string = manifest.content_security_policy.extension_pages;
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/);
  });

  const builtFiles = () => filesUnder(distDir).filter((file) => /\.(js|html|css|json)$/.test(file));

  it('loads no remote code: local scripts only, no eval, no Function constructor', () => {
    const popup = readFileSync(join(distDir, 'popup.html'), 'utf8');
    const loaded = [...popup.matchAll(/<(?:script|link|img|iframe|object|embed)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(loaded.sort()).toEqual(['popup.css', 'popup.js']);
    for (const file of filesUnder(distDir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(distDir, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|\bFunction\(|\bimportScripts\(|\bimport\(|set(?:Timeout|Interval)\(\s*["'`]/);
    }
  });

  // The only web addresses in the package: the Learn pages and the Microsoft support forum
  // the popup opens, and the XML namespaces Preact names elements with (never fetched).
  it('holds no web address but the Microsoft pages the popup links to', () => {
    const found = new Set(builtFiles().flatMap((file) => readFileSync(join(distDir, file), 'utf8').match(/https?:\/\/[^\s"'`)<>\\]+/g) ?? []));
    const allowed = (url: string) =>
      /^https:\/\/(learn\.microsoft\.com|aka\.ms)\//.test(url) || /^http:\/\/www\.w3\.org\/(1998\/Math\/MathML|1999\/xhtml|2000\/svg)$/.test(url);
    const listed = [...found].sort();
    expect(listed.filter((url) => !allowed(url)), listed.join('\n')).toEqual([]);
    expect(listed).toContain('https://aka.ms/mcpforum');
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
