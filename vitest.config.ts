import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Generous: CI machines may be shared and loaded; a timeout here means stuck, not slow.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
