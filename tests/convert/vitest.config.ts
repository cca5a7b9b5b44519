/**
 * Runs the converter tests on their own until the root vitest.config.ts lists
 * tests/convert in its unit project:
 *   npx vitest run --config tests/convert/vitest.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    name: 'convert',
    environment: 'node',
    pool: 'forks',
    include: ['tests/convert/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
