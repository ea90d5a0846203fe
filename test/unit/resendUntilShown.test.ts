import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResendUntilShown } from '../../src/core/resendUntilShown';

// The delays are written down here (2, 4, 8, 16, 32 s), not read from the module.
describe('a webview page that never says it is shown is sent again', () => {
  let resent: number[];
  let watch: ResendUntilShown;
  let stamp = 0;

  beforeEach(() => {
    vi.useFakeTimers();
    resent = [];
    stamp = 0;
    // The panel sends a new page with a new stamp, as the Balance Report does.
    watch = new ResendUntilShown(() => {
      resent.push(Date.now());
      watch.sent(`page-${++stamp}`);
    });
  });
  afterEach(() => {
    watch.stop();
    vi.useRealTimers();
  });

  it('after 2 s, not a millisecond before', () => {
    const start = Date.now();
    watch.sent('page-0');
    vi.advanceTimersByTime(1_999);
    expect(resent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(resent).toEqual([start + 2_000]);
  });

  it('backs off 2, 4, 8, 16, 32 s, then gives up', () => {
    const start = Date.now();
    watch.sent('page-0');
    vi.advanceTimersByTime(10 * 60_000);
    expect(resent.map((at) => at - start)).toEqual([2_000, 6_000, 14_000, 30_000, 62_000]);
    expect(watch.waiting).toBe(true);
  });

  it('stops when the page sent last is shown', () => {
    watch.sent('page-0');
    watch.shown('page-0');
    vi.advanceTimersByTime(60_000);
    expect(resent).toEqual([]);
    expect(watch.waiting).toBe(false);
  });

  it('does not stop for a page sent before the last one, nor for a stamp that is no text', () => {
    watch.sent('page-a');
    watch.sent('page-b');
    watch.shown('page-a');
    watch.shown(undefined);
    watch.shown({ toString: () => 'page-b' });
    vi.advanceTimersByTime(2_000);
    expect(resent).toHaveLength(1);
  });

  it('a page shown resets the back-off: the next lost page is sent again after 2 s', () => {
    watch.sent('page-0');
    vi.advanceTimersByTime(2_000 + 4_000); // two resends: page-1, page-2
    expect(resent).toHaveLength(2);
    watch.shown('page-2');
    const again = Date.now();
    watch.sent('page-x');
    vi.advanceTimersByTime(2_000);
    expect(resent).toEqual([expect.any(Number), expect.any(Number), again + 2_000]);
  });

  it('a page sent while waiting keeps the back-off (a busy journal does not reset it)', () => {
    const start = Date.now();
    watch.sent('page-0');
    vi.advanceTimersByTime(2_000); // resend 1: the next wait is 4 s
    watch.sent('page-redrawn');
    vi.advanceTimersByTime(3_999);
    expect(resent).toEqual([start + 2_000]);
    vi.advanceTimersByTime(1);
    expect(resent).toHaveLength(2);
  });

  it('stop() (a hidden panel) waits no more until the next page is sent', () => {
    watch.sent('page-0');
    watch.stop();
    vi.advanceTimersByTime(60_000);
    expect(resent).toEqual([]);
    watch.sent('page-1');
    vi.advanceTimersByTime(2_000);
    expect(resent).toHaveLength(1);
  });
});
