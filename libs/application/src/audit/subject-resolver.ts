import {
  planStream,
  RECORDED_EVENT_TYPES,
  RecordedDomainEvent,
  SubjectContext,
  SUBJECT_FROM_OPENING,
  subjectUnitsOf,
  UnitRegistry,
  unitsOn,
} from '@gl/domain';
import type { EventStore, NewEvent, RecordedEvent } from '@gl/event-store';
import { RegistryLoader } from '../units/registry-loader';

const KNOWN = new Set(RECORDED_EVENT_TYPES);
/** Openings kept for legacy follow-ups: a city's obligations and activities, many times over. */
const MAX_OPENINGS = 50_000;

type Plain = Pick<RecordedEvent, 'type' | 'data'>;

/**
 * The subject units of events, by the domain's one definition (`subjectUnitsOf`). New events carry
 * them in `metadata.subjectUnitIds` (stamped at the append); events recorded before keep their bytes
 * and hashes, and theirs are derived here from the same definition with the same context: the
 * stream's first event, the tree, the plan's issuer.
 */
export class SubjectResolver {
  private readonly openings = new Map<string, Plain | null>();
  private readonly issuers = new Map<string, string | null>();

  constructor(
    private readonly store: EventStore,
    private readonly registry: RegistryLoader = new RegistryLoader(store),
  ) {}

  /** The units an event is about: as stamped, else derived. */
  async of(e: RecordedEvent): Promise<string[]> {
    const stamped = e.metadata.subjectUnitIds;
    if (Array.isArray(stamped)) return stamped;
    const opening = SUBJECT_FROM_OPENING.has(e.type) && e.revision > 0 ? await this.openingOf(e.stream) : null;
    return this.derive(e, opening);
  }

  /** Subjects of many events, in order. */
  async ofAll(events: readonly RecordedEvent[]): Promise<string[][]> {
    const out: string[][] = [];
    for (const e of events) out.push(await this.of(e));
    return out;
  }

  /** Subjects for events about to be appended to a stream (the first of a new stream opens it for the rest). */
  async forAppend(stream: string, events: readonly NewEvent[], streamIsNew: boolean): Promise<string[][]> {
    let opening: Plain | null = streamIsNew ? null : await this.openingOf(stream);
    const out: string[][] = [];
    for (const e of events) {
      out.push(await this.derive(e, SUBJECT_FROM_OPENING.has(e.type) ? opening : null));
      opening ??= { type: e.type, data: e.data };
    }
    return out;
  }

  private async derive(e: Plain, opening: Plain | null): Promise<string[]> {
    if (!KNOWN.has(e.type)) return [];
    const planId = (e.data as { planId?: unknown } | null)?.planId;
    if (typeof planId === 'string' && !e.type.startsWith('obligation.') && !this.issuers.has(planId))
      await this.loadIssuer(planId);
    const registry = e.type === 'units.level-abolished.v1' ? await this.registry.load() : null;
    const ctx: SubjectContext = {
      opening,
      issuerOf: (id) => this.issuers.get(id) ?? null,
      unitsOfLevel: (level, on) => (registry ? unitsOfLevel(registry, level, on) : []),
    };
    return subjectUnitsOf(e as RecordedDomainEvent, ctx);
  }

  private async openingOf(stream: string): Promise<Plain | null> {
    if (this.openings.has(stream)) return this.openings.get(stream)!;
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    const opening = first ? { type: first.type, data: first.data } : null;
    if (this.openings.size >= MAX_OPENINGS) this.openings.delete(this.openings.keys().next().value!);
    if (opening) this.openings.set(stream, opening);
    return opening;
  }

  private async loadIssuer(planId: string): Promise<void> {
    const [first] = await this.store.readStream(planStream(planId), { maxCount: 1 });
    const issuer = (first?.data as { issuerUnitId?: string } | undefined)?.issuerUnitId ?? null;
    // A plan not recorded yet may be recorded later: remember only what is known.
    if (issuer) this.issuers.set(planId, issuer);
  }
}

const unitsOfLevel = (registry: UnitRegistry, level: string, on: string): string[] =>
  unitsOn(registry.units.values(), on)
    .filter((u) => u.level === level)
    .map((u) => u.id)
    .sort();
