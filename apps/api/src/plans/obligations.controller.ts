import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActOnObligation, CommandContext, GetObligation, ListObligations, Principal } from '@gl/application';
import { Id } from '@gl/domain';
import { Answers, BodyOf, CurrentPrincipal, ParamOf, QueryOf, WriteContext } from '@gl/platform';
import { WriteResult } from '../shared/common.schemas';
import { ObligationsQuery } from './obligations.query';
import { ObligationAnswer, ObligationListAnswer } from './plans.responses';
import {
  CompletionBody,
  ExplanationBody,
  ExplanationRequestBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  PassBody,
  ProgressBody,
  ReasonBody,
  ReminderBody,
  RequestAnswerBody,
} from './obligations.bodies';

const filters = (q: ObligationsQuery) => ({
  planId: q.planId,
  taskCode: q.taskCode,
  unitId: q.unitId,
  status: q.status,
  role: q.role,
  year: q.year,
  overdue: q.overdue,
  deadlineFrom: q.deadlineFrom ? new Date(`${q.deadlineFrom}T00:00:00+07:00`).toISOString() : undefined,
  deadlineTo: q.deadlineTo ? new Date(`${q.deadlineTo}T00:00:00+07:00`).toISOString() : undefined,
});

/**
 * Obligations: each unit's share of each task. The unit acknowledges, reports progress, completes
 * with evidence, asks for more time, explains; the coordinator decides, returns, cancels, reminds.
 */
@ApiTags('obligations')
@ApiBearerAuth()
@Controller()
export class ObligationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private act(ctx: CommandContext, command: ActOnObligation['command']) {
    return this.commands.execute(new ActOnObligation(command, ctx));
  }

  @Get('obligations')
  @ApiOperation({ summary: 'Obligations in scope, by plan, task, unit, status, role, year, deadline period, overdue' })
  @Answers(ObligationListAnswer)
  @ApiNotFoundResponse({ description: 'The unit asked for (unitId) is not in your scope' })
  list(@CurrentPrincipal() p: Principal, @QueryOf(ObligationsQuery) q: ObligationsQuery) {
    return this.queries.execute(new ListObligations(p.scope, filters(q), q.page, q.pageSize));
  }

  @Get('units/:unitId/inbox')
  @ApiOperation({ summary: "A unit's inbox: its obligations (lead, performer, coordinating) with status and deadline" })
  @Answers(ObligationListAnswer)
  inbox(
    @CurrentPrincipal() p: Principal,
    @ParamOf('unitId', Id()) unitId: string,
    @QueryOf(ObligationsQuery) q: ObligationsQuery,
  ) {
    return this.queries.execute(new ListObligations(p.scope, { ...filters(q), unitId }, q.page, q.pageSize));
  }

  @Get('obligations/:id')
  @ApiOperation({
    summary: 'One obligation: its unit, task, deadline as the plan words it, status, history and linked activities',
  })
  @Answers(ObligationAnswer)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetObligation(p.scope, id));
  }

  @Post('obligations/:id/acknowledgement')
  @ApiOperation({ summary: 'The unit acknowledges the obligation (đã nhận)' })
  @HttpCode(201)
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  acknowledge(@WriteContext() ctx: CommandContext, @CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.act(ctx, { type: 'Acknowledge', obligationId: id, unitId: p.actor.unitId ?? '' });
  }

  @Post('obligations/:id/answer')
  @ApiOperation({
    summary: 'A requested body (the Fatherland Front, the Labour Federation) answers a request (đề nghị): đã phản hồi',
  })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  answer(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @BodyOf(RequestAnswerBody) dto: RequestAnswerBody,
  ) {
    return this.act(ctx, {
      type: 'AnswerRequest',
      obligationId: id,
      ...dto,
      documentNumber: dto.documentNumber ?? null,
    });
  }

  @Post('obligations/:id/declination')
  @ApiOperation({ summary: 'A requested body declines a request, with its reason' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  decline(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ReasonBody) dto: ReasonBody) {
    return this.act(ctx, { type: 'DeclineRequest', obligationId: id, ...dto });
  }

  @Post('obligations/:id/progress')
  @ApiOperation({ summary: 'The unit reports progress, in percent, with a note' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  progress(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ProgressBody) dto: ProgressBody) {
    return this.act(ctx, { type: 'UpdateProgress', obligationId: id, ...dto });
  }

  @Post('obligations/:id/completion')
  @ApiOperation({ summary: 'Complete with evidence: document number and date, attachments by SHA-256 and size' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  complete(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(CompletionBody) dto: CompletionBody) {
    return this.act(ctx, { type: 'Complete', obligationId: id, evidence: dto.evidence });
  }

  @Post('obligations/:id/extension-requests')
  @ApiOperation({ summary: 'The unit asks for more time (gia hạn), with a reason' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  requestExtension(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @BodyOf(ExtensionRequestBody) dto: ExtensionRequestBody,
  ) {
    return this.act(ctx, { type: 'RequestExtension', obligationId: id, ...dto });
  }

  @Post('obligations/:id/extension-decision')
  @ApiOperation({ summary: 'The coordinator approves or refuses a requested extension' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  decideExtension(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @BodyOf(ExtensionDecisionBody) dto: ExtensionDecisionBody,
  ) {
    return this.act(ctx, { type: 'DecideExtension', obligationId: id, ...dto });
  }

  @Post('obligations/:id/return')
  @ApiOperation({ summary: 'The coordinator returns completed work for rework, with a reason' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  returnForRework(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ReasonBody) dto: ReasonBody) {
    return this.act(ctx, { type: 'ReturnForRework', obligationId: id, ...dto });
  }

  @Post('obligations/:id/cancellation')
  @ApiOperation({ summary: 'The coordinator cancels an obligation, with a reason' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  cancel(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ReasonBody) dto: ReasonBody) {
    return this.act(ctx, { type: 'Cancel', obligationId: id, ...dto });
  }

  @Post('obligations/:id/passing')
  @ApiOperation({ summary: 'Pass to a successor unit after a reorganisation (recorded lineage only)' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  pass(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(PassBody) dto: PassBody) {
    return this.act(ctx, { type: 'PassToSuccessor', obligationId: id, ...dto });
  }

  @Post('obligations/:id/reminders')
  @ApiOperation({ summary: 'Đôn đốc: a reminder addressed to the unit' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  remind(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ReminderBody) dto: ReminderBody) {
    return this.act(ctx, { type: 'Remind', obligationId: id, ...dto });
  }

  @Post('obligations/:id/explanation-requests')
  @ApiOperation({ summary: 'Yêu cầu giải trình: ask the unit to explain' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  requestExplanation(
    @WriteContext() ctx: CommandContext,
    @Param('id') id: string,
    @BodyOf(ExplanationRequestBody) dto: ExplanationRequestBody,
  ) {
    return this.act(ctx, { type: 'RequestExplanation', obligationId: id, ...dto });
  }

  @Post('obligations/:id/explanation')
  @ApiOperation({ summary: 'The unit explains (giải trình), answering an explanation request' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  explain(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(ExplanationBody) dto: ExplanationBody) {
    return this.act(ctx, { type: 'Explain', obligationId: id, ...dto });
  }
}
