import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // A test fails on a wrong answer, not on a busy machine: vitest's 5 s default is shorter than
    // some tests (the l10n CLI, ESLint's config, fast-check's 10,000 runs) take on two loaded cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Every core (vitest leaves one free by default: on a 2-core machine, one test file at a time,
    // 70 s instead of 46 s). Each file runs in its own process, so the CPU-time ratios of the
    // linear-time tests count only that file's work.
    maxWorkers: '100%',
  },
});
