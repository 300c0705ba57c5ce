import { deadlineOf, isOnTime, TimeFrame, validateTimeFrame } from './time-frame';

describe('time frames of the plan', () => {
  it.each<[string, TimeFrame, number | undefined, string | null]>([
    [
      'Quý III hoặc quý IV năm 2023 (II.1.a)',
      { kind: 'quarters', year: 2023, quarters: [3, 4], join: 'or' },
      undefined,
      '2023-12-31T17:00:00.000Z',
    ],
    [
      'Quý III và quý IV năm 2023 (II.1.c, II.1.d)',
      { kind: 'quarters', year: 2023, quarters: [3, 4], join: 'and' },
      undefined,
      '2023-12-31T17:00:00.000Z',
    ],
    [
      'Quý IV năm 2023 (II.3, II.4)',
      { kind: 'quarters', year: 2023, quarters: [4], join: 'and' },
      undefined,
      '2023-12-31T17:00:00.000Z',
    ],
    ['Tháng 10 năm 2023 (II.5)', { kind: 'month', year: 2023, month: 10 }, undefined, '2023-10-31T17:00:00.000Z'],
    [
      'Quý IV năm 2023 và những năm tiếp theo, 2023 (II.2)',
      { kind: 'yearly-quarter', from: 2023, quarter: 4 },
      2023,
      '2023-12-31T17:00:00.000Z',
    ],
    [
      '… và những năm tiếp theo, 2025',
      { kind: 'yearly-quarter', from: 2023, quarter: 4 },
      2025,
      '2025-12-31T17:00:00.000Z',
    ],
    ['… before the first year', { kind: 'yearly-quarter', from: 2023, quarter: 4 }, 2022, null],
    [
      'Hàng năm, trước ngày 15 tháng 11 (IV.2), 2023',
      { kind: 'yearly-before', from: 2023, month: 11, day: 15 },
      2023,
      '2023-11-14T17:00:00.000Z',
    ],
    [
      'Hàng năm, trước ngày 01 tháng 12 (IV.1), 2024',
      { kind: 'yearly-before', from: 2023, month: 12, day: 1 },
      2024,
      '2024-11-30T17:00:00.000Z',
    ],
    ['Thường xuyên (II.1.b)', { kind: 'ongoing' }, undefined, null],
    ['Định kỳ và khi có yêu cầu (II.6)', { kind: 'periodic-and-on-request' }, undefined, null],
    ['a day', { kind: 'before', date: '2024-03-01' }, undefined, '2024-02-29T17:00:00.000Z'],
  ])('%s', (_words, frame, year, deadline) => {
    validateTimeFrame(frame);
    expect(deadlineOf(frame, year)).toBe(deadline);
  });

  it('judges "before 15 November" in Vietnam time, not UTC', () => {
    const deadline = deadlineOf({ kind: 'yearly-before', from: 2023, month: 11, day: 15 }, 2023);
    // 23:30 on 14 November in Vietnam: on time.
    expect(isOnTime('2023-11-14T16:30:00.000Z', deadline)).toBe(true);
    // 00:30 on 15 November in Vietnam is late, although UTC still says the 14th.
    expect(isOnTime('2023-11-14T17:30:00.000Z', deadline)).toBe(false);
    expect(isOnTime('2023-11-14T17:00:00.000Z', deadline)).toBe(false);
    expect(isOnTime('2030-01-01T00:00:00.000Z', null)).toBe(true);
  });

  it.each<TimeFrame>([
    { kind: 'quarters', year: 2023, quarters: [5], join: 'or' },
    { kind: 'month', year: 2023, month: 13 },
    { kind: 'yearly-before', from: 2023, month: 2, day: 30 },
    { kind: 'quarters', year: 23, quarters: [4], join: 'and' },
    // Shapes from a request body, which the types do not hold to: refused before a task is added, not when it fans out.
    { kind: 'before', date: '2023-02-30' },
    { kind: 'before', date: 2147483620 as unknown as string },
    { kind: 'quarters', year: 2023, quarters: 4 as unknown as number[], join: 'or' },
    { kind: 'sometime' } as unknown as TimeFrame,
  ])('refuses %j', (frame) => expect(() => validateTimeFrame(frame)).toThrow());
});
