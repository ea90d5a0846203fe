// How much work the property and linear-time tests do. `npm test` does it all. Under Stryker
// (vitest.stryker.config.ts sets FC_NUM_RUNS and UNDER_MUTATION) every mutant runs the tests that
// cover it again, on instrumented code 10–30× slower, so there they do less: the unit tests beside
// them pin the rules, and a quadratic mutant still grows ~100× on a tenth of the input.

/** `full`, or FC_NUM_RUNS when that is set and smaller. */
export function propertyRuns(full: number): number {
  const cap = Number(process.env.FC_NUM_RUNS);
  return cap > 0 ? Math.min(full, cap) : full;
}

/** The input size of a linear-time test: `full`, or a tenth of it under Stryker. */
export function linearSize(full: number): number {
  return process.env.UNDER_MUTATION === '1' ? Math.round(full / 10) : full;
}
