// `node:assert/strict` for the web worker build of the suite (no Node there), on chai's assert:
// only what the suite uses, with node's strict meanings (equal is ===, deepEqual is deep-strict).
import { assert as chai } from 'chai';

export function ok(value: unknown, message?: string): asserts value {
  chai.ok(value, message);
}
export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  chai.strictEqual(actual, expected, message);
}
export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  chai.notStrictEqual(actual, expected, message);
}
export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  chai.deepStrictEqual(actual, expected, message);
}
export function match(value: string, pattern: RegExp, message?: string): void {
  chai.match(value, pattern, message);
}
export function doesNotMatch(value: string, pattern: RegExp, message?: string): void {
  chai.notMatch(value, pattern, message);
}
export function fail(message?: string): never {
  chai.fail(message);
  throw new Error(message);
}
export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), message?: string): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch {
    return;
  }
  chai.fail(message ?? 'Missing expected rejection.');
}
export function throws(run: () => unknown, expected?: RegExp): void {
  try {
    run();
  } catch (error) {
    if (expected) chai.match(error instanceof Error ? error.message : String(error), expected);
    return;
  }
  chai.fail('Missing expected exception.');
}
export default { ok, equal, notEqual, deepEqual, match, doesNotMatch, fail, rejects, throws };
