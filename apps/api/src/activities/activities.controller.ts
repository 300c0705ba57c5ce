import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandContext, CompileLegalReview, DoActivity, GetActivity, GetBudgetTotals, GetRegulationCoverage, GetUnitFigures, ListActivities, Principal,
} from '@gl/application';
import { ACTIVITY_KINDS, ActivityEvent, ActivityKind, OPENING_TYPE } from '@gl/domain';
import { CurrentPrincipal, WriteContext } from '@gl/platform';
import { WriteResultDto } from '../shared/common.dto';
import {
  ActivitiesQueryDto, BudgetTotalsQueryDto, CorrectionDto, CoverageQueryDto, RecordActivityDto, StepDto, WithdrawalDto, YearQueryDto,
} from './activities.dto';

/** The steps of each kind's life, by the name used in the path. */
const STEPS: Partial<Record<ActivityKind, Record<string, ActivityEvent['type']>>> = {
  resolution: { consultation: 'resolution.consulted.v1', submission: 'resolution.submitted.v1', adoption: 'resolution.adopted.v1', return: 'resolution.returned.v1' },
  regulation: { amendment: 'regulation.amended.v1', replacement: 'regulation.replaced.v1' },
  budget: { submission: 'budget.submitted.v1', approval: 'budget.approved.v1', adjustment: 'budget.adjusted.v1', allocation: 'budget.allocated.v1', spending: 'budget.spent.v1' },
  difficulty: { guidance: 'difficulty.guidance-given.v1', escalation: 'difficulty.escalated.v1', decision: 'difficulty.decided.v1' },
};

const kindOf = (kind: string): ActivityKind => {
  if (!ACTIVITY_KINDS.includes(kind as ActivityKind)) throw new NotFoundException(`no kind of activity "${kind}" (${ACTIVITY_KINDS.join(', ')})`);
  return kind as ActivityKind;
};

/**
 * Activities: conferences, media, trainings, the Council resolution, regulations, legal review,
 * budget, difficulties. Recorded by the unit responsible, corrected or withdrawn with a reason.
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Post('activities/:kind')
  @ApiOperation({ summary: 'Record an activity (conference, media, training, resolution, regulation, legalreview, budget, difficulty)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  record(@WriteContext() ctx: CommandContext, @Param('kind') kind: string, @Body() dto: RecordActivityDto) {
    const k = kindOf(kind);
    const event = { type: OPENING_TYPE[k], data: { ...dto.details, activityId: dto.activityId ?? '', unitId: dto.unitId, obligationId: dto.obligationId ?? null, planId: null, taskCode: null, year: dto.year } };
    return this.commands.execute(new DoActivity(k, event as ActivityEvent, ctx));
  }

  @Post('activities/:kind/:id/steps/:step')
  @ApiOperation({ summary: 'A step of its life: resolution consultation|submission|adoption|return; regulation amendment|replacement; budget submission|approval|adjustment|allocation|spending; difficulty guidance|escalation|decision' })
  @ApiCreatedResponse({ type: WriteResultDto })
  step(@WriteContext() ctx: CommandContext, @Param('kind') kind: string, @Param('id') id: string, @Param('step') step: string, @Body() dto: StepDto) {
    const k = kindOf(kind);
    const type = STEPS[k]?.[step];
    if (!type) throw new NotFoundException(`a ${k} has no step "${step}"`);
    return this.commands.execute(new DoActivity(k, { type, data: { ...dto.details, activityId: id } } as ActivityEvent, ctx));
  }

  @Post('activities/:kind/:id/correction')
  @ApiOperation({ summary: 'Correct recorded figures with a reason; the original stays in the history' })
  @ApiCreatedResponse({ type: WriteResultDto })
  correct(@WriteContext() ctx: CommandContext, @Param('kind') kind: string, @Param('id') id: string, @Body() dto: CorrectionDto) {
    const k = kindOf(kind);
    return this.commands.execute(new DoActivity(k, { type: 'activity.corrected.v1', data: { activityId: id, kind: k, changes: dto.changes, reason: dto.reason } }, ctx));
  }

  @Post('activities/:kind/:id/withdrawal')
  @ApiCreatedResponse({ type: WriteResultDto })
  withdraw(@WriteContext() ctx: CommandContext, @Param('kind') kind: string, @Param('id') id: string, @Body() dto: WithdrawalDto) {
    const k = kindOf(kind);
    return this.commands.execute(new DoActivity(k, { type: 'activity.withdrawn.v1', data: { activityId: id, kind: k, reason: dto.reason } }, ctx));
  }

  @Get('activities')
  @ApiOperation({ summary: 'Activities in scope, per unit, kind, plan, task, year or obligation' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ActivitiesQueryDto) {
    const { page, pageSize, ...filter } = q;
    return this.queries.execute(new ListActivities(p.scope, filter, page, pageSize));
  }

  @Get('activities/:kind/:id')
  get(@CurrentPrincipal() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    kindOf(kind);
    return this.queries.execute(new GetActivity(p.scope, id));
  }

  @Get('units/:unitId/figures')
  @ApiOperation({ summary: "A unit's figures for a year: conferences and participants, media, trainings and trainees, regulations, legal review, budget, difficulties" })
  figures(@CurrentPrincipal() p: Principal, @Param('unitId') unitId: string, @Query() q: YearQueryDto) {
    return this.queries.execute(new GetUnitFigures(p.scope, unitId, q.year));
  }

  @Get('regulations/coverage')
  @ApiOperation({ summary: 'Which units of a kind have a regulation (quy chế) in force on a day' })
  coverage(@CurrentPrincipal() p: Principal, @Query() q: CoverageQueryDto) {
    return this.queries.execute(new GetRegulationCoverage(p.scope, q.kind, q.asOf, q.underId, p.actor.unitId));
  }

  @Get('budgets/totals')
  @ApiOperation({ summary: 'Budget totals for a year by unit, task, source or level (plan III.1), in whole đồng (exact decimal strings)' })
  totals(@CurrentPrincipal() p: Principal, @Query() q: BudgetTotalsQueryDto) {
    return this.queries.execute(new GetBudgetTotals(p.scope, q.year, q.by ?? 'unit'));
  }

  @Get('legal-reviews/compilation')
  @ApiOperation({ summary: "Sở Nội vụ's compilation of the legal review for the Ministry: each document with every unit's finding and proposal" })
  compilation(@CurrentPrincipal() p: Principal, @Query() q: YearQueryDto) {
    return this.queries.execute(new CompileLegalReview(p.scope, q.year));
  }
}
