import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { payload, scratchDir } from './support/measure';
(async () => {
  const { dir, dispose } = scratchDir();
  const store = new SqliteEventStore({ filename: join(dir, 'e.db'), clock: { now: () => new Date() }, synchronous: 'NORMAL' });
  const actor = { userId: 'bench', unitId: 'unit-bench', roles: ['system'] };
  const batches = Array.from({ length: 1000 }, (_, b) => Array.from({ length: 100 }, (_, i) => ({ eventId: randomUUID(), type: 'obligation.progressed.v1', data: payload(b * 100 + i), metadata: { actor, correlationId: 'bench', causationId: 'bench' } })));
  const t = performance.now();
  for (let b = 0; b < batches.length; b++) await store.appendToStream(`obligation-${b}`, batches[b], NO_STREAM);
  console.log('events/s', Math.round(100000 / ((performance.now() - t) / 1000)));
  await store.close(); dispose();
})();
