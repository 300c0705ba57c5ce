import { Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePlan, CommandContext, GetPlan, ListPlans } from '@gl/application';
import { Obj, PLAN_EVENTS, Static, TaskCodeSchema } from '@gl/domain';
import { Answers, BodyOf, ParamOf, QueryOf, WriteContext } from '@gl/platform';
import { TaskWritten, WriteResult } from '../shared/common.schemas';
import { PAGE_QUERY } from '../shared/page.schemas';
import { AmendTaskBody, CancelTaskBody, IssuePlanBody, ReceiptBody, TaskBody } from './plans.bodies';
import { PlanAnswer, PlanListAnswer, PlanReceiptsAnswer } from './plans.responses';

const PageQuery = Obj(PAGE_QUERY);
const TaskCode = TaskCodeSchema();
const PlanId = PLAN_EVENTS['plan.issued.v1'].properties.planId;

/** Plans (kế hoạch): issued, with tasks, amendments and receipts. Detailed plans link to their parent. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Plans in force (the city's and the detailed plans of units), with their task counts" })
  @Answers(PlanListAnswer)
  list(@QueryOf(PageQuery) q: Static<typeof PageQuery>) {
    return this.queries.execute(new ListPlans(q.page, q.pageSize));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One plan: what it was issued with, its tasks as amended, and who acknowledged receipt' })
  @Answers(PlanAnswer)
  get(@ParamOf('id', PlanId) id: string) {
    return this.queries.execute(new GetPlan(id));
  }

  @Get(':id/receipts')
  @ApiOperation({
    summary:
      'Receipts per line of the distribution list (nơi nhận): units that have acknowledged (when, by whom) and those that have not',
    description:
      'A line\'s groups (e.g. "TT. HĐND, UBND xã, phường, thị trấn") are expanded into the units under the issuer on the plan\'s assignment day.',
  })
  @Answers(PlanReceiptsAnswer)
  receipts(@ParamOf('id', PlanId) id: string) {
    return this.queries.execute(new GetPlan(id, 'receipts'));
  }

  @Post()
  @ApiOperation({ summary: 'Issue a plan (the coordinator), or record a detailed plan (its unit)' })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  issue(@WriteContext() ctx: CommandContext, @BodyOf(IssuePlanBody) dto: IssuePlanBody) {
    return this.commands.execute(
      new ChangePlan(
        {
          type: 'IssuePlan',
          ...dto,
          number: dto.number ?? null,
          issuedOn: dto.issuedOn ?? null,
          parent: dto.parent ?? null,
        },
        ctx,
      ),
    );
  }

  @Post(':id/tasks')
  @ApiOperation({ summary: 'Add a task; it fans out at once into one obligation per unit addressed' })
  @Answers(TaskWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  addTask(@WriteContext() ctx: CommandContext, @ParamOf('id', PlanId) id: string, @BodyOf(TaskBody) dto: TaskBody) {
    return this.commands.execute(new ChangePlan({ type: 'AddTask', planId: id, task: dto }, ctx));
  }

  @Post(':id/tasks/:code/amendment')
  @ApiOperation({ summary: 'Amend a task (its units, time or words), with a reason; its obligations follow' })
  @Answers(TaskWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  amend(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', PlanId) id: string,
    @ParamOf('code', TaskCode) code: string,
    @BodyOf(AmendTaskBody) dto: AmendTaskBody,
  ) {
    return this.commands.execute(
      new ChangePlan({ type: 'ChangeTask', planId: id, task: { ...dto.task, code }, reason: dto.reason }, ctx),
    );
  }

  @Post(':id/tasks/:code/cancellation')
  @ApiOperation({ summary: 'Cancel a task, with a reason, and its open obligations with it' })
  @Answers(TaskWritten, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  cancel(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', PlanId) id: string,
    @ParamOf('code', TaskCode) code: string,
    @BodyOf(CancelTaskBody) dto: CancelTaskBody,
  ) {
    return this.commands.execute(new ChangePlan({ type: 'CancelTask', planId: id, code, reason: dto.reason }, ctx));
  }

  @Post(':id/receipts')
  @ApiOperation({
    summary: 'A recipient on the distribution list (nơi nhận) acknowledges receipt',
    description:
      "By the unit itself (the caller acts for it) for a line that names it, or a group it belonged to on the plan's assignment day; else 422 (not on the line) or 404 (not the caller's unit).",
  })
  @Answers(WriteResult, 201, 'Recorded: where its events went (send position as X-Wait-For-Position to read it)')
  acknowledge(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', PlanId) id: string,
    @BodyOf(ReceiptBody) dto: ReceiptBody,
  ) {
    return this.commands.execute(new ChangePlan({ type: 'AcknowledgeReceipt', planId: id, ...dto }, ctx));
  }
}
