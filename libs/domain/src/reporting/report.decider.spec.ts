import { deciderSpec } from '@gl/testing';
import {
  decideReport,
  evolveReport,
  initialReport,
  Report,
  ReportCommand,
  ReportError,
  ReportEvent,
} from './report.decider';

const deadline = '2023-11-14T17:00:00.000Z';
const spec = (now: string) =>
  deciderSpec<ReportCommand, ReportEvent, Report>(
    { initialState: initialReport, evolve: evolveReport, decide: decideReport },
    new Date(now),
  );
const base = { periodId: 'p', unitId: 'u' };
const drafted: ReportEvent = {
  type: 'report.drafted.v1',
  data: { ...base, version: 1, indicators: { conferences: 1 }, narrative: '', prefilledFrom: null },
};
const submitted = (at: string, onTime: boolean): ReportEvent => ({
  type: 'report.submitted.v1',
  data: { ...base, version: 1, signedBy: 'head', submittedAt: at, onTime },
});

describe('a report', () => {
  it('is on time when the head submits at 23:30 on 14 November, Vietnam time', () =>
    spec('2023-11-14T16:30:00.000Z')
      .given(drafted)
      .when({ type: 'Submit', ...base, signedBy: 'head', deadline })
      .then(submitted('2023-11-14T16:30:00.000Z', true)));

  it('is late at 00:30 on 15 November, Vietnam time, although UTC says the 14th', () =>
    spec('2023-11-14T17:30:00.000Z')
      .given(drafted)
      .when({ type: 'Submit', ...base, signedBy: 'head', deadline })
      .then(submitted('2023-11-14T17:30:00.000Z', false)));

  it('is corrected after submission by a new version with a reason; the first submission keeps deciding on-time', () => {
    const corrected: ReportEvent = {
      type: 'report.corrected.v1',
      data: { ...base, version: 2, supersedes: 1, indicators: { conferences: 2 }, narrative: '', reason: 'bổ sung' },
    };
    spec('2023-11-20T00:00:00.000Z')
      .given(drafted, submitted('2023-11-10T00:00:00.000Z', true))
      .when({ type: 'Correct', ...base, indicators: { conferences: 2 }, narrative: '', reason: 'bổ sung' })
      .then(corrected);
    const s = spec('2023-11-20T00:00:00.000Z')
      .given(drafted, submitted('2023-11-10T00:00:00.000Z', true), corrected, {
        type: 'report.submitted.v1',
        data: { ...base, version: 2, signedBy: 'head', submittedAt: '2023-11-20T00:00:00.000Z', onTime: false },
      })
      .state();
    expect(s).toMatchObject({
      status: 'submitted',
      current: 2,
      onTime: true,
      firstSubmittedAt: '2023-11-10T00:00:00.000Z',
    });
    expect(s.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it.each<[string, ReportEvent[], ReportCommand, RegExp]>([
    ['submitting nothing', [], { type: 'Submit', ...base, signedBy: 'h', deadline }, /no draft/],
    [
      'redrafting a submitted report',
      [drafted, submitted('2023-11-01T00:00:00.000Z', true)],
      { type: 'Draft', ...base, indicators: {}, narrative: '' },
      /only by a correction/,
    ],
    [
      'a negative indicator',
      [],
      { type: 'Draft', ...base, indicators: { trainees: -3 }, narrative: '' },
      /whole, non-negative/,
    ],
    [
      'a fractional indicator',
      [],
      { type: 'Draft', ...base, indicators: { budgetSpent: 1.5 }, narrative: '' },
      /whole, non-negative/,
    ],
    ['returning a draft', [drafted], { type: 'Return', ...base, reason: 'x' }, /only a submitted report/],
    [
      'a correction without a reason',
      [drafted, submitted('2023-11-01T00:00:00.000Z', true)],
      { type: 'Correct', ...base, indicators: {}, narrative: '', reason: ' ' },
      /needs a reason/,
    ],
  ])('refuses %s', (_what, past, command, message) =>
    spec('2023-11-01T00:00:00.000Z')
      .given(...past)
      .when(command)
      .thenThrows(ReportError, message),
  );
});
