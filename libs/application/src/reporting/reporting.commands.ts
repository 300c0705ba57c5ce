import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  Clock,
  compileReports,
  decidePeriod,
  decideRegime,
  decideReport,
  evolvePeriod,
  evolveReport,
  Indicators,
  initialPeriod,
  initialReport,
  Period,
  PeriodEvent,
  PeriodOpened,
  periodIdOf,
  PlanEvent,
  planStream,
  periodStream,
  prefillIndicators,
  RegimeDefined,
  RegimeDefinition,
  regimeStream,
  PeriodCommand,
  Report,
  ReportCommand,
  ReportError,
  ReportEvent,
  reportStream,
  UnitYearFigures,
  unitOn,
  vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { NotFoundInScopeError, requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult, systemScope } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { Fold, foldStream, runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { UnitDirectory } from '../units/unit-directory';
import { whyNotStandingOn } from '../units/unit-standing';
import { GetUnitFigures } from '../activities/activities.queries';
import { ListObligations } from '../plans/plans.queries';
import { ActOnObligation } from '../plans/obligation.commands';
import { openDutyOfReport, reportEvidence } from './report-closes-duty';

const reportFold: Fold<Report, ReportEvent> = { initial: initialReport, evolve: evolveReport };
const periodFold: Fold<Period, PeriodEvent> = { initial: initialPeriod, evolve: evolvePeriod };
const regimeFold: Fold<RegimeDefinition | null, RegimeDefined> = { initial: () => null, evolve: (_s, e) => e.data };
const issuerFold: Fold<string | null, PlanEvent> = {
  initial: () => null,
  evolve: (s, e) => (e.type === 'plan.issued.v1' ? e.data.issuerUnitId : s),
};

export const loadRegime = (store: EventStore, regimeId: string): Promise<RegimeDefinition | null> =>
  foldStream(store, regimeStream(regimeId), regimeFold);

export const loadPeriod = async (store: EventStore, periodId: string): Promise<PeriodOpened['data'] | null> =>
  (await foldStream(store, periodStream(periodId), periodFold)).opened;

export class DefineRegime {
  constructor(
    readonly regime: RegimeDefinition,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DefineRegime)
export class DefineRegimeHandler implements ICommandHandler<DefineRegime> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ regime, context }: DefineRegime) {
    requireRole(context.scope, 'plan-coordinator', 'defining a reporting regime');
    return runDecider(
      this.store,
      regimeStream(regime.regimeId),
      regimeFold,
      (s) => decideRegime(regime, s !== null),
      context,
    );
  }
}

/** Opens a regime's period for a year (or an ad hoc request): one expected report per unit, as the tree stands that day. */
export class OpenPeriod {
  constructor(
    readonly input:
      | { regimeId: string; year?: number }
      | { regimeId: string; adHoc: { periodId: string; title: string; deadline: string; unitIds: string[] } },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(OpenPeriod)
export class OpenPeriodHandler implements ICommandHandler<OpenPeriod> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ input, context }: OpenPeriod) {
    requireRole(context.scope, 'plan-coordinator', 'opening a reporting period');
    const regime = await loadRegime(this.store, input.regimeId);
    if (!regime) throw new NotFoundInScopeError(`regime ${input.regimeId}`);
    const now = this.clock.now();
    const registry = await this.registry.load();
    let command: PeriodCommand;
    if (!('adHoc' in input)) {
      // Groups of reporters are the units of that group under the plan's issuer, as a task's are.
      const issuerUnitId = await foldStream(this.store, planStream(regime.planId), issuerFold);
      if (!issuerUnitId) throw new NotFoundInScopeError(`plan ${regime.planId} of regime ${regime.regimeId}`);
      // Without a year, this year in Vietnam by the server's clock.
      command = {
        type: 'OpenYearPeriod',
        regime,
        year: input.year ?? Number(vietnamDateOf(now).slice(0, 4)),
        issuerUnitId,
        units: registry.units,
      };
    } else {
      const a = input.adHoc;
      for (const u of a.unitIds) requireReadable(context.scope, u);
      const today = vietnamDateOf(now);
      const notStanding = Object.fromEntries(a.unitIds.map((u) => [u, whyNotStandingOn(registry, u, today)]));
      command = {
        type: 'OpenAdHocPeriod',
        regime,
        periodId: a.periodId,
        title: a.title,
        deadline: a.deadline,
        unitIds: a.unitIds,
        notStanding,
      };
    }
    const periodId = command.type === 'OpenYearPeriod' ? periodIdOf(regime.regimeId, command.year) : command.periodId;
    const result = await runDecider(
      this.store,
      periodStream(periodId),
      periodFold,
      (s) => decidePeriod(command, s, now),
      context,
    );
    const period = await loadPeriod(this.store, periodId);
    return { ...result, periodId, expected: period?.expectedUnitIds.length ?? 0 };
  }
}

/** Đôn đốc: a reminder to every unit that has not submitted yet. */
export class RemindMissing {
  constructor(
    readonly periodId: string,
    readonly message: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RemindMissing)
export class RemindMissingHandler implements ICommandHandler<RemindMissing> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
  ) {}

  async execute({ periodId, message, context }: RemindMissing) {
    requireRole(context.scope, 'plan-coordinator', 'sending reminders');
    const period = await loadPeriod(this.store, periodId);
    if (!period) throw new NotFoundInScopeError(`period ${periodId}`);
    const missing: string[] = [];
    for (const unitId of period.expectedUnitIds) {
      const report = await foldStream<Report, ReportEvent>(this.store, reportStream(unitId, periodId), reportFold);
      if (!report.firstSubmittedAt) missing.push(unitId);
    }
    const result = await runDecider(
      this.store,
      periodStream(periodId),
      periodFold,
      (s) => decidePeriod({ type: 'RemindMissing', periodId, message, missingUnitIds: missing }, s, this.clock.now()),
      context,
    );
    return { ...result, reminded: missing.length };
  }
}

