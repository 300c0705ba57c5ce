import { retryWait } from './retry-schedule';

describe('retryWait', () => {
  const schedule = [5_000, 300_000, 1_800_000];
  it('waits as the schedule says after each failure, and repeats the last wait', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 9].map((n) => retryWait(n, schedule, 0.2, mid))).toEqual([
      5_000, 300_000, 1_800_000, 1_800_000, 1_800_000,
    ]);
  });
  it('spreads each wait by ± the jitter', () => {
    expect(retryWait(1, schedule, 0.2, () => 0)).toBe(4_000);
    expect(retryWait(1, schedule, 0.2, () => 1)).toBe(6_000);
    for (let i = 0; i < 100; i++) {
      const w = retryWait(2, schedule, 0.2);
      expect(w).toBeGreaterThanOrEqual(240_000);
      expect(w).toBeLessThanOrEqual(360_000);
    }
  });
  it('treats an empty schedule as no wait', () => {
    expect(retryWait(1, [], 0.2)).toBe(0);
  });
});
