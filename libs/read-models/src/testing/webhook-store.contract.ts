import { randomUUID } from 'node:crypto';
import type { DeliveryAttempt, DeliveryCursor, WebhookEndpoint, WebhookStore } from '../port/webhook-store.port';

/** What each adapter's int-spec gives the one contract suite. */
export interface WebhookStoreFixture {
  open(): Promise<WebhookStore>;
  /** The same store after a restart (closing the first). */
  reopen(store: WebhookStore): Promise<WebhookStore>;
  /** Makes the store's next write of an attempt fail after the attempt, before the cursor; null: cannot. */
  breakCursorWrites?(store: WebhookStore): (() => void) | null;
}

const T0 = new Date('2026-03-02T01:00:00.000Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
/**
 * Whether a write was refused. Not `rejects.toThrow()`: a native driver's error may come from another
 * realm (jest runs projects side by side), and is then not an Error of this one.
 */
const refused = (write: Promise<unknown>) =>
  write.then(
    () => false,
    () => true,
  );

/**
 * The behaviour every webhook store must have. Endpoint and unit ids carry a fresh suffix per test,
 * so the suite also runs against a shared server.
 */
export const webhookStoreContract = (name: string, fixture: WebhookStoreFixture): void => {
  describe(`WebhookStore contract: ${name}`, () => {
    let store: WebhookStore;
    let run: string;
    const unit = (u: string) => `${u}-${run}`;
    const endpoint = (id: string, over: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
      endpointId: `${id}-${run}`,
      ownerUnitId: unit('ninh-kieu'),
      url: 'https://cong-thong-tin.cantho.gov.vn/hooks/gl',
      description: 'Cổng thông tin điện tử thành phố',
      eventTypes: ['obligation.completed.'],
      categories: ['audit'],
      unitIds: [unit('ninh-kieu-tan-an')],
      createdBy: 'tichhop-ninhkieu',
      createdAt: at(0),
      updatedAt: at(0),
      status: 'active',
      statusReason: null,
      secrets: [{ secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`, createdAt: at(0), expiresAt: null }],
      ...over,
    });
    const cursorOf = (e: WebhookEndpoint, over: Partial<DeliveryCursor> = {}): DeliveryCursor => ({
      endpointId: e.endpointId,
      position: '10',
      pendingEventId: null,
      attempts: 0,
      nextAttemptAt: null,
      failingSince: null,
      delivered: 0,
      failed: 0,
      ...over,
    });
    const attemptOf = (e: WebhookEndpoint, n: number, over: Partial<DeliveryAttempt> = {}): DeliveryAttempt => ({
      endpointId: e.endpointId,
      eventId: `event-${n}`,
      eventType: 'obligation.completed.v1',
      position: String(10 + n),
      attempt: 1,
      at: at(n * 1000),
      status: 200,
      latencyMs: 12,
      outcome: 'delivered',
      error: null,
      response: 'ok',
      ...over,
    });

    beforeEach(async () => {
      store = await fixture.open();
      run = randomUUID().slice(0, 8);
    });
    afterEach(() => store.close());

    it('creates an endpoint with its cursor at the start position, and gives it back as stored', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '42');
      expect(await store.get(e.endpointId)).toEqual(e);
      expect(await store.cursor(e.endpointId)).toEqual(cursorOf(e, { position: '42' }));
      expect(await store.get(`absent-${run}`)).toBeNull();
      expect(await store.cursor(`absent-${run}`)).toBeNull();
    });

    it('refuses a second endpoint with the same id', async () => {
      await store.create(endpoint('cong-tp'), '0');
      expect(await refused(store.create(endpoint('cong-tp', { description: 'khác' }), '5'))).toBe(true);
      expect((await store.get(endpoint('cong-tp').endpointId))?.description).toBe('Cổng thông tin điện tử thành phố');
      expect((await store.cursor(endpoint('cong-tp').endpointId))?.position).toBe('0');
    });

    it('lists endpoints by owner unit, in creation order; null lists them all', async () => {
      const a = endpoint('a', { createdAt: at(2) });
      const b = endpoint('b', { createdAt: at(1) });
      const c = endpoint('c', { ownerUnitId: unit('cai-rang'), createdAt: at(3) });
      for (const e of [a, b, c]) await store.create(e, '0');
      expect((await store.list([unit('ninh-kieu')])).map((e) => e.endpointId)).toEqual([b.endpointId, a.endpointId]);
      expect((await store.list([unit('ninh-kieu'), unit('cai-rang')])).map((e) => e.endpointId)).toEqual([
        b.endpointId,
        a.endpointId,
        c.endpointId,
      ]);
      expect(await store.list([unit('phong-dien')])).toEqual([]);
      expect(await store.list([])).toEqual([]);
      const all = (await store.list(null)).map((e) => e.endpointId);
      expect(all.filter((id) => id.endsWith(run))).toEqual([b.endpointId, a.endpointId, c.endpointId]);
    });

    it('replaces an endpoint on update (settings, status, secrets), and reports an absent one', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '0');
      const changed: WebhookEndpoint = {
        ...e,
        url: 'https://egov.cantho.gov.vn/hooks',
        eventTypes: [],
        categories: ['report'],
        unitIds: [unit('ninh-kieu')],
        updatedAt: at(5000),
        status: 'paused',
        statusReason: 'bảo trì',
        secrets: [
          { ...e.secrets[0]!, expiresAt: at(86_400_000) },
          { secret: `whsec_${Buffer.alloc(32, 9).toString('base64')}`, createdAt: at(5000), expiresAt: null },
        ],
      };
      expect(await store.update(changed)).toBe(true);
      expect(await store.get(e.endpointId)).toEqual(changed);
      expect(await store.update(endpoint('absent'))).toBe(false);
      expect(await store.get(endpoint('absent').endpointId)).toBeNull();
    });

    it('deletes an endpoint with its cursor and attempts, leaving the others', async () => {
      const e = endpoint('cong-tp');
      const other = endpoint('other');
      await store.create(e, '0');
      await store.create(other, '0');
      await store.recordAttempt(attemptOf(e, 1), cursorOf(e, { position: '11' }));
      await store.recordAttempt(attemptOf(other, 1), cursorOf(other, { position: '11' }));
      expect(await store.delete(e.endpointId)).toBe(true);
      expect(await store.get(e.endpointId)).toBeNull();
      expect(await store.cursor(e.endpointId)).toBeNull();
      expect((await store.attempts(e.endpointId)).items).toEqual([]);
      expect(await store.delete(e.endpointId)).toBe(false);
      expect((await store.attempts(other.endpointId)).items).toHaveLength(1);
      expect(await store.cursor(other.endpointId)).toEqual(cursorOf(other, { position: '11' }));
    });

    it('saves a cursor, with its pending event and schedule, also across a restart', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '0');
      const pending = cursorOf(e, {
        position: '17',
        pendingEventId: 'event-18',
        attempts: 3,
        nextAttemptAt: at(1_800_000),
        failingSince: at(60_000),
        delivered: 17,
        failed: 3,
      });
      await store.saveCursor(pending);
      expect(await store.cursor(e.endpointId)).toEqual(pending);
      store = await fixture.reopen(store);
      expect(await store.cursor(e.endpointId)).toEqual(pending);
      expect(await store.get(e.endpointId)).toEqual(e);
    });

    it('records an attempt together with the cursor after it', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '10');
      const failed = attemptOf(e, 1, { status: 500, outcome: 'failed', response: 'Internal Server Error' });
      const after = cursorOf(e, { pendingEventId: 'event-1', attempts: 1, nextAttemptAt: at(6000), failed: 1 });
      await store.recordAttempt(failed, after);
      expect(await store.cursor(e.endpointId)).toEqual(after);
      expect((await store.attempts(e.endpointId)).items).toEqual([failed]);
    });

    it('moves the cursor only from the state the dispatcher expected; else logs the attempt and keeps the other write', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '10');
      const start = cursorOf(e, { position: '10' });
      const delivered = cursorOf(e, { position: '11', delivered: 1 });
      expect(await store.recordAttempt(attemptOf(e, 1), delivered, start)).toBe(true);
      expect(await store.cursor(e.endpointId)).toEqual(delivered);
      // A replay moves the cursor back meanwhile: the dispatcher's next attempt does not undo it.
      const replayed = cursorOf(e, { position: '5' });
      await store.saveCursor(replayed);
      expect(await store.recordAttempt(attemptOf(e, 2), cursorOf(e, { position: '12' }), delivered)).toBe(false);
      expect(await store.cursor(e.endpointId)).toEqual(replayed);
      expect((await store.attempts(e.endpointId)).items).toHaveLength(2);
    });

    it('queued writes, each expecting the one before: a replay to where a later one stands refuses it too', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '10');
      const start = cursorOf(e);
      const first = cursorOf(e, { position: '11', delivered: 1 });
      const second = cursorOf(e, { position: '12', delivered: 2 });
      // The replay copies the committed counts and lands before both writes.
      const replayed = cursorOf(e, { position: '11' });
      await store.saveCursor(replayed);
      const both = [
        store.recordAttempt(attemptOf(e, 1), first, start),
        store.recordAttempt(attemptOf(e, 2), second, first),
      ];
      expect(await Promise.all(both)).toEqual([false, false]);
      expect(await store.cursor(e.endpointId)).toEqual(replayed);
    });

    it('writes neither the attempt nor the cursor when the write fails part way', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '10');
      const restore = fixture.breakCursorWrites?.(store) ?? null;
      if (!restore) return;
      try {
        expect(await refused(store.recordAttempt(attemptOf(e, 1), cursorOf(e, { position: '11' })))).toBe(true);
      } finally {
        restore();
      }
      expect(await store.cursor(e.endpointId)).toEqual(cursorOf(e, { position: '10' }));
      expect((await store.attempts(e.endpointId)).items).toEqual([]);
    });

    it('pages attempts newest first, `before` continuing, per endpoint', async () => {
      const e = endpoint('cong-tp');
      const other = endpoint('other');
      await store.create(e, '10');
      await store.create(other, '10');
      for (let n = 1; n <= 7; n++)
        await store.recordAttempt(attemptOf(e, n), cursorOf(e, { position: String(10 + n) }));
      await store.recordAttempt(attemptOf(other, 9), cursorOf(other));
      const first = await store.attempts(e.endpointId, { limit: 3 });
      expect(first.items.map((a) => a.eventId)).toEqual(['event-7', 'event-6', 'event-5']);
      expect(first.next).not.toBeNull();
      const second = await store.attempts(e.endpointId, { limit: 3, before: first.next! });
      expect(second.items.map((a) => a.eventId)).toEqual(['event-4', 'event-3', 'event-2']);
      const last = await store.attempts(e.endpointId, { limit: 3, before: second.next! });
      expect(last.items.map((a) => a.eventId)).toEqual(['event-1']);
      expect(last.next).toBeNull();
      expect((await store.attempts(e.endpointId)).items).toHaveLength(7);
      expect((await store.attempts(e.endpointId, { before: 'not-a-cursor' })).items).toEqual([]);
    });

    it('keeps attempts made in the same millisecond apart, the later first', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '10');
      await store.recordAttempt(attemptOf(e, 1, { at: at(0), attempt: 1 }), cursorOf(e));
      await store.recordAttempt(attemptOf(e, 1, { at: at(0), attempt: 2 }), cursorOf(e));
      await store.recordAttempt(attemptOf(e, 1, { at: at(0), attempt: 3 }), cursorOf(e));
      const first = await store.attempts(e.endpointId, { limit: 2 });
      expect(first.items.map((a) => a.attempt)).toEqual([3, 2]);
      const rest = await store.attempts(e.endpointId, { limit: 2, before: first.next! });
      expect(rest.items.map((a) => a.attempt)).toEqual([1]);
    });

    it('purges attempts older than a time, and says how many', async () => {
      const e = endpoint('cong-tp');
      await store.create(e, '10');
      for (let n = 1; n <= 4; n++) await store.recordAttempt(attemptOf(e, n), cursorOf(e));
      // Other runs on a shared server may hold older attempts: count only ours.
      const purged = await store.purgeAttempts(at(3000));
      expect(purged).toBeGreaterThanOrEqual(2);
      expect((await store.attempts(e.endpointId)).items.map((a) => a.eventId)).toEqual(['event-4', 'event-3']);
      expect(await store.cursor(e.endpointId)).not.toBeNull();
    });
  });
};
