import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Clock } from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import {
  AnyProjection,
  largeCollections,
  PROJECTION_STORE,
  ProjectionEngine,
  PROJECTIONS,
  ProjectionStore,
  READ_STORE,
  ReadStore,
} from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';
import { dashboardProjections, SCRATCH_READ_STORE } from '@gl/application';
import { MongoReadStore } from '@gl/read-models/mongodb';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { CLOCK } from '../time/system-clock';
import { ShutdownState } from '../lifecycle/shutdown-state';

type ReadModelAdapter = ReadStore & ProjectionStore & { close(): Promise<void> };
const READ_MODEL_ADAPTER = Symbol('READ_MODEL_ADAPTER');

/**
 * Picks the read store from configuration: the embedded one under DATA_DIR (the collections that grow
 * with the log kept on disk), or MongoDB.
 */
export const openReadStore = async (
  config: AppConfig,
  clock: Clock,
  projections: readonly AnyProjection[],
): Promise<ReadModelAdapter> => {
  if (config.readStore.kind === 'mongodb') return MongoReadStore.connect({ url: config.readStore.url, clock });
  mkdirSync(config.dataDir, { recursive: true });
  const filename = join(config.dataDir, 'read-models.db');
  const onDisk = config.readModelOnDisk === 'large' ? largeCollections(projections) : [];
  return new EmbeddedReadStore({ filename, clock, onDisk, cacheMiB: config.readModelCacheMiB });
};

@Injectable()
class ReadModelsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_ADAPTER) private readonly adapter: ReadModelAdapter,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly shutdown: ShutdownState,
  ) {}

  onApplicationBootstrap(): void {
    this.engine.start();
  }

  /**
   * Runners stop before the stores close (onApplicationShutdown), so no batch is cut off; each batch
   * is written with its checkpoint. At a graceful shutdown they first catch up with the log as the
   * last request left it (within the deadline, a second kept for closing), so the checkpoints stand
   * at the head and the next start serves current read models at once.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const deadline = this.shutdown.deadline;
    const runs = this.engine.projections.some((p) => this.engine.runner(p.name));
    if (deadline !== null && runs) {
      const caughtUp = await this.engine.waitFor(
        await this.events.headPosition(),
        Math.max(0, deadline - Date.now() - 1000),
      );
      if (!caughtUp)
        this.logger.warn(
          'projections stopped before reaching the head; they resume from their checkpoints at the next start',
        );
    }
    await this.engine.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.adapter.close();
  }
}

export interface ReadModelsOptions {
  projections: AnyProjection[];
  /** Whether this process runs the projections (or only reads and reports on them). */
  run: boolean;
}

/** The read side of a process: the read store, the projections, and the engine that runs them. */
@Global()
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsOptions): DynamicModule {
    const logger = new Logger('Projections');
    return {
      module: ReadModelsModule,
      providers: [
        { provide: READ_MODEL_ADAPTER, inject: [APP_CONFIG, CLOCK, PROJECTIONS], useFactory: openReadStore },
        { provide: READ_STORE, useExisting: READ_MODEL_ADAPTER },
        { provide: PROJECTION_STORE, useExisting: READ_MODEL_ADAPTER },
        { provide: PROJECTIONS, useValue: options.projections },
        {
          provide: ProjectionEngine,
          inject: [EVENT_STORE, PROJECTION_STORE, PROJECTIONS, CLOCK, APP_CONFIG],
          useFactory: (
            events: EventStore,
            store: ProjectionStore,
            projections: AnyProjection[],
            clock: Clock,
            config: AppConfig,
          ) =>
            new ProjectionEngine(events, store, projections, {
              clock,
              run: options.run,
              log: (level, m) => logger[level](m),
              // What a past dashboard replays starts from the latest snapshot of it (issue 17).
              snapshots: {
                every: config.readModelSnapshotEvery,
                projections: dashboardProjections(projections),
              },
            }),
        },
        ReadModelsLifecycle,
        // Time travel replays into throw-away stores: in memory, whatever the configured read store.
        {
          provide: SCRATCH_READ_STORE,
          inject: [CLOCK],
          useFactory: (clock: Clock) => () => new EmbeddedReadStore({ filename: ':memory:', clock }),
        },
      ],
      exports: [READ_STORE, PROJECTION_STORE, PROJECTIONS, ProjectionEngine, SCRATCH_READ_STORE],
    };
  }
}
