import { generateKeyPairSync } from 'node:crypto';
import { FixedClock, newEvent } from '@gl/testing';
import { NO_STREAM } from '../port/event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { chainEvents } from './chain-builder';
import { latestSeal, logHeadSignatureHolds } from './log-head';
import { sealLog } from './seal';
import { InvalidPinError, parsePin, PinnedSeal, verifyAgainstPin } from './seal-pin';
import { verifyRecord } from './verify-record';

const SEALER = { userId: 'sealer', unitId: null, roles: ['system'] };
const NOW = new Date('2023-11-14T02:00:00.000Z');

describe('a pinned seal: the log checked against a seal kept outside it', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let store: SqliteEventStore;
  /** What an auditor kept: the `seals/latest` answer, as a file would hold it. */
  let pin: PinnedSeal;

  const forge = (sql: string) => store.db.prepare(sql).run();
  /** A careful forger also lowers the sequence, so that no gap is left at the end of the log. */
  const coverTail = () =>
    forge("UPDATE sqlite_sequence SET seq = (SELECT MAX(position) FROM events) WHERE name = 'events'");
  /** Rewrites the budget's amount and recomputes its whole chain, as anyone with the file could. */
  const rewriteBudget = (amount: number) => {
    const events = chainEvents(
      'budget-b1',
      [newEvent('budget.estimated.v1', { amount }), newEvent('budget.approved.v1', {})],
      undefined,
      NOW.toISOString(),
    );
    for (const e of events) {
      store.db
        .prepare(
          'UPDATE events SET event_id = ?, data = ?, actor = ?, correlation_id = ?, causation_id = ?, recorded_at = ?, prev_hash = ?, hash = ? WHERE stream = ? AND revision = ?',
        )
        .run(
          e.eventId,
          e.dataJson,
          e.actorJson,
          e.metadata.correlationId,
          e.metadata.causationId,
          e.metadata.recordedAt,
          e.metadata.prevHash,
          e.metadata.hash,
          'budget-b1',
          e.revision,
        );
    }
  };

  const pinLatest = async () => parsePin(JSON.parse(JSON.stringify(await latestSeal(store, privateKey, NOW))));

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock(NOW.toISOString()) });
    await store.appendToStream(
      'plan-1',
      [newEvent('plan.issued.v1', { n: 1 }), newEvent('plan.amended.v1', { n: 2 })],
      NO_STREAM,
    );
    await sealLog(store, privateKey, SEALER); // positions 1–2, the seal at 3
    await store.appendToStream(
      'budget-b1',
      [newEvent('budget.estimated.v1', { amount: 150_000_000 }), newEvent('budget.approved.v1', {})],
      NO_STREAM,
    );
    await sealLog(store, privateKey, SEALER); // positions 3 (the first seal) to 5, the seal at 6: the newest row
    pin = await pinLatest();
  });
  afterEach(() => store.close());

  it('holds while the log is as the pin saw it, and says where the seal stands', async () => {
    expect(pin.seal).toMatchObject({ after: '2', upTo: '5', count: 3 });
    expect(pin.head).toMatchObject({ position: '6', sealedUpTo: '5', signedAt: NOW.toISOString() });
    expect(logHeadSignatureHolds(pin.head!, publicKey)).toBe(true);
    expect(await verifyAgainstPin(store, publicKey, pin.seal, pin.head)).toMatchObject({
      ok: true,
      problem: null,
      sealRevision: 1,
      headPosition: '6',
    });
  });

  it('fails when the newest seal is deleted and a budget it covered rewritten with a recomputed chain, which plain verify passes', async () => {
    forge("DELETE FROM events WHERE stream = 'seal-log' AND revision = 1");
    // Left there, the sequence shows that a row went from the end: even unpinned, SQLite names the gap.
    expect(await verifyRecord(store, publicKey)).toMatchObject({
      ok: false,
      gaps: { applies: true, firstGap: { from: '6', to: '6', atTail: true } },
    });
    coverTail();
    rewriteBudget(900_000_000);
    // Now every chain holds, the one seal left holds, and no position is missing: "OK … 1 seals".
    expect(await verifyRecord(store, publicKey)).toMatchObject({
      ok: true,
      firstBad: null,
      gaps: { firstGap: null },
      seals: { seals: 1, sealedUpTo: '2', firstBad: null },
    });
    // The whole seals/latest answer also pinned the head, which the deleted seal was; the bare seal shows the rewrite.
    const pinned = await verifyRecord(store, publicKey, [pin, { seal: pin.seal }]);
    expect(pinned.ok).toBe(false);
    expect(pinned.pins).toEqual([
      expect.objectContaining({
        ok: false,
        problem: 'short',
        detail: expect.stringContaining('before the pinned head 6'),
      }),
      expect.objectContaining({
        ok: false,
        problem: 'root',
        detail: 'an event after 2 up to 5 is not the one the pinned seal covers',
      }),
    ]);
  });

  it('fails when only the newest seal is deleted', async () => {
    forge("DELETE FROM events WHERE stream = 'seal-log' AND revision = 1");
    expect(await verifyAgainstPin(store, publicKey, pin.seal)).toMatchObject({
      ok: false,
      problem: 'missing',
      sealRevision: null,
    });
  });

  it('fails when events below the pin are deleted from the end of the log', async () => {
    forge('DELETE FROM events WHERE position >= 5');
    coverTail();
    expect((await verifyRecord(store, publicKey)).ok).toBe(true);
    expect(await verifyAgainstPin(store, publicKey, pin.seal)).toMatchObject({
      ok: false,
      problem: 'short',
      detail: "the log ends at position 4, before the pinned seal's end 5: events it covered were removed",
    });
  });

  it('fails when events after the seal are deleted from the end, against the pinned head', async () => {
    await store.appendToStream('plan-1', [newEvent('plan.amended.v1', { n: 3 })], 1);
    pin = await pinLatest();
    expect(pin.head?.position).toBe('7');
    forge('DELETE FROM events WHERE position = 7');
    coverTail();
    expect(await verifyAgainstPin(store, publicKey, pin.seal)).toMatchObject({ ok: true });
    expect(await verifyAgainstPin(store, publicKey, pin.seal, pin.head)).toMatchObject({
      ok: false,
      problem: 'short',
      detail: expect.stringContaining('before the pinned head 7'),
    });
  });

  it('refuses a forged pin: changed figures, a head moved back, another key', async () => {
    expect(await verifyAgainstPin(store, publicKey, { ...pin.seal, count: 2 })).toMatchObject({
      ok: false,
      problem: 'signature',
    });
    expect(await verifyAgainstPin(store, publicKey, pin.seal, { ...pin.head!, position: '5' })).toMatchObject({
      ok: false,
      problem: 'signature',
    });
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(await verifyAgainstPin(store, other, pin.seal)).toMatchObject({ ok: false, problem: 'key' });
  });

  it('reads a bare seal or a whole seals/latest answer, and refuses anything else', () => {
    expect(parsePin(JSON.parse(JSON.stringify(pin.seal)))).toEqual({ seal: pin.seal });
    expect(() => parsePin({ ...pin.seal, upTo: 5 })).toThrow(
      new InvalidPinError('the pin: upTo must be a log position'),
    );
    expect(() => parsePin({ seal: { ...pin.seal, root: 'xyz' } })).toThrow('seal: root must be 64 hex digits');
    expect(() => parsePin({ seal: pin.seal, head: { position: '6' } })).toThrow(InvalidPinError);
    expect(() => parsePin('a seal')).toThrow('the pin is not an object');
  });
});
