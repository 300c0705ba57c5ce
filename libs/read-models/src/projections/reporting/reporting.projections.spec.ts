import { expectAppliedTwiceIsIdempotent, recorded } from '@gl/testing';
import { reportingPeriods, reports } from './reporting.projections';

const base = { periodId: 'p2023', unitId: 'ninh-kieu-tan-an' };
const stream = 'report-ninh-kieu-tan-an_p2023';
const events = [
  recorded(
    'report.drafted.v1',
    { ...base, version: 1, indicators: { conferences: 1 }, narrative: '', prefilledFrom: null },
    { at: 1, stream },
  ),
  recorded(
    'report.submitted.v1',
    { ...base, version: 1, signedBy: 'tanan-head', submittedAt: '2023-11-10T00:00:00.000Z', onTime: true },
    { at: 2, stream, revision: 1 },
  ),
  recorded('report.returned.v1', { ...base, version: 1, reason: 'thiếu số liệu' }, { at: 3, stream, revision: 2 }),
  recorded(
    'report.corrected.v1',
    { ...base, version: 2, supersedes: 1, indicators: { conferences: 2 }, narrative: '', reason: 'bổ sung' },
    { at: 4, stream, revision: 3 },
  ),
];
const period = [
  recorded(
    'reporting.period-opened.v1',
    {
      periodId: 'p2023',
      regimeId: 'r',
      planId: 'x',
      year: 2023,
      title: 't',
      openedOn: '2023-10-01',
      deadline: '2023-11-14T17:00:00.000Z',
      cutOff: '2023-11-14',
      recipientUnitId: 'so-noi-vu',
      expectedUnitIds: ['a', 'b'],
      adHoc: false,
    },
    { at: 5, stream: 'period-p2023' },
  ),
  recorded(
    'reporting.reminder-sent.v1',
    { periodId: 'p2023', unitIds: ['b'], message: 'đôn đốc' },
    { at: 6, stream: 'period-p2023', revision: 1 },
  ),
];

describe('reporting projections', () => {
  it('reports: applied twice gives the same result', () => expectAppliedTwiceIsIdempotent(reports, events));
  it('periods: applied twice gives the same result', () => expectAppliedTwiceIsIdempotent(reportingPeriods, period));
});
