import { RecordedEvent } from '../port/envelope';

/**
 * Turns the data of one stored shape into the next: `fromVersion` → `fromVersion + 1`. A plain function
 * that returns new data: what it is given may be shared between readers, and frozen.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown, event: RecordedEvent): unknown;
}

export class UpcasterChainError extends Error {
  constructor(type: string, version: number) {
    super(`no upcaster for ${type} from schema version ${version}`);
    this.name = 'UpcasterChainError';
  }
}

/**
 * Upcasters by event type. A new shape of the same meaning gets an upcaster; a new meaning gets a
 * new type. Stored events are never rewritten: reads bring old shapes up to the current one.
 */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();
  private readonly current = new Map<string, number>();

  register(...upcasters: Upcaster[]): this {
    for (const u of upcasters) {
      const chain = this.byType.get(u.type) ?? new Map<number, Upcaster>();
      if (chain.has(u.fromVersion)) throw new Error(`two upcasters for ${u.type} from version ${u.fromVersion}`);
      chain.set(u.fromVersion, u);
      this.byType.set(u.type, chain);
      this.current.set(u.type, Math.max(this.current.get(u.type) ?? 1, u.fromVersion + 1));
    }
    return this;
  }

  /** The schema version new events of this type are written with. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast<E extends RecordedEvent>(event: E): E {
    const target = this.currentVersion(event.type);
    let version = event.metadata.schemaVersion;
    if (version >= target) return event;
    const chain = this.byType.get(event.type)!;
    let data = event.data;
    while (version < target) {
      const step = chain.get(version);
      if (!step) throw new UpcasterChainError(event.type, version);
      data = step.upcast(data, event);
      version++;
    }
    // The stored hash still covers the stored shape; schemaVersion says which shape that was.
    return { ...event, data };
  }
}
