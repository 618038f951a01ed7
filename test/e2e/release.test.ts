import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../scripts/release.ts';

/** `npm run release` on a copy of the repository: one version, a changelog entry, two packages, their hashes. */
describe('npm run release', () => {
  const copy = mkdtempSync(join(tmpdir(), 'aligner-release-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('bumps the version in package.json and both manifests, writes the entry, and prints each package hash', () => {
    for (const entry of ['package.json', 'package-lock.json', 'manifest.json', 'tsconfig.json', 'src', 'scripts', '_locales', 'assets']) {
      cpSync(entry, join(copy, entry), { recursive: true });
    }
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'));
    const before = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    const [major, minor] = before.split('.').map(Number);
    const expected = `${major}.${(minor as number) + 1}.0`;

    const output = execFileSync('npx', ['tsx', 'scripts/release.ts', 'minor', '--note', 'Firefox package', '--note', 'Five more languages'], { cwd: copy, encoding: 'utf8' });

    const json = (file: string) => JSON.parse(readFileSync(join(copy, file), 'utf8'));
    expect(json('package.json').version).toBe(expected);
    expect(json('package-lock.json').version).toBe(expected);
    expect(json('manifest.json').version).toBe('0.0.0'); // the repository's manifest holds no version
    for (const build of ['chrome', 'firefox']) {
      const zip = join(copy, `dist/learn-account-aligner-${build}.zip`);
      const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(zip))['manifest.json']));
      expect(manifest.version, build).toBe(expected);
      expect(output).toContain(`${sha256(zip)}  dist/learn-account-aligner-${build}.zip`);
    }
    expect(readFileSync(join(copy, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^# Changelog\\n\\n## ${expected.replace(/\./g, '\\.')} \\(\\d{4}-\\d{2}-\\d{2}\\)\\n\\n- Firefox package\\n- Five more languages\\n`));
  });
});
