// Timing for the linear-time tests. CPU time of this process, not wall time: another program
// busy on the machine delays a run but does not add to its CPU time, so a ratio of CPU times
// says how the work grows, whatever the machine is doing.

/** The least CPU time, in milliseconds, of `repeats` runs of `run`. */
export function fastestCpuMs(run: () => unknown, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * How much longer `run` takes on `large` than on `small` (CPU time, best of a few runs each, the
 * small one counted as at least `floorMs` so the timer's grain and the JIT do not dominate).
 */
export function growth(run: (input: string) => unknown, small: string, large: string, floorMs = 1): number {
  run(small); // warm up the JIT
  run(large);
  return fastestCpuMs(() => run(large), 5) / Math.max(fastestCpuMs(() => run(small), 7), floorMs);
}
