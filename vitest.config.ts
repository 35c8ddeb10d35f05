import { defineConfig } from 'vitest/config';

// Tests by kind:
// - tests/unit/: pure functions and the code's layout, in seconds (npm run test:unit);
// - tests/cli/: the sheet importer and template generator run as editors run them;
// - tests/build/: tests that build the site themselves (other days, hostile or broken content, the daily rebuild);
// - tests/dist/: checks that read the built site in dist/ (valid HTML, links, budgets, terms);
// - tests/browser/: the built site driven in Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/dist/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // Tests that build the site themselves run beside the browser tests, one file at a time:
        // a build keeps one core busy while Chromium uses the other. Their own server of dist/
        // (for time-travel's build-day comparisons) listens on another port (global-setup.ts).
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
