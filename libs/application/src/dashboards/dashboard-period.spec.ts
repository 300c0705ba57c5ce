import type { ActivityDoc } from '@gl/read-models';
import { activityDay } from '@gl/read-models';
import { happenedIn, mediaItemsIn } from '../activities/activity-day';
import { lastDayBefore, periodDays } from './dashboard-period';

describe('dashboard periods (kỳ)', () => {
  it.each([
    ['Q1', '2024-01-01', '2024-03-31'],
    ['Q4', '2024-10-01', '2024-12-31'],
    ['H1', '2024-01-01', '2024-06-30'],
    ['H2', '2024-07-01', '2024-12-31'],
    ['9M', '2024-01-01', '2024-09-30'],
    ['M02', '2024-02-01', '2024-02-29'],
    ['M11', '2024-11-01', '2024-11-30'],
  ] as const)('%s of 2024 runs from %s to %s', (period, from, to) => {
    expect(periodDays(2024, period)).toEqual({ from, to });
  });

  it('ends February on the 28th in a common year', () => {
    expect(periodDays(2023, 'M02').to).toBe('2023-02-28');
  });

  const activity = (kind: string, fields: Record<string, unknown>, recordedAt = '2023-09-30T17:30:00.000Z') =>
    ({ kind, fields, recordedAt }) as unknown as ActivityDoc;

  it('counts an activity on the day it happened, or, when it has none, on the day it was recorded in Vietnam', () => {
    expect(activityDay(activity('conference', { heldOn: '2023-09-20' }))).toBe('2023-09-20');
    expect(activityDay(activity('training', { startsOn: '2023-08-02', endsOn: '2023-08-04' }))).toBe('2023-08-02');
    expect(activityDay(activity('difficulty', { raisedOn: '2023-07-15' }))).toBe('2023-07-15');
    // 17:30 UTC on 30 September is 00:30 on 1 October in Vietnam: the fourth quarter.
    expect(activityDay(activity('budget', { amount: 1 }))).toBe('2023-10-01');
    expect(activityDay(activity('legalreview', { documents: [] }))).toBe('2023-10-01');
  });

  it('puts a deadline on the last day it closes, in Vietnam', () => {
    expect(lastDayBefore('2023-11-14T17:00:00.000Z')).toBe('2023-11-14');
    expect(lastDayBefore('2023-12-31T17:00:00.000Z')).toBe('2023-12-31');
    expect(lastDayBefore('2023-12-31T17:00:00.001Z')).toBe('2024-01-01');
  });

  it('counts an activity in a window of days, open at an end left out, and media items one by one', () => {
    const held = activity('conference', { heldOn: '2023-09-20' });
    expect(happenedIn(held, { from: '2023-07-01', to: '2023-09-30' })).toBe(true);
    expect(happenedIn(held, { to: '2023-09-19' })).toBe(false);
    expect(happenedIn(held, { from: '2023-09-20' })).toBe(true);
    const media = activity('media', { items: [{ publishedOn: '2023-09-30' }, { publishedOn: '2023-10-01' }] });
    expect(mediaItemsIn(media, { to: '2023-09-30' })).toBe(1);
    expect(mediaItemsIn(media)).toBe(2);
  });
});
