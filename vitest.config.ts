// Test runner configuration: every test file under test/ and beside the code, run in forked processes.
// Under CI a JSON report goes to test/out/vitest.json, from which .ci/run prints "N passed, N failed".
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'scrapers/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test/out/vitest.json' }]] : ['default'],
  },
});
