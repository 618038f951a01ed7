import { defineConfig } from 'vitest/config';

// Two projects: fast pure/DOM units in jsdom, and end-to-end runs in real Chromium.
// The e2e project runs one file at a time: each file drives a whole browser, and these
// machines have two cores.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/unit/setup-learn.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a poll waits for crosses processes (page, worker, storage, the page's next
          // idle time, up to 500 ms): 1 s, vitest's default, is tight on a loaded machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
