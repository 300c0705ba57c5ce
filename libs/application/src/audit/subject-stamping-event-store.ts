import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  NO_STREAM,
  Position,
  PositionGap,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@gl/event-store';
import { SubjectResolver } from './subject-resolver';

/**
 * Every append, whoever makes it (a decider, the reporting commands, the sealer), names the units
 * its events are about: one place, so no writer can forget. Reads pass through untouched.
 */
export class SubjectStampingEventStore implements EventStore {
  readonly findFirstPositionGap?: () => Promise<PositionGap | null>;
  readonly lastPositionRecordedBy?: (instant: string) => Promise<Position>;
  readonly countEventsBetween?: (after: Position, upTo: Position, cap: number) => Promise<number>;

  constructor(
    private readonly inner: EventStore,
    private readonly subjects: SubjectResolver,
  ) {
    if (inner.findFirstPositionGap) this.findFirstPositionGap = () => inner.findFirstPositionGap!();
    if (inner.lastPositionRecordedBy) this.lastPositionRecordedBy = (i) => inner.lastPositionRecordedBy!(i);
    if (inner.countEventsBetween) this.countEventsBetween = (a, u, c) => inner.countEventsBetween!(a, u, c);
  }

  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const found = await this.subjects.forAppend(stream, events, expected === NO_STREAM);
    const stamped = events.map((e, i) =>
      e.metadata.subjectUnitIds ? e : { ...e, metadata: { ...e.metadata, subjectUnitIds: found[i] } },
    );
    return this.inner.appendToStream(stream, stamped, expected);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllResult> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  countEventsAfter(after: Position, cap: number): Promise<number> {
    return this.inner.countEventsAfter(after, cap);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
