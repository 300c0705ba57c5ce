import { reportFigures } from './report-figures';
import type { ReportDoc } from './reporting.projections';

/** A unit's report for a period, drafted and not submitted; each case submits or returns it. */
const report = (overrides: Partial<ReportDoc>): ReportDoc => ({
  periodId: 'cantho-2023-q4',
  unitId: 'ninh-kieu-tan-an',
  status: 'draft',
  current: 1,
  versions: [
    {
      version: 1,
      indicators: {},
      narrative: '',
      submittedAt: null,
      signedBy: null,
      supersedes: null,
      reason: null,
    },
  ],
  firstSubmittedAt: null,
  onTime: null,
  returns: [],
  ...overrides,
});

describe('report figures', () => {
  it('adds nothing for a report never submitted', () => {
    expect(reportFigures.contribution(report({}))).toBeNull();
  });

  it('counts a report first submitted on time under its period', () => {
    const r = report({ status: 'submitted', firstSubmittedAt: '2023-12-20T03:00:00.000Z', onTime: true });
    expect(reportFigures.contribution(r)).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { p: { 'cantho-2023-q4': { onTime: 1 } } },
    });
  });

  it('counts a report first submitted late as late', () => {
    const r = report({ status: 'submitted', firstSubmittedAt: '2024-01-20T03:00:00.000Z', onTime: false });
    expect(reportFigures.contribution(r)).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { p: { 'cantho-2023-q4': { late: 1 } } },
    });
  });

  it('keeps counting a report returned after its first submission, as that submission was', () => {
    // The first submission decides on time or late; a return for correction does not take it back.
    const r = report({
      status: 'returned',
      firstSubmittedAt: '2023-12-20T03:00:00.000Z',
      onTime: true,
      returns: [{ version: 1, reason: 'Thiếu số liệu', at: '2023-12-22T03:00:00.000Z' }],
    });
    expect(reportFigures.contribution(r)?.figures).toEqual({ p: { 'cantho-2023-q4': { onTime: 1 } } });
  });

  it("counts under the report's unit", () => {
    const r = report({ unitId: 'phong-dien-nhon-ai', firstSubmittedAt: '2023-12-20T03:00:00.000Z', onTime: true });
    expect(reportFigures.contribution(r)?.unitId).toBe('phong-dien-nhon-ai');
    expect(reportFigures.collection).toBe('report-figures');
  });
});
