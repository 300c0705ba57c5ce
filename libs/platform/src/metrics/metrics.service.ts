import { Inject, Injectable, Optional } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { ProjectionEngine } from '@gl/read-models';
import { WebhookMetrics } from '../webhooks/webhook-metrics';

/**
 * Prometheus metrics of a process: Node's defaults, the log's head, and for each projection its
 * checkpoint and lag (events and seconds behind), read when scraped.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly engine: ProjectionEngine,
    @Optional() webhooks?: WebhookMetrics,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'gl_' });
    webhooks?.register(this.registry);
    const registers = [this.registry];
    let scrape: Promise<Awaited<ReturnType<ProjectionEngine['status']>>> | null = null;
    // One status read per scrape, shared by the gauges below.
    const status = () => (scrape ??= this.engine.status().finally(() => setImmediate(() => (scrape = null))));

    new Gauge({
      name: 'gl_event_store_head_position',
      help: 'Global position of the last event in the log',
      registers,
      collect: async function () {
        this.set(Number(await events.headPosition()));
      },
    });
    const perProjection = (
      name: string,
      help: string,
      value: (s: Awaited<ReturnType<typeof status>>[number]) => number | null,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection', 'generation'],
        registers,
        collect: async function () {
          this.reset();
          for (const s of await status()) {
            const v = value(s);
            if (v !== null) this.set({ projection: s.name, generation: String(s.live?.generation ?? '') }, v);
          }
        },
      });
    perProjection(
      'gl_projection_lag_events',
      'Events in the log not yet applied by the live generation',
      (s) => s.live?.lag.events ?? null,
    );
    perProjection(
      'gl_projection_lag_seconds',
      'Age of the oldest event not yet applied by the live generation',
      (s) => s.live?.lag.seconds ?? null,
    );
    perProjection('gl_projection_position', 'Checkpoint of the live generation', (s) =>
      s.live ? Number(s.live.position) : null,
    );
    perProjection('gl_projection_rebuilding', '1 while a new generation is being built', (s) => (s.building ? 1 : 0));
    perProjection('gl_projection_failed', '1 when the projection has failed and is retrying', (s) =>
      s.failure ? 1 : 0,
    );
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
