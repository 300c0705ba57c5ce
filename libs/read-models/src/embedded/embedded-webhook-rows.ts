import type {
  DeliveryAttempt,
  DeliveryCursor,
  EndpointStatus,
  WebhookEndpoint,
  WebhookSecret,
} from '../port/webhook-store.port';

/** The webhook store's rows in SQLite and their codecs: times as epoch ms, lists as JSON text. */
export interface EndpointRow {
  endpoint_id: string;
  owner_unit_id: string;
  url: string;
  description: string;
  event_types: string;
  categories: string;
  unit_ids: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  status: EndpointStatus;
  status_reason: string | null;
  secrets: string;
}

export interface CursorRow {
  endpoint_id: string;
  position: string;
  pending_event_id: string | null;
  attempts: number;
  next_attempt_at: number | null;
  failing_since: number | null;
  delivered: number;
  failed: number;
}

export interface AttemptRow {
  seq: number;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  position: string;
  attempt: number;
  at: number;
  status: number | null;
  latency_ms: number;
  outcome: 'delivered' | 'failed';
  error: string | null;
  response: string | null;
}

interface StoredSecret {
  secret: string;
  createdAt: number;
  expiresAt: number | null;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());
const date = (n: number | null) => (n === null ? null : new Date(n));

export const endpointRow = (e: WebhookEndpoint): EndpointRow => ({
  endpoint_id: e.endpointId,
  owner_unit_id: e.ownerUnitId,
  url: e.url,
  description: e.description,
  event_types: JSON.stringify(e.eventTypes),
  categories: JSON.stringify(e.categories),
  unit_ids: JSON.stringify(e.unitIds),
  created_by: e.createdBy,
  created_at: e.createdAt.getTime(),
  updated_at: e.updatedAt.getTime(),
  status: e.status,
  status_reason: e.statusReason,
  secrets: JSON.stringify(
    e.secrets.map((s): StoredSecret => ({
      secret: s.secret,
      createdAt: s.createdAt.getTime(),
      expiresAt: ms(s.expiresAt),
    })),
  ),
});

export const decodeEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  endpointId: r.endpoint_id,
  ownerUnitId: r.owner_unit_id,
  url: r.url,
  description: r.description,
  eventTypes: JSON.parse(r.event_types) as string[],
  categories: JSON.parse(r.categories) as string[],
  unitIds: JSON.parse(r.unit_ids) as string[],
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  status: r.status,
  statusReason: r.status_reason,
  secrets: (JSON.parse(r.secrets) as StoredSecret[]).map((s): WebhookSecret => ({
    secret: s.secret,
    createdAt: new Date(s.createdAt),
    expiresAt: date(s.expiresAt),
  })),
});

export const cursorRow = (c: DeliveryCursor): CursorRow => ({
  endpoint_id: c.endpointId,
  position: c.position,
  pending_event_id: c.pendingEventId,
  attempts: c.attempts,
  next_attempt_at: ms(c.nextAttemptAt),
  failing_since: ms(c.failingSince),
  delivered: c.delivered,
  failed: c.failed,
});

export const decodeCursor = (r: CursorRow): DeliveryCursor => ({
  endpointId: r.endpoint_id,
  position: r.position,
  pendingEventId: r.pending_event_id,
  attempts: r.attempts,
  nextAttemptAt: date(r.next_attempt_at),
  failingSince: date(r.failing_since),
  delivered: r.delivered,
  failed: r.failed,
});

export const attemptRow = (a: DeliveryAttempt): Omit<AttemptRow, 'seq'> => ({
  endpoint_id: a.endpointId,
  event_id: a.eventId,
  event_type: a.eventType,
  position: a.position,
  attempt: a.attempt,
  at: a.at.getTime(),
  status: a.status,
  latency_ms: a.latencyMs,
  outcome: a.outcome,
  error: a.error,
  response: a.response,
});

export const decodeAttempt = (r: AttemptRow): DeliveryAttempt => ({
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  position: r.position,
  attempt: r.attempt,
  at: new Date(r.at),
  status: r.status,
  latencyMs: r.latency_ms,
  outcome: r.outcome,
  error: r.error,
  response: r.response,
});
