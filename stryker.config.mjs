// @ts-check
// Mutation testing of the pure core: `npm run mutate` (see docs/testing.md).
// One file while iterating: `npm run mutate -- --mutate src/core/balance.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/core/**/*.ts'],
  // Type errors in a mutant are not worth a test run: the TypeScript checker would need a
  // compile per mutant; vitest strips types, so such mutants simply run.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code: the source's quoted text, tables, regular expressions
  // built once) run every test, ~5 min each on 2 cores instrumented: 2,101 of 11,052 mutants would
  // take days. They are reported as ignored, outside the score (docs/testing.md).
  ignoreStatic: true,
  concurrency: 2,
  // Re-runs only mutants whose code or tests changed since the last run; the file is not in git.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportTests: false, reportMutants: true, reportScoreTable: true, allowEmojis: false },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
