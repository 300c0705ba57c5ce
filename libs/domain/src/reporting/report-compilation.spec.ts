import type { Report } from './report.decider';
import { compileReports } from './report-compilation';

const submitted = (indicators: Report['versions'][number]['indicators']): Report => ({
  status: 'submitted',
  current: 1,
  versions: [
    {
      version: 1,
      indicators,
      narrative: '',
      submittedAt: '2023-11-10T03:00:00.000Z',
      signedBy: 'head',
      supersedes: null,
      reason: null,
    },
  ],
  firstSubmittedAt: '2023-11-10T03:00:00.000Z',
  onTime: true,
});

describe("compiling the city's report", () => {
  const reports = new Map([['a', submitted({ conferences: 2, budgetSpent: 1000 })]]);

  it('given one of two units reported, when compiled, then sums are exact and the missing unit is named by id', () => {
    const r = compileReports(['a', 'b'], reports, 'Năm 2023.');
    expect(r.indicators).toEqual({ unitsExpected: 2, unitsReported: 1, conferences: 2, budgetSpent: '1000' });
    expect(r.narrative).toBe('Năm 2023.\nĐơn vị chưa báo cáo (1): b');
  });

  it('names the missing units as the caller knows them', () => {
    const r = compileReports(['a', 'b'], reports, '', (id) => (id === 'b' ? 'Phường Tân An' : id));
    expect(r.narrative).toBe('Đơn vị chưa báo cáo (1): Phường Tân An');
  });
});
