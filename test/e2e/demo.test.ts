import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run demo` on a machine with no display: it must walk the replica and write screenshots. */
describe('the demo without a display', () => {
  const out = mkdtempSync(join(tmpdir(), 'aligner-demo-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes a screenshot of each page it walks through and prints their paths', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/demo.ts', '--skip-build', '--out', out],
      { env, timeout: 90_000 },
    );
    const printed = stdout.split('\n').filter((line) => line.endsWith('.png'));
    const written = readdirSync(out).filter((name) => name.endsWith('.png'));
    expect(written.length).toBeGreaterThanOrEqual(8);
    expect(printed.map((path) => path.slice(out.length + 1)).sort()).toEqual(written.sort());
    for (const path of printed) expect(existsSync(path)).toBe(true);
    expect(written.some((name) => name.endsWith('popup-path-complete-dark.png'))).toBe(true);
  }, 120_000);
});
