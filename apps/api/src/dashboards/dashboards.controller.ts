import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DASHBOARD_PERIODS, DashboardSchema, GetDashboard, Principal } from '@gl/application';
import { Instant, Obj, OneOf, Position, RealDay, Static, Type, Year } from '@gl/domain';
import { Answers, CurrentPrincipal, QueryOf } from '@gl/platform';

const DashboardQuery = Obj({
  year: Year(),
  basis: Type.Optional(
    OneOf(['recorded', 'today'], {
      description: "The tree as it stood then (recorded, the default), or re-based onto today's units",
    }),
  ),
  asOf: Type.Optional(RealDay({ description: 'The day of the tree (default: the end of the year, or today)' })),
  asOfPosition: Type.Optional(
    Position({ description: 'Time travel: the read models as they were at this global position' }),
  ),
  asOfRecorded: Type.Optional(
    Instant({ description: 'Time travel: as they were at this recorded instant (ISO 8601)' }),
  ),
  period: Type.Optional(
    OneOf(DASHBOARD_PERIODS, {
      description:
        'Kỳ: a quarter, a half, the first nine months or a month of the year: what fell due, was done, held or reported in it',
    }),
  ),
});
type DashboardQuery = Static<typeof DashboardQuery>;

/** Per-level dashboards: a unit's own figures, the roll-up of its subtree, and its children to drill into. */
@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':unitId')
  @ApiOperation({
    summary:
      'Obligations by status (red-amber-green), activities, coverage, budget, difficulties, reporting compliance — own and rolled up',
  })
  @Answers(DashboardSchema)
  get(@CurrentPrincipal() p: Principal, @Param('unitId') unitId: string, @QueryOf(DashboardQuery) q: DashboardQuery) {
    const past =
      q.asOfPosition || q.asOfRecorded ? { position: q.asOfPosition, recordedAt: q.asOfRecorded } : undefined;
    return this.queries.execute(
      new GetDashboard(p.scope, unitId, q.year, q.basis ?? 'recorded', q.asOf, past, q.period),
    );
  }
}
