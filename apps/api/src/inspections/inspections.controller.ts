import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActOnInspection, CommandContext, GetInspection, ListInspections, newIdFor, Principal } from '@gl/application';
import { CurrentPrincipal, WriteContext } from '@gl/platform';
import { WriteResultDto } from '../shared/common.dto';
import { CloseInspectionDto, ConductDto, FollowUpAnswerDto, FollowUpRequestDto, InspectionsQueryDto, PlanInspectionDto } from './inspections.dto';

/**
 * Inspections (kiểm tra; plan I.2.d, II.6, IV.1): Sở Nội vụ's, or a district's, checks of a unit's
 * implementation — planned, conducted with findings, follow-ups requested and answered, closed.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Inspections of a unit (inspected or inspecting), of a year, by status' })
  list(@CurrentPrincipal() p: Principal, @Query() q: InspectionsQueryDto) {
    return this.queries.execute(new ListInspections(p.scope, { unitId: q.unitId, year: q.year, status: q.status }, q.page, q.pageSize));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inspection: scope, findings, follow-ups, conclusion, every step' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetInspection(p.scope, id));
  }

  @Post()
  @ApiOperation({ summary: 'Plan an inspection (the inspecting unit: Sở Nội vụ for the city, a district for its communes)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  plan(@WriteContext() ctx: CommandContext, @Body() dto: PlanInspectionDto) {
    return this.commands.execute(new ActOnInspection({
      type: 'PlanInspection', inspectionId: dto.inspectionId ?? '', inspectingUnitId: dto.inspectingUnitId, inspectedUnitId: dto.inspectedUnitId,
      planId: dto.planId, taskCodes: dto.taskCodes, plannedFrom: dto.plannedFrom, plannedTo: dto.plannedTo,
      decision: { number: dto.decision.number, date: dto.decision.date, issuer: dto.decision.issuer }, title: dto.title,
    }, ctx));
  }

  @Post(':id/conduct')
  @ApiOperation({ summary: 'Record that it was held: the days, the inspectors, a finding and a rating per task' })
  @ApiCreatedResponse({ type: WriteResultDto })
  conduct(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: ConductDto) {
    return this.commands.execute(new ActOnInspection({
      type: 'RecordConduct', inspectionId: id, heldOn: dto.heldOn, endedOn: dto.endedOn ?? dto.heldOn,
      inspectors: dto.inspectors.map((i) => ({ name: i.name, title: i.title })),
      findings: dto.findings.map((f) => ({ taskCode: f.taskCode, finding: f.finding, rating: f.rating })),
    }, ctx));
  }

  @Post(':id/follow-ups')
  @ApiOperation({ summary: 'Request a follow-up (kiến nghị) of the inspected unit, by a day' })
  @ApiCreatedResponse({ type: WriteResultDto })
  requestFollowUp(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: FollowUpRequestDto) {
    return this.commands.execute(new ActOnInspection({
      type: 'RequestFollowUp', inspectionId: id, followUpId: dto.followUpId ?? newIdFor(ctx, `inspection-${id}-follow-up`),
      request: dto.request, requestedOn: dto.requestedOn, dueOn: dto.dueOn,
    }, ctx));
  }

  @Post(':id/follow-ups/:followUpId/answer')
  @ApiOperation({ summary: "The inspected unit's answer to a follow-up" })
  @ApiCreatedResponse({ type: WriteResultDto })
  answerFollowUp(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Param('followUpId') followUpId: string, @Body() dto: FollowUpAnswerDto) {
    return this.commands.execute(new ActOnInspection({
      type: 'AnswerFollowUp', inspectionId: id, followUpId, answer: dto.answer, answeredOn: dto.answeredOn, documentNumber: dto.documentNumber ?? null,
    }, ctx));
  }

  @Post(':id/closing')
  @ApiOperation({ summary: 'Close it with its conclusion (kết luận), once every follow-up is answered' })
  @ApiCreatedResponse({ type: WriteResultDto })
  close(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: CloseInspectionDto) {
    return this.commands.execute(new ActOnInspection({
      type: 'CloseInspection', inspectionId: id, closedOn: dto.closedOn, conclusion: dto.conclusion,
      document: { number: dto.document.number, date: dto.document.date, issuer: dto.document.issuer },
    }, ctx));
  }
}
