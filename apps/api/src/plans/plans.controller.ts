import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePlan, CommandContext, GetPlan, ListPlans } from '@gl/application';
import { Addressee, TaskDefinition, TimeFrame } from '@gl/domain';
import { WriteContext } from '@gl/platform';
import { PageQueryDto, WriteResultDto } from '../shared/common.dto';
import { AddresseeDto, AmendTaskDto, CancelTaskDto, IssuePlanDto, PlanReceiptsDto, ReceiptDto, TaskDto } from './plans.dto';

/** Plain addressees: exactly the unit or the group that was given. */
const addressees = (list: AddresseeDto[]): Addressee[] =>
  list.map((a) => (a.unitId !== undefined ? { unitId: a.unitId } : { group: a.group! }));

const task = (dto: TaskDto): TaskDefinition => ({
  code: dto.code, section: dto.section, title: dto.title, description: dto.description,
  lead: addressees(dto.lead), performers: addressees(dto.performers), coordinating: addressees(dto.coordinating),
  obligation: dto.obligation, timeFrame: dto.timeFrame as unknown as TimeFrame, timeWords: dto.timeWords,
});

/** Plans (kế hoạch): issued, with tasks, amendments and receipts. Detailed plans link to their parent. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get()
  list(@Query() q: PageQueryDto) {
    return this.queries.execute(new ListPlans(q.page, q.pageSize));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.queries.execute(new GetPlan(id));
  }

  @Get(':id/receipts')
  @ApiOperation({
    summary: 'Receipts per line of the distribution list (nơi nhận): units that have acknowledged (when, by whom) and those that have not',
    description: "A line's groups (e.g. \"TT. HĐND, UBND xã, phường, thị trấn\") are expanded into the units under the issuer on the plan's assignment day.",
  })
  @ApiOkResponse({ type: PlanReceiptsDto })
  receipts(@Param('id') id: string) {
    return this.queries.execute(new GetPlan(id, 'receipts'));
  }

  @Post()
  @ApiOperation({ summary: 'Issue a plan (the coordinator), or record a detailed plan (its unit)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  issue(@WriteContext() ctx: CommandContext, @Body() dto: IssuePlanDto) {
    return this.commands.execute(new ChangePlan({
      type: 'IssuePlan', ...dto, number: dto.number ?? null, issuedOn: dto.issuedOn ?? null, parent: dto.parent ?? null,
    } as never, ctx));
  }

  @Post(':id/tasks')
  @ApiOperation({ summary: 'Add a task; it fans out at once into one obligation per unit addressed' })
  @ApiCreatedResponse({ type: WriteResultDto })
  addTask(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: TaskDto) {
    return this.commands.execute(new ChangePlan({ type: 'AddTask', planId: id, task: task(dto) }, ctx));
  }

  @Post(':id/tasks/:code/amendment')
  @ApiCreatedResponse({ type: WriteResultDto })
  amend(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Param('code') code: string, @Body() dto: AmendTaskDto) {
    return this.commands.execute(new ChangePlan({ type: 'ChangeTask', planId: id, task: task({ ...dto.task, code }), reason: dto.reason }, ctx));
  }

  @Post(':id/tasks/:code/cancellation')
  @ApiCreatedResponse({ type: WriteResultDto })
  cancel(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Param('code') code: string, @Body() dto: CancelTaskDto) {
    return this.commands.execute(new ChangePlan({ type: 'CancelTask', planId: id, code, reason: dto.reason }, ctx));
  }

  @Post(':id/receipts')
  @ApiOperation({
    summary: 'A recipient on the distribution list (nơi nhận) acknowledges receipt',
    description: 'By the unit itself (the caller acts for it) for a line that names it, or a group it belonged to on the plan\'s assignment day; else 422 (not on the line) or 404 (not the caller\'s unit).',
  })
  @ApiCreatedResponse({ type: WriteResultDto })
  acknowledge(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: ReceiptDto) {
    return this.commands.execute(new ChangePlan({ type: 'AcknowledgeReceipt', planId: id, ...dto }, ctx));
  }
}
