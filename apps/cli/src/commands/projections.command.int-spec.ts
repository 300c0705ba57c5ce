import { NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { ProjectionEngine, streamCatalogue } from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';
import { FixedClock, newEvent } from '@gl/testing';
import { ProjectionsRebuildCommand, ProjectionsStatusCommand } from './projections.command';

describe('npm run cli -- projections', () => {
  let out: string[];
  const clock = new FixedClock('2023-11-14T10:00:00.000Z');
  beforeEach(() => {
    out = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('status shows generation, checkpoint and lag; rebuild records a request for the running process', async () => {
    const events = new SqliteEventStore({ filename: ':memory:', clock });
    const store = new EmbeddedReadStore({ filename: ':memory:', clock });
    await events.appendToStream('plan-1', [newEvent('plan.issued.v1', {}), newEvent('plan.amended.v1', {})], NO_STREAM);
    await store.register('stream-catalogue', 'stream-catalogue', 1, []);
    clock.advance(30_000);
    const engine = new ProjectionEngine(events, store, [streamCatalogue], { clock, run: false });

    await new ProjectionsStatusCommand(engine).run([], {});
    expect(out.join('')).toBe(
      'stream-catalogue (collection stream-catalogue, not-running)\n' +
        '  live: generation 1, version 1, position 0, behind by 2 events / 30.0 s\n',
    );
    out.length = 0;
    await new ProjectionsStatusCommand(engine).run([], { json: true });
    expect(JSON.parse(out.join(''))[0]).toMatchObject({
      name: 'stream-catalogue',
      live: { lag: { events: 2, seconds: 30 } },
    });

    out.length = 0;
    await new ProjectionsRebuildCommand(engine).run(['stream-catalogue'], {});
    expect(out.join('')).toMatch(/^Rebuild of stream-catalogue requested/);
    expect((await store.record('stream-catalogue'))?.rebuildRequested).toBe(true);
    await expect(new ProjectionsRebuildCommand(engine).run(['no-such'], {})).rejects.toThrow(
      'no projection named no-such',
    );
    await Promise.all([events.close(), store.close()]);
  });
});
