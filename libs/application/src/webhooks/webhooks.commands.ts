import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@gl/domain';
import { comparePositions, EVENT_STORE, EventStore, formatPosition, parsePosition, START } from '@gl/event-store';
import {
  DeliveryCursor,
  EndpointSettings,
  WEBHOOK_STORE,
  WebhookEndpoint,
  WebhookSecret,
  WebhookStore,
} from '@gl/read-models';
import { EVENT_SCHEMAS } from '../events/event-catalogue';
import { CommandContext } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { newIdFor } from '../shared/stream-runner';
import { ownerFor, requireManaged } from './webhook-access';
import { WebhookError, WebhookFieldsError } from './webhook.errors';
import {
  RECEIVER_CHECK,
  ReceiverCheck,
  WEBHOOK_REGISTRY_SETTINGS,
  WebhookRegistrySettings,
} from './webhook-registry.ports';
import { WebhookView, WebhookViews } from './webhooks.queries';

export class RegisterWebhook {
  constructor(
    readonly input: EndpointSettingsInput & { startFrom?: string },
    readonly context: CommandContext,
  ) {}
}
export class UpdateWebhook {
  constructor(
    readonly endpointId: string,
    readonly input: Partial<EndpointSettingsInput>,
    readonly context: CommandContext,
  ) {}
}
/** Pause, resume (also re-enabling a disabled endpoint), or delete. */
export class ChangeWebhookStatus {
  constructor(
    readonly endpointId: string,
    readonly change: 'pause' | 'resume' | 'delete',
    readonly context: CommandContext,
  ) {}
}
export class RotateWebhookSecret {
  constructor(
    readonly endpointId: string,
    readonly context: CommandContext,
  ) {}
}
export class ReplayWebhook {
  constructor(
    readonly endpointId: string,
    readonly from: { fromPosition: string } | { fromEventId: string },
    readonly context: CommandContext,
  ) {}
}

export type EndpointSettingsInput = Omit<EndpointSettings, 'eventTypes' | 'categories'> & {
  eventTypes?: string[];
  categories?: string[];
};

/** A registration's answer: the endpoint, and the secret this once. */
export type RegisteredWebhook = WebhookView & { secret: string };
export interface RotatedSecret {
  endpointId: string;
  secret: string;
  secrets: WebhookView['secrets'];
}

const TYPES = Object.keys(EVENT_SCHEMAS);
const CATEGORIES = new Set(TYPES.map((t) => t.split('.')[0]!));

/** `whsec_` and 32 random bytes in base64: the form Standard Webhooks libraries take. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const unique = (list: readonly string[]) => [...new Set(list)];

/** Every prefix must name at least one type of the catalogue, every category a types' first segment. */
const checkFilters = (eventTypes: readonly string[], categories: readonly string[]) => {
  const errors = [
    ...eventTypes.flatMap((p, i) =>
      TYPES.some((t) => t.startsWith(p)) ? [] : [`eventTypes[${i}] "${p}" is the start of no event type`],
    ),
    ...categories.flatMap((c, i) =>
      CATEGORIES.has(c) ? [] : [`categories[${i}] "${c}" is not a category (${[...CATEGORIES].join(', ')})`],
    ),
  ];
  if (errors.length > 0) throw new WebhookFieldsError(errors);
};

/**
 * The integration admin's registry of webhook endpoints (issue 16, ADR 0011): operational state
 * beside the read store, never the log, so these writes append no event; who changed an endpoint
 * and when is kept on it. Every check comes before the one write, so a refusal writes nothing.
 */
