import { Id, Instant, Line, List, Nullable, Obj, OneOf, Position, Type } from '@gl/domain';

/* What the webhook registry answers: endpoints without their secrets, the secret once, the delivery log. */

const When = Instant();
const SecretInfo = Obj({
  createdAt: When,
  expiresAt: Nullable(
    Instant({ description: 'When this secret stops signing (the old one of a rotation); null: no end' }),
  ),
});

export const WebhookAnswer = Obj({
  endpointId: Id(),
  url: Line(2000),
  description: Line(500),
  eventTypes: List(Line(200), 64),
  categories: List(Line(50), 20),
  unitIds: List(Id(), 200),
  ownerUnitId: Id({ description: 'The unit of the grant it belongs to: whose integration admins manage it' }),
  createdBy: Id(),
  createdAt: When,
  updatedAt: When,
  status: OneOf(['active', 'paused', 'disabled'] as const),
  statusReason: Nullable(
    Type.String({
      maxLength: 5000,
      description: 'Why it is paused (X-Reason) or disabled (`gone`: the receiver answered 410; `failing`)',
    }),
  ),
  secrets: List(SecretInfo, 10),
  delivery: Obj({
    position: Position({ description: 'Every event up to here was delivered or did not match' }),
    pendingEventId: Nullable(Line(100, { description: 'The event being delivered (its webhook-id)' })),
    attempts: Type.Integer({ minimum: 0 }),
    nextAttemptAt: Nullable(When),
    failingSince: Nullable(When),
    delivered: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    lag: Type.Integer({
      minimum: 0,
      description: 'Events of the log after the cursor (not all match), counted up to 100000',
    }),
  }),
});

const Secret = Line(200, {
  pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
  description: 'The signing secret (Standard Webhooks): shown in this answer only, keep it now',
});

export const RegisteredWebhookAnswer = Obj({ ...WebhookAnswer.properties, secret: Secret });

export const WebhooksList = Obj({ items: List(WebhookAnswer, 10_000) });

export const RotatedSecretAnswer = Obj({ endpointId: Id(), secret: Secret, secrets: List(SecretInfo, 10) });

export const DeliveryAttemptAnswer = Obj({
  eventId: Line(100),
  eventType: Line(200),
  position: Position(),
  attempt: Type.Integer({ minimum: 1 }),
  at: When,
  status: Nullable(Type.Integer({ minimum: 100, maximum: 599, description: "The receiver's status; null: no answer" })),
  latencyMs: Type.Integer({ minimum: 0 }),
  outcome: OneOf(['delivered', 'failed'] as const),
  error: Nullable(Line(1000)),
  response: Nullable(
    Type.String({ maxLength: 4096, description: "The start of the receiver's answer (at most 1 KiB)" }),
  ),
});

export const DeliveriesPage = Obj({
  items: List(DeliveryAttemptAnswer, 500),
  next: Nullable(Line(100, { description: 'Send as `before` for older attempts; null at the oldest' })),
});
