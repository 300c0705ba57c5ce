import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventSource } from 'eventsource';
import {
  CloudEventJson,
  CloudEventSchema,
  CloudEventsPageSchema,
  EVENT_SCHEMAS,
  EventsPageSchema,
  EventWithSubjects,
  FeedEventSchema,
  StreamHistorySchema,
  validCloudEvent,
} from '@gl/application';
import { RecordedEvent } from '@gl/event-store';
import { SealScheduler, schemaErrors } from '@gl/platform';
import {
  EventTypesAnswer,
  ReadModelAsOfAnswer,
  RecordVerificationAnswer,
  SealKeyAnswer,
} from '../../apps/api/src/audit/audit.responses';
import { Harness, startApi } from './support/api-harness';

interface SseEvent {
  id: string;
  /** The `event:` line: absent unless the stream was asked for named events. */
  event?: string;
  data: RecordedEvent;
}

const BASE = 'https://ledger.example.vn';

interface Received {
  /** `message` for what `onmessage` received, else the name listened to. */
  via: string;
  id: string;
  data: { type: string; position?: string };
}

/**
 * A standard EventSource client (the `eventsource` package, as a Node integrator would use it, its
 * fetch adding the bearer token): the first `count` events that `onmessage` (and, if given, a
 * listener for the event name `listen`) receive; then it closes.
 */
const readWithEventSource = (port: number, token: string, query: string, count: number, listen?: string) =>
  new Promise<Received[]>((resolve, reject) => {
    const es = new EventSource(`http://127.0.0.1:${port}/api/v1/events/stream${query}`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }),
    });
    const got: Received[] = [];
    const take = (via: string) => (m: MessageEvent) => {
      got.push({ via, id: m.lastEventId, data: JSON.parse(m.data) });
      if (got.length < count) return;
      es.close();
      resolve(got);
    };
    es.onmessage = take('message');
    if (listen) es.addEventListener(listen, take(listen));
    es.onerror = (e) => {
      es.close();
      reject(new Error(`EventSource failed: ${e.message ?? e.type}`));
    };
  });

