/**
 * How long to wait after the `failures`-th failed attempt of one event before the next (issue 16):
 * the schedule's wait for that attempt (the last one repeats), ± `jitter` of it at random, so
 * receivers coming back are not all hit at the same moment.
 */
export const retryWait = (
  failures: number,
  scheduleMs: readonly number[],
  jitter: number,
  random: () => number = Math.random,
): number => {
  if (scheduleMs.length === 0) return 0;
  const base = scheduleMs[Math.min(Math.max(failures, 1), scheduleMs.length) - 1];
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
};
