import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Typed rule tests start a TypeScript project service; integration tests spawn ESLint.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Two cores: one worker per core.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
