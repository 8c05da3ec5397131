import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Kept apart from vite.config.ts: unit tests must not go through the crx plugin.
export default defineConfig({
  plugins: [preact()],
  define: { __E2E__: 'false' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
