import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { OpenYears, systemScope, YearScheduler } from '@gl/application';
import { Clock, SYSTEM_ACTOR } from '@gl/domain';
import { allProjections, ProjectionEngine } from '@gl/read-models';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import {
  ApplicationModule,
  AppConfig,
  APP_CONFIG,
  AuthGuard,
  IdempotencyInterceptor,
  IdempotencyModule,
  loggerModule,
  OperationsModule,
  ETagInterceptor,
  PlatformModule,
  RateLimitGuard,
  RateLimitModule,
  ReadModelsModule,
  ReadYourWritesInterceptor,
  RightsAtAppendInterceptor,
  SealScheduler,
  SeedService,
  WebhookDeliveryModule,
  WebhookRegistryModule,
  WebhookStoreModule,
} from '@gl/platform';
import { MeController } from './access/me.controller';
import { SignInController } from './access/sign-in.controller';
import { UsersController } from './access/users.controller';
import { ProjectionsController } from './operations/projections.controller';
import { UnitsController } from './units/units.controller';
import { ObligationsController } from './plans/obligations.controller';
import { PlansController } from './plans/plans.controller';
import { ActivitiesController } from './activities/activities.controller';
import { ActivityStepsController } from './activities/activity-steps.controller';
import { ReportingController } from './reporting/reporting.controller';
import { AuditController } from './audit/audit.controller';
import { EventsController } from './audit/events.controller';
import { SealsController } from './audit/seals.controller';
import { DashboardsController } from './dashboards/dashboards.controller';
import { InspectionsController } from './inspections/inspections.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/**
 * At start: on an empty store the seed plan and demo users load (SEED_ON_EMPTY); then the
 * scheduler opens each yearly task's obligations for the years up to now, and again every hour,
 * and the sealer signs the log every SEAL_INTERVAL_MS.
 */
@Injectable()
class StartUp implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly seed: SeedService,
    private readonly scheduler: YearScheduler,
    private readonly commands: CommandBus,
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sealer: SealScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedOnEmpty) await this.seed.seedIfEmpty();
    if (!this.config.scheduler) return;
    this.sealer.start();
    const context = { actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'scheduler' };
    // The scheduler reads plans and regimes from the read models: let them catch up first (in the
    // background, so the api answers meanwhile).
    void this.events
      .headPosition()
      .then((head) => this.engine.waitFor(head, 120_000))
      .then(() => this.scheduler.start(() => this.commands.execute(new OpenYears(context))));
  }

  beforeApplicationShutdown(): void {
    this.scheduler.stop();
    this.sealer.stop();
  }
}

/** The HTTP composition root: picks adapters through PlatformModule, mounts the feature modules. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, overrides),
        loggerModule(config),
        CqrsModule.forRoot(),
        ReadModelsModule.forRoot({ projections: allProjections, run: config.runProjections }),
        ApplicationModule,
        OperationsModule,
        IdempotencyModule.forRoot(),
        WebhookStoreModule,
        WebhookRegistryModule,
        WebhookDeliveryModule,
        RateLimitModule,
      ],
      controllers: [
        ProjectionsController,
        UnitsController,
        UsersController,
        MeController,
        SignInController,
        PlansController,
        ObligationsController,
        ActivitiesController,
        ActivityStepsController,
        ReportingController,
        AuditController,
        SealsController,
        EventsController,
        DashboardsController,
        InspectionsController,
        WebhooksController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // After AuthGuard, so a request counts against its user (and every one against its address).
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        // Every write with an Idempotency-Key: replay, 409 while in flight, 422 for another body.
        { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
        // Every write checked against the rights the log holds at that moment; revocations not overtaken.
        { provide: APP_INTERCEPTOR, useClass: RightsAtAppendInterceptor },
        // Inside idempotency, so a retried write is answered as the first time before its If-Match is weighed.
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
        StartUp,
      ],
    };
  }
}
