import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  Clock, decideReport, dueDayOf, evolveReport, fanOut, Indicators, initialReport, PeriodOpened, periodIdOf, PlanIssued, planStream, periodStream, RegimeDefinition, regimeStream,
  Report, ReportCommand, ReportError, ReportEvent, reportStream, ReportingEvent, startOfDayInVietnam, vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore, NO_STREAM } from '@gl/event-store';
import { NotFoundInScopeError, requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult, systemScope } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { eventIdFor, Fold, foldStream, runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { checkAdHocAgain, checkAdHocUnits, checkYear } from './period-checks';
import { GetUnitFigures } from '../activities/activities.queries';
import { ListObligations } from '../plans/plans.queries';
import { ActOnObligation } from '../plans/obligation.commands';
import { openDutyOfReport, reportEvidence } from './report-closes-duty';
import { indicatorValue } from './money-indicators';

const reportFold: Fold<Report, ReportEvent> = { initial: initialReport, evolve: evolveReport };

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, md: { month: number; day: number }) => `${year}-${pad(md.month)}-${pad(md.day)}`;

export const loadRegime = async (store: EventStore, regimeId: string): Promise<RegimeDefinition | null> => {
  const [e] = await store.readStream(regimeStream(regimeId), { maxCount: 1 });
  return e ? (e.data as RegimeDefinition) : null;
};

export const loadPeriod = async (store: EventStore, periodId: string): Promise<PeriodOpened['data'] | null> => {
  const [e] = await store.readStream(periodStream(periodId), { maxCount: 1 });
  return e ? (e.data as PeriodOpened['data']) : null;
};

/** Appends one event to a new stream, once: a second call with the same key is a no-op. */
const once = async (store: EventStore, stream: string, e: ReportingEvent, ctx: CommandContext): Promise<CommandResult> => {
  const existing = await store.readStream(stream, { direction: 'backward', maxCount: 1 });
  if (existing[0]) return { stream, revision: existing[0].revision, position: existing[0].position };
  const r = await store.appendToStream(stream, [{
    eventId: eventIdFor({ ...ctx, idempotencyKey: ctx.idempotencyKey ?? stream }, stream, 0), type: e.type, data: e.data,
    metadata: { actor: ctx.actor, correlationId: ctx.correlationId, causationId: ctx.causationId ?? ctx.correlationId },
  }], NO_STREAM);
  return { stream, revision: r.nextExpectedRevision, position: r.position };
};

export class DefineRegime {
  constructor(readonly regime: RegimeDefinition, readonly context: CommandContext) {}
}

@CommandHandler(DefineRegime)
export class DefineRegimeHandler implements ICommandHandler<DefineRegime> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ regime, context }: DefineRegime) {
    requireRole(context.scope, 'plan-coordinator', 'defining a reporting regime');
    return once(this.store, regimeStream(regime.regimeId), { type: 'reporting.regime-defined.v1', data: regime }, context);
  }
}

