import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests as Stryker runs them (`npm run mutate`, stryker.config.mjs). Two differences:
// - tests that read the sources or the manifest are left out: Stryker runs them on its
//   instrumented copy of `src/`, where they fail for reasons that have nothing to do with a mutant;
// - the properties run FC_NUM_RUNS generated inputs (default 100), not 10,000, and the
//   linear-time tests a tenth of their input (UNDER_MUTATION, test/unit/helpers/runs.ts): every
//   mutant runs the tests that cover it again, on instrumented code 10–30× slower.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/unit/l10n.freshness.test.ts', 'test/unit/manifest.test.ts'],
      env: { FC_NUM_RUNS: process.env.FC_NUM_RUNS ?? '100', UNDER_MUTATION: '1' },
    },
  }),
);
