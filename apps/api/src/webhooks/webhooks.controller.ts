import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeWebhookStatus,
  CommandContext,
  GetWebhook,
  ListWebhookDeliveries,
  ListWebhooks,
  Principal,
  RegisterWebhook,
  ReplayWebhook,
  RotateWebhookSecret,
  UpdateWebhook,
} from '@gl/application';
import { Answers, BodyOf, CurrentPrincipal, ParamOf, QueryOf, WriteContext } from '@gl/platform';
import {
  DeliveriesQuery,
  RegisterWebhookBody,
  ReplayWebhookBody,
  UpdateWebhookBody,
  WebhookId,
} from './webhooks.bodies';
import {
  DeliveriesPage,
  RegisteredWebhookAnswer,
  RotatedSecretAnswer,
  WebhookAnswer,
  WebhooksList,
} from './webhooks.responses';

/**
 * Webhook endpoints (issue 16, ADR 0011): the integration admin registers where the record's events
 * are pushed, for the units of their grants. Operational settings, not the record: nothing here
 * appends an event. The secret is shown when it is made (registration, rotation), never again.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook endpoint; the answer shows its secret, once (integration admin)' })
  @Answers(RegisteredWebhookAnswer, 201, 'Registered')
  register(@WriteContext() ctx: CommandContext, @BodyOf(RegisterWebhookBody) body: RegisterWebhookBody) {
    return this.commands.execute(new RegisterWebhook(body, ctx));
  }

  @Get()
  @ApiOperation({ summary: 'The webhook endpoints of the units you manage, without secrets (integration admin)' })
  @Answers(WebhooksList)
  list(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new ListWebhooks(p.scope));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A webhook endpoint: settings, status, secrets (dates only), delivery cursor and lag' })
  @Answers(WebhookAnswer)
  get(@CurrentPrincipal() p: Principal, @ParamOf('id', WebhookId) id: string) {
    return this.queries.execute(new GetWebhook(p.scope, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an endpoint's URL, description, event types, categories or units" })
  @Answers(WebhookAnswer)
  update(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', WebhookId) id: string,
    @BodyOf(UpdateWebhookBody) body: UpdateWebhookBody,
  ) {
    return this.commands.execute(new UpdateWebhook(id, body, ctx));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause deliveries (X-Reason: why); events wait at the cursor' })
  @Answers(WebhookAnswer)
  pause(@WriteContext() ctx: CommandContext, @ParamOf('id', WebhookId) id: string) {
    return this.commands.execute(new ChangeWebhookStatus(id, 'pause', ctx));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused or disabled endpoint; its failure clock and retry schedule start again' })
  @Answers(WebhookAnswer)
  resume(@WriteContext() ctx: CommandContext, @ParamOf('id', WebhookId) id: string) {
    return this.commands.execute(new ChangeWebhookStatus(id, 'resume', ctx));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint with its cursor and delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@WriteContext() ctx: CommandContext, @ParamOf('id', WebhookId) id: string): Promise<void> {
    await this.commands.execute(new ChangeWebhookStatus(id, 'delete', ctx));
  }

  @Post(':id/secret-rotation')
  @ApiOperation({
    summary: 'A new signing secret, shown once; the old one keeps signing for WEBHOOK_ROTATION_OVERLAP_MS',
  })
  @Answers(RotatedSecretAnswer, 201, 'Rotated')
  rotate(@WriteContext() ctx: CommandContext, @ParamOf('id', WebhookId) id: string) {
    return this.commands.execute(new RotateWebhookSecret(id, ctx));
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver again from a log position or an event: the cursor moves to just before it' })
  @Answers(WebhookAnswer)
  replay(
    @WriteContext() ctx: CommandContext,
    @ParamOf('id', WebhookId) id: string,
    @BodyOf(ReplayWebhookBody) body: ReplayWebhookBody,
  ) {
    return this.commands.execute(new ReplayWebhook(id, body, ctx));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "The endpoint's delivery log, newest attempt first" })
  @Answers(DeliveriesPage)
  deliveries(
    @CurrentPrincipal() p: Principal,
    @ParamOf('id', WebhookId) id: string,
    @QueryOf(DeliveriesQuery) q: DeliveriesQuery,
  ) {
    return this.queries.execute(new ListWebhookDeliveries(p.scope, id, q.before, q.limit ?? 50));
  }
}
