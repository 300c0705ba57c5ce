import { Id, Line, Obj, Position, Static, Type } from '@gl/domain';

/* What the integration admin sends to register, change and replay a webhook endpoint (issue 16). */

const Url = Line(2000, {
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\u0000-\\u0020\\u007f]+$',
  errorMessage: 'must be an absolute http or https URL',
  description:
    'Where each event is POSTed (https only in production; checked against private, loopback and metadata addresses)',
  examples: ['https://cong-thong-tin.cantho.gov.vn/hooks/ghi-nhan'],
});
const Description = Line(500, {
  description: 'What the endpoint is for',
  examples: ['Cổng thông tin điện tử thành phố'],
});
const EventTypes = (description?: string) =>
  Type.Array(
    Line(200, {
      pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9-]*)*$',
      errorMessage: 'must be the start of an event type, e.g. obligation.completed. or report.',
    }),
    { maxItems: 64, description },
  );
const Categories = (description?: string) =>
  Type.Array(
    Line(50, {
      pattern: '^[a-z][a-z0-9-]*$',
      errorMessage: 'must be a category: the first segment of event types (obligation, audit)',
    }),
    { maxItems: 20, description },
  );
const UnitIds = Type.Array(Id(), {
  minItems: 1,
  maxItems: 200,
  description: 'The units whose events it receives, each with its subtree; within your integration-admin grants',
});

export const RegisterWebhookBody = Obj({
  url: Url,
  description: Description,
  eventTypes: Type.Optional(
    EventTypes('Event type prefixes (`obligation.completed.`, `report.`); with no categories either: every type'),
  ),
  categories: Type.Optional(
    Categories(
      'First segments of event types (`obligation`, `activity`, `audit` for the seals), OR-ed with eventTypes',
    ),
  ),
  unitIds: UnitIds,
  startFrom: Type.Optional(
    Type.Union([Type.Literal('now'), Position()], {
      description:
        '`now` (default: events recorded after registration), or the first log position to deliver (`1`: the whole log)',
    }),
  ),
});

export const UpdateWebhookBody = Obj(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Description),
    eventTypes: Type.Optional(EventTypes()),
    categories: Type.Optional(Categories()),
    unitIds: Type.Optional(UnitIds),
  },
  { minProperties: 1 },
);

export const ReplayWebhookBody = Type.Union(
  [
    Obj({ fromPosition: Position({ description: 'Deliver again from this log position on' }) }),
    Obj({
      fromEventId: Line(100, {
        description: 'Deliver again from this event on (its id: the webhook-id it was sent with)',
      }),
    }),
  ],
  { description: 'Where delivery starts again: a position or an event' },
);

export const DeliveriesQuery = Obj({
  before: Type.Optional(
    Line(100, {
      pattern: '^[0-9a-z_]+$',
      errorMessage: 'must be the `next` of a previous page',
      description: 'The `next` of the previous page',
    }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Attempts a page (default 50)' }),
  ),
});

export const WebhookId = Id({ description: 'The endpoint id' });

export type RegisterWebhookBody = Static<typeof RegisterWebhookBody>;
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;
export type ReplayWebhookBody = Static<typeof ReplayWebhookBody>;
export type DeliveriesQuery = Static<typeof DeliveriesQuery>;
