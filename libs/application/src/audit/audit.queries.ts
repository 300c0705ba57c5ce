import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Scope } from '@gl/domain';
import { comparePositions, EVENT_STORE, EventStore, Position, RecordedEvent, START } from '@gl/event-store';
import { NotFoundInScopeError } from '../shared/access.errors';
import { EventWithSubjects, visibleTo } from './event-visibility';
import { SubjectResolver } from './subject-resolver';

export interface EventFilter {
  after?: Position;
  types?: string[];
  categories?: string[];
  stream?: string;
  actorId?: string;
  unitId?: string;
  /** Recorded time (when the system learnt it), ISO instants, [from, to). */
  recordedFrom?: string;
  recordedTo?: string;
  /** Business time (when it happened), ISO instants, [from, to). */
  occurredFrom?: string;
  occurredTo?: string;
}

/** How many events one page may scan: a sparse filter answers with a continuation, never a stall. */
const SCAN_CAP = 50_000;

const matches = (e: RecordedEvent, subjects: readonly string[], f: EventFilter): boolean => {
  if (f.stream && e.stream !== f.stream) return false;
  if (f.actorId && e.metadata.actor.userId !== f.actorId) return false;
  if (f.unitId && !subjects.includes(f.unitId)) return false;
  const rec = e.metadata.recordedAt;
  if ((f.recordedFrom && rec < f.recordedFrom) || (f.recordedTo && rec >= f.recordedTo)) return false;
  const occ = e.metadata.occurredAt ?? rec;
  if ((f.occurredFrom && occ < f.occurredFrom) || (f.occurredTo && occ >= f.occurredTo)) return false;
  return true;
};

/**
 * A page of the log as the caller may see it, after a position, filtered. `next` continues the
 * scan (also when a page ends early because the scan cap was reached); `isEnd` says the log's end was reached.
 */
export const pageOfEvents = async (
  store: EventStore,
  subjects: SubjectResolver,
  scope: Scope,
  filter: EventFilter,
  limit: number,
) => {
  // Instants compare as strings only in one form: the stored one (toISOString).
  const iso = (t?: string) => (t ? new Date(t).toISOString() : undefined);
  const f = {
    ...filter,
    recordedFrom: iso(filter.recordedFrom),
    recordedTo: iso(filter.recordedTo),
    occurredFrom: iso(filter.occurredFrom),
    occurredTo: iso(filter.occurredTo),
  };
  const items: EventWithSubjects[] = [];
  let after = f.after ?? START;
  let scanned = 0;
  let isEnd = false;
  while (items.length < limit && scanned < SCAN_CAP) {
    const batch = await store.readAll({
      after,
      maxCount: 1000,
      filter: { typePrefixes: f.types, categories: f.categories },
    });
    for (const e of batch.events) {
      scanned++;
      after = e.position;
      const units = await subjects.of(e);
      if (matches(e, units, f) && visibleTo(scope, e, units)) items.push({ ...e, subjectUnitIds: units });
      if (items.length === limit) break;
    }
    if (items.length === limit) break;
    after = comparePositions(batch.position, after) > 0 ? batch.position : after;
    if (batch.isEnd) {
      isEnd = true;
      break;
    }
  }
  return { items, next: after, isEnd };
};

export class ListEvents {
  constructor(
    readonly scope: Scope,
    readonly filter: EventFilter,
    readonly limit: number,
  ) {}
}

@QueryHandler(ListEvents)
export class ListEventsHandler implements IQueryHandler<ListEvents> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subjects: SubjectResolver,
  ) {}

  execute({ scope, filter, limit }: ListEvents) {
    return pageOfEvents(this.store, this.subjects, scope, filter, limit);
  }
}

/** The full history of one stream, with each event's actor, roles, reason and hash. */
export class GetStreamHistory {
  constructor(
    readonly scope: Scope,
    readonly stream: string,
  ) {}
}

@QueryHandler(GetStreamHistory)
export class GetStreamHistoryHandler implements IQueryHandler<GetStreamHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subjects: SubjectResolver,
  ) {}

  async execute({ scope, stream }: GetStreamHistory) {
    const stored = await this.store.readStream(stream);
    const units = await this.subjects.ofAll(stored);
    const events = stored.map((e, i) => ({ ...e, subjectUnitIds: units[i] }));
    if (events.length === 0 || !events.every((e) => visibleTo(scope, e, e.subjectUnitIds)))
      throw new NotFoundInScopeError(`stream ${stream}`);
    return { stream, events };
  }
}
