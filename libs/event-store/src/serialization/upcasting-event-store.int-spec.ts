import { FixedClock, newEvent } from '@gl/testing';
import { NO_STREAM } from '../port/event-store.port';
import { verifyStream } from '../hashing/verify';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

describe('UpcastingEventStore over SQLite', () => {
  const v1 = new UpcasterRegistry();
  const v2 = new UpcasterRegistry().register({
    type: 'unit.renamed.v1',
    fromVersion: 1,
    upcast: (d) => ({ nameVi: (d as { name: string }).name }),
  });

  it('stores old shapes as they were, reads them in the current shape, and the chain still verifies', async () => {
    const raw = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await new UpcastingEventStore(raw, v1).appendToStream(
      'unit-1',
      [newEvent('unit.renamed.v1', { name: 'Phường An Hòa' })],
      NO_STREAM,
    );
    const today = new UpcastingEventStore(raw, v2);
    await today.appendToStream('unit-1', [newEvent('unit.renamed.v1', { nameVi: 'Phường Ninh Kiều' })], 0);

    expect((await today.readStream('unit-1')).map((e) => e.data)).toEqual([
      { nameVi: 'Phường An Hòa' },
      { nameVi: 'Phường Ninh Kiều' },
    ]);
    expect((await raw.readStream('unit-1')).map((e) => [e.metadata.schemaVersion, e.data])).toEqual([
      [1, { name: 'Phường An Hòa' }],
      [2, { nameVi: 'Phường Ninh Kiều' }],
    ]);
    expect((await today.readAll()).events[0].data).toEqual({ nameVi: 'Phường An Hòa' });
    expect((await verifyStream(raw, 'unit-1')).firstBad).toBeNull();

    const sub = today.subscribeToAll();
    const first = await sub[Symbol.asyncIterator]().next();
    expect(first.value?.data).toEqual({ nameVi: 'Phường An Hòa' });
    await sub.stop();
    await today.close();
  });
});
