import { deadlineWords, viDate, viDateTime } from './vietnamese-dates';

describe('Vietnamese dates', () => {
  it('writes a calendar day as dd/mm/yyyy', () => {
    expect(viDate('2023-11-15')).toBe('15/11/2023');
    expect(viDate('2026-04-01')).toBe('01/04/2026');
  });

  it('writes an instant as its day and time in Vietnam', () => {
    expect(viDateTime('2023-11-14T17:30:00.000Z')).toBe('15/11/2023 00:30');
    expect(viDateTime('2023-12-31T16:59:00Z')).toBe('31/12/2023 23:59');
  });

  it('words a deadline as the plan does: the day it starts, not the day before', () => {
    expect(deadlineWords('2023-11-14T17:00:00.000Z')).toBe('trước ngày 15/11/2023');
    expect(deadlineWords('2026-04-01T00:00:00+07:00')).toBe('trước ngày 01/04/2026');
  });
});
