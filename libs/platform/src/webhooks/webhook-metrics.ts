import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { DeliveryCursor, WEBHOOK_STORE, WebhookEndpoint, WebhookStore } from '@gl/read-models';

/** Lag is counted up to this many events (countEventsAfter is bounded). */
export const LAG_CAP = 100_000;

type Snapshot = { endpoint: WebhookEndpoint; cursor: DeliveryCursor | null; lag: number }[];

/**
 * Per endpoint on /metrics, read from the webhook store when scraped (so the counts survive
 * restarts and are the same whichever process delivers): deliveries by outcome, the events after
 * its cursor, and whether it is disabled.
 */
@Injectable()
export class WebhookMetrics {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  register(registry: Registry): void {
    let scrape: Promise<Snapshot> | null = null;
    const snapshot = () => (scrape ??= this.read().finally(() => setImmediate(() => (scrape = null))));
    const registers = [registry];
    new Counter({
      name: 'gl_webhook_deliveries_total',
      help: 'Delivery attempts per webhook endpoint, by outcome (delivered, failed)',
      labelNames: ['endpoint', 'outcome'],
      registers,
      collect: async function () {
        this.reset();
        for (const s of await snapshot()) {
          this.inc({ endpoint: s.endpoint.endpointId, outcome: 'delivered' }, s.cursor?.delivered ?? 0);
          this.inc({ endpoint: s.endpoint.endpointId, outcome: 'failed' }, s.cursor?.failed ?? 0);
        }
      },
    });
    new Gauge({
      name: 'gl_webhook_lag_events',
      help: `Events in the log after a webhook endpoint's cursor (counted up to ${LAG_CAP})`,
      labelNames: ['endpoint'],
      registers,
      collect: async function () {
        this.reset();
        for (const s of await snapshot()) this.set({ endpoint: s.endpoint.endpointId }, s.lag);
      },
    });
    new Gauge({
      name: 'gl_webhook_endpoint_disabled',
      help: '1 when a webhook endpoint is disabled (410 Gone, or failing longer than the limit)',
      labelNames: ['endpoint'],
      registers,
      collect: async function () {
        this.reset();
        for (const s of await snapshot())
          this.set({ endpoint: s.endpoint.endpointId }, s.endpoint.status === 'disabled' ? 1 : 0);
      },
    });
  }

  private async read(): Promise<Snapshot> {
    const out: Snapshot = [];
    for (const endpoint of await this.store.list(null)) {
      const cursor = await this.store.cursor(endpoint.endpointId);
      const lag = cursor ? await this.events.countEventsAfter(cursor.position, LAG_CAP) : 0;
      out.push({ endpoint, cursor, lag });
    }
    return out;
  }
}
