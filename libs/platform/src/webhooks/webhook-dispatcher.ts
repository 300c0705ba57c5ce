import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import type { LookupFunction } from 'node:net';
import type { Clock } from '@gl/domain';
import { EVENT_STORE, EventStore, Subscription } from '@gl/event-store';
import { WEBHOOK_STORE, WebhookStore } from '@gl/read-models';
import { SubjectResolver, UnitDirectory } from '@gl/application';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { CLOCK } from '../time/system-clock';
import { EndpointWorker, WorkerDeps } from './endpoint-worker';
import { checkReceiverUrl, guardedLookup } from './receiver-address';
import { ThreadedWebhookSender } from './threaded-webhook-sender';
import { Sender, WebhookSender } from './webhook-sender';

/** How often the registry is read for endpoints created, changed, paused or deleted. */
export const REGISTRY_POLL_MS = 500;
/** How often delivery attempts older than WEBHOOK_ATTEMPTS_RETENTION_DAYS are deleted. */
export const PURGE_EVERY_MS = 3_600_000;
/** The lookup each new connection resolves its receiver with (the guarded one refuses private addresses). */
export const WEBHOOK_LOOKUP = Symbol('WEBHOOK_LOOKUP');
/** Whether this process delivers, when its composition root decides it (the projector); else `config.webhooks.deliver`. */
export const WEBHOOKS_DELIVER_HERE = Symbol('WEBHOOKS_DELIVER_HERE');

/** The URL check depends on the URL alone (addresses are checked at each connection): once per URL. */
const remembered = (check: (url: string) => string | null) => {
  const seen = new Map<string, string | null>();
  return (url: string): string | null => {
    if (!seen.has(url)) {
      if (seen.size >= 10_000) seen.clear();
      seen.set(url, check(url));
    }
    return seen.get(url) ?? null;
  };
};

/**
 * Delivers the log to the webhook endpoints (issue 16, ADR 0011): one loop per active endpoint,
 * each from its own durable cursor, so a failing or slow receiver holds back only itself. The
 * registry is read every REGISTRY_POLL_MS; a live subscription to the log's head wakes idle loops
 * at once. Runs where `config.webhooks.deliver` says (the api embedded, the projector with MongoDB).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly workers = new Map<string, EndpointWorker>();
  private readonly retiring = new Map<string, Promise<void>>();
  private readonly sender: Sender;
  private readonly deps: WorkerDeps;
  private timer: NodeJS.Timeout | null = null;
  private purgeTimer: NodeJS.Timeout | null = null;
  private subscription: Subscription | null = null;
  private syncing: Promise<void> | null = null;
  private running = false;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    resolver: SubjectResolver,
    directory: UnitDirectory,
    @Optional() @Inject(WEBHOOK_LOOKUP) lookup?: LookupFunction,
    @Optional() @Inject(WEBHOOKS_DELIVER_HERE) private readonly deliverHere?: boolean,
  ) {
    const settings = config.webhooks;
    // SSRF (ADR 0011): the URL as written, then every address the socket is to connect to, at each connection.
    const policy = { production: config.nodeEnv === 'production', allowPrivate: settings.allowPrivate };
    const refuse = remembered((url) => checkReceiverUrl(url, policy));
    const limits = { connectTimeoutMs: settings.connectTimeoutMs, timeoutMs: settings.timeoutMs };
    // A lookup given by the composition root is a function, which cannot cross to a thread.
    this.sender =
      settings.senderThread && !lookup
        ? new ThreadedWebhookSender({ ...limits, allowPrivate: settings.allowPrivate }, refuse)
        : new WebhookSender({
            ...limits,
            lookup: lookup ?? guardedLookup({ allowPrivate: settings.allowPrivate }),
            refuse,
          });
    this.deps = {
      store,
      events,
      subjects: (e) => resolver.of(e),
      units: () => directory.units(),
      sender: this.sender,
      settings,
      publicBaseUrl: config.publicBaseUrl,
      clock,
      log: (level, message) => this.logger[level](message),
    };
  }

  onApplicationBootstrap(): void {
    if (this.deliverHere ?? this.config.webhooks.deliver) this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.sender.start?.();
    void this.sync();
    this.timer = setInterval(() => void this.sync(), REGISTRY_POLL_MS);
    this.timer.unref();
    void this.purgeOldAttempts();
    this.purgeTimer = setInterval(() => void this.purgeOldAttempts(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
    void this.watch();
  }

  /** Deletes the delivery log's attempts older than the retention (WEBHOOK_ATTEMPTS_RETENTION_DAYS). */
  async purgeOldAttempts(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.webhooks.attemptsRetentionDays * 86_400_000);
    try {
      return await this.store.purgeAttempts(before);
    } catch (e) {
      this.logger.warn(`purging old webhook attempts failed: ${(e as Error).message}`);
      return 0;
    }
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.timer = null;
    this.purgeTimer = null;
    await this.subscription?.stop();
    await this.syncing;
    const grace = Math.min(this.config.webhooks.timeoutMs, 2000);
    await Promise.all([...[...this.workers.values()].map((w) => w.stop(grace)), ...this.retiring.values()]);
    this.workers.clear();
    this.sender.close();
  }

  /** The endpoints delivered to now. */
  get activeEndpoints(): string[] {
    return [...this.workers.keys()];
  }

  /** Reads the registry now (tests, and the registry API after a change), starting and stopping loops. */
  sync(): Promise<void> {
    this.syncing ??= this.reconcile()
      .catch((e: Error) => this.logger.error(`reading the webhook endpoints failed: ${e.message}`))
      .finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async reconcile(): Promise<void> {
    if (!this.running) return;
    const endpoints = await this.store.list(null);
    const listed = new Set<string>();
    for (const ep of endpoints) {
      listed.add(ep.endpointId);
      const w = this.workers.get(ep.endpointId);
      const changed =
        w && (!w.running || ep.status !== 'active' || ep.updatedAt.getTime() !== w.endpoint.updatedAt.getTime());
      if (w && changed) this.retire(ep.endpointId, w);
      if (ep.status === 'active' && (!w || changed) && !this.retiring.has(ep.endpointId) && this.running)
        this.workers.set(ep.endpointId, new EndpointWorker(ep, this.deps));
    }
    for (const [id, w] of this.workers) if (!listed.has(id)) this.retire(id, w);
  }

  private retire(id: string, w: EndpointWorker): void {
    this.workers.delete(id);
    this.retiring.set(
      id,
      w.stop(this.config.webhooks.timeoutMs + 1000).finally(() => this.retiring.delete(id)),
    );
  }

  /** Wakes the idle loops at each append. */
  private async watch(): Promise<void> {
    try {
      this.subscription = this.events.subscribeToAll({ after: await this.events.headPosition() });
      if (!this.running) return void (await this.subscription.stop());
      for await (const _ of this.subscription) for (const w of this.workers.values()) w.wake();
    } catch (e) {
      if (this.running) this.logger.warn(`webhook wake-ups stopped (${(e as Error).message}); polling only`);
    }
  }
}
