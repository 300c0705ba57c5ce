import { randomUUID } from 'node:crypto';
import type { IdempotencyAttempt, IdempotencyStore, StoredResponse } from '../port/idempotency-store.port';

/** What each adapter's int-spec gives the one contract suite. */
export interface IdempotencyStoreFixture {
  open(): Promise<IdempotencyStore>;
  /** The same store after a restart (closing the first). */
  reopen(store: IdempotencyStore): Promise<IdempotencyStore>;
}

const T0 = new Date('2023-11-14T03:00:00.000Z').getTime();
const LEASE = 60_000;
const TTL = 86_400_000;
const at = (ms: number) => new Date(T0 + ms);
const answer: StoredResponse = {
  status: 201,
  headers: { location: '/api/v1/obligations/x' },
  body: JSON.stringify({ stream: 'obligation-x', revision: 3, position: '42', note: 'Đã tổ chức hội nghị' }),
};

/**
 * The behaviour every idempotency store must have. User ids carry a fresh suffix per test, so
 * the suite also runs against a shared server.
 */
export const idempotencyStoreContract = (name: string, fixture: IdempotencyStoreFixture): void => {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let store: IdempotencyStore;
    let user: string;
    /** An attempt made `ms` after T0, by `owner`. */
    const attempt = (owner: string, ms = 0, over: Partial<IdempotencyAttempt> = {}): IdempotencyAttempt => ({
      userId: user,
      key: 'key-1',
      operation: 'POST /api/v1/obligations/:id/progress {"id":"x"}',
      fingerprint: 'f'.repeat(64),
      owner,
      createdAt: at(ms),
      leaseUntil: at(ms + LEASE),
      expiresAt: at(ms + TTL),
      ...over,
    });

    beforeEach(async () => {
      store = await fixture.open();
      user = `tanan-reporter-${randomUUID().slice(0, 8)}`;
    });
    afterEach(() => store.close());

    it('starts the first attempt, and shows the holder to the next', async () => {
      expect(await store.begin(attempt('a'))).toEqual({ started: true });
      const again = await store.begin(attempt('b', 1000, { fingerprint: 'e'.repeat(64) }));
      expect(again).toEqual({ started: false, existing: { ...attempt('a'), state: 'in-flight', response: null } });
    });

    it('lets exactly one of many concurrent attempts start', async () => {
      const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((o) => store.begin(attempt(o))));
      expect(outcomes.filter((o) => o.started)).toHaveLength(1);
    });

    it('keeps keys apart per user', async () => {
      expect(await store.begin(attempt('a'))).toEqual({ started: true });
      expect(await store.begin(attempt('b', 0, { userId: `${user}-other` }))).toEqual({ started: true });
      expect(await store.begin(attempt('c', 0, { key: 'key-2' }))).toEqual({ started: true });
    });

    it('stores the answer of a completed request, to give it again, also after a restart', async () => {
      await store.begin(attempt('a'));
      expect(await store.complete(user, 'key-1', 'a', answer)).toBe(true);
      store = await fixture.reopen(store);
      // Completed records outlive the lease: they hold the key until they expire.
      const again = await store.begin(attempt('b', LEASE * 10));
      expect(again).toEqual({ started: false, existing: { ...attempt('a'), state: 'completed', response: answer } });
    });

    it('completes or releases only for the holder', async () => {
      await store.begin(attempt('a'));
      expect(await store.complete(user, 'key-1', 'intruder', answer)).toBe(false);
      await store.release(user, 'key-1', 'intruder');
      expect(await store.begin(attempt('b'))).toMatchObject({
        started: false,
        existing: { owner: 'a', state: 'in-flight' },
      });
    });

    it('frees a released key for a new attempt, with another body', async () => {
      await store.begin(attempt('a'));
      await store.release(user, 'key-1', 'a');
      expect(await store.begin(attempt('b', 10, { fingerprint: 'e'.repeat(64) }))).toEqual({ started: true });
      expect(await store.begin(attempt('c', 20))).toMatchObject({
        started: false,
        existing: { owner: 'b', fingerprint: 'e'.repeat(64) },
      });
    });

    it('does not release a completed record', async () => {
      await store.begin(attempt('a'));
      await store.complete(user, 'key-1', 'a', answer);
      await store.release(user, 'key-1', 'a');
      expect(await store.begin(attempt('b'))).toMatchObject({ started: false, existing: { state: 'completed' } });
    });

    it('lets an in-flight record whose lease ran out (a crashed process) be taken over, and refuses its old holder', async () => {
      await store.begin(attempt('a'));
      expect(await store.begin(attempt('b', LEASE - 1))).toMatchObject({ started: false });
      expect(await store.begin(attempt('b', LEASE))).toEqual({ started: true });
      expect(await store.complete(user, 'key-1', 'a', answer)).toBe(false);
      expect(await store.complete(user, 'key-1', 'b', answer)).toBe(true);
    });

    it('ignores an expired record: the key is new again', async () => {
      await store.begin(attempt('a'));
      await store.complete(user, 'key-1', 'a', answer);
      expect(await store.begin(attempt('b', TTL - 1))).toMatchObject({ started: false });
      expect(await store.begin(attempt('b', TTL, { fingerprint: 'e'.repeat(64) }))).toEqual({ started: true });
      expect(await store.begin(attempt('c', TTL + 1))).toMatchObject({
        started: false,
        existing: { owner: 'b', state: 'in-flight' },
      });
    });

    it('purges expired records and keeps the others', async () => {
      await store.begin(attempt('a'));
      await store.complete(user, 'key-1', 'a', answer);
      await store.begin(attempt('b', 0, { key: 'key-2', expiresAt: at(2 * TTL) }));
      // Other runs on a shared server may have expired records too: at least this one goes.
      expect(await store.purgeExpired(at(TTL))).toBeGreaterThanOrEqual(1);
      expect(await store.begin(attempt('c', 1, { key: 'key-2' }))).toMatchObject({
        started: false,
        existing: { owner: 'b' },
      });
      expect(await store.begin(attempt('d', 1))).toEqual({ started: true });
    });
  });
};