@Injectable()
export class WebhookRegistry {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly endpoints: WebhookStore,
    @Inject(EVENT_STORE) private readonly log: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    @Inject(RECEIVER_CHECK) private readonly receiverCheck: ReceiverCheck,
    @Inject(WEBHOOK_REGISTRY_SETTINGS) private readonly settings: WebhookRegistrySettings,
    private readonly views: WebhookViews,
  ) {}

  async register(cmd: RegisterWebhook): Promise<RegisteredWebhook> {
    const { startFrom = 'now', ...input } = cmd.input;
    const settings = await this.checked({
      ...input,
      eventTypes: input.eventTypes ?? [],
      categories: input.categories ?? [],
    });
    const ownerUnitId = ownerFor(cmd.context.scope, settings.unitIds);
    const head = await this.log.headPosition();
    const start = startFrom === 'now' ? head : this.justBefore(startFrom, head);
    const now = this.clock.now();
    const secret = newSecret();
    const endpoint: WebhookEndpoint = {
      endpointId: newIdFor(cmd.context, 'webhook-endpoint'),
      ownerUnitId,
      ...settings,
      createdBy: cmd.context.actor.userId,
      createdAt: now,
      updatedAt: now,
      status: 'active',
      statusReason: null,
      secrets: [{ secret, createdAt: now, expiresAt: null }],
    };
    await this.endpoints.create(endpoint, start);
    return { ...(await this.views.of(endpoint)), secret };
  }

  async update(cmd: UpdateWebhook): Promise<WebhookView> {
    const current = await this.managed(cmd.endpointId, cmd.context);
    const { url, description, eventTypes, categories, unitIds } = { ...current, ...cmd.input };
    const settings = await this.checked({ url, description, eventTypes, categories, unitIds }, current.url);
    const ownerUnitId = ownerFor(cmd.context.scope, settings.unitIds, current.ownerUnitId);
    return this.save({ ...current, ...settings, ownerUnitId, updatedAt: this.clock.now() });
  }

  async changeStatus(cmd: ChangeWebhookStatus): Promise<WebhookView | null> {
    const current = await this.managed(cmd.endpointId, cmd.context);
    if (cmd.change === 'delete') {
      await this.endpoints.delete(current.endpointId);
      return null;
    }
    const now = this.clock.now();
    if (cmd.change === 'pause') {
      const statusReason = cmd.context.reason ?? `paused by ${cmd.context.actor.userId}`;
      return this.save({ ...current, status: 'paused', statusReason, updatedAt: now });
    }
    // Resuming (a disabled endpoint too) starts the failure clock and the retry schedule again: an
    // event still waiting is due at once.
    const cursor = await this.endpoints.cursor(current.endpointId);
    if (cursor && (cursor.failingSince || cursor.pendingEventId))
      await this.endpoints.saveCursor({
        ...cursor,
        failingSince: null,
        attempts: 0,
        nextAttemptAt: cursor.pendingEventId ? now : null,
      });
    return this.save({ ...current, status: 'active', statusReason: null, updatedAt: now });
  }

  /** A new secret; the old ones still live keep signing for the rotation overlap, then drop out. */
  async rotate(cmd: RotateWebhookSecret): Promise<RotatedSecret> {
    const current = await this.managed(cmd.endpointId, cmd.context);
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.settings.rotationOverlapMs);
    const kept = current.secrets
      .map((s): WebhookSecret => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < until ? s.expiresAt : until }))
      .filter((s) => s.expiresAt !== null && s.expiresAt > now);
    const secret = newSecret();
    const view = await this.save({
      ...current,
      secrets: [...kept, { secret, createdAt: now, expiresAt: null }],
      updatedAt: now,
    });
    return { endpointId: view.endpointId, secret, secrets: view.secrets };
  }

  /** Moves the cursor to just before a position or an event, clearing the attempt in progress. */
  async replay(cmd: ReplayWebhook): Promise<WebhookView> {
    const current = await this.managed(cmd.endpointId, cmd.context);
    const head = await this.log.headPosition();
    const position =
      'fromPosition' in cmd.from
        ? this.justBefore(cmd.from.fromPosition, head)
        : await this.beforeEvent(cmd.from.fromEventId);
    const cursor = await this.endpoints.cursor(current.endpointId);
    const replayed: DeliveryCursor = {
      endpointId: current.endpointId,
      delivered: 0,
      failed: 0,
      failingSince: null,
      ...cursor,
      position,
      pendingEventId: null,
      attempts: 0,
      nextAttemptAt: null,
    };
    await this.endpoints.saveCursor(replayed);
    return this.views.of(current);
  }

  private async managed(endpointId: string, context: CommandContext): Promise<WebhookEndpoint> {
    return requireManaged(context.scope, await this.endpoints.get(endpointId), endpointId);
  }

  private async save(endpoint: WebhookEndpoint): Promise<WebhookView> {
    if (!(await this.endpoints.update(endpoint)))
      throw new WebhookError('webhook-not-found', `webhook endpoint ${endpoint.endpointId} was deleted meanwhile`);
    return this.views.of(endpoint);
  }

  /** The filters against the catalogue and the receiver against the SSRF rules (again only when it changed). */
  private async checked(s: EndpointSettings, previousUrl?: string): Promise<EndpointSettings> {
    const settings = {
      ...s,
      eventTypes: unique(s.eventTypes),
      categories: unique(s.categories),
      unitIds: unique(s.unitIds),
    };
    checkFilters(settings.eventTypes, settings.categories);
    if (settings.url !== previousUrl) {
      const refused = await this.receiverCheck(settings.url);
      if (refused) throw new WebhookError('receiver-refused', `the receiver ${settings.url} is refused: ${refused}`);
    }
    return settings;
  }

  /** The cursor for delivering from `position` on: the position before it (START for the first). */
  private justBefore(position: string, head: string): string {
    if (comparePositions(position, head) > 0)
      throw new WebhookError('invalid-webhook', `position ${position} is beyond the log's head (${head})`);
    const p = parsePosition(position);
    return p === 0n ? START : formatPosition(p - 1n);
  }

  /** Finds an event in the log by id (an admin's rare step: a scan of the log, in batches). */
  private async beforeEvent(eventId: string): Promise<string> {
    let after = START;
    for (;;) {
      const batch = await this.log.readAll({ after, maxCount: 2000 });
      const found = batch.events.find((e) => e.eventId === eventId);
      if (found) return formatPosition(parsePosition(found.position) - 1n);
      if (batch.isEnd || batch.events.length === 0) break;
      after = batch.position;
    }
    throw new WebhookError('invalid-webhook', `the log has no event ${eventId}`);
  }
}

@CommandHandler(RegisterWebhook)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhook> {
  constructor(private readonly registry: WebhookRegistry) {}
  execute(cmd: RegisterWebhook) {
    return this.registry.register(cmd);
  }
}

@CommandHandler(UpdateWebhook)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhook> {
  constructor(private readonly registry: WebhookRegistry) {}
  execute(cmd: UpdateWebhook) {
    return this.registry.update(cmd);
  }
}

@CommandHandler(ChangeWebhookStatus)
export class ChangeWebhookStatusHandler implements ICommandHandler<ChangeWebhookStatus> {
  constructor(private readonly registry: WebhookRegistry) {}
  execute(cmd: ChangeWebhookStatus) {
    return this.registry.changeStatus(cmd);
  }
}

@CommandHandler(RotateWebhookSecret)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecret> {
  constructor(private readonly registry: WebhookRegistry) {}
  execute(cmd: RotateWebhookSecret) {
    return this.registry.rotate(cmd);
  }
}

@CommandHandler(ReplayWebhook)
export class ReplayWebhookHandler implements ICommandHandler<ReplayWebhook> {
  constructor(private readonly registry: WebhookRegistry) {}
  execute(cmd: ReplayWebhook) {
    return this.registry.replay(cmd);
  }
}
