import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 *  - unit: pure TypeScript tests (parser in tests/lib, test helpers in tests/unit). No build needed;
 *    tests/helpers/global-seeds.ts parses seeds/ once and provides the records to every file.
 *  - site: tests over the built site in dist/ (tests/site: static checks; tests/e2e: Chromium).
 *    tests/helpers/global-build.ts runs `astro build` once before them (skip with SKIP_BUILD=1).
 *
 * Plain Vitest on purpose (no getViteConfig): nothing here imports `astro:*` modules.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest-level teardown (closing workers) on a loaded 2-core machine.
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/convert/**/*.test.ts'],
          // Parses seeds/ once per run and provides the records to every test file.
          globalSetup: ['tests/helpers/global-seeds.ts'],
          testTimeout: 15_000,
          hookTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          environment: 'node',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-build.ts'],
          // Chromium start-up plus page work, or validating every page, on 2 cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
