import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock, newEvent } from '@gl/testing';
import { keyIdOf, latestSeal, NO_STREAM, sealLog } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import type { SealKeys } from '@gl/platform';
import { AuditVerifyCommand } from './audit-verify.command';

const { privateKey } = generateKeyPairSync('ed25519');
const keys: SealKeys = {
  privateKey,
  publicKey: createPublicKey(privateKey),
  keyId: keyIdOf(createPublicKey(privateKey)),
  publicKeyPem: '',
  source: 'generated',
};
const SEALER = { userId: 'sealer', unitId: null, roles: ['system'] };

describe('npm run cli -- audit verify', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('says OK with the counts when every chain holds', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await store.appendToStream(
      'plan-1',
      [newEvent('plan.issued.v1', { n: 1 }), newEvent('plan.amended.v1', { n: 2 })],
      NO_STREAM,
    );
    await store.appendToStream('unit-1', [newEvent('unit.established.v1', { name: 'Sở Nội vụ' })], NO_STREAM);
    await sealLog(store, keys.privateKey, SEALER);
    await new AuditVerifyCommand(store, keys).run();
    expect(out.join('')).toMatch(
      /^OK: 4 events in 3 streams verified up to position 4 in [0-9.]+ s; 1 seals by key [0-9a-f]{16}… vouch for the log up to position 3/,
    );
    expect(process.exitCode).toBeUndefined();
    await store.close();
  });

  it('names the first bad event and exits with 1', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await store.appendToStream(
      'plan-1',
      [newEvent('plan.issued.v1', { n: 1 }), newEvent('plan.amended.v1', { n: 2 })],
      NO_STREAM,
    );
    store.db.prepare("UPDATE events SET actor = json_set(actor, '$.userId', 'someone-else') WHERE revision = 1").run();
    await new AuditVerifyCommand(store, keys).run();
    expect(err.join('')).toMatch(/^BROKEN: plan-1 revision 1 \(position 2, event [0-9a-f-]+\): hash-mismatch/);
    expect(process.exitCode).toBe(1);
    await store.close();
  });

  it('names a sealed range that no longer matches the log, even when every chain holds', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await store.appendToStream('plan-1', [newEvent('plan.issued.v1', { n: 1 })], NO_STREAM);
    await store.appendToStream('plan-2', [newEvent('plan.issued.v1', { n: 2 })], NO_STREAM);
    await sealLog(store, keys.privateKey, SEALER);
    store.db.prepare("DELETE FROM events WHERE stream = 'plan-2'").run();
    await new AuditVerifyCommand(store, keys).run();
    expect(err.join('')).toMatch(/^BROKEN SEAL 0 \(positions after 0 up to 2\): count: /);
    expect(process.exitCode).toBe(1);
    await store.close();
  });

  it('names a missing position: the last event of a stream deleted, with no seal over it', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await store.appendToStream(
      'plan-1',
      [newEvent('plan.issued.v1', { n: 1 }), newEvent('plan.amended.v1', { n: 2 })],
      NO_STREAM,
    );
    await store.appendToStream('unit-1', [newEvent('unit.established.v1', { name: 'Sở Nội vụ' })], NO_STREAM);
    store.db.prepare("DELETE FROM events WHERE stream = 'plan-1' AND revision = 1").run();
    await new AuditVerifyCommand(store, keys).run();
    expect(err.join('')).toMatch(/^GAP: position 2 is missing\n/);
    expect(process.exitCode).toBe(1);
    await store.close();
  });

  describe('--pin', () => {
    let dir: string;
    let store: SqliteEventStore;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gl-pin-'));
      store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
      await store.appendToStream('plan-1', [newEvent('plan.issued.v1', { n: 1 })], NO_STREAM);
      await sealLog(store, keys.privateKey, SEALER);
      await store.appendToStream('budget-b1', [newEvent('budget.estimated.v1', { amount: 150_000_000 })], NO_STREAM);
      await sealLog(store, keys.privateKey, SEALER);
    });
    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const keep = async (name: string, pick: (answer: object & { seal: object }) => unknown = (a) => a) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(pick((await latestSeal(store, keys.privateKey, new Date()))!)));
      return file;
    };

    it('says the pinned seals are still held', async () => {
      const answer = await keep('latest.json');
      const bare = await keep('seal.json', (a) => a.seal);
      await new AuditVerifyCommand(store, keys).run([], { pin: [answer, bare] });
      expect(out.join('')).toMatch(/; 2 seals by key .*; no position missing; 2 pinned seals still held\n$/);
      expect(process.exitCode).toBeUndefined();
    });

    it('fails, naming the pin, when the newest seal was deleted, which plain verify passes', async () => {
      const file = await keep('latest.json', (a) => a.seal);
      store.db.prepare("DELETE FROM events WHERE stream = 'seal-log' AND revision = 1").run();
      store.db
        .prepare("UPDATE sqlite_sequence SET seq = (SELECT MAX(position) FROM events) WHERE name = 'events'")
        .run();
      await new AuditVerifyCommand(store, keys).run();
      expect(out.join('')).toMatch(/^OK: .*; 1 seals by key/);
      await new AuditVerifyCommand(store, keys).run([], { pin: [file] });
      expect(err.join('')).toContain(
        `BROKEN PIN ${file} (seal after 1 up to 3): missing: seal-log no longer holds the pinned seal`,
      );
      expect(process.exitCode).toBe(1);
    });

    it('exits with 2 when a pin file is not a seal', async () => {
      const file = join(dir, 'junk.json');
      writeFileSync(file, JSON.stringify({ seal: { after: '0' } }));
      await new AuditVerifyCommand(store, keys).run([], { pin: [file] });
      expect(err.join('')).toMatch(/^cannot read pin .*junk\.json: seal: upTo must be a log position/);
      expect(process.exitCode).toBe(2);
    });
  });
});
