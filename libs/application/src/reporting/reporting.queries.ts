import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Scope, unitOn, vietnamDateOf } from '@gl/domain';
import { PeriodDoc, READ_STORE, ReadStore, ReportDoc } from '@gl/read-models';
import { withMoneyAsStrings } from './money-indicators';
import { NotFoundInScopeError, requireReadable } from '../shared/access.errors';
import { withoutStoreFields, seesUnit } from '../shared/read-helpers';
import { UnitDirectory } from '../units/unit-directory';

export class ListPeriods {
  constructor(readonly regimeId?: string) {}
}

@QueryHandler(ListPeriods)
export class ListPeriodsHandler implements IQueryHandler<ListPeriods> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ regimeId }: ListPeriods) {
    const docs = await this.reads.find('reporting-periods', regimeId ? { regimeId } : {}, {
      sort: { deadline: 1 },
      projection: { expectedUnitIds: 0 },
    });
    return { items: docs.map((d) => withoutStoreFields<PeriodDoc>(d)) };
  }
}

export class GetReport {
  constructor(
    readonly scope: Scope,
    readonly periodId: string,
    readonly unitId: string,
  ) {}
}

@QueryHandler(GetReport)
export class GetReportHandler implements IQueryHandler<GetReport> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, periodId, unitId }: GetReport) {
    requireReadable(scope, unitId, `the report of ${unitId}`);
    const d = await this.reads.get('reports', `${unitId}_${periodId}`);
    if (!d) throw new NotFoundInScopeError(`a report of ${unitId} for ${periodId}`);
    const report = withoutStoreFields<ReportDoc>(d);
    // Money leaves the API as decimal strings, however the report was drafted.
    return {
      ...report,
      versions: report.versions.map((v) => ({ ...v, indicators: withMoneyAsStrings(v.indicators) })),
    };
  }
}

export interface ComplianceRow {
  unitId: string;
  name: string;
  kind: string;
  level: string;
  status: 'on-time' | 'late' | 'missing';
  submittedAt: string | null;
  version: number | null;
  reminders: number;
}

/** Reporting compliance of a period: expected, received, on time, late, missing — with the lists, by level. */
export class GetCompliance {
  constructor(
    readonly scope: Scope,
    readonly periodId: string,
    readonly level?: string,
  ) {}
}

@QueryHandler(GetCompliance)
export class GetComplianceHandler implements IQueryHandler<GetCompliance> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly directory: UnitDirectory,
  ) {}

  async execute({ scope, periodId, level }: GetCompliance) {
    const p = await this.reads.get('reporting-periods', periodId);
    if (!p) throw new NotFoundInScopeError(`period ${periodId}`);
    const period = withoutStoreFields<PeriodDoc>(p);
    const units = await this.directory.units();
    const reports = new Map(
      (await this.reads.find('reports', { periodId })).map((r) => [
        r.unitId as string,
        withoutStoreFields<ReportDoc>(r),
      ]),
    );
    const rows: ComplianceRow[] = [];
    const dueDay = vietnamDateOf(new Date(Date.parse(period.deadline) - 1));
    for (const unitId of period.expectedUnitIds) {
      if (!seesUnit(scope, unitId)) continue;
      const u = units.get(unitId);
      // As the unit stood when the report fell due: the day that decided it is expected (dueDayOf).
      const on = u ? (unitOn(u, dueDay) ?? unitOn(u, period.openedOn)) : null;
      if (level && on?.level !== level) continue;
      const r = reports.get(unitId);
      const submitted = r?.firstSubmittedAt ?? null;
      rows.push({
        unitId,
        name: on?.name ?? unitId,
        kind: on?.kind ?? '',
        level: on?.level ?? '',
        status: submitted ? (r!.onTime ? 'on-time' : 'late') : 'missing',
        submittedAt: submitted,
        // The version last submitted, not a correction still in draft.
        version: submitted ? Math.max(...r!.versions.filter((v) => v.submittedAt).map((v) => v.version)) : null,
        reminders: period.reminders.filter((x) => x.unitIds.includes(unitId)).length,
      });
    }
    rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    const expected = rows.length;
    const received = count('on-time') + count('late');
    return {
      periodId,
      title: period.title,
      deadline: period.deadline,
      deadlineVietnam: vietnamDateOf(new Date(Date.parse(period.deadline) - 1)),
      level: level ?? null,
      expected,
      received,
      onTime: count('on-time'),
      late: count('late'),
      missing: count('missing'),
      rate: expected === 0 ? null : Math.round((received / expected) * 1000) / 10,
      onTimeRate: expected === 0 ? null : Math.round((count('on-time') / expected) * 1000) / 10,
      rows,
    };
  }
}