/** Opens a regime's period for a year (or an ad hoc request): one expected report per unit, as the tree stands that day. */
export class OpenPeriod {
  constructor(
    readonly input: { regimeId: string; year: number } | { regimeId: string; adHoc: { periodId: string; title: string; deadline: string; unitIds: string[] } },
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
    const today = vietnamDateOf(this.clock.now());
    let data: PeriodOpened['data'];
    if ('year' in input) {
      checkYear(regime, input.year, today);
      const openedOn = dayOf(input.year, regime.opensOn) < today ? dayOf(input.year, regime.opensOn) : today;
      // Groups of reporters are the units of that group under the plan's issuer, as a task's are.
      const [issued] = await this.store.readStream(planStream(regime.planId), { maxCount: 1 });
      if (!issued) throw new NotFoundInScopeError(`plan ${regime.planId} of regime ${regime.regimeId}`);
      const units = (await this.registry.load()).units;
      data = {
        periodId: periodIdOf(regime.regimeId, input.year), regimeId: regime.regimeId, planId: regime.planId, year: input.year,
        title: `${regime.title} — ${input.year}`, openedOn, deadline: startOfDayInVietnam(dayOf(input.year, regime.deadline)),
        cutOff: dayOf(input.year, regime.cutOff), recipientUnitId: regime.recipientUnitId,
        // Expected: the units standing on the day the report falls due, the rule a yearly duty follows (dueDayOf).
        expectedUnitIds: fanOut({ lead: regime.reporters, performers: [], coordinating: [] }, (issued.data as PlanIssued['data']).issuerUnitId, units, dueDayOf(startOfDayInVietnam(dayOf(input.year, regime.deadline)))).map((t) => t.unitId)
          .concat(regime.reporters.flatMap((a) => ('unitId' in a ? [a.unitId] : []))).filter((v, i, xs) => xs.indexOf(v) === i),
        adHoc: false,
      };
    } else {
      const a = input.adHoc;
      if (Number.isNaN(Date.parse(a.deadline))) throw new ReportError('invalid-report', 'the deadline of an ad hoc request is an instant');
      for (const u of a.unitIds) requireReadable(context.scope, u);
      checkAdHocUnits(await this.registry.load(), a.unitIds, today);
      data = {
        periodId: a.periodId, regimeId: regime.regimeId, planId: regime.planId, year: null, title: a.title, openedOn: today,
        deadline: new Date(a.deadline).toISOString(), cutOff: today, recipientUnitId: regime.recipientUnitId, expectedUnitIds: [...new Set(a.unitIds)], adHoc: true,
      };
      checkAdHocAgain(await loadPeriod(this.store, a.periodId), data);
    }
    return { ...(await once(this.store, periodStream(data.periodId), { type: 'reporting.period-opened.v1', data }, context)), periodId: data.periodId, expected: data.expectedUnitIds.length };
  }
}

/** Đôn đốc: a reminder to every unit that has not submitted yet. */
export class RemindMissing {
  constructor(readonly periodId: string, readonly message: string, readonly context: CommandContext) {}
}

@CommandHandler(RemindMissing)
export class RemindMissingHandler implements ICommandHandler<RemindMissing> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ periodId, message, context }: RemindMissing) {
    requireRole(context.scope, 'plan-coordinator', 'sending reminders');
    const period = await loadPeriod(this.store, periodId);
    if (!period) throw new NotFoundInScopeError(`period ${periodId}`);
    const missing: string[] = [];
    for (const unitId of period.expectedUnitIds) {
      const report = await foldStream<Report, ReportEvent>(this.store, reportStream(unitId, periodId), reportFold);
      if (!report.firstSubmittedAt) missing.push(unitId);
    }
    const stream = periodStream(periodId);
    const [last] = await this.store.readStream(stream, { direction: 'backward', maxCount: 1 });
    const r = await this.store.appendToStream(stream, [{
      eventId: eventIdFor(context, stream, 0), type: 'reporting.reminder-sent.v1', data: { periodId, unitIds: missing, message },
      metadata: { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId ?? context.correlationId },
    }], last.revision);
    return { stream, revision: r.nextExpectedRevision, position: r.position, reminded: missing.length };
  }
}

/** A step of one unit's report: draft (or prefill from the read models), submit, return, correct, compile. */
export class ActOnReport {
  constructor(
    readonly periodId: string,
    readonly unitId: string,
    readonly action: { type: 'Draft' | 'Correct'; indicators: Indicators; narrative: string; reason?: string } | { type: 'Prefill' | 'Compile'; narrative?: string } | { type: 'Submit' } | { type: 'Return'; reason: string },
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
  ) {}

