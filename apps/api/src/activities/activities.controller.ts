import { applyDecorators, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ActivityViewSchema,
  BudgetTotalsSchema,
  CommandContext,
  CompileLegalReview,
  DoActivity,
  GetActivity,
  GetBudgetTotals,
  GetRegulationCoverage,
  GetUnitFigures,
  LegalReviewCompilationSchema,
  ListActivities,
  Principal,
  RegulationCoverageSchema,
  UnitFiguresSchema,
} from '@gl/application';
import { ACTIVITY_KINDS, ActivityEvent, ActivityKind, Id, OPENING_TYPE } from '@gl/domain';
import { Answers, BodyOf, CurrentPrincipal, ParamOf, QueryOf, WriteContext } from '@gl/platform';
import { ActivityWritten } from '../shared/common.schemas';
import { PageOf } from '../shared/page.schemas';
import {
  CORRECTION_BODIES as C,
  CorrectionBody,
  RECORD_BODIES as R,
  RecordBody,
  WithdrawalBody,
} from './activities.bodies';
import { ActivitiesQuery, BudgetTotalsQuery, CoverageQuery, YearQuery } from './activities.queries';

const kindOf = (kind: string): ActivityKind => {
  if (!ACTIVITY_KINDS.includes(kind as ActivityKind))
    throw new NotFoundException(`no kind of activity "${kind}" (${ACTIVITY_KINDS.join(', ')})`);
  return kind as ActivityKind;
};

const Records = (what: string) =>
  applyDecorators(
    ApiOperation({ summary: `Record ${what}` }),
    Answers(ActivityWritten, 201, 'Recorded: where its events went'),
  );
const Corrects = (kind: ActivityKind) =>
  applyDecorators(
    ApiOperation({
      summary: `Correct a ${kind} with a reason: the fields given replace what was recorded; the original stays in the history`,
    }),
    Answers(ActivityWritten, 201, 'Recorded: where its events went'),
  );
const ActivityId = () => ParamOf('id', Id());

