import { FixedClock, newEvent } from '@gl/testing';
import { NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { AuditVerifyCommand } from './audit-verify.command';

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
    await store.appendToStream('plan-1', [newEvent('plan.issued.v1', { n: 1 }), newEvent('plan.amended.v1', { n: 2 })], NO_STREAM);
    await store.appendToStream('unit-1', [newEvent('unit.established.v1', { name: 'Sở Nội vụ' })], NO_STREAM);
    await new AuditVerifyCommand(store).run();
    expect(out.join('')).toMatch(/^OK: 3 events in 2 streams verified up to position 3/);
    expect(process.exitCode).toBeUndefined();
    await store.close();
  });

  it('names the first bad event and exits with 1', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await store.appendToStream('plan-1', [newEvent('plan.issued.v1', { n: 1 }), newEvent('plan.amended.v1', { n: 2 })], NO_STREAM);
    store.db.prepare("UPDATE events SET actor = json_set(actor, '$.userId', 'someone-else') WHERE revision = 1").run();
    await new AuditVerifyCommand(store).run();
    expect(err.join('')).toMatch(/^BROKEN: plan-1 revision 1 \(position 2, event [0-9a-f-]+\): hash-mismatch/);
    expect(process.exitCode).toBe(1);
    await store.close();
  });
});
