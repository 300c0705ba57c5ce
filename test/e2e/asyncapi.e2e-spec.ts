import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import { CloudEventJson, EVENT_SCHEMAS } from '@gl/application';
import { Harness, startApi } from './support/api-harness';

const BASE = 'https://ledger.example.vn';

/** The AsyncAPI document over HTTP (issue 16, item 7): public, valid, and true of the events the feed gives. */
describe('the AsyncAPI document over HTTP', () => {
  let h: Harness;
  let doc: Record<string, unknown>;

  beforeAll(async () => {
    h = await startApi({ PUBLIC_BASE_URL: BASE });
    doc = (
      await h
        .http()
        .get('/api/v1/asyncapi.json')
        .expect(200)
        .expect('Content-Type', /application\/json/)
    ).body;
  });
  afterAll(() => h.close());

  it('is served without a token, and @asyncapi/parser finds no error in it', async () => {
    expect(doc).toMatchObject({
      asyncapi: '3.0.0',
      servers: { ledger: { host: 'ledger.example.vn', protocol: 'https' } },
      channels: { eventStream: { address: '/api/v1/events/stream' } },
    });
    const diagnostics = await new Parser().validate(doc as never);
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  }, 60_000);

  it('has a message for every type of the catalogue GET /api/v1/event-types serves', async () => {
    const catalogue = await h.http().get('/api/v1/event-types').expect(200);
    const types = catalogue.body.items.map((i: { type: string }) => i.type);
    expect(types.sort()).toEqual(Object.keys(EVENT_SCHEMAS).sort());
    const messages = (doc.components as { messages: Record<string, unknown> }).messages;
    expect(types.filter((t: string) => !(t in messages))).toEqual([]);
  });

  it("describes the CloudEvents the feed gives: each one matches its type's message payload", async () => {
    const token = await h.token('auditor');
    const page = await h
      .http()
      .get('/api/v1/events?limit=1000&format=cloudevents')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    const events = page.body.items as CloudEventJson[];
    expect(events.length).toBeGreaterThan(500);
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema(doc, 'asyncapi');
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const e of events) {
      seen.add(e.type);
      const validate = ajv.getSchema(`asyncapi#/components/messages/${e.type}/payload`)!;
      if (!validate(e)) wrong.push(`${e.type} ${e.position}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });
});
