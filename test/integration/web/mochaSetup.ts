// Loads mocha's browser build (it sets globalThis.mocha) and defines describe/it before any test
// module is evaluated: the generated entry imports this first.
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): unknown;
}

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 180_000, color: false });
export const browserMocha = mocha;
