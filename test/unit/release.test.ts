// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nextVersion, withChangelogEntry } from '../../scripts/release.ts';

describe('release', () => {
  it('bumps the version, or takes a later one given', () => {
    expect(['patch', 'minor', 'major', '0.2.5', '1.0.0'].map((wanted) => nextVersion('0.1.9', wanted))).toEqual(['0.1.10', '0.2.0', '1.0.0', '0.2.5', '1.0.0']);
    expect(() => nextVersion('0.2.0', '0.1.9')).toThrow('not later');
    expect(() => nextVersion('0.2.0', '0.2.0')).toThrow('not later');
    expect(() => nextVersion('0.2.0', 'v1')).toThrow('not a version');
  });

  it('puts the new entry on top of the changelog, and never twice', () => {
    const first = withChangelogEntry('', '0.1.0', '2026-11-26', ['First release']);
    expect(first).toBe('# Changelog\n\n## 0.1.0 (2026-11-26)\n\n- First release\n');
    const second = withChangelogEntry(first, '0.2.0', '2026-12-01', ['French help page', 'Firefox package']);
    expect(second).toBe('# Changelog\n\n## 0.2.0 (2026-12-01)\n\n- French help page\n- Firefox package\n\n## 0.1.0 (2026-11-26)\n\n- First release\n');
    expect(() => withChangelogEntry(second, '0.2.0', '2026-12-02', ['again'])).toThrow('already has 0.2.0');
    expect(() => withChangelogEntry(second, '0.3.0', '2026-12-02', [])).toThrow('at least one note');
  });
});
