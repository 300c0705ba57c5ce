import { Count, Day, Id, Instant, Line, List, Nullable, Obj, OneOf, Type, UNIT_KINDS, UNIT_LEVELS } from '@gl/domain';
import { PeriodDocSchema, ReportDocSchema } from '@gl/read-models';

/* What the reporting reads answer: their read-model documents, and the compliance composed from them. */

const { expectedUnitIds: _e, ...listed } = PeriodDocSchema.properties;
/** The periods, by deadline, without the (long) list of the units expected. */
export const PeriodListAnswer = Obj({ items: List(Obj(listed), 10_000) });

/** A unit's report with every version; money indicators leave as decimal strings. */
export const ReportAnswer = ReportDocSchema;

const Percent = () =>
  Nullable(
    Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'A percentage to one decimal; null when nothing is expected',
    }),
  );
const orBlank = <T extends readonly string[]>(words: T) =>
  Type.Union([OneOf(words), Type.Literal('')], { description: 'Empty when the unit is not in the registry' });

/** Expected, received, on time, late, missing — with the list of units, as they stood when the report fell due. */
export const ComplianceAnswer = Obj({
  periodId: PeriodDocSchema.properties.periodId,
  title: PeriodDocSchema.properties.title,
  deadline: Instant(),
  deadlineVietnam: Day({ description: 'The last day on which a report is on time, in Vietnam' }),
  level: Nullable(OneOf(['city', 'district', 'commune'])),
  expected: Count(),
  received: Count(),
  onTime: Count(),
  late: Count(),
  missing: Count(),
  rate: Percent(),
  onTimeRate: Percent(),
  rows: List(
    Obj({
      unitId: Id(),
      name: Line(500),
      kind: orBlank(UNIT_KINDS),
      level: orBlank(UNIT_LEVELS),
      status: OneOf(['on-time', 'late', 'missing']),
      submittedAt: Nullable(Instant()),
      version: Nullable(Count(10_000)),
      reminders: Count(10_000),
    }),
    100_000,
  ),
});
