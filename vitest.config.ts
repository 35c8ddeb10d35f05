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
    // Two test files at a time in every project, whatever the core count says (Vitest's default on
    // two cores is one): a build or a browser keeps one core busy while the other file uses the
    // other. Every file that serves or builds uses its own port and folder.
    maxWorkers: 2,
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
        },
      },
      {
        // Tests that build the site themselves. Their own server of dist/ (for time-travel's
        // build-day comparisons) listens on another port (global-setup.ts).
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
