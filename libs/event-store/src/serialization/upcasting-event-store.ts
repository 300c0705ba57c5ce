import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  PositionGap,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { NewEvent, Position, RecordedEvent } from '../port/envelope';
import { UpcasterRegistry } from './upcaster-registry';

/**
 * Wraps a raw adapter so that every read returns current shapes, and every append is stamped with
 * the current schema version. Audit verification reads the raw adapter underneath.
 */
export class UpcastingEventStore implements EventStore {
  readonly findFirstPositionGap?: () => Promise<PositionGap | null>;
  readonly lastPositionRecordedBy?: (instant: string) => Promise<Position>;
  readonly countEventsBetween?: (after: Position, upTo: Position, cap: number) => Promise<number>;

  constructor(
    readonly raw: EventStore,
    private readonly registry: UpcasterRegistry,
  ) {
    // Passed on only where the adapter has it: a wrapped KurrentDB must still say gap detection does not apply.
    if (raw.findFirstPositionGap) this.findFirstPositionGap = () => raw.findFirstPositionGap!();
    if (raw.lastPositionRecordedBy) this.lastPositionRecordedBy = (i) => raw.lastPositionRecordedBy!(i);
    if (raw.countEventsBetween) this.countEventsBetween = (a, u, c) => raw.countEventsBetween!(a, u, c);
  }

  appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const stamped = events.map((e) => ({
      ...e,
      schemaVersion: e.schemaVersion ?? this.registry.currentVersion(e.type),
    }));
    return this.raw.appendToStream(stream, stamped, expected);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.raw.readStream(stream, options)).map((e) => this.registry.upcast(e));
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    const r = await this.raw.readAll(options);
    return { ...r, events: r.events.map((e) => this.registry.upcast(e)) };
  }

  headPosition(): Promise<Position> {
    return this.raw.headPosition();
  }

  countEventsAfter(after: Position, cap: number): Promise<number> {
    return this.raw.countEventsAfter(after, cap);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = this.raw.subscribeToAll(options);
    const registry = this.registry;
    return {
      stop: () => inner.stop(),
      async *[Symbol.asyncIterator]() {
        for await (const e of inner) yield registry.upcast(e);
      },
      pages: () => ({
        async *[Symbol.asyncIterator]() {
          for await (const page of inner.pages()) yield page.map((e) => registry.upcast(e));
        },
      }),
    };
  }

  ping(): Promise<void> {
    return this.raw.ping();
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}
