import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { DASHBOARD_PERIODS, DashboardPeriod, GetDashboard, Principal } from '@gl/application';
import { CurrentPrincipal, IsLogPosition } from '@gl/platform';
import { IsCalendarDay } from '../shared/common.dto';
import { YearQueryDto } from '../activities/activities.dto';

class DashboardQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ enum: ['recorded', 'today'], default: 'recorded', description: 'The tree as it stood then, or re-based onto today\'s units' })
  @IsOptional() @IsIn(['recorded', 'today']) basis?: 'recorded' | 'today';
  @ApiPropertyOptional({ description: 'The day of the tree (default: the end of the year, or today)' }) @IsOptional() @IsCalendarDay() asOf?: string;
  @ApiPropertyOptional({ description: 'Time travel: the read models as they were at this global position' })
  @IsOptional() @IsLogPosition() asOfPosition?: string;
  @ApiPropertyOptional({ description: 'Time travel: as they were at this recorded instant (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) asOfRecorded?: string;
  @ApiPropertyOptional({ enum: DASHBOARD_PERIODS, description: 'Kỳ: a quarter, a half, the first nine months or a month of the year: what fell due, was done, held or reported in it' })
  @IsOptional() @IsIn(DASHBOARD_PERIODS, { message: `period must be one of ${DASHBOARD_PERIODS.join(', ')}` }) period?: DashboardPeriod;
}

/** Per-level dashboards: a unit's own figures, the roll-up of its subtree, and its children to drill into. */
@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':unitId')
  @ApiOperation({ summary: 'Obligations by status (red-amber-green), activities, coverage, budget, difficulties, reporting compliance — own and rolled up' })
  get(@CurrentPrincipal() p: Principal, @Param('unitId') unitId: string, @Query() q: DashboardQueryDto) {
    const past = q.asOfPosition || q.asOfRecorded ? { position: q.asOfPosition, recordedAt: q.asOfRecorded } : undefined;
    return this.queries.execute(new GetDashboard(p.scope, unitId, q.year, q.basis ?? 'recorded', q.asOf, past, q.period));
  }
}
