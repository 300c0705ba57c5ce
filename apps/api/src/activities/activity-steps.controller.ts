import { applyDecorators, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext, DoActivity } from '@gl/application';
import { ActivityEvent, ActivityKind, Id } from '@gl/domain';
import { Answers, BodyOf, ParamOf, WriteContext } from '@gl/platform';
import { ActivityWritten } from '../shared/common.schemas';
import { STEP_BODIES as S, StepBody, StepType } from './activities.bodies';

const Step = (summary: string) =>
  applyDecorators(ApiOperation({ summary }), Answers(ActivityWritten, 201, 'Recorded: where its events went'));
const ActivityId = () => ParamOf('id', Id());

/**
 * The steps of an activity's life, each on its own route with its own body (the fields of the event
 * it records): the Council resolution (II.3), a regulation, a budget (III.1), a difficulty.
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivityStepsController {
  constructor(private readonly commands: CommandBus) {}

  private take(
    kind: ActivityKind,
    type: StepType,
    ctx: CommandContext,
    activityId: string,
    { details }: StepBody<StepType>,
  ) {
    return this.commands.execute(
      new DoActivity(kind, { type, data: { ...details, activityId } } as ActivityEvent, ctx),
    );
  }

  @Post('activities/resolution/:id/steps/consultation')
  @Step('The draft resolution consulted on (lấy ý kiến, thẩm định)')
  consultation(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['resolution.consulted.v1']) b: StepBody<'resolution.consulted.v1'>,
  ) {
    return this.take('resolution', 'resolution.consulted.v1', c, id, b);
  }

  @Post('activities/resolution/:id/steps/submission')
  @Step("The draft submitted to the People's Council")
  resolutionSubmission(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['resolution.submitted.v1']) b: StepBody<'resolution.submitted.v1'>,
  ) {
    return this.take('resolution', 'resolution.submitted.v1', c, id, b);
  }

  @Post('activities/resolution/:id/steps/adoption')
  @Step("The resolution adopted by the People's Council, with its number")
  adoption(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['resolution.adopted.v1']) b: StepBody<'resolution.adopted.v1'>,
  ) {
    return this.take('resolution', 'resolution.adopted.v1', c, id, b);
  }

  @Post('activities/resolution/:id/steps/return')
  @Step('The draft returned, with the reason')
  resolutionReturn(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['resolution.returned.v1']) b: StepBody<'resolution.returned.v1'>,
  ) {
    return this.take('resolution', 'resolution.returned.v1', c, id, b);
  }

  @Post('activities/regulation/:id/steps/amendment')
  @Step('A regulation amended')
  amendment(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['regulation.amended.v1']) b: StepBody<'regulation.amended.v1'>,
  ) {
    return this.take('regulation', 'regulation.amended.v1', c, id, b);
  }

  @Post('activities/regulation/:id/steps/replacement')
  @Step('A regulation replaced by another of the same unit')
  replacement(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['regulation.replaced.v1']) b: StepBody<'regulation.replaced.v1'>,
  ) {
    return this.take('regulation', 'regulation.replaced.v1', c, id, b);
  }

  @Post('activities/budget/:id/steps/submission')
  @Step('A budget estimate submitted')
  budgetSubmission(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['budget.submitted.v1']) b: StepBody<'budget.submitted.v1'>,
  ) {
    return this.take('budget', 'budget.submitted.v1', c, id, b);
  }

  @Post('activities/budget/:id/steps/approval')
  @Step('A budget approved, in whole đồng (the coordinator)')
  approval(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['budget.approved.v1']) b: StepBody<'budget.approved.v1'>,
  ) {
    return this.take('budget', 'budget.approved.v1', c, id, b);
  }

  @Post('activities/budget/:id/steps/adjustment')
  @Step('A budget adjusted, with the reason (the coordinator)')
  adjustment(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['budget.adjusted.v1']) b: StepBody<'budget.adjusted.v1'>,
  ) {
    return this.take('budget', 'budget.adjusted.v1', c, id, b);
  }

  @Post('activities/budget/:id/steps/allocation')
  @Step('Money allocated, within the approved amount (the coordinator)')
  allocation(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['budget.allocated.v1']) b: StepBody<'budget.allocated.v1'>,
  ) {
    return this.take('budget', 'budget.allocated.v1', c, id, b);
  }

  @Post('activities/budget/:id/steps/spending')
  @Step('Money spent, within what was allocated')
  spending(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['budget.spent.v1']) b: StepBody<'budget.spent.v1'>,
  ) {
    return this.take('budget', 'budget.spent.v1', c, id, b);
  }

  @Post('activities/difficulty/:id/steps/guidance')
  @Step('Guidance given on a difficulty (the coordinator)')
  guidance(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['difficulty.guidance-given.v1']) b: StepBody<'difficulty.guidance-given.v1'>,
  ) {
    return this.take('difficulty', 'difficulty.guidance-given.v1', c, id, b);
  }

  @Post('activities/difficulty/:id/steps/escalation')
  @Step("A difficulty escalated to the City People's Committee (the coordinator)")
  escalation(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['difficulty.escalated.v1']) b: StepBody<'difficulty.escalated.v1'>,
  ) {
    return this.take('difficulty', 'difficulty.escalated.v1', c, id, b);
  }

  @Post('activities/difficulty/:id/steps/decision')
  @Step('A difficulty decided (the coordinator)')
  decision(
    @WriteContext() c: CommandContext,
    @ActivityId() id: string,
    @BodyOf(S['difficulty.decided.v1']) b: StepBody<'difficulty.decided.v1'>,
  ) {
    return this.take('difficulty', 'difficulty.decided.v1', c, id, b);
  }
}