/**
 * Activities: conferences, media, trainings, the Council resolution, regulations, legal review,
 * budget, difficulties. Recorded by the unit responsible, corrected or withdrawn with a reason. Each
 * kind has its own route, so that its body is documented exactly (its steps: activity-steps.controller.ts).
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private record(
    kind: ActivityKind,
    ctx: CommandContext,
    { activityId, unitId, obligationId, year, details }: RecordBody<ActivityKind>,
  ) {
    // The plan and task come from the obligation, which the handler reads.
    const data = {
      ...details,
      activityId: activityId ?? '',
      unitId,
      obligationId: obligationId ?? null,
      planId: null,
      taskCode: null,
      year,
    };
    return this.commands.execute(new DoActivity(kind, { type: OPENING_TYPE[kind], data } as ActivityEvent, ctx));
  }

  private correct(
    kind: ActivityKind,
    ctx: CommandContext,
    activityId: string,
    { changes, reason }: CorrectionBody<ActivityKind>,
  ) {
    return this.commands.execute(
      new DoActivity(
        kind,
        { type: 'activity.corrected.v1', data: { activityId, kind, changes, reason } } as ActivityEvent,
        ctx,
      ),
    );
  }

  @Post('activities/conference')
  @Records('a conference (hội nghị): level, day, place, chair, participants by group, its minutes')
  conference(@WriteContext() c: CommandContext, @BodyOf(R.conference) b: RecordBody<'conference'>) {
    return this.record('conference', c, b);
  }

  @Post('activities/media')
  @Records("a month's media items of an outlet (tuyên truyền)")
  media(@WriteContext() c: CommandContext, @BodyOf(R.media) b: RecordBody<'media'>) {
    return this.record('media', c, b);
  }

  @Post('activities/training')
  @Records(
    "a training (tập huấn): organiser, days, trainees by group, materials; or trainees sent to another unit's training",
  )
  training(@WriteContext() c: CommandContext, @BodyOf(R.training) b: RecordBody<'training'>) {
    return this.record('training', c, b);
  }

  @Post('activities/resolution')
  @Records("the draft of the People's Council resolution (task II.3)")
  resolution(@WriteContext() c: CommandContext, @BodyOf(R.resolution) b: RecordBody<'resolution'>) {
    return this.record('resolution', c, b);
  }

  @Post('activities/regulation')
  @Records('a regulation (quy chế) issued, maybe replacing one in force')
  regulation(@WriteContext() c: CommandContext, @BodyOf(R.regulation) b: RecordBody<'regulation'>) {
    return this.record('regulation', c, b);
  }

  @Post('activities/legalreview')
  @Records('a legal review (rà soát văn bản, task II.5): each document with its finding and proposal')
  legalreview(@WriteContext() c: CommandContext, @BodyOf(R.legalreview) b: RecordBody<'legalreview'>) {
    return this.record('legalreview', c, b);
  }

  @Post('activities/budget')
  @Records('a budget estimate (dự toán) in whole đồng, with its source (plan III.1)')
  budget(@WriteContext() c: CommandContext, @BodyOf(R.budget) b: RecordBody<'budget'>) {
    return this.record('budget', c, b);
  }

  @Post('activities/difficulty')
  @Records('a difficulty (khó khăn, vướng mắc) raised')
  difficulty(@WriteContext() c: CommandContext, @BodyOf(R.difficulty) b: RecordBody<'difficulty'>) {
    return this.record('difficulty', c, b);
  }

  @Post('activities/conference/:id/correction')
  @Corrects('conference')
  correctConference(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.conference) b: CorrectionBody<'conference'>,
  ) {
    return this.correct('conference', c, id, b);
  }

  @Post('activities/media/:id/correction')
  @Corrects('media')
  correctMedia(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.media) b: CorrectionBody<'media'>,
  ) {
    return this.correct('media', c, id, b);
  }

  @Post('activities/training/:id/correction')
  @Corrects('training')
  correctTraining(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.training) b: CorrectionBody<'training'>,
  ) {
    return this.correct('training', c, id, b);
  }

  @Post('activities/resolution/:id/correction')
  @Corrects('resolution')
  correctResolution(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.resolution) b: CorrectionBody<'resolution'>,
  ) {
    return this.correct('resolution', c, id, b);
  }

  @Post('activities/regulation/:id/correction')
  @Corrects('regulation')
  correctRegulation(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.regulation) b: CorrectionBody<'regulation'>,
  ) {
    return this.correct('regulation', c, id, b);
  }

  @Post('activities/legalreview/:id/correction')
  @Corrects('legalreview')
  correctLegalReview(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.legalreview) b: CorrectionBody<'legalreview'>,
  ) {
    return this.correct('legalreview', c, id, b);
  }

  @Post('activities/budget/:id/correction')
  @Corrects('budget')
  correctBudget(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.budget) b: CorrectionBody<'budget'>,
  ) {
    return this.correct('budget', c, id, b);
  }

  @Post('activities/difficulty/:id/correction')
  @Corrects('difficulty')
  correctDifficulty(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(C.difficulty) b: CorrectionBody<'difficulty'>,
  ) {
    return this.correct('difficulty', c, id, b);
  }

  @Post('activities/:kind/:id/withdrawal')
  @ApiOperation({
    summary: 'Withdraw a recording with a reason: read models leave it out of figures; the history keeps it',
  })
  @ApiParam({ name: 'kind', enum: ACTIVITY_KINDS })
  @Answers(ActivityWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  withdraw(
    @WriteContext() ctx: CommandContext,
    @Param('kind') kind: string,
    @ActivityId() id: string,
    @BodyOf(WithdrawalBody) dto: WithdrawalBody,
  ) {
    const k = kindOf(kind);
    return this.commands.execute(
      new DoActivity(k, { type: 'activity.withdrawn.v1', data: { activityId: id, kind: k, reason: dto.reason } }, ctx),
    );
  }

  @Get('activities')
  @ApiOperation({ summary: 'Activities in scope, per unit, kind, plan, task, year or obligation' })
  @Answers(PageOf(ActivityViewSchema))
  @ApiResponse({ status: 404, description: 'A unit (unitId) not in your scope' })
  list(@CurrentPrincipal() p: Principal, @QueryOf(ActivitiesQuery) q: ActivitiesQuery) {
    const { page, pageSize, ...filter } = q;
    return this.queries.execute(new ListActivities(p.scope, filter, page, pageSize));
  }

  @Get('activities/:kind/:id')
  @ApiOperation({ summary: 'One activity: what was recorded, its steps, corrections and withdrawal' })
  @ApiParam({ name: 'kind', enum: ACTIVITY_KINDS })
  @Answers(ActivityViewSchema)
  get(@CurrentPrincipal() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    kindOf(kind);
    return this.queries.execute(new GetActivity(p.scope, id));
  }

  @Get('units/:unitId/figures')
  @ApiOperation({
    summary:
      "A unit's figures for a year: conferences and participants, media, trainings and trainees, regulations, legal review, budget, difficulties",
  })
  @Answers(UnitFiguresSchema)
  figures(@CurrentPrincipal() p: Principal, @Param('unitId') unitId: string, @QueryOf(YearQuery) q: YearQuery) {
    return this.queries.execute(new GetUnitFigures(p.scope, unitId, q.year));
  }

  @Get('regulations/coverage')
  @ApiOperation({ summary: 'Which units of a kind have a regulation (quy chế) in force on a day' })
  @Answers(RegulationCoverageSchema)
  @ApiResponse({ status: 404, description: 'A unit (underId) not in your scope' })
  coverage(@CurrentPrincipal() p: Principal, @QueryOf(CoverageQuery) q: CoverageQuery) {
    return this.queries.execute(new GetRegulationCoverage(p.scope, q.kind, q.asOf, q.underId, p.actor.unitId));
  }

  @Get('budgets/totals')
  @ApiOperation({
    summary:
      'Budget totals for a year by unit, task, source or level (plan III.1), in whole đồng (exact decimal strings)',
  })
  @Answers(BudgetTotalsSchema)
  totals(@CurrentPrincipal() p: Principal, @QueryOf(BudgetTotalsQuery) q: BudgetTotalsQuery) {
    return this.queries.execute(new GetBudgetTotals(p.scope, q.year, q.by ?? 'unit'));
  }

  @Get('legal-reviews/compilation')
  @ApiOperation({
    summary:
      "Sở Nội vụ's compilation of the legal review for the Ministry: each document with every unit's finding and proposal",
  })
  @Answers(LegalReviewCompilationSchema)
  compilation(@CurrentPrincipal() p: Principal, @QueryOf(YearQuery) q: YearQuery) {
    return this.queries.execute(new CompileLegalReview(p.scope, q.year));
  }
}