/** A step of one unit's report: draft (or prefill from the read models), submit, return, correct, compile. */
export class ActOnReport {
  constructor(
    readonly periodId: string,
    readonly unitId: string,
    readonly action:
      | { type: 'Draft' | 'Correct'; indicators: Indicators; narrative: string; reason?: string }
      | { type: 'Prefill' | 'Compile'; narrative?: string }
      | { type: 'Submit' }
      | { type: 'Return'; reason: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ActOnReport)
export class ActOnReportHandler implements ICommandHandler<ActOnReport> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly directory: UnitDirectory,
  ) {}

  async execute({ periodId, unitId, action, context }: ActOnReport): Promise<CommandResult> {
    const period = await loadPeriod(this.store, periodId);
    requireReadable(context.scope, unitId, `the report of ${unitId}`);
    if (!period || !period.expectedUnitIds.includes(unitId))
      throw new NotFoundInScopeError(`a report of ${unitId} for ${periodId}`);
    let command: ReportCommand;
    if (action.type === 'Return') {
      requireRole(context.scope, 'plan-coordinator', 'returning a report');
      command = { type: 'Return', periodId, unitId, reason: action.reason };
    } else if (action.type === 'Submit') {
      // Signing is the head's: the unit head submits, at the server's time.
      requireRole(context.scope, 'unit-head', 'signing and submitting a report');
      requireWritable(context.scope, unitId, `the report of ${unitId}`);
      command = { type: 'Submit', periodId, unitId, signedBy: context.actor.userId, deadline: period.deadline };
    } else {
      requireWritable(context.scope, unitId, `the report of ${unitId}`);
      if (action.type === 'Prefill')
        command = {
          type: 'Draft',
          periodId,
          unitId,
          indicators: await this.prefill(unitId, period),
          narrative: action.narrative ?? '',
          prefilledFrom: 'read-models',
        };
      else if (action.type === 'Compile')
        command = {
          type: 'Draft',
          periodId,
          unitId,
          ...(await this.compile(period, action.narrative)),
          prefilledFrom: 'compilation',
        };
      else {
        const a = action as { type: 'Draft' | 'Correct'; indicators: Indicators; narrative: string; reason?: string };
        command =
          a.type === 'Draft'
            ? { type: 'Draft', periodId, unitId, indicators: a.indicators, narrative: a.narrative }
            : {
                type: 'Correct',
                periodId,
                unitId,
                indicators: a.indicators,
                narrative: a.narrative,
                reason: a.reason ?? '',
              };
      }
    }
    const now = this.clock.now();
    const duty = command.type === 'Submit' ? await openDutyOfReport(this.store, period, unitId) : null;
    const result = await runDecider<Report, ReportEvent>(
      this.store,
      reportStream(unitId, periodId),
      { initial: initialReport, evolve: evolveReport },
      (s) => decideReport(command, s, now),
      context,
    );
    if (duty) await this.closeDuty(duty, periodId, unitId, now, context);
    return result;
  }

  /**
   * The annual report closes its duty (plan IV.2): the submission completes the unit's obligation of
   * that year, on time or late as the obligation's deadline says at that moment; a later correction
   * leaves it completed.
   */
  private async closeDuty(
    obligationId: string,
    periodId: string,
    unitId: string,
    now: Date,
    context: CommandContext,
  ): Promise<void> {
    const [last] = await this.store.readStream(reportStream(unitId, periodId), { direction: 'backward', maxCount: 1 });
    const version = (last?.data as { version?: number } | undefined)?.version ?? 1;
    await this.commands.execute(
      new ActOnObligation(
        { type: 'Complete', obligationId, evidence: reportEvidence(periodId, version, now.toISOString()) },
        { ...context, idempotencyKey: `report-closes:${obligationId}`, causationId: context.correlationId },
      ),
    );
  }

  /** The unit's indicators for the period's year up to its data cut-off, from its recorded activities and obligations. */
  private async prefill(unitId: string, period: PeriodOpened['data']): Promise<Indicators> {
    const year = period.year ?? Number(period.openedOn.slice(0, 4));
    const figures: UnitYearFigures = await this.queries.execute(
      new GetUnitFigures(systemScope(), unitId, year, period.cutOff),
    );
    const obligations = await this.queries.execute(
      new ListObligations(systemScope(), { unitId, planId: period.planId }, 1, 1000),
    );
    return prefillIndicators(figures, obligations.items);
  }

  /** The city's report from the units' submitted reports: sums (exact), and who is missing. */
  private async compile(
    period: PeriodOpened['data'],
    narrative?: string,
  ): Promise<{ indicators: Indicators; narrative: string }> {
    const regime = await loadRegime(this.store, period.regimeId);
    if (!regime?.compiles || period.year === null)
      throw new ReportError('invalid-report', 'this report does not compile others');
    const source = await loadPeriod(this.store, periodIdOf(regime.compiles, period.year));
    if (!source)
      throw new ReportError(
        'invalid-report',
        `the units' period ${periodIdOf(regime.compiles, period.year)} is not open`,
      );
    const reports = new Map<string, Report>();
    for (const unitId of source.expectedUnitIds)
      reports.set(unitId, await foldStream(this.store, reportStream(unitId, source.periodId), reportFold));
    const units = await this.directory.units();
    const nameOf = (id: string) => {
      const unit = units.get(id);
      return (unit && (unitOn(unit, source.cutOff)?.name ?? unit.names.at(-1)?.value.name)) || id;
    };
    return compileReports(source.expectedUnitIds, reports, narrative, nameOf);
  }
}
