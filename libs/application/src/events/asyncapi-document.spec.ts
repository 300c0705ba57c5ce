import { Parser } from '@asyncapi/parser';
import { asyncApiDocument } from './asyncapi-document';
import { EVENT_SCHEMAS } from './event-catalogue';

type Node = Record<string, Record<string, unknown>>;
const ERROR = 0;

describe('the AsyncAPI document (issue 16, item 7)', () => {
  const doc = asyncApiDocument('https://ledger.example.vn/');
  const components = doc.components as Record<string, Node>;
  const channels = doc.channels as Node;

  it('is valid AsyncAPI 3.0 by @asyncapi/parser: no diagnostic of severity error', async () => {
    const diagnostics = await new Parser().validate(doc as never);
    expect(diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(doc.asyncapi).toBe('3.0.0');
  }, 60_000);

  it('has a message for every event type of the catalogue: the CloudEvent with its type fixed and its data schema', () => {
    const types = Object.keys(EVENT_SCHEMAS);
    expect(types.length).toBeGreaterThan(60);
    for (const type of types) {
      const message = components.messages[type] as {
        name: string;
        title: string;
        summary: string;
        payload: { properties: Record<string, unknown>; required: string[] };
      };
      expect([type, message.name, typeof message.title, typeof message.summary]).toEqual([
        type,
        type,
        'string',
        'string',
      ]);
      expect(message.payload.properties.type).toEqual({ type: 'string', const: type });
      expect(message.payload.properties.dataschema).toEqual({
        type: 'string',
        const: `https://ledger.example.vn/api/v1/event-types/${type}`,
      });
      expect(message.payload.properties.data).toEqual({ $ref: `#/components/schemas/${type}.data` });
      expect(message.payload.required).toEqual(expect.arrayContaining(['specversion', 'id', 'type', 'data']));
      expect(components.schemas[`${type}.data`]).toEqual(EVENT_SCHEMAS[type]);
      expect(channels.webhooks.messages).toHaveProperty([type], { $ref: `#/components/messages/${type}` });
      expect(channels.eventStream.messages).toHaveProperty([type], { $ref: `#/components/messages/${type}` });
    }
    // Nothing in it names a document of its own: every reference resolves inside this one.
    expect(JSON.stringify(doc)).not.toMatch(/"\$(id|schema)"|errorMessage/);
  });

  it('describes both channels, their servers, the webhook headers and both security schemes', async () => {
    expect(doc.servers).toMatchObject({
      ledger: { host: 'ledger.example.vn', protocol: 'https' },
      integrator: { host: '{host}', protocol: 'https' },
    });
    expect(channels.eventStream.address).toBe('/api/v1/events/stream');
    expect(channels.webhooks.address).toBeNull();
    expect(components.schemas.WebhookHeaders.required).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    expect(components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      webhookSignature: { type: 'httpApiKey', in: 'header', name: 'webhook-signature' },
    });
    expect(doc.operations).toMatchObject({
      deliverWebhook: { action: 'send', channel: { $ref: '#/channels/webhooks' } },
      readEventStream: { action: 'receive', channel: { $ref: '#/channels/eventStream' } },
    });
    const { document } = await new Parser().parse(doc as never);
    expect(document!.channels().get('webhooks')!.messages().length).toBe(Object.keys(EVENT_SCHEMAS).length);
    expect(document!.operations().get('readEventStream')!.messages().length).toBe(
      Object.keys(EVENT_SCHEMAS).length + 2,
    );
    const query = (
      doc.operations as Record<string, { bindings: { http: { query: { properties: Record<string, unknown> } } } }>
    ).readEventStream.bindings.http.query;
    expect(Object.keys(query.properties).sort()).toEqual(['after', 'categories', 'format', 'named', 'types']);
  }, 60_000);

  it('serves an http server for an http base URL, keeping its path', () => {
    expect(asyncApiDocument('http://localhost:3000/ledger').servers).toMatchObject({
      ledger: { host: 'localhost:3000', protocol: 'http', pathname: '/ledger' },
    });
  });
});