  async execute({ periodId, unitId, action, context }: ActOnReport): Promise<CommandResult> {
    const period = await loadPeriod(this.store, periodId);
    requireReadable(context.scope, unitId, `the report of ${unitId}`);
    if (!period || !period.expectedUnitIds.includes(unitId)) throw new NotFoundInScopeError(`a report of ${unitId} for ${periodId}`);
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
      if (action.type === 'Prefill') command = { type: 'Draft', periodId, unitId, indicators: await this.prefill(unitId, period), narrative: action.narrative ?? '', prefilledFrom: 'read-models' };
      else if (action.type === 'Compile') command = { type: 'Draft', periodId, unitId, ...(await this.compile(period, action.narrative)), prefilledFrom: 'compilation' };
      else {
        const a = action as { type: 'Draft' | 'Correct'; indicators: Indicators; narrative: string; reason?: string };
        command = a.type === 'Draft'
          ? { type: 'Draft', periodId, unitId, indicators: a.indicators, narrative: a.narrative }
          : { type: 'Correct', periodId, unitId, indicators: a.indicators, narrative: a.narrative, reason: a.reason ?? '' };
      }
    }
    const now = this.clock.now();
    const duty = command.type === 'Submit' ? await openDutyOfReport(this.store, period, unitId) : null;
    const result = await runDecider<Report, ReportEvent>(this.store, reportStream(unitId, periodId), { initial: initialReport, evolve: evolveReport }, (s) => decideReport(command, s, now), context);
    if (duty) await this.closeDuty(duty, periodId, unitId, now, context);
    return result;
  }

  /**
   * The annual report closes its duty (plan IV.2): the submission completes the unit's obligation of
   * that year, on time or late as the obligation's deadline says at that moment; a later correction
   * leaves it completed.
   */
  private async closeDuty(obligationId: string, periodId: string, unitId: string, now: Date, context: CommandContext): Promise<void> {
    const [last] = await this.store.readStream(reportStream(unitId, periodId), { direction: 'backward', maxCount: 1 });
    const version = (last?.data as { version?: number } | undefined)?.version ?? 1;
    await this.commands.execute(new ActOnObligation(
      { type: 'Complete', obligationId, evidence: reportEvidence(periodId, version, now.toISOString()) },
      { ...context, idempotencyKey: `report-closes:${obligationId}`, causationId: context.correlationId },
    ));
  }

  /** The unit's indicators for the period's year up to its data cut-off, from its recorded activities and obligations. */
  private async prefill(unitId: string, period: PeriodOpened['data']): Promise<Indicators> {
    const year = period.year ?? Number(period.openedOn.slice(0, 4));
    const f = await this.queries.execute(new GetUnitFigures(systemScope(), unitId, year, period.cutOff));
    const obligations = await this.queries.execute(new ListObligations(systemScope(), { unitId, planId: period.planId }, 1, 1000));
    const items = obligations.items as { status: string; overdue: boolean }[];
    return {
      conferences: f.conferences.count, conferenceParticipants: f.conferences.totalParticipants, mediaItems: f.media.items,
      trainings: f.trainings.count, trainees: f.trainings.totalTrainees, regulationsInForce: f.regulations.inForce,
      documentsReviewed: f.legalReview.documents, budgetEstimated: f.budget.estimated, budgetApproved: f.budget.approved, budgetSpent: f.budget.spent,
      difficultiesRaised: Object.values(f.difficulties as Record<string, number>).reduce((a, b) => a + b, 0),
      difficultiesAnswered: (f.difficulties as Record<string, number>).answered + (f.difficulties as Record<string, number>).decided,
      obligationsCompleted: items.filter((o) => o.status === 'completed').length, obligationsOverdue: items.filter((o) => o.overdue).length,
    };
  }

  /** The city's report from the units' submitted reports: sums (exact), and who is missing. */
  private async compile(period: PeriodOpened['data'], narrative?: string): Promise<{ indicators: Indicators; narrative: string }> {
    const regime = await loadRegime(this.store, period.regimeId);
    if (!regime?.compiles || period.year === null) throw new ReportError('invalid-report', 'this report does not compile others');
    const source = await loadPeriod(this.store, periodIdOf(regime.compiles, period.year));
    if (!source) throw new ReportError('invalid-report', `the units' period ${periodIdOf(regime.compiles, period.year)} is not open`);
    const totals = new Map<string, bigint>();
    const received: string[] = [];
    for (const unitId of source.expectedUnitIds) {
      const r = await foldStream<Report, ReportEvent>(this.store, reportStream(unitId, source.periodId), reportFold);
      const submitted = [...r.versions].filter((v) => v.submittedAt).sort((a, b) => b.version - a.version)[0];
      if (!submitted) continue;
      received.push(unitId);
      for (const [k, v] of Object.entries(submitted.indicators)) totals.set(k, (totals.get(k) ?? 0n) + BigInt(v));
    }
    const indicators: Indicators = { unitsExpected: source.expectedUnitIds.length, unitsReported: received.length };
    // Money (whole đồng) is a decimal string in the compiled report as in the units' own; counts stay numbers.
    for (const [k, v] of totals) indicators[k] = indicatorValue(k, v);
    const missing = source.expectedUnitIds.filter((u) => !received.includes(u));
    return { indicators, narrative: `${narrative ?? ''}\nĐơn vị chưa báo cáo (${missing.length}): ${missing.join(', ')}`.trim() };
  }
}

