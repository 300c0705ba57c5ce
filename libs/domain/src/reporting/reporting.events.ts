import type { EventOf, EventsOf } from '../shared/event';
import {
  Count,
  Day,
  Id,
  Instant,
  Line,
  List,
  Nullable,
  Obj,
  OptionalProse,
  OneOf,
  Prose,
  Static,
  Type,
  Year,
} from '../shared/schema';
import { AddresseeSchema } from '../plans/plan.events';

/** A regime's or a period's id: a period of a regime is `<regimeId>_<year>`, so underscores and dots are allowed. */
export const ReportingId = (options: { description?: string } = {}) =>
  Type.String({
    pattern: '^[a-z0-9][a-z0-9_.-]{0,199}$',
    maxLength: 200,
    errorMessage: 'must be an id: lower-case letters, digits, dots, dashes and underscores',
    ...options,
  });

/** A day of the year, for a yearly regime. */
const MonthDay = () =>
  Obj({ month: Type.Integer({ minimum: 1, maximum: 12 }), day: Type.Integer({ minimum: 1, maximum: 31 }) });

/**
 * Reporting regimes follow Decree 09/2019/NĐ-CP: who reports, to whom, how often, the deadline,
 * the data cut-off, the outline and the indicators. Deadlines and cut-offs are settings, not constants.
 */
export const RegimeSchema = Obj({
  regimeId: ReportingId(),
  planId: Id(),
  title: Line(500),
  reporters: List(AddresseeSchema, 50),
  recipientUnitId: Id(),
  /** Yearly: the period of year Y opens on opensOn, is due before deadline, with data up to cutOff. */
  opensOn: MonthDay(),
  deadline: MonthDay(),
  cutOff: MonthDay(),
  fromYear: Year(),
  outline: List(Line(500), 50),
  compiles: Nullable(
    ReportingId({
      description:
        "Another regime whose submitted reports this one's report compiles (the city's report from the units')",
    }),
  ),
});
export type RegimeDefinition = Static<typeof RegimeSchema>;

export const regimeStream = (regimeId: string) => `regime-${regimeId}`;
export const periodIdOf = (regimeId: string, year: number) => `${regimeId}_${year}`;
export const periodStream = (periodId: string) => `period-${periodId}`;
/** DESIGN.md's naming: one stream per unit and period. */
export const reportStream = (unitId: string, periodId: string) => `report-${unitId}_${periodId}`;

/** Numbers reported: counts, and amounts in whole đồng as decimal strings (exact at any size). */
export const IndicatorsSchema = Type.Record(
  Type.String({ pattern: '^[^\\u0000-\\u001f\\u007f]{1,100}$' }),
  Type.Union(
    [
      Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
      Type.String({
        pattern: '^(0|[1-9][0-9]{0,24})$',
        maxLength: 25,
        description: 'a whole number as a decimal string (amounts in đồng)',
      }),
    ],
    { errorMessage: 'must be a whole, non-negative number (or a decimal string of one)' },
  ),
  {
    additionalProperties: false,
    maxProperties: 200,
    description: 'Indicators by name: whole numbers; amounts in đồng may be decimal strings',
  },
);
export type Indicators = Static<typeof IndicatorsSchema>;

const Version = () => Type.Integer({ minimum: 1, maximum: 10_000 });
const Reason = () => Prose(2000);
/** A compiled report's narrative names every unit that did not report, so it may run longer than one written by hand. */
const Narrative = () => OptionalProse(1_000_000);
const UnitIds = () => List(Id(), 100_000);

/** The events of reporting, each data shape defined once: its type, validation and JSON Schema. */
export const REPORTING_EVENTS = {
  'reporting.regime-defined.v1': RegimeSchema,
  'reporting.period-opened.v1': Obj({
    periodId: ReportingId(),
    regimeId: ReportingId(),
    planId: Id(),
    year: Nullable(Year()),
    title: Line(600),
    openedOn: Day(),
    deadline: Instant(),
    cutOff: Day(),
    recipientUnitId: Id(),
    expectedUnitIds: UnitIds(),
    adHoc: Type.Boolean(),
  }),
  'reporting.reminder-sent.v1': Obj({ periodId: ReportingId(), unitIds: UnitIds(), message: Prose(2000) }),
  'report.drafted.v1': Obj({
    periodId: ReportingId(),
    unitId: Id(),
    version: Version(),
    indicators: IndicatorsSchema,
    narrative: Narrative(),
    prefilledFrom: Nullable(
      OneOf(['read-models', 'compilation'], {
        description: 'Prefilled from the read models, or compiled from the reports of others',
      }),
    ),
  }),
  'report.submitted.v1': Obj({
    periodId: ReportingId(),
    unitId: Id(),
    version: Version(),
    signedBy: Line(200, { description: 'The user who signed (the unit head)' }),
    submittedAt: Instant(),
    onTime: Type.Boolean(),
  }),
  'report.returned.v1': Obj({ periodId: ReportingId(), unitId: Id(), version: Version(), reason: Reason() }),
  /** A correction after submission: a new version that supersedes the old, with a reason; it is then submitted again. */
  'report.corrected.v1': Obj({
    periodId: ReportingId(),
    unitId: Id(),
    version: Version(),
    supersedes: Count(10_000),
    indicators: IndicatorsSchema,
    narrative: Narrative(),
    reason: Reason(),
  }),
};

type M = typeof REPORTING_EVENTS;
export type ReportingEvent = EventsOf<M>;
export type RegimeDefined = EventOf<M, 'reporting.regime-defined.v1'>;
export type PeriodOpened = EventOf<M, 'reporting.period-opened.v1'>;
export type ReminderSent = EventOf<M, 'reporting.reminder-sent.v1'>;
export type ReportDrafted = EventOf<M, 'report.drafted.v1'>;
export type ReportSubmitted = EventOf<M, 'report.submitted.v1'>;
export type ReportReturned = EventOf<M, 'report.returned.v1'>;
export type ReportCorrected = EventOf<M, 'report.corrected.v1'>;
export const REPORTING_EVENT_TYPES = Object.keys(REPORTING_EVENTS) as ReportingEvent['type'][];
