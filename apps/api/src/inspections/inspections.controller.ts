import { Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActOnInspection, CommandContext, GetInspection, ListInspections, newIdFor, Principal } from '@gl/application';
import { Id } from '@gl/domain';
import { InspectionDocSchema } from '@gl/read-models';
import { Answers, BodyOf, CurrentPrincipal, ParamOf, QueryOf, WriteContext } from '@gl/platform';
import { InspectionWritten } from '../shared/common.schemas';
import { PageOf } from '../shared/page.schemas';
import {
  CloseInspectionBody,
  ConductBody,
  FollowUpAnswerBody,
  FollowUpRequestBody,
  InspectionsQuery,
  PlanInspectionBody,
} from './inspections.bodies';

const InspectionId = Id();

/**
 * Inspections (kiểm tra; plan I.2.d, II.6, IV.1): Sở Nội vụ's, or a district's, checks of a unit's
 * implementation — planned, conducted with findings, follow-ups requested and answered, closed.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Inspections of a unit (inspected or inspecting), of a year, by status' })
  @Answers(PageOf(InspectionDocSchema))
  list(@CurrentPrincipal() p: Principal, @QueryOf(InspectionsQuery) q: InspectionsQuery) {
    return this.queries.execute(
      new ListInspections(p.scope, { unitId: q.unitId, year: q.year, status: q.status }, q.page, q.pageSize),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inspection: scope, findings, follow-ups, conclusion, every step' })
  @Answers(InspectionDocSchema)
  get(@CurrentPrincipal() p: Principal, @ParamOf('id', InspectionId) id: string) {
    return this.queries.execute(new GetInspection(p.scope, id));
  }

  @Post()
  @ApiOperation({
    summary: 'Plan an inspection (the inspecting unit: Sở Nội vụ for the city, a district for its communes)',
  })
  @Answers(InspectionWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  plan(@WriteContext() ctx: CommandContext, @BodyOf(PlanInspectionBody) dto: PlanInspectionBody) {
    return this.commands.execute(
      new ActOnInspection({ type: 'PlanInspection', ...dto, inspectionId: dto.inspectionId ?? '' }, ctx),
    );
  }

  @Post(':id/conduct')
  @ApiOperation({ summary: 'Record that it was held: the days, the inspectors, a finding and a rating per task' })
  @Answers(InspectionWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  conduct(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', InspectionId) id: string,
    @BodyOf(ConductBody) dto: ConductBody,
  ) {
    return this.commands.execute(
      new ActOnInspection({ type: 'RecordConduct', inspectionId: id, ...dto, endedOn: dto.endedOn ?? dto.heldOn }, ctx),
    );
  }

  @Post(':id/follow-ups')
  @ApiOperation({ summary: 'Request a follow-up (kiến nghị) of the inspected unit, by a day' })
  @Answers(InspectionWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  requestFollowUp(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', InspectionId) id: string,
    @BodyOf(FollowUpRequestBody) dto: FollowUpRequestBody,
  ) {
    return this.commands.execute(
      new ActOnInspection(
        {
          type: 'RequestFollowUp',
          inspectionId: id,
          ...dto,
          followUpId: dto.followUpId ?? newIdFor(ctx, `inspection-${id}-follow-up`),
        },
        ctx,
      ),
    );
  }

  @Post(':id/follow-ups/:followUpId/answer')
  @ApiOperation({ summary: "The inspected unit's answer to a follow-up" })
  @Answers(InspectionWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  answerFollowUp(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', InspectionId) id: string,
    @ParamOf('followUpId', Id()) followUpId: string,
    @BodyOf(FollowUpAnswerBody) dto: FollowUpAnswerBody,
  ) {
    return this.commands.execute(
      new ActOnInspection(
        { type: 'AnswerFollowUp', inspectionId: id, followUpId, ...dto, documentNumber: dto.documentNumber ?? null },
        ctx,
      ),
    );
  }

  @Post(':id/closing')
  @ApiOperation({ summary: 'Close it with its conclusion (kết luận), once every follow-up is answered' })
  @Answers(InspectionWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  close(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', InspectionId) id: string,
    @BodyOf(CloseInspectionBody) dto: CloseInspectionBody,
  ) {
    return this.commands.execute(new ActOnInspection({ type: 'CloseInspection', inspectionId: id, ...dto }, ctx));
  }
}
