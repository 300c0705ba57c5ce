import { Inject, Injectable } from '@nestjs/common';
import { evolveRegistry, initialRegistry, UNIT_REGISTRY_STREAM, UnitEvent, UnitRegistry } from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';

/**
 * The organisation tree as the event store has it now, for decisions (never a lagging read
 * model): folded from the registry stream, and folded again only when the stream has moved.
 */
@Injectable()
export class RegistryLoader {
  private cached: { revision: number; state: UnitRegistry } | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(): Promise<UnitRegistry> {
    const [last] = await this.store.readStream(UNIT_REGISTRY_STREAM, { direction: 'backward', maxCount: 1 });
    if (!last) return initialRegistry();
    if (this.cached?.revision === last.revision) return this.cached.state;
    const events = await this.store.readStream(UNIT_REGISTRY_STREAM);
    const state = events.reduce(
      (s, e) => evolveRegistry(s, { type: e.type, data: e.data } as UnitEvent),
      initialRegistry(),
    );
    this.cached = { revision: events[events.length - 1].revision, state };
    return state;
  }
}
