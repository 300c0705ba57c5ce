import {
  ACTIVITY_CHANGES,
  ACTIVITY_DETAILS,
  ACTIVITY_EVENTS,
  ActivityKind,
  BudgetSourceSchema,
  Count,
  Day,
  FINDINGS,
  Id,
  Line,
  Nullable,
  Obj,
  OneOf,
  OptionalProse,
  PARTICIPANT_GROUPS,
  Prose,
  Static,
  TObject,
  Type,
  Year,
} from '@gl/domain';
import { ActivityDocSchema } from '@gl/read-models';
import type { TOptional, TSchema } from '@sinclair/typebox';

/*
 * What the activity queries answer, each defined once: the handlers are typed by these schemas and
 * the API documents them (`@Answers`), so the OpenAPI document says what the server sends.
 */

/** Whole đồng as a decimal string: exact at any size (a sum of safe integers need not be one). */
export const DongString = () =>
  Type.String({ pattern: '^(0|[1-9][0-9]{0,29})$', maxLength: 30, description: 'whole đồng, as a decimal string' });
const Money = () =>
  Obj({ estimated: DongString(), approved: Nullable(DongString()), allocated: DongString(), spent: DongString() });
const Total = () => Count(Number.MAX_SAFE_INTEGER);

const optional = <P extends Record<string, TSchema>>(p: P) =>
  Object.fromEntries(Object.entries(p).map(([k, s]) => [k, Type.Optional(s)])) as { [K in keyof P]: TOptional<P[K]> };

/** An activity's fields as recorded and corrected, with what its steps added (a resolution's number, a difficulty's answer). */
const FIELDS = {
  conference: ACTIVITY_DETAILS.conference,
  media: ACTIVITY_DETAILS.media,
  training: ACTIVITY_DETAILS.training,
  resolution: Obj({ ...ACTIVITY_DETAILS.resolution.properties, ...optional({ number: Line(100), adoptedOn: Day() }) }),
  regulation: Obj({
    ...ACTIVITY_DETAILS.regulation.properties,
    ...optional({
      amendments: Type.Array(ACTIVITY_EVENTS['regulation.amended.v1']),
      replacedBy: Id(),
      replacedOn: Day(),
    }),
  }),
  legalreview: ACTIVITY_DETAILS.legalreview,
  // An estimate recorded before sources were asked for reads as unspecified.
  budget: Obj({ ...ACTIVITY_DETAILS.budget.properties, amount: DongString(), source: BudgetSourceSchema }),
  difficulty: Obj({
    ...ACTIVITY_DETAILS.difficulty.properties,
    ...optional({
      guidance: Prose(5000),
      answeredOn: Day(),
      escalatedOn: Day(),
      decision: Prose(5000),
      decidedOn: Day(),
    }),
  }),
};

const { kind: _k, fields: _f, money: _m, corrections: _c, ...common } = ActivityDocSchema.properties;
const Recorded = ActivityDocSchema.properties.corrections.items.properties;

const view = <K extends ActivityKind, F extends TObject>(kind: K, fields: F) =>
  Obj({
    ...common,
    kind: Type.Literal(kind),
    fields,
    money: Money(),
    corrections: Type.Array(
      Obj({ reason: Recorded.reason, changes: ACTIVITY_CHANGES[kind], at: Recorded.at, by: Recorded.by }),
    ),
  });

/** An activity as the API answers it, by kind; money in whole đồng as decimal strings. */
export const ActivityViewSchema = Type.Union([
  view('conference', FIELDS.conference),
  view('media', FIELDS.media),
  view('training', FIELDS.training),
  view('resolution', FIELDS.resolution),
  view('regulation', FIELDS.regulation),
  view('legalreview', FIELDS.legalreview),
  view('budget', FIELDS.budget),
  view('difficulty', FIELDS.difficulty),
]);
export type ActivityView = Static<typeof ActivityViewSchema>;

const ByGroup = () => Type.Partial(Type.Record(OneOf(PARTICIPANT_GROUPS), Total()), { additionalProperties: false });

/** A unit's figures for a year. */
export const UnitFiguresSchema = Obj({
  unitId: Id(),
  year: Year(),
  conferences: Obj({ count: Total(), participants: ByGroup(), totalParticipants: Total() }),
  media: Obj({ publications: Total(), items: Total() }),
  trainings: Obj({ count: Total(), trainees: ByGroup(), totalTrainees: Total() }),
  regulations: Obj({ issued: Total(), inForce: Total() }),
  legalReview: Obj({
    documents: Total(),
    findings: Type.Partial(Type.Record(OneOf(FINDINGS), Total()), { additionalProperties: false }),
  }),
  budget: Obj({ estimated: DongString(), approved: DongString(), allocated: DongString(), spent: DongString() }),
  difficulties: Obj({ open: Total(), answered: Total(), escalated: Total(), decided: Total() }),
});
export type UnitFigures = Static<typeof UnitFiguresSchema>;

/** The kinds of unit a regulation (quy chế) is asked of. */
export const COVERAGE_KINDS = [
  'department',
  'district',
  'commune',
  'state-enterprise',
  'non-state-enterprise',
  'public-service-unit',
] as const;

/** Which units of a kind have a regulation in force on a day (a list as long as the units: no bound). */
export const RegulationCoverageSchema = Obj({
  kind: OneOf(COVERAGE_KINDS),
  asOf: Day(),
  units: Total(),
  covered: Type.Array(Obj({ unitId: Id(), name: Line(500), regulation: Line(100) })),
  missing: Type.Array(Obj({ unitId: Id(), name: Line(500) })),
});
export type RegulationCoverage = Static<typeof RegulationCoverageSchema>;

/** What budget totals are grouped by: unit, task, source (state budget, other, unspecified) or level (of the state budget). */
export const BUDGET_TOTALS_BY = ['unit', 'task', 'source', 'level'] as const;
export type BudgetTotalsBy = (typeof BUDGET_TOTALS_BY)[number];

const BudgetLine = { estimated: DongString(), approved: DongString(), allocated: DongString(), spent: DongString() };
export const BudgetTotalsSchema = Obj({
  year: Year(),
  by: OneOf(BUDGET_TOTALS_BY),
  rows: Type.Array(
    Obj({
      key: Line(300, { description: 'A unit id, a task code or (none), a source kind, or a level' }),
      ...BudgetLine,
    }),
  ),
  total: Obj(BudgetLine),
});
export type BudgetTotals = Static<typeof BudgetTotalsSchema>;

/** Sở Nội vụ's compilation of the legal review: every document reviewed, with each unit's finding and proposal. */
export const LegalReviewCompilationSchema = Obj({
  year: Year(),
  reviewingUnits: Total(),
  documents: Type.Array(
    Obj({
      number: Nullable(Line(100)),
      date: Nullable(Day()),
      issuer: Line(200),
      title: Line(500),
      reviews: Type.Array(Obj({ unitId: Id(), finding: OneOf(FINDINGS), proposal: OptionalProse(2000) })),
    }),
  ),
});
export type LegalReviewCompilation = Static<typeof LegalReviewCompilationSchema>;
