import type { Clock } from '@gl/domain';
import {
  BatchPuller,
  comparePositions,
  EventReader,
  Position,
  RecordedEvent,
  Subscription,
  yieldToEventLoop,
} from '@gl/event-store';
import { GenerationRef, ProjectionRecord, ProjectionStore } from '../port/projection-store.port';
import { writesAlongside } from '../records/projection-record';
import { applyBatchTo } from './apply-events';
import { alongsideOf, collectionOf, Projection } from './projection';

/** Events per batch by default. */
export const DEFAULT_BATCH = 2000;
/** A generation this many events behind defers what only queries need (ProjectionStore.deferIndexes). */
const DEFER_AFTER = 10_000;

export type RunnerState = 'starting' | 'catching-up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

export interface RunnerOptions {
  clock: Clock;
  /**
   * Events per batch (one read-store transaction), at most: live, a batch is what has arrived. Large
   * by default, since a rebuild's cost is mostly per transaction (issue 17).
   */
  batchSize?: number;
  /** How often an idle runner looks for a rebuild request from another process. */
  requestPollMs?: number;
  /** First wait after a failure; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
  /** Take a snapshot of the generation every this many events of the log (where the store keeps snapshots); none when absent. */
  snapshotEvery?: number;
}

/**
 * Runs one projection: subscribes to the whole log from its checkpoint, applies batches with
 * their checkpoint, rebuilds into a new generation when its version changed or a rebuild was
 * asked for, and swaps that generation in once it has caught up with the log's head at the start.
 * A failure is recorded, and the runner tries again from its checkpoint after a growing pause.
 */
