import { buildExtension } from '../../scripts/build.ts';
import { assertChromiumInstalled } from '../support/chromium.ts';

/** Once per e2e run: a browser must exist (no silent skip), and the extension is built fresh. */
export async function setup(): Promise<void> {
  assertChromiumInstalled();
  await buildExtension({ quiet: true });
}
