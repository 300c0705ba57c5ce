import { isOnTime } from '../plans/time-frame';
import { Indicators, ReportCorrected, ReportDrafted, ReportReturned, ReportSubmitted } from './reporting.events';
import { DomainError, ProblemsOf } from '../shared/domain-error';

export type ReportEvent = ReportDrafted | ReportSubmitted | ReportReturned | ReportCorrected;
export type ReportStatus = 'none' | 'draft' | 'submitted' | 'returned';

export interface ReportVersion {
  version: number;
  indicators: Indicators;
  narrative: string;
  submittedAt: string | null;
  signedBy: string | null;
  supersedes: number | null;
  reason: string | null;
}

/** One unit's report for one period, with every version kept. */
export interface Report {
  status: ReportStatus;
  current: number;
  versions: ReportVersion[];
  /** The first submission decides on-time or late; corrections do not move it. */
  firstSubmittedAt: string | null;
  onTime: boolean | null;
}

export type ReportCommand =
  | {
      type: 'Draft';
      periodId: string;
      unitId: string;
      indicators: Indicators;
      narrative: string;
      prefilledFrom?: ReportDrafted['data']['prefilledFrom'];
    }
  | { type: 'Submit'; periodId: string; unitId: string; signedBy: string; deadline: string }
  | { type: 'Return'; periodId: string; unitId: string; reason: string }
  | { type: 'Correct'; periodId: string; unitId: string; indicators: Indicators; narrative: string; reason: string };

export type ReportErrorCode = 'report-not-found' | 'invalid-report';
export class ReportError extends DomainError<ReportErrorCode> {
  static readonly problems: ProblemsOf<ReportErrorCode> = {
    'report-not-found': { status: 404, title: 'No such report' },
    'invalid-report': { status: 422, title: 'The report does not allow this step' },
  };
}

export const initialReport = (): Report => ({
  status: 'none',
  current: 0,
  versions: [],
  firstSubmittedAt: null,
  onTime: null,
});

const version = (s: Report, n: number) => s.versions.find((v) => v.version === n);
const withVersion = (s: Report, v: ReportVersion): ReportVersion[] => [
  ...s.versions.filter((x) => x.version !== v.version),
  v,
];

export const evolveReport = (s: Report, e: ReportEvent): Report => {
  switch (e.type) {
    case 'report.drafted.v1':
      return {
        ...s,
        status: 'draft',
        current: e.data.version,
        versions: withVersion(s, {
          version: e.data.version,
          indicators: e.data.indicators,
          narrative: e.data.narrative,
          submittedAt: null,
          signedBy: null,
          supersedes: null,
          reason: null,
        }),
      };
    case 'report.corrected.v1':
      return {
        ...s,
        status: 'draft',
        current: e.data.version,
        versions: withVersion(s, {
          version: e.data.version,
          indicators: e.data.indicators,
          narrative: e.data.narrative,
          submittedAt: null,
          signedBy: null,
          supersedes: e.data.supersedes,
          reason: e.data.reason,
        }),
      };
    case 'report.submitted.v1': {
      const v = version(s, e.data.version)!;
      return {
        ...s,
        status: 'submitted',
        versions: withVersion(s, { ...v, submittedAt: e.data.submittedAt, signedBy: e.data.signedBy }),
        firstSubmittedAt: s.firstSubmittedAt ?? e.data.submittedAt,
        onTime: s.onTime ?? e.data.onTime,
      };
    }
    case 'report.returned.v1':
      return { ...s, status: 'returned' };
  }
};

const checkIndicators = (i: Indicators) => {
  if (!i || typeof i !== 'object') throw new ReportError('invalid-report', 'indicators are required');
  for (const [k, v] of Object.entries(i)) {
    const ok =
      (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) ||
      (typeof v === 'string' && /^(0|[1-9]\d{0,24})$/.test(v));
    if (!ok) throw new ReportError('invalid-report', `indicator ${k} must be a whole, non-negative number`);
  }
};

/** Drafted by a reporter, signed and submitted by the head (at the server's time), returned, corrected. */
export const decideReport = (c: ReportCommand, s: Report, now: Date): ReportEvent[] => {
  const { periodId, unitId } = c;
  switch (c.type) {
    case 'Draft':
      if (s.status === 'submitted')
        throw new ReportError('invalid-report', 'a submitted report changes only by a correction, with a reason');
      checkIndicators(c.indicators);
      return [
        {
          type: 'report.drafted.v1',
          data: {
            periodId,
            unitId,
            version: s.current || 1,
            indicators: c.indicators,
            narrative: c.narrative ?? '',
            prefilledFrom: c.prefilledFrom ?? null,
          },
        },
      ];
    case 'Submit': {
      if (s.status !== 'draft')
        throw new ReportError(
          'invalid-report',
          s.status === 'none'
            ? 'there is no draft to submit'
            : `a ${s.status} report cannot be submitted; draft or correct it first`,
        );
      const at = now.toISOString();
      return [
        {
          type: 'report.submitted.v1',
          data: {
            periodId,
            unitId,
            version: s.current,
            signedBy: c.signedBy,
            submittedAt: at,
            onTime: isOnTime(at, c.deadline),
          },
        },
      ];
    }
    case 'Return':
      if (s.status !== 'submitted') throw new ReportError('invalid-report', 'only a submitted report can be returned');
      if (!c.reason?.trim()) throw new ReportError('invalid-report', 'a return needs a reason');
      return [{ type: 'report.returned.v1', data: { periodId, unitId, version: s.current, reason: c.reason } }];
    case 'Correct':
      if (s.status !== 'submitted' && s.status !== 'returned')
        throw new ReportError(
          'invalid-report',
          'only a submitted or returned report is corrected; a draft is simply drafted again',
        );
      if (!c.reason?.trim()) throw new ReportError('invalid-report', 'a correction needs a reason');
      checkIndicators(c.indicators);
      return [
        {
          type: 'report.corrected.v1',
          data: {
            periodId,
            unitId,
            version: s.current + 1,
            supersedes: s.current,
            indicators: c.indicators,
            narrative: c.narrative ?? '',
            reason: c.reason,
          },
        },
      ];
  }
};