/** A minimal SSE client: takes `count` events (and, if asked, waits for a heartbeat), then disconnects. */
const readSse = (
  port: number,
  token: string,
  count: number,
  lastEventId?: string,
  query = '',
  waitForHeartbeat = false,
) =>
  new Promise<{ events: SseEvent[]; heartbeats: number }>((resolve, reject) => {
    const events: SseEvent[] = [];
    let heartbeats = 0;
    let buffer = '';
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/events/stream${query}`,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'text/event-stream',
          ...(lastEventId && { 'Last-Event-ID': lastEventId }),
        },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.startsWith(': heartbeat')) heartbeats++;
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((l) => /^(id|event|data):/.test(l))
                .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
            );
            if (fields.id && events.length < count)
              events.push({
                id: fields.id,
                ...(fields.event !== undefined && { event: fields.event }),
                data: JSON.parse(fields.data),
              });
            if (events.length >= count && (!waitForHeartbeat || heartbeats >= 1)) {
              req.destroy();
              resolve({ events, heartbeats });
            }
          }
        });
      },
    );
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    req.end();
  });

describe('the audit trail and the event feed over HTTP', () => {
  let h: Harness;
  let port: number;
  const token = (u: string) => h.token(u);
  const as = async (u: string) => ({ Authorization: `Bearer ${await token(u)}` });

  beforeAll(async () => {
    h = await startApi({ SSE_HEARTBEAT_MS: '100', PUBLIC_BASE_URL: `${BASE}/` });
    await h.app.listen(0, '127.0.0.1');
    port = (h.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => h.close());

  it("pages the feed; a commune user sees only its own unit's events", async () => {
    const mine = await h
      .http()
      .get('/api/v1/events?limit=1000&categories=obligation')
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(mine.body.items.length).toBe(8);
    expect(schemaErrors(EventsPageSchema, mine.body)).toEqual([]);
    expect(mine.body.items.every((e: EventWithSubjects) => e.subjectUnitIds.includes('ninh-kieu-tan-an'))).toBe(true);
    const all = await h
      .http()
      .get('/api/v1/events?limit=1000&categories=obligation')
      .set(await as('auditor'))
      .expect(200);
    // 773 + 15 for the seed's 3 public service units and 3 state enterprises (II.1.a, II.3, II.5: +3 each; II.4: +6),
    // + 111 for IV.2.a, the detailed plan each of the 19 departments, 9 districts and 83 communes owes once.
    expect(all.body.items.length).toBe(899);
    expect(schemaErrors(EventsPageSchema, all.body)).toEqual([]);
    const page1 = await h
      .http()
      .get('/api/v1/events?limit=2&types=user.')
      .set(await as('auditor'))
      .expect(200);
    const page2 = await h
      .http()
      .get(`/api/v1/events?limit=2&types=user.&after=${page1.body.next}`)
      .set(await as('auditor'))
      .expect(200);
    expect(
      page2.body.items[0].position > page1.body.items[1].position ||
        BigInt(page2.body.items[0].position) > BigInt(page1.body.items[1].position),
    ).toBe(true);
    const both = await h
      .http()
      .get('/api/v1/events?limit=1000&types=user.registered,%20user.role-granted&types=units.')
      .set(await as('auditor'))
      .expect(200);
    expect(new Set(both.body.items.map((e: RecordedEvent) => e.type.split('.').slice(0, 2).join('.')))).toEqual(
      new Set(['user.registered', 'user.role-granted', 'units.merged', 'units.level-abolished']),
    );
  });

  it.each([
    ['/api/v1/events?limit=0', 'limit must be at least 1'],
    ['/api/v1/events?limit=1001', 'limit must be at most 1000'],
    ['/api/v1/events?types=Obligation.', 'types[0] must be type prefixes separated by commas'],
    ['/api/v1/events?categories=obligation,report-x', 'categories[0] must be stream categories separated by commas'],
    ['/api/v1/events/stream?limit=5', 'property limit should not exist'],
    ['/api/v1/audit/events?recordedFrom=yesterday', 'recordedFrom must be an instant'],
    ['/api/v1/audit/export.csv?limit=5', 'property limit should not exist'],
  ])('refuses %s with 400 saying why', async (path, message) => {
    const res = await h
      .http()
      .get(path)
      .set(await as('auditor'))
      .expect(400);
    expect(res.body).toMatchObject({ type: '/problems/validation-failed' });
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('shows the auditor who recorded each event of a stream, with roles and hashes; others only in scope', async () => {
    const r = await h
      .http()
      .get('/api/v1/audit/streams/obligation-cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an')
      .set(await as('auditor'))
      .expect(200);
    expect(schemaErrors(StreamHistorySchema, r.body)).toEqual([]);
    expect(r.body.events[0]).toMatchObject({
      type: 'obligation.assigned.v1',
      metadata: { actor: { userId: 'system', roles: ['system'] }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    await h
      .http()
      .get('/api/v1/audit/streams/obligation-cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an')
      .set(await as('anhoa-reporter'))
      .expect(404);
    const byActor = await h
      .http()
      .get('/api/v1/audit/events?actorId=system&types=user.role-granted&limit=100')
      .set(await as('auditor'))
      .expect(200);
    expect(byActor.body.items).toHaveLength(10);
    const byBusinessTime = await h
      .http()
      .get(
        '/api/v1/audit/events?types=units.&occurredFrom=2025-06-30T17:00:00Z&occurredTo=2025-07-01T17:00:00Z&limit=100',
      )
      .set(await as('auditor'))
      .expect(200);
    expect(byBusinessTime.body.items.length).toBeGreaterThan(25);
    expect(schemaErrors(EventsPageSchema, byBusinessTime.body)).toEqual([]);
  });

  it('exports NDJSON and CSV with hashes', async () => {
    const text = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: string) => void) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => cb(null, body));
    };
    const nd = await h
      .http()
      .get('/api/v1/audit/export.ndjson?types=user.registered')
      .set(await as('auditor'))
      .buffer(true)
      .parse(text as never)
      .expect(200);
    nd.text = nd.body;
    const lines = nd.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(10);
    expect(lines[0].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const line of lines) expect(schemaErrors(FeedEventSchema, line)).toEqual([]);
    const csv = await h
      .http()
      .get('/api/v1/audit/export.csv?types=user.registered')
      .set(await as('auditor'))
      .expect(200);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows[0]).toBe(
      'position,stream,revision,type,eventId,recordedAt,occurredAt,actor,actorUnit,roles,subjectUnits,reason,prevHash,hash,data',
    );
    expect(rows).toHaveLength(11);
    expect(rows[1]).toContain(lines[0].metadata.hash);
  });

  it('follows the SSE stream across a reconnect, seeing every event once, in order, with heartbeats', async () => {
    const t = await token('integration-portal');
    // 20 user events: 5 on the first connection, which then drops; the rest after resuming.
    const first = await readSse(port, t, 5, undefined, '?types=user.');
    const second = await readSse(port, t, 15, first.events[first.events.length - 1].id, '?types=user.', true);
    expect(second.heartbeats).toBeGreaterThanOrEqual(1);
    const ids = [...first.events, ...second.events].map((e) => BigInt(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    const reference = await h
      .http()
      .get('/api/v1/events?types=user.&limit=100')
      .set(await as('integration-portal'))
      .expect(200);
    expect(reference.body.items).toHaveLength(20);
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(
      reference.body.items.map((e: RecordedEvent) => e.position),
    );
    for (const e of [...first.events, ...second.events]) expect(schemaErrors(FeedEventSchema, e.data)).toEqual([]);
    // Unnamed by default: no `event:` line, the type in the data.
    expect([...first.events, ...second.events].filter((e) => e.event !== undefined)).toEqual([]);
  });

  it('gives the paged feed as CloudEvents with ?format=cloudevents: the same events, the same next and isEnd', async () => {
    const query = '/api/v1/events?limit=50&types=user.,obligation.';
    const ours = await h
      .http()
      .get(query)
      .set(await as('tanan-reporter'))
      .expect(200);
    const ce = await h
      .http()
      .get(`${query}&format=cloudevents`)
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(schemaErrors(CloudEventsPageSchema, ce.body)).toEqual([]);
    expect({ next: ce.body.next, isEnd: ce.body.isEnd }).toEqual({ next: ours.body.next, isEnd: ours.body.isEnd });
    expect(ce.body.items.map((e: CloudEventJson) => [e.id, e.position, e.type])).toEqual(
      ours.body.items.map((e: EventWithSubjects) => [e.eventId, e.position, e.type]),
    );
    const [first] = ce.body.items as CloudEventJson[];
    const [stored] = ours.body.items as EventWithSubjects[];
    expect(first).toMatchObject({
      specversion: '1.0',
      source: `${BASE}/api/v1/events`,
      subject: stored.stream,
      time: stored.metadata.recordedAt,
      dataschema: `${BASE}/api/v1/event-types/${stored.type}`,
      data: stored.data,
      subjectunits: stored.subjectUnitIds.join(','),
      hash: stored.metadata.hash,
    });
    for (const e of ce.body.items) expect(validCloudEvent(e)).toBe(true);
    const explicit = await h
      .http()
      .get(`${query}&format=ledger`)
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(explicit.body).toEqual(ours.body);
    const wrong = await h
      .http()
      .get('/api/v1/events?format=xml')
      .set(await as('tanan-reporter'))
      .expect(400);
    expect(wrong.body.errors).toEqual([expect.stringContaining('format must be one of ledger, cloudevents')]);
  });

  it("reaches a standard EventSource's onmessage with every event, in the ledger's envelope and as CloudEvents", async () => {
    const t = await token('integration-portal');
    const reference = await h
      .http()
      .get('/api/v1/events?types=user.&limit=100')
      .set(await as('integration-portal'))
      .expect(200);
    const positions = reference.body.items.map((e: RecordedEvent) => e.position);
    const ours = await readWithEventSource(port, t, '?types=user.', 20);
    expect(ours.map((m) => m.via)).toEqual(Array(20).fill('message'));
    expect(ours.map((m) => m.id)).toEqual(positions);
    for (const m of ours) expect(schemaErrors(FeedEventSchema, m.data)).toEqual([]);
    const ce = await readWithEventSource(port, t, '?types=user.&format=cloudevents', 20);
    expect(ce.map((m) => m.via)).toEqual(Array(20).fill('message'));
    expect(ce.map((m) => m.id)).toEqual(positions);
    expect(ce.map((m) => m.data.position)).toEqual(positions);
    for (const m of ce) {
      expect(schemaErrors(CloudEventSchema, m.data)).toEqual([]);
      expect(validCloudEvent(m.data as CloudEventJson)).toBe(true);
    }
    // Resuming (Last-Event-ID) works as before: after the 5th, the 6th.
    const after = await readSse(port, t, 1, positions[4], '?types=user.&format=cloudevents');
    expect(after.events[0]).toMatchObject({ id: positions[5], data: { position: positions[5] } });
  });

  it('names each event by its type with ?named=true, for a listener per type; onmessage then receives none', async () => {
    const t = await token('integration-portal');
    const raw = await readSse(port, t, 3, undefined, '?types=user.registered&named=true');
    expect(raw.events.map((e) => e.event)).toEqual(raw.events.map((e) => e.data.type));
    const named = await readWithEventSource(port, t, '?types=user.registered&named=true', 10, 'user.registered.v1');
    expect(named.map((m) => [m.via, m.data.type])).toEqual(
      Array(10).fill(['user.registered.v1', 'user.registered.v1']),
    );
    const bad = await h
      .http()
      .get('/api/v1/events/stream?named=maybe')
      .set(await as('integration-portal'))
      .expect(400);
    expect(bad.body.errors).toEqual([expect.stringContaining('named must be true or false')]);
  });

  it('shows an auditor any read-model document as it was at a past position', async () => {
    const stream = await h
      .http()
      .get('/api/v1/audit/streams/user-tanan-reporter')
      .set(await as('auditor'))
      .expect(200);
    const registered = stream.body.events[0].position;
    const then = await h
      .http()
      .get(`/api/v1/audit/read-models/users/tanan-reporter?asOfPosition=${registered}`)
      .set(await as('auditor'))
      .expect(200);
    expect(then.body.document.grants).toEqual([]);
    expect(schemaErrors(ReadModelAsOfAnswer, then.body)).toEqual([]);
    const later = await h
      .http()
      .get(`/api/v1/audit/read-models/users/tanan-reporter?asOfPosition=${stream.body.events[1].position}`)
      .set(await as('auditor'))
      .expect(200);
    expect(later.body.document.grants).toHaveLength(1);
    await h
      .http()
      .get(`/api/v1/audit/read-models/users/tanan-reporter?asOfPosition=${registered}`)
      .set(await as('city-viewer'))
      .expect(403);
  });

  it('serves a JSON Schema for every event type, and the envelope, to anyone (no token needed)', async () => {
    const res = await h.http().get('/api/v1/event-types').expect(200);
    expect(schemaErrors(EventTypesAnswer, res.body)).toEqual([]);
    expect(res.body.items.length).toBe(Object.keys(EVENT_SCHEMAS).length);
    expect(res.body.items.find((t: { type: string }) => t.type === 'report.submitted.v1')).toMatchObject({
      category: 'report',
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `${BASE}/api/v1/event-types/report.submitted.v1`,
        required: expect.arrayContaining(['submittedAt', 'onTime']),
      },
    });
    expect(res.body.envelope.properties.metadata.required).toEqual(
      expect.arrayContaining(['actor', 'hash', 'prevHash', 'recordedAt']),
    );
    expect(res.body.items.find((t: { type: string }) => t.type === 'audit.sealed.v1')).toMatchObject({
      category: 'audit',
      schema: { required: expect.arrayContaining(['after', 'upTo', 'root', 'signature']) },
    });
    // With a token it is the same.
    const signedIn = await h
      .http()
      .get('/api/v1/event-types')
      .set(await as('integration-portal'))
      .expect(200);
    expect(signedIn.body).toEqual(res.body);
  });

  it("serves one type's data schema at its CloudEvent's dataschema, publicly; an unknown type is a 404 problem", async () => {
    const ce = await h
      .http()
      .get('/api/v1/events?limit=1&types=obligation.assigned&format=cloudevents')
      .set(await as('auditor'))
      .expect(200);
    const { dataschema } = ce.body.items[0] as CloudEventJson;
    expect(dataschema).toBe(`${BASE}/api/v1/event-types/obligation.assigned.v1`);
    const one = await h.http().get(new URL(dataschema).pathname).expect(200).expect('Content-Type', /json/);
    expect(one.body).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: dataschema,
      ...EVENT_SCHEMAS['obligation.assigned.v1'],
    });
    const unknown = await h.http().get('/api/v1/event-types/obligation.vanished.v1').expect(404);
    expect(unknown.body).toMatchObject({ type: '/problems/event-type-not-found', status: 404 });
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const malformed = await h.http().get('/api/v1/event-types/Not-A-Type').expect(400);
    expect(malformed.body).toMatchObject({ type: '/problems/validation-failed' });
  });

  it('verifies the hash chains, and names the event altered directly in SQLite', async () => {
    const sealed = await h.app.get(SealScheduler).sealNow();
    const key = await h
      .http()
      .get('/api/v1/audit/seal-key')
      .set(await as('auditor'))
      .expect(200);
    expect(key.body).toMatchObject({
      algorithm: 'Ed25519',
      keyId: sealed!.keyId,
      publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY'),
    });
    expect(schemaErrors(SealKeyAnswer, key.body)).toEqual([]);
    const ok = await h
      .http()
      .get('/api/v1/audit/verify')
      .set(await as('auditor'))
      .expect(200);
    expect(ok.body).toMatchObject({
      ok: true,
      firstBad: null,
      seals: { seals: 1, sealedUpTo: sealed!.upTo, firstBad: null, keyId: sealed!.keyId },
    });
    expect(schemaErrors(RecordVerificationAnswer, ok.body)).toEqual([]);
    await h
      .http()
      .get('/api/v1/audit/verify')
      .set(await as('tanan-reporter'))
      .expect(403);
    const db = new Database(join(h.dir, 'events.db'));
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.displayName', 'Người khác') WHERE stream = 'user-tanan-head' AND revision = 0",
    ).run();
    const position = String(
      (
        db.prepare("SELECT position FROM events WHERE stream = 'user-tanan-head' AND revision = 0").get() as {
          position: number;
        }
      ).position,
    );
    db.close();
    const bad = await h
      .http()
      .get('/api/v1/audit/verify')
      .set(await as('auditor'))
      .expect(200);
    expect(bad.body).toMatchObject({
      ok: false,
      firstBad: { stream: 'user-tanan-head', revision: 0, position, problem: { kind: 'hash-mismatch' } },
    });
    expect(schemaErrors(RecordVerificationAnswer, bad.body)).toEqual([]);
    // The seal vouches for the stored hashes, which the forger left alone; the chain shows that the content no
    // longer matches its hash. Recomputing the hashes instead breaks the seal (seal.int-spec.ts).
    expect(bad.body.seals).toMatchObject({ seals: 1, firstBad: null });
  });
});
