import { comparePositions, EventReader, Position } from '@gl/event-store';
import { GenerationState, ProjectionRecord, ProjectionStore } from '../port/projection-store.port';
import { Projection } from './projection';
import { ProjectionRunner, RunnerOptions, RunnerState } from './projection-runner';

export interface Lag {
  /** Events in the log after the checkpoint (counted up to LAG_COUNT_CAP). */
  events: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  seconds: number;
}

export interface ProjectionStatus {
  name: string;
  collection: string;
  /** This process's runner, or 'not-running' when another process runs it. */
  state: RunnerState | 'not-running';
  live: (GenerationState & { lag: Lag }) | null;
  building: (GenerationState & { lag: Lag }) | null;
  rebuildRequested: boolean;
  failure: ProjectionRecord['failure'];
}

/**
 * Lags are counted up to here. Beyond it a reader is simply far behind, and counting on would hold
 * the event loop: SQLite counts a million rows in about a second, and a readiness probe or a metrics
 * scrape during a rebuild asked that for every projection (issue 17 saw the api stall on its probes).
 */
export const LAG_COUNT_CAP = 10_000;

/**
 * The projections of one process. `run: true` where this process runs them (the projector, or
 * the api in embedded mode); either way it can report their status and wait for their checkpoints.
 */
export class ProjectionEngine {
  private readonly runners: ProjectionRunner[];

  constructor(
    private readonly events: EventReader,
    private readonly store: ProjectionStore,
    readonly projections: Projection<any, any>[],
    private readonly options: RunnerOptions & {
      run: boolean;
      waitPollMs?: number;
      /** Snapshots of these projections every `every` events, for "as of" replays to start from. */
      snapshots?: { every: number; projections: readonly string[] };
    },
  ) {
    const names = new Set<string>();
    for (const p of projections) {
      if (names.has(p.name)) throw new Error(`two projections are named ${p.name}`);
      names.add(p.name);
    }
    const { snapshots, ...runnerOptions } = options;
    const optionsOf = (p: Projection<any, any>): RunnerOptions =>
      snapshots?.projections.includes(p.name) ? { ...runnerOptions, snapshotEvery: snapshots.every } : runnerOptions;
    this.runners = options.run ? projections.map((p) => new ProjectionRunner(events, store, p, optionsOf(p))) : [];
  }

  start(): void {
    for (const r of this.runners) r.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  runner(name: string): ProjectionRunner | undefined {
    return this.runners.find((r) => r.name === name);
  }

  /** Rebuilds now if this process runs it; otherwise records the request for the process that does. */
  async rebuild(name: string): Promise<void> {
    if (!this.projections.some((p) => p.name === name)) throw new UnknownProjectionError(name);
    const runner = this.runner(name);
    if (runner) await runner.rebuild();
    else await this.store.requestRebuild(name);
  }

  async status(): Promise<ProjectionStatus[]> {
    const records = new Map((await this.store.records()).map((r) => [r.name, r]));
    // Projections at the same checkpoint (most of them, live) share one count.
    const lags = new Map<Position, Promise<Lag>>();
    const lagAt = (position: Position) => {
      let lag = lags.get(position);
      if (!lag) lags.set(position, (lag = this.lag(position)));
      return lag;
    };
    return Promise.all(
      this.projections.map(async (p) => {
        const r = records.get(p.name);
        const withLag = async (g: GenerationState | null | undefined) =>
          g ? { ...g, lag: await lagAt(g.position) } : null;
        return {
          name: p.name,
          collection: r?.collection ?? p.collection ?? p.name,
          state: this.runner(p.name)?.state ?? 'not-running',
          live: await withLag(r?.live),
          building: await withLag(r?.building),
          rebuildRequested: r?.rebuildRequested ?? false,
          failure: r?.failure ?? null,
        };
      }),
    );
  }

  async lag(position: Position): Promise<Lag> {
    const next = await this.events.readAll({ after: position, maxCount: 1 });
    if (next.events.length === 0) return { events: 0, seconds: 0 };
    const age = (this.options.clock.now().getTime() - Date.parse(next.events[0].metadata.recordedAt)) / 1000;
    return { events: await this.events.countEventsAfter(position, LAG_COUNT_CAP), seconds: Math.max(0, age) };
  }

  /**
   * Read-your-writes: resolves true once every projection's live checkpoint is at or past
   * `position`, false when `timeoutMs` passes first.
   */
  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const names = new Set(this.projections.map((p) => p.name));
    for (;;) {
      const records = (await this.store.records()).filter((r) => names.has(r.name));
      const reached =
        records.length === names.size &&
        records.every((r) => r.live && comparePositions(r.live.position, position) >= 0);
      if (reached) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) =>
        setTimeout(r, Math.min(this.options.waitPollMs ?? 20, Math.max(1, deadline - Date.now()))),
      );
    }
  }
}

export class UnknownProjectionError extends Error {
  static readonly problem = { type: 'about:blank', status: 404, title: 'Not found' };
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
    this.name = 'UnknownProjectionError';
  }
}