export class ProjectionRunner {
  state: RunnerState = 'starting';
  private stopped = false;
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  /** Events of the log applied since the last snapshot (or since this generation began here). */
  private sinceSnapshot = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly events: EventReader,
    private readonly store: ProjectionStore,
    readonly projection: Projection<any, any>,
    private readonly options: RunnerOptions,
  ) {}

  get name(): string {
    return this.projection.name;
  }

  /** Starts the loop; after a stop, starts it again from the checkpoint. */
  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.stop();
    await this.loop;
    this.loop = null;
    this.state = 'stopped';
  }

  /** Asks this runner to rebuild now (the in-process way; other processes use the store's request). */
  async rebuild(): Promise<void> {
    await this.store.requestRebuild(this.name);
    await this.subscription?.stop();
  }

  /** Called after every applied batch. */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.runOnce();
      } catch (err) {
        if (this.stopped) break;
        await this.fail(err);
      }
    }
  }

  private async runOnce(): Promise<void> {
    const p = this.projection;
    const alongside = alongsideOf(p);
    let record = await this.store.register(p.name, collectionOf(p), p.version, p.indexes ?? [], alongside);
    const newest = (record.building ?? record.live)!;
    // A generation built by another version, or without the figures this one keeps, is rebuilt.
    const stale = newest.version !== p.version || !writesAlongside(newest, alongside);
    if (stale || record.rebuildRequested)
      record = await this.store.beginRebuild(p.name, p.version, p.indexes ?? [], alongside);

    let target = record.building ?? record.live!;
    let catchUpTo: Position | null = record.building ? await this.events.headPosition() : null;
    let ref: GenerationRef = { projection: p.name, collection: record.collection, generation: target.generation };
    this.state = catchUpTo ? 'rebuilding' : 'catching-up';
    if (catchUpTo && comparePositions(target.position, catchUpTo) >= 0) {
      await this.promote(ref);
      catchUpTo = null;
    }
    // Far behind (a rebuild, a long catch-up): what only queries need is made once, when it has caught up.
    if ((await this.events.countEventsAfter(target.position, DEFER_AFTER)) >= DEFER_AFTER)
      await this.store.deferIndexes?.(ref);

    if (!catchUpTo && (await this.events.countEventsAfter(target.position, 1)) === 0) await this.goLive(ref);
    this.sinceSnapshot = 0;
    const sub = (this.subscription = this.events.subscribeToAll({ after: target.position }));
    const watch = this.watchForRequests(sub);
    try {
      for await (const batch of batchesOf(sub, this.options.batchSize ?? DEFAULT_BATCH)) {
        if (this.stopped) break;
        await this.apply(ref, batch);
        // A store that answers synchronously (SQLite) would otherwise keep the process busy for a whole
        // catch-up: between batches, requests and probes get their turn.
        await yieldToEventLoop();
        const at = batch[batch.length - 1].position;
        await this.snapshotAfter(ref, batch.length, at);
        if (catchUpTo && comparePositions(at, catchUpTo) >= 0) {
          record = await this.promote(ref);
          catchUpTo = null;
          target = record.live!;
          ref = { ...ref, generation: target.generation };
        }
        if (!catchUpTo && (this.state as RunnerState) !== 'live' && (await this.events.countEventsAfter(at, 1)) === 0)
          await this.goLive(ref);
      }
    } finally {
      clearInterval(watch);
      await sub.stop();
    }
  }

  private async apply(ref: GenerationRef, batch: RecordedEvent[]): Promise<void> {
    await applyBatchTo(this.store, this.projection, ref, batch);
    if (this.failures > 0) {
      this.failures = 0;
      await this.store.recordFailure(this.name, null);
    }
    for (const l of this.listeners) l();
  }

  /** A snapshot once enough events have passed: the generation's documents stand at the batch's last position. */
  private async snapshotAfter(ref: GenerationRef, events: number, at: Position): Promise<void> {
    const every = this.options.snapshotEvery;
    if (!every || !this.store.takeSnapshot) return;
    this.sinceSnapshot += events;
    if (this.sinceSnapshot < every) return;
    await this.store.takeSnapshot(ref, at);
    this.sinceSnapshot = 0;
  }

  /** Caught up with the log: what was left for later is made, then it says so. */
  private async goLive(ref: GenerationRef): Promise<void> {
    await this.store.settle?.(ref);
    this.state = 'live';
  }

  /** The building generation, caught up, made complete and swapped in. */
  private async promote(building: GenerationRef): Promise<ProjectionRecord> {
    await this.store.settle?.(building);
    const record = await this.store.promote(this.name);
    this.options.log?.(
      'log',
      `projection ${this.name}: generation ${record.live!.generation} (version ${record.live!.version}) is live`,
    );
    return record;
  }

  /** A rebuild asked for by another process ends the current subscription; the loop starts over. */
  private watchForRequests(sub: Subscription): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.store.record(this.name).then(
        (r) => {
          if (r?.rebuildRequested) void sub.stop();
        },
        () => undefined,
      );
    }, this.options.requestPollMs ?? 2000);
    timer.unref();
    return timer;
  }

  private async fail(err: unknown): Promise<void> {
    this.failures++;
    this.state = 'failed';
    const message = err instanceof Error ? err.message : String(err);
    const record = await this.store.record(this.name).catch(() => null);
    const position = record?.building?.position ?? record?.live?.position ?? '0';
    this.options.log?.('error', `projection ${this.name} failed after position ${position}: ${message}`);
    await this.store
      .recordFailure(this.name, { message, at: this.options.clock.now().toISOString(), position })
      .catch(() => undefined);
    const base = this.options.backoffMs ?? 1000;
    const wait = Math.min(base * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 60_000);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, wait);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
    this.wake = null;
  }
}

/**
 * The subscription's events in batches of at most `size`: the pages ready before the event loop
 * turns, taken whole (no await per event) and cut to size.
 */
async function* batchesOf(sub: Subscription, size: number): AsyncGenerator<RecordedEvent[]> {
  const puller = new BatchPuller(sub.pages()[Symbol.asyncIterator](), (page) => page.length);
  for (let pages = await puller.next(size); pages; pages = await puller.next(size)) {
    const events = pages.length === 1 ? pages[0] : pages.flat();
    for (let i = 0; i < events.length; i += size) yield events.length <= size ? events : events.slice(i, i + size);
  }
}
