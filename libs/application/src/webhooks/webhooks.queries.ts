import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Scope } from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { DeliveryAttempt, EndpointStatus, WEBHOOK_STORE, WebhookEndpoint, WebhookStore } from '@gl/read-models';
import { adminReach, requireManaged } from './webhook-access';

/** Lag is counted up to this many events: beyond it the figure says "at least". */
export const WEBHOOK_LAG_CAP = 100_000;

/** An endpoint as the API shows it: never a secret, only when each was made and stops signing. */
export interface WebhookView {
  endpointId: string;
  url: string;
  description: string;
  eventTypes: string[];
  categories: string[];
  unitIds: string[];
  ownerUnitId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  status: EndpointStatus;
  statusReason: string | null;
  secrets: { createdAt: string; expiresAt: string | null }[];
  delivery: {
    position: string;
    pendingEventId: string | null;
    attempts: number;
    nextAttemptAt: string | null;
    failingSince: string | null;
    delivered: number;
    failed: number;
    /** Events of the log after the cursor (not all of them match), counted up to WEBHOOK_LAG_CAP. */
    lag: number;
  };
}

export interface DeliveryAttemptView extends Omit<DeliveryAttempt, 'at' | 'endpointId'> {
  at: string;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Builds the views: the endpoint, its cursor and its lag behind the log. */
@Injectable()
export class WebhookViews {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly endpoints: WebhookStore,
    @Inject(EVENT_STORE) private readonly log: EventStore,
  ) {}

  async of(e: WebhookEndpoint): Promise<WebhookView> {
    const cursor = await this.endpoints.cursor(e.endpointId);
    const position = cursor?.position ?? '0';
    return {
      endpointId: e.endpointId,
      url: e.url,
      description: e.description,
      eventTypes: e.eventTypes,
      categories: e.categories,
      unitIds: e.unitIds,
      ownerUnitId: e.ownerUnitId,
      createdBy: e.createdBy,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
      status: e.status,
      statusReason: e.statusReason,
      secrets: e.secrets.map((s) => ({ createdAt: s.createdAt.toISOString(), expiresAt: iso(s.expiresAt) })),
      delivery: {
        position,
        pendingEventId: cursor?.pendingEventId ?? null,
        attempts: cursor?.attempts ?? 0,
        nextAttemptAt: iso(cursor?.nextAttemptAt ?? null),
        failingSince: iso(cursor?.failingSince ?? null),
        delivered: cursor?.delivered ?? 0,
        failed: cursor?.failed ?? 0,
        lag: await this.log.countEventsAfter(position, WEBHOOK_LAG_CAP),
      },
    };
  }
}

export class ListWebhooks {
  constructor(readonly scope: Scope) {}
}
export class GetWebhook {
  constructor(
    readonly scope: Scope,
    readonly endpointId: string,
  ) {}
}
export class ListWebhookDeliveries {
  constructor(
    readonly scope: Scope,
    readonly endpointId: string,
    readonly before: string | undefined,
    readonly limit: number,
  ) {}
}

@QueryHandler(ListWebhooks)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooks> {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly endpoints: WebhookStore,
    private readonly views: WebhookViews,
  ) {}
  async execute(q: ListWebhooks): Promise<{ items: WebhookView[] }> {
    const reach = adminReach(q.scope);
    const found = await this.endpoints.list(reach === null ? null : [...reach]);
    return { items: await Promise.all(found.map((e) => this.views.of(e))) };
  }
}

@QueryHandler(GetWebhook)
export class GetWebhookHandler implements IQueryHandler<GetWebhook> {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly endpoints: WebhookStore,
    private readonly views: WebhookViews,
  ) {}
  async execute(q: GetWebhook): Promise<WebhookView> {
    return this.views.of(requireManaged(q.scope, await this.endpoints.get(q.endpointId), q.endpointId));
  }
}

@QueryHandler(ListWebhookDeliveries)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveries> {
  constructor(@Inject(WEBHOOK_STORE) private readonly endpoints: WebhookStore) {}
  async execute(q: ListWebhookDeliveries): Promise<{ items: DeliveryAttemptView[]; next: string | null }> {
    requireManaged(q.scope, await this.endpoints.get(q.endpointId), q.endpointId);
    const page = await this.endpoints.attempts(q.endpointId, { before: q.before, limit: q.limit });
    return {
      items: page.items.map(({ endpointId: _e, at, ...a }) => ({ ...a, at: at.toISOString() })),
      next: page.next,
    };
  }
}
