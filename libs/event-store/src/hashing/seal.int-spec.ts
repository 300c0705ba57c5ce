import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock, newEvent } from '@gl/testing';
import { NO_STREAM } from '../port/event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { chainEvents } from './chain-builder';
import { keyIdOf, merkleRoot, sealLog, verifySeals, SEAL_STREAM } from './seal';
import { verifyLog } from './verify';

const SEALER = { userId: 'sealer', unitId: null, roles: ['system'] };

describe('seals: signed Merkle roots over ranges of the global log', () => {
  const clock = new FixedClock('2023-11-14T02:00:00.000Z');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  const append = async (stream: string, n: number) =>
    store.appendToStream(
      stream,
      Array.from({ length: n }, (_, i) => newEvent('plan.amended.v1', { n: i })),
      NO_STREAM,
    );
  const forge = (sql: string) => {
    const db = new Database(file);
    db.prepare(sql).run();
    db.close();
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gl-seal-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore({ filename: file, clock });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes a Merkle root that depends on every hash and on their order', () => {
    const [a, b, c] = ['aa', 'bb', 'cc'].map((x) => x.repeat(32));
    expect(merkleRoot([a, b, c])).not.toBe(merkleRoot([a, c, b]));
    expect(merkleRoot([a, b])).not.toBe(merkleRoot([a, b, b]));
    expect(merkleRoot([a])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seals what is new, chains the seals, and verifies them against the log', async () => {
    await append('plan-1', 3);
    const first = await sealLog(store, privateKey, SEALER);
    expect(first).toMatchObject({ after: '0', upTo: '3', count: 3, previous: null });
    // Only the seal itself is new: nothing to seal.
    expect(await sealLog(store, privateKey, SEALER)).toBeNull();
    await append('plan-2', 2);
    const second = await sealLog(store, privateKey, SEALER);
    expect(second).toMatchObject({ after: '3', upTo: '6', count: 1 + 2, previous: first!.signature });
    expect(await verifySeals(store, publicKey)).toEqual({ seals: 2, sealedUpTo: '6', firstBad: null });
  });

  it('seals a long unsealed log in ranges of at most the maximum, contiguous and chained', async () => {
    await append('plan-1', 5);
    expect(await sealLog(store, privateKey, SEALER, 2)).toMatchObject({ after: '0', upTo: '2', count: 2 });
    expect(await sealLog(store, privateKey, SEALER, 2)).toMatchObject({ after: '2', upTo: '4', count: 2 });
    expect(await sealLog(store, privateKey, SEALER)).toMatchObject({ after: '4', upTo: '7', count: 3 });
    expect(await verifySeals(store, publicKey)).toEqual({ seals: 3, sealedUpTo: '7', firstBad: null });
  });

  it('says nothing was sealed when nothing is new', async () => {
    expect(await sealLog(store, privateKey, SEALER)).toBeNull();
  });

  it('catches a whole stream deleted, which the per-stream chains cannot see', async () => {
    await append('plan-1', 3);
    await append('plan-2', 2);
    await sealLog(store, privateKey, SEALER);
    forge("DELETE FROM events WHERE stream = 'plan-2'");
    expect((await verifyLog(store)).firstBad).toBeNull();
    expect((await verifySeals(store, publicKey)).firstBad).toMatchObject({
      sealRevision: 0,
      after: '0',
      upTo: '5',
      problem: 'count',
    });
  });

  it('catches a stream rewritten with freshly computed hashes', async () => {
    await append('plan-1', 2);
    await sealLog(store, privateKey, SEALER);
    // The forger rewrites revision 0's data and recomputes the whole chain, as anyone with the file could.
    const db = new Database(file);
    const [e0, e1] = chainEvents(
      'plan-1',
      [newEvent('plan.amended.v1', { n: 99 }), newEvent('plan.amended.v1', { n: 1 })],
      undefined,
      '2023-11-14T02:00:00.000Z',
    );
    for (const [i, e] of [e0, e1].entries()) {
      db.prepare(
        'UPDATE events SET event_id = ?, data = ?, actor = ?, correlation_id = ?, causation_id = ?, recorded_at = ?, prev_hash = ?, hash = ? WHERE stream = ? AND revision = ?',
      ).run(
        e.eventId,
        e.dataJson,
        e.actorJson,
        e.metadata.correlationId,
        e.metadata.causationId,
        e.metadata.recordedAt,
        e.metadata.prevHash,
        e.metadata.hash,
        'plan-1',
        i,
      );
    }
    db.close();
    expect((await verifyLog(store)).firstBad).toBeNull();
    expect((await verifySeals(store, publicKey)).firstBad).toMatchObject({ problem: 'root', after: '0', upTo: '2' });
  });

  it('rejects a seal signed with another key, and a seal whose figures were changed', async () => {
    await append('plan-1', 2);
    await sealLog(store, generateKeyPairSync('ed25519').privateKey, SEALER);
    expect((await verifySeals(store, publicKey)).firstBad).toMatchObject({ problem: 'key' });
    forge(
      `UPDATE events SET data = json_set(data, '$.keyId', '${keyIdOf(publicKey)}') WHERE stream = '${SEAL_STREAM}'`,
    );
    expect((await verifySeals(store, publicKey)).firstBad).toMatchObject({ problem: 'signature' });
  });
});
