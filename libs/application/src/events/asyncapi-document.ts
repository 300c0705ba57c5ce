import { publishedSchema } from '@gl/domain';
import { CloudEventSchema } from './cloud-event.schema';
import { EVENT_SCHEMAS, eventTypeSchemaUrl } from './event-catalogue';
import { FeedEventSchema } from './event-envelope';

/*
 * The AsyncAPI 3.0 document served at /api/v1/asyncapi.json (issue 16, item 7): what the ledger
 * pushes to an integrator's webhook and what a client reads from the SSE stream, generated from the
 * schemas the feed, the catalogue and the webhooks use, so it cannot drift from them. Every event
 * type of the catalogue is a message: its CloudEvent with `type` fixed and `data` that type's schema.
 */

type Schema = Record<string, unknown>;

/**
 * A schema as AsyncAPI's own Schema Object (a superset of JSON Schema draft 07) takes it: TypeBox's
 * symbols and our `errorMessage` are gone already (publishedSchema); `$id` and `$schema`, which name
 * a document of their own, are dropped, so every `$ref` resolves inside this one.
 */
const plain = (s: Schema): Schema =>
  JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === '$id' || k === '$schema' ? undefined : v))) as Schema;

const ref = (pointer: string) => ({ $ref: pointer });

const STANDARD_WEBHOOKS = 'https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md';

/** The headers every webhook request carries (Standard Webhooks). */
const WEBHOOK_HEADERS: Schema = {
  type: 'object',
  description:
    'HTTP request headers of every webhook delivery (Standard Webhooks). Not sent on the SSE stream, where the event ' +
    "is an SSE event's `data` and its `id` the global position.",
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  properties: {
    'webhook-id': {
      type: 'string',
      format: 'uuid',
      description: 'The event id (the CloudEvent `id`): the same on every retry, so a receiver drops duplicates by it',
    },
    'webhook-timestamp': {
      type: 'string',
      pattern: '^[0-9]{1,12}$',
      description: 'When this attempt was signed, in whole seconds since 1970 (refuse one too far from now)',
    },
    'webhook-signature': {
      type: 'string',
      pattern: '^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$',
      description:
        '`v1,` and the base64 HMAC-SHA256, with the endpoint secret, of `<webhook-id>.<webhook-timestamp>.<body>`; ' +
        'during a secret rotation two, separated by a space (either one verifies)',
    },
    'content-type': { type: 'string', const: 'application/cloudevents+json' },
  },
};

const SSE_QUERY: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: {
      type: 'string',
      enum: ['ledger', 'cloudevents'],
      default: 'ledger',
      description: "Each event's `data`: the ledger's envelope (`ledger`) or a CloudEvent (`cloudevents`)",
    },
    named: {
      type: 'boolean',
      default: false,
      description:
        'false: events are unnamed (no `event:` line), so `EventSource.onmessage` receives every one; true: ' +
        '`event: <type>`, for a listener per type',
    },
    types: {
      type: 'string',
      description: 'Type prefixes, comma-separated (or repeated), e.g. `obligation.,report.submitted`',
    },
    categories: {
      type: 'string',
      description: 'Stream categories, comma-separated (or repeated), e.g. `obligation,report`',
    },
    after: {
      type: 'string',
      pattern: '^[0-9]{1,20}$',
      description: 'Start strictly after this global position (default the start); the `Last-Event-ID` header wins',
    },
  },
};

/** `obligation.completed.v1` → `obligation completed (v1)`. */
const titleOf = (type: string) => {
  const parts = type.split('.');
  const version = parts.pop()!;
  return `${parts.join(' ').replace(/-/g, ' ')} (${version})`;
};

/** Where a message's data schema lives in the document. */
const dataKey = (type: string) => `${type}.data`;

/**
 * The document; `baseUrl` is PUBLIC_BASE_URL (`https://ledger.example.vn`), whose host and scheme
 * are the ledger's server and the base of every `dataschema`.
 */
