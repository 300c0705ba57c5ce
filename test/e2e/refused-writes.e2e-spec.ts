import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';
import { Endpoint, WriteRequest } from './support/write-endpoints';
import { activityEndpoints, obligationEndpoints } from './support/write-endpoints-activities';
import { planEndpoints, reportingEndpoints, unitEndpoints, userEndpoints } from './support/write-endpoints-others';
import { arrange, DAY, DEMO_USERS } from './support/write-fixtures';
import { arrangeInspections, inspectionEndpoints } from './support/write-endpoints-inspections';

/** Tree changes last: a generated change that is valid may end one of the test's units. */
const ENDPOINTS: Endpoint[] = [
  ...activityEndpoints,
  ...obligationEndpoints,
  ...planEndpoints,
  ...reportingEndpoints,
  ...inspectionEndpoints,
  ...userEndpoints,
  ...unitEndpoints,
];
const RUNS = Number(process.env.REFUSED_WRITES_RUNS ?? 40);

/**
 * Writes that append nothing to the log, whatever they are sent: a demo sign-in issues a token, and
 * webhook endpoints are operational settings beside the read store (ADR 0011). Their refusals are
 * tested in sign-in.browser-spec.ts and webhooks-registry.e2e-spec.ts.
 */
const OUTSIDE_THE_LOG = /^POST \/(sign-in\/|webhooks(\/|$))/;

/** Every `@Post` the api's controllers declare, as `POST /<controller path>/<route>`, that may append to the log. */
const declaredWrites = (): string[] => {
  const root = join(__dirname, '../../apps/api/src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.controller.ts'));
  return files
    .flatMap((f) => {
      const source = readFileSync(join(root, f), 'utf8');
      const prefix = /@Controller\((?:'([^']*)')?\)/.exec(source)?.[1] ?? '';
      return [...source.matchAll(/@Post\((?:'([^']*)')?\)/g)].map(
        (m) => `POST /${[prefix, m[1] ?? ''].filter(Boolean).join('/')}`,
      );
    })
    .filter((route) => !OUTSIDE_THE_LOG.test(route))
    .sort();
};

/**
 * Issue 12, "a refused command writes nothing", as a property: every write endpoint, driven with
 * generated invalid input (unknown or ended references, steps the state cannot take, fields of
 * the wrong type, out of range, badly dated, unknown fields) by every demo user, never answers 5xx,
 * and after every 4xx — a problem+json — the log's head is where it was.
 */
describe('a refused write never moves the head (property, every write endpoint)', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const send = (r: WriteRequest) => {
    const req = h
      .http()
      .post(`/api/v1/${r.path}`)
      .set('Authorization', `Bearer ${tokens[r.who]}`)
      .set('Content-Type', 'application/json');
    return (r.key ? req.set('Idempotency-Key', r.key) : req).send(JSON.stringify(r.body));
  };
  const statuses: Record<string, Record<number, number>> = {};

  beforeAll(async () => {
    // No sealer and no scheduler: nothing but the requests themselves appends to the log. No rate
    // limits: the property sends thousands of requests from one address in a few minutes.
    h = await startApi({ SEAL_INTERVAL_MS: '0', RATE_LIMIT_ENABLED: 'false' }, new FixedClock(DAY));
    for (const u of DEMO_USERS) tokens[u] = await h.token(u);
    await arrange(async (who, path, body) => (await send({ who, path, body: body ?? {}, key: null }).expect(201)).body);
    await arrangeInspections(
      async (who, path, body) => (await send({ who, path, body: body ?? {}, key: null }).expect(201)).body,
    );
  });
  afterAll(async () => {
    if (process.env.REFUSED_WRITES_REPORT) console.log(JSON.stringify(statuses, null, 1));
    await h.close();
  });

  it('drives every write the controllers declare', () => {
    expect(ENDPOINTS.map((e) => e.route).sort()).toEqual(declaredWrites());
  });

  it.each(ENDPOINTS.map((e) => [e.route, e] as const))('%s', async (route, e) => {
    const seen = (statuses[route] = {} as Record<number, number>);
    await fc.assert(
      fc.asyncProperty(e.request, async (r) => {
        const before = await head();
        const res = await send(r);
        seen[res.status] = (seen[res.status] ?? 0) + 1;
        const what = `${r.who} POST ${r.path} ${JSON.stringify(r.body)?.slice(0, 400)} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
        if (res.status >= 500) throw new Error(`a server error: ${what}`);
        if (res.status < 400) return;
        if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
          throw new Error(`not a problem+json: ${what}`);
        const after = await head();
        if (after !== before) throw new Error(`the head moved from ${before} to ${after} on a refusal: ${what}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(Object.keys(seen).some((s) => Number(s) >= 400)).toBe(true);
  });

  it('recorded only well-formed events from what it accepted: the generated inputs that passed match their JSON Schemas', async () => {
    await expectEventsMatchTheirSchemas(h);
  });
});
