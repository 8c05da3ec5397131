import { defineConfig } from 'vitest/config';

// Real browsers: one file at a time (two cores), generous timeouts, no retries that would hide
// a flaky extension.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.tmp/e2e-results.json' }]],
  },
});