export const asyncApiDocument = (baseUrl: string): Schema => {
  const base = baseUrl.replace(/\/+$/, '');
  const url = new URL(base);
  const secure = url.protocol === 'https:';
  const types = Object.keys(EVENT_SCHEMAS);
  const cloudEvent = plain(publishedSchema(CloudEventSchema));
  const ceProps = cloudEvent.properties as Record<string, Schema>;

  const messages: Record<string, Schema> = {};
  const schemas: Record<string, Schema> = {
    CloudEvent: cloudEvent,
    LedgerEvent: plain(publishedSchema(FeedEventSchema)),
    WebhookHeaders: WEBHOOK_HEADERS,
    StreamEnd: {
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      properties: {
        reason: {
          type: 'string',
          enum: ['grant-revoked', 'token-expired'],
          description:
            'Why the stream ends: a role of the reader was revoked, or the token expired (do not resume with it)',
        },
      },
    },
  };
  for (const type of types) {
    const data = plain(EVENT_SCHEMAS[type]);
    schemas[dataKey(type)] = data;
    const summary = typeof data.description === 'string' ? data.description : `The ${titleOf(type)} event`;
    messages[type] = {
      name: type,
      title: titleOf(type),
      summary,
      contentType: 'application/cloudevents+json',
      headers: ref('#/components/schemas/WebhookHeaders'),
      payload: {
        ...cloudEvent,
        description: `A CloudEvent of type ${type}`,
        properties: {
          ...ceProps,
          type: { type: 'string', const: type },
          dataschema: { type: 'string', const: eventTypeSchemaUrl(type, base) },
          data: ref(`#/components/schemas/${dataKey(type)}`),
        },
      },
    };
  }
  messages.ledgerEvent = {
    name: 'ledgerEvent',
    title: 'An event in the ledger envelope',
    summary:
      "Any event on the SSE stream without `format=cloudevents`: the envelope of GET /api/v1/events (its data as the type's schema in GET /api/v1/event-types/{type})",
    contentType: 'application/json',
    payload: ref('#/components/schemas/LedgerEvent'),
  };
  messages.streamEnd = {
    name: 'end',
    title: 'The end of a stream',
    summary:
      'Named `event: end` (always, whatever `named` says): the last word before the server closes a stream for a reason ' +
      'that resuming with the same token would not cure. At shutdown there is instead a comment and a `retry:` hint: reconnect.',
    contentType: 'application/json',
    payload: ref('#/components/schemas/StreamEnd'),
  };

  const channelMessages = (names: string[]) =>
    Object.fromEntries(names.map((n) => [n, ref(`#/components/messages/${n}`)]));
  const operationMessages = (channel: string, names: string[]) =>
    names.map((n) => ref(`#/channels/${channel}/messages/${n}`));
  const streamMessages = [...types, 'ledgerEvent', 'streamEnd'];

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Grassroots Ledger events',
      version: '1',
      description:
        'The events of the immutable record of how a city carries out its plan for the Law on Implementing ' +
        'Grassroots Democracy (10/2022/QH15), as an integrating system receives them: pushed to its webhook, signed ' +
        '(Standard Webhooks), or read from the Server-Sent Events stream. Each event is a CloudEvents 1.0 JSON event ' +
        '(on the stream with `format=cloudevents`); its `data` is described per type, and served at its `dataschema`. ' +
        'The paged feed (GET /api/v1/events) and the rest of the API are in the OpenAPI document at /docs-json.',
      externalDocs: { description: 'OpenAPI document of the API', url: `${base}/docs-json` },
    },
    defaultContentType: 'application/json',
    servers: {
      ledger: {
        host: url.host,
        protocol: secure ? 'https' : 'http',
        ...(url.pathname !== '/' ? { pathname: url.pathname } : {}),
        title: 'The ledger',
        description: 'The ledger’s API (PUBLIC_BASE_URL): the Server-Sent Events stream, over HTTP',
        security: [ref('#/components/securitySchemes/bearer')],
      },
      integrator: {
        host: '{host}',
        protocol: 'https',
        title: "The integrator's receiver",
        description:
          'Your server: the ledger POSTs each event to the URL registered for your webhook endpoint (https only in ' +
          'production; addresses in private, loopback, link-local and metadata ranges are refused).',
        variables: { host: { description: 'The host (and port) of the URL you registered' } },
        security: [ref('#/components/securitySchemes/webhookSignature')],
      },
    },
    channels: {
      webhooks: {
        address: null,
        title: 'Webhook deliveries',
        description:
          'One POST per event to the registered URL, in order of the log per endpoint, the body the CloudEvent ' +
          '(`application/cloudevents+json`), signed (Standard Webhooks). Answer 2xx to acknowledge it; anything else or ' +
          'no answer in time is retried with backoff and the same `webhook-id` (at least once: drop duplicates by it); ' +
          '410 Gone disables the endpoint at once. Seals (`audit.sealed.v1`) go to endpoints that ask for `audit`.',
        servers: [ref('#/servers/integrator')],
        messages: channelMessages(types),
      },
      eventStream: {
        address: '/api/v1/events/stream',
        title: 'Server-Sent Events',
        description:
          'GET with `Accept: text/event-stream` and a bearer token: every event the token may see, catching up from ' +
          '`Last-Event-ID` (or `after`), then live, with `: heartbeat` comments. Each SSE event has `id:` the global ' +
          'position (resume with Last-Event-ID) and `data:` one JSON event, the ledger envelope or, with ' +
          '`format=cloudevents`, a CloudEvent; the type is in the data (`type`). Events are unnamed unless `named=true` ' +
          '(then `event: <type>`). `event: end` is always named. Query: `format`, `named`, `types`, `categories`, `after`.',
        servers: [ref('#/servers/ledger')],
        messages: channelMessages(streamMessages),
      },
    },
    operations: {
      deliverWebhook: {
        action: 'send',
        channel: ref('#/channels/webhooks'),
        title: 'The ledger delivers an event',
        summary: 'POSTs one signed CloudEvent to the endpoint, and retries until a 2xx',
        security: [ref('#/components/securitySchemes/webhookSignature')],
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: operationMessages('webhooks', types),
      },
      readEventStream: {
        action: 'receive',
        channel: ref('#/channels/eventStream'),
        title: 'A client reads the event stream',
        summary: 'Holds GET /api/v1/events/stream open and receives every event it may see',
        security: [ref('#/components/securitySchemes/bearer')],
        bindings: { http: { method: 'GET', query: SSE_QUERY, bindingVersion: '0.3.0' } },
        messages: operationMessages('eventStream', streamMessages),
      },
    },
    components: {
      schemas,
      messages,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The token of a registered user (Authorization: Bearer); the stream shows what its roles and units may see',
        },
        webhookSignature: {
          type: 'httpApiKey',
          name: 'webhook-signature',
          in: 'header',
          description:
            `Standard Webhooks signing (${STANDARD_WEBHOOKS}): HMAC-SHA256 with the endpoint's secret (\`whsec_\` and ` +
            'base64, given once at registration) over `<webhook-id>.<webhook-timestamp>.<body>`, sent as `v1,<base64>`; ' +
            'verify it (e.g. with the `standardwebhooks` package) before trusting the body',
        },
      },
    },
  };
};
