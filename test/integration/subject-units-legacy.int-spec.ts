import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SubjectResolver, SubjectStampingEventStore } from '@gl/application';
import {
  EventStore,
  NO_STREAM,
  RecordedEvent,
  START,
  UpcasterRegistry,
  UpcastingEventStore,
  verifyLog,
} from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { FixedClock } from '@gl/testing';

/**
 * A log written by the code of 2026-12-01 (before events named their subject units): the seed, and a
 * commune's year of steps, activities, reports and a revoked grant (how it was made:
 * test/fixtures/legacy-log-2026-12-01/make-legacy-log.ts.txt). Its bytes and hashes stay; its
 * subjects are derived on read, and must be the ones new code stamps on the same events.
 */
const FIXTURE = join(__dirname, '..', 'fixtures', 'legacy-log-2026-12-01', 'events.db.gz');

const everything = async (store: EventStore): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  for (let after = START; ;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    out.push(...batch.events);
    if (batch.isEnd) return out;
    after = batch.position;
  }
};

describe('subject units of a log written before they were stamped', () => {
  const clock = new FixedClock('2026-12-01T03:00:00.000Z');
  let dir: string;
  let legacy: SqliteEventStore;
  let legacyEvents: RecordedEvent[];
  let derived: string[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-legacy-'));
    writeFileSync(join(dir, 'events.db'), gunzipSync(readFileSync(FIXTURE)));
    legacy = new SqliteEventStore({ filename: join(dir, 'events.db'), clock, synchronous: 'NORMAL' });
    const reader = new UpcastingEventStore(legacy, new UpcasterRegistry());
    legacyEvents = await everything(reader);
    derived = await new SubjectResolver(reader).ofAll(legacyEvents);
  });
  afterAll(async () => {
    await legacy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the stored bytes: no event carries subjects, and every chain still verifies', async () => {
    expect(legacyEvents).toHaveLength(1003);
    expect(legacyEvents.some((e) => e.metadata.subjectUnitIds !== undefined)).toBe(false);
    expect((await verifyLog(legacy)).firstBad).toBeNull();
  });

  it('derives the same subjects that new code stamps when the same events are appended again', async () => {
    const fresh = new SqliteEventStore({ filename: ':memory:', clock });
    const upcasting = new UpcastingEventStore(fresh, new UpcasterRegistry());
    const writer = new SubjectStampingEventStore(upcasting, new SubjectResolver(upcasting));
    for (const e of legacyEvents) {
      const { actor, correlationId, causationId, occurredAt, reason } = e.metadata;
      await writer.appendToStream(
        e.stream,
        [
          {
            eventId: e.eventId,
            type: e.type,
            data: e.data,
            metadata: { actor, correlationId, causationId, occurredAt, reason },
          },
        ],
        e.revision === 0 ? NO_STREAM : e.revision - 1,
      );
    }
    const stamped = (await everything(fresh)).map((e) => e.metadata.subjectUnitIds);
    expect(stamped).toEqual(derived);
    await fresh.close();
  });

  it("files Sở Nội vụ's answers and reminders under the ward, and the tree and plan under the units they touch", () => {
    const of = (type: string, stream?: string) =>
      derived[legacyEvents.findIndex((e) => e.type === type && (!stream || e.stream === stream))];
    expect(of('difficulty.guidance-given.v1')).toEqual(['ninh-kieu-an-hoa']);
    expect(of('obligation.reminded.v1')).toEqual(['ninh-kieu-tan-an']);
    expect(of('obligation.progress-updated.v1')).toEqual(['ninh-kieu-tan-an']);
    expect(of('budget.approved.v1')).toEqual(['ninh-kieu-tan-an']);
    expect(of('report.returned.v1')).toEqual(['ninh-kieu-tan-an']);
    expect(of('user.role-revoked.v1')).toEqual(['ninh-kieu-xuan-khanh']);
    expect(of('plan.task-added.v1')).toContain('ubnd-can-tho');
    expect(of('reporting.period-opened.v1')).toEqual(
      expect.arrayContaining(['ubnd-can-tho', 'so-noi-vu', 'ninh-kieu-tan-an']),
    );
    expect(of('units.level-abolished.v1')).toEqual(expect.arrayContaining(['ninh-kieu', 'binh-thuy']));
    expect(of('units.merged.v1').length).toBeGreaterThan(1);
    // Nothing the domain records is about no unit, but the seal.
    legacyEvents.forEach((e, i) => expect([e.type, derived[i].length > 0]).toEqual([e.type, true]));
  });
});
