import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  ActOnObligationHandler, ChangePlanHandler, ChangeUnitsHandler, GetObligationHandler, GetPlanHandler, GetUnitHandler,
  GetUnitLineageHandler, GetUnitTreeHandler, GetUserHandler, GrantRoleHandler, ListObligationsHandler, ListPlansHandler,
  ListUnitsHandler, ListUsersHandler, ObligationFanOut, OpenYearsHandler, PrincipalResolver, RightsBarrier, RegisterUserHandler, RegistryLoader,
  RevokeRoleHandler, UnitDirectory, UserCommands, YearScheduler, DoActivityHandler, ListActivitiesHandler, GetActivityHandler,
  GetUnitFiguresHandler, GetRegulationCoverageHandler, GetBudgetTotalsHandler, CompileLegalReviewHandler,
  DefineRegimeHandler, OpenPeriodHandler, RemindMissingHandler, ActOnReportHandler, ListPeriodsHandler, GetReportHandler, GetComplianceHandler,
  ListEventsHandler, GetStreamHistoryHandler, GetDashboardHandler, TimeTravel, TIME_TRAVEL_MAX_EVENTS,
  ActOnInspectionHandler, ListInspectionsHandler, GetInspectionHandler,
} from '@gl/application';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { TokenService } from './auth/token.service';
import { SeedService } from './seed/seed.service';

/** The application's command and query handlers, tokens and principals, the seed and the scheduler. */
@Module({
  imports: [CqrsModule],
  providers: [
    ChangeUnitsHandler, ListUnitsHandler, GetUnitTreeHandler, GetUnitHandler, GetUnitLineageHandler,
    UserCommands, RegisterUserHandler, GrantRoleHandler, RevokeRoleHandler, ListUsersHandler, GetUserHandler,
    ChangePlanHandler, ActOnObligationHandler, OpenYearsHandler, ObligationFanOut, ListPlansHandler, GetPlanHandler,
    ListObligationsHandler, GetObligationHandler, YearScheduler,
    DoActivityHandler, ListActivitiesHandler, GetActivityHandler, GetUnitFiguresHandler, GetRegulationCoverageHandler, GetBudgetTotalsHandler,
    CompileLegalReviewHandler,
    DefineRegimeHandler, OpenPeriodHandler, RemindMissingHandler, ActOnReportHandler, ListPeriodsHandler, GetReportHandler, GetComplianceHandler,
    ListEventsHandler, GetStreamHistoryHandler, GetDashboardHandler, TimeTravel,
    ActOnInspectionHandler, ListInspectionsHandler, GetInspectionHandler,
    UnitDirectory, RegistryLoader, PrincipalResolver, RightsBarrier, TokenService, SeedService,
    { provide: TIME_TRAVEL_MAX_EVENTS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => c.timeTravelMaxEvents },
  ],
  exports: [CqrsModule, UnitDirectory, RegistryLoader, PrincipalResolver, RightsBarrier, TokenService, SeedService, YearScheduler, TimeTravel],
})
export class ApplicationModule {}
