import {
  Count,
  evolveReport,
  Id,
  IndicatorsSchema,
  initialReport,
  Instant,
  List,
  Nullable,
  Obj,
  OneOf,
  OptionalProse,
  Prose,
  RegimeDefinition,
  RegimeSchema,
  REPORTING_EVENTS,
  ReportEvent,
  ReportingEvent,
  Static,
  Type,
} from '@gl/domain';
import { projection, RecordedFrom } from '../../engine/projection';
import { reportFigures } from './report-figures';

const E = REPORTING_EVENTS;

/** One document per reporting period: what is expected of whom, by when, and the reminders sent. */
export const PeriodDocSchema = Obj({
  ...E['reporting.period-opened.v1'].properties,
  /** Each reminder as sent (its event's data), with when it was recorded. */
  reminders: List(Obj({ ...E['reporting.reminder-sent.v1'].properties, at: Instant() }), 10_000),
});
export type PeriodDoc = Static<typeof PeriodDocSchema>;

type PeriodEvent = Extract<ReportingEvent, { type: 'reporting.period-opened.v1' | 'reporting.reminder-sent.v1' }>;

export const reportingPeriods = projection<PeriodDoc, RecordedFrom<PeriodEvent>>({
  name: 'reporting-periods',
  version: 1,
  handles: ['reporting.period-opened.v1', 'reporting.reminder-sent.v1'],
  route: (e) => [e.data.periodId],
  evolve: (doc, e) => {
    if (e.type === 'reporting.period-opened.v1') return { ...e.data, reminders: [] };
    // A reminder for a period not opened (never recorded so) has nothing to join.
    if (!doc) return null;
    return { ...doc, reminders: [...doc.reminders, { ...e.data, at: e.metadata.recordedAt }] };
  },
});

export const RegimeDocSchema = RegimeSchema;
export type RegimeDoc = RegimeDefinition;

export const reportingRegimes = projection<
  RegimeDoc,
  RecordedFrom<Extract<ReportingEvent, { type: 'reporting.regime-defined.v1' }>>
>({
  name: 'reporting-regimes',
  version: 1,
  handles: ['reporting.regime-defined.v1'],
  route: (e) => [e.data.regimeId],
  evolve: (_doc, e) => e.data,
});

const versionOf = E['report.drafted.v1'].properties.version;

/** One unit's report for a period, every version kept (as the decider folds it), and the returns with their reasons. */
export const ReportDocSchema = Obj({
  periodId: E['report.drafted.v1'].properties.periodId,
  unitId: Id(),
  status: OneOf(['none', 'draft', 'submitted', 'returned']),
  current: Count(10_000),
  versions: List(
    Obj({
      version: versionOf,
      indicators: IndicatorsSchema,
      narrative: OptionalProse(1_000_000),
      submittedAt: Nullable(Instant()),
      signedBy: Nullable(E['report.submitted.v1'].properties.signedBy),
      supersedes: Nullable(Count(10_000)),
      reason: Nullable(Prose(2000)),
    }),
    10_000,
  ),
  /** The first submission decides on-time or late; corrections do not move it. */
  firstSubmittedAt: Nullable(Instant()),
  onTime: Nullable(Type.Boolean()),
  returns: List(Obj({ version: versionOf, reason: Prose(2000), at: Instant() }), 10_000),
});
export type ReportDoc = Static<typeof ReportDocSchema>;

export const reports = projection<ReportDoc, RecordedFrom<ReportEvent>>({
  name: 'reports',
  version: 1,
  figures: reportFigures,
  handles: ['report.drafted.v1', 'report.submitted.v1', 'report.returned.v1', 'report.corrected.v1'],
  indexes: [{ keys: { periodId: 1, unitId: 1 } }],
  route: (e) => [`${e.data.unitId}_${e.data.periodId}`],
  evolve: (doc, e) => {
    // Documents written before returns were kept lack them.
    const {
      periodId: _p,
      unitId: _u,
      returns = [],
      ...report
    } = doc ?? { periodId: '', unitId: '', returns: [], ...initialReport() };
    return {
      ...evolveReport(report, e),
      periodId: e.data.periodId,
      unitId: e.data.unitId,
      returns:
        e.type === 'report.returned.v1'
          ? [...returns, { version: e.data.version, reason: e.data.reason, at: e.metadata.recordedAt }]
          : returns,
    };
  },
});
