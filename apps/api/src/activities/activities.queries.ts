import { BUDGET_TOTALS_BY, COVERAGE_KINDS } from '@gl/application';
import { ACTIVITY_KINDS, DottedId, Id, Line, Obj, OneOf, RealDay, Static, Type, Year } from '@gl/domain';
import { PAGE_QUERY } from '../shared/page.schemas';

/* The query strings of the activity reads, each validated and documented from its schema (QueryOf). */

export const ActivitiesQuery = Obj({
  ...PAGE_QUERY,
  unitId: Type.Optional(Id()),
  kind: Type.Optional(OneOf(ACTIVITY_KINDS)),
  planId: Type.Optional(Id()),
  taskCode: Type.Optional(Line(20)),
  year: Type.Optional(Year()),
  obligationId: Type.Optional(DottedId()),
  includeWithdrawn: Type.Optional(Type.Boolean({ description: 'Withdrawn activities too (left out by default)' })),
});
export type ActivitiesQuery = Static<typeof ActivitiesQuery>;

export const YearQuery = Obj({ year: Year() });
export type YearQuery = Static<typeof YearQuery>;

export const BudgetTotalsQuery = Obj({
  year: Year(),
  by: Type.Optional(
    OneOf(BUDGET_TOTALS_BY, {
      description:
        'source: state-budget, other, unspecified (estimates recorded before sources were); level: city, district, commune of the state budget, and other, unspecified',
    }),
  ),
});
export type BudgetTotalsQuery = Static<typeof BudgetTotalsQuery>;

export const CoverageQuery = Obj({
  kind: OneOf(COVERAGE_KINDS),
  asOf: RealDay({ examples: ['2023-12-31'] }),
  underId: Type.Optional(
    Id({
      description: "Only units under this one on asOf (default: the tree the reader's unit stood in that day)",
      examples: ['ninh-kieu'],
    }),
  ),
});
export type CoverageQuery = Static<typeof CoverageQuery>;
