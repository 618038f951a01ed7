/** Run before the end-to-end tests: no browser is a failure that says how to get one. */
import { assertChromiumInstalled, chromiumPath } from '../test/support/chromium.ts';

try {
  assertChromiumInstalled();
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}
console.log(`End-to-end tests use ${chromiumPath}`);
