import {
  BACKWARDS,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM as K_NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { Clock } from '@gl/domain';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NO_STREAM,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { NewEvent, Position, RecordedEvent, START } from '../port/envelope';
import { ConcurrencyError, IdempotencyConflictError } from '../port/errors';
import { comparePositions } from '../port/position';
import { chainEvents, validateAppend } from '../hashing/chain-builder';
import {
  fromPosition,
  matchesFilter,
  toKurrentMetadata,
  toPosition,
  toRecorded,
  toServerFilter,
} from './kurrentdb-mapping';
import { batchesOf } from '../subscription/batch-puller';

/** The most events a subscription's page holds (one batch of a projection catching up). */
const PAGE = 1000;

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false` */
  connectionString: string;
  clock: Clock;
}

/** The production event store: KurrentDB (formerly EventStoreDB) over gRPC. */
export class KurrentDbEventStore implements EventStore {
  readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
  }

  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(stream, events);
    // The chain needs the previous hash before the append; the expected revision makes it safe:
    // if anyone wrote in between, the append fails instead of forking the chain.
    const last =
      expected === NO_STREAM ? undefined : (await this.readStream(stream, { direction: 'backward', maxCount: 1 }))[0];
    if (expected !== NO_STREAM && (!last || last.revision !== expected)) {
      const original = await this.originalResult(stream, events);
      if (original) return original;
      throw new ConcurrencyError(stream, expected, last ? last.revision : NO_STREAM);
    }
    const chained = chainEvents(
      stream,
      events,
      last ? { revision: last.revision, hash: last.metadata.hash } : undefined,
      this.options.clock.now().toISOString(),
    );
    try {
      const result = await this.client.appendToStream(
        stream,
        chained.map((e) =>
          jsonEvent({
            id: e.eventId,
            type: e.type,
            data: e.data as Record<string, unknown>,
            metadata: toKurrentMetadata(e),
          }),
        ),
        { streamState: expected === NO_STREAM ? K_NO_STREAM : BigInt(expected) },
      );
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position: result.position ? toPosition(result.position) : await this.headPosition(),
      };
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) {
        const original = await this.originalResult(stream, events);
        if (original) return original;
        const now = await this.readStream(stream, { direction: 'backward', maxCount: 1 });
        throw new ConcurrencyError(stream, expected, now[0] ? now[0].revision : NO_STREAM);
      }
      throw err;
    }
  }

  /** A retry of an append already stored: the stream holds exactly these ids at consecutive revisions. */
  private async originalResult(stream: string, events: NewEvent[]): Promise<AppendResult | null> {
    const stored = await this.readStream(stream);
    const at = stored.findIndex((e) => e.eventId === events[0].eventId);
    const anyStored = events.some((n) => stored.some((e) => e.eventId === n.eventId));
    if (at === -1) {
      if (anyStored)
        throw new IdempotencyConflictError(
          stream,
          events.map((e) => e.eventId),
        );
      return null;
    }
    const run = stored.slice(at, at + events.length);
    if (run.length !== events.length || run.some((e, i) => e.eventId !== events[i].eventId)) {
      throw new IdempotencyConflictError(
        stream,
        events.map((e) => e.eventId),
      );
    }
    const last = run[run.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const out: RecordedEvent[] = [];
    try {
      const reader = this.client.readStream(stream, {
        direction: backward ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backward ? 'end' : 'start',
        ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
      });
      for await (const r of reader) {
        const e = toRecorded(r);
        if (e) out.push(e);
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw err;
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? START;
    const max = options.maxCount ?? 500;
    const events: RecordedEvent[] = [];
    let scanned = after;
    let delivered = 0;
    // The server reads from a position inclusively; ours is exclusive, hence one more and a skip.
    for await (const r of this.client.readAll({
      fromPosition: fromPosition(after),
      maxCount: max + 1,
      filter: toServerFilter(options.filter),
    })) {
      delivered++;
      const e = toRecorded(r);
      const p = r.event?.position ? toPosition(r.event.position) : undefined;
      if (p && comparePositions(p, after) <= 0) continue;
      if (p) scanned = p;
      if (e && matchesFilter(e, options.filter)) events.push(e);
      if (events.length === max) break;
    }
    return {
      events,
      position: events.length === max ? events[events.length - 1].position : scanned,
      isEnd: delivered <= max && events.length < max,
    };
  }

  async headPosition(): Promise<Position> {
    for await (const r of this.client.readAll({ direction: BACKWARDS, fromPosition: 'end', maxCount: 1 })) {
      if (r.event?.position) return toPosition(r.event.position);
    }
    return START;
  }

  /** KurrentDB positions are byte offsets, so events are counted by reading them, up to `cap`. */
  async countEventsAfter(after: Position, cap: number): Promise<number> {
    let n = 0;
    for (let from = after; n < cap;) {
      const batch = await this.readAll({ after: from, maxCount: Math.min(1000, cap - n) });
      n += batch.events.length;
      from = batch.position;
      if (batch.isEnd) break;
    }
    return n;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const after = options.after ?? START;
    const sub = this.client.subscribeToAll({
      fromPosition: fromPosition(after),
      filter: toServerFilter(options.filter),
    });
    const subscriptions = this.subscriptions;
    const handle: Subscription = {
      stop: async () => {
        subscriptions.delete(handle);
        await sub.unsubscribe();
      },
      async *[Symbol.asyncIterator]() {
        // The Readable pauses when we stop pulling: the server's back-pressure follows ours.
        for await (const r of sub) {
          const e = toRecorded(r);
          if (e && comparePositions(e.position, after) > 0 && matchesFilter(e, options.filter)) yield e;
        }
      },
      // The server streams events one by one: a page is what arrived before the event loop turned.
      pages: () => batchesOf(handle, PAGE),
    };
    subscriptions.add(handle);
    return handle;
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}
