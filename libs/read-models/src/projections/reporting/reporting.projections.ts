import { evolveReport, initialReport, PeriodOpened, RegimeDefinition, Report, ReportEvent } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per reporting period: what is expected of whom, by when, and the reminders sent. */
export type PeriodDoc = PeriodOpened['data'] & {
  reminders: { unitIds: string[]; message: string; at: string }[];
};

export const reportingPeriods = projection<PeriodDoc>({
  name: 'reporting-periods',
  version: 1,
  handles: ['reporting.period-opened.v1', 'reporting.reminder-sent.v1'],
  route: (e: RecordedEvent) => [(e.data as { periodId: string }).periodId],
  evolve: (doc, e) => e.type === 'reporting.period-opened.v1'
    ? { ...(e.data as PeriodOpened['data']), reminders: [] }
    : { ...doc!, reminders: [...doc!.reminders, { ...(e.data as { unitIds: string[]; message: string }), at: e.metadata.recordedAt }] },
});

export type RegimeDoc = RegimeDefinition;

export const reportingRegimes = projection<RegimeDoc>({
  name: 'reporting-regimes',
  version: 1,
  handles: ['reporting.regime-defined.v1'],
  route: (e: RecordedEvent) => [(e.data as { regimeId: string }).regimeId],
  evolve: (_doc, e) => e.data as RegimeDefinition,
});

/** One document per unit's report for a period, every version kept. */
export interface ReportDoc extends Report {
  periodId: string;
  unitId: string;
  returns: { version: number; reason: string; at: string }[];
}

export const reports = projection<ReportDoc>({
  name: 'reports',
  version: 1,
  handles: ['report.drafted.v1', 'report.submitted.v1', 'report.returned.v1', 'report.corrected.v1'],
  indexes: [{ keys: { periodId: 1, unitId: 1 } }],
  route: (e: RecordedEvent) => [`${(e.data as { unitId: string }).unitId}_${(e.data as { periodId: string }).periodId}`],
  evolve: (doc, e) => {
    const d = e.data as { periodId: string; unitId: string; version: number; reason?: string };
    const { periodId: _p, unitId: _u, returns = [], ...report } = doc ?? ({ ...initialReport() } as ReportDoc);
    const next = evolveReport(report as Report, e as unknown as ReportEvent);
    return {
      ...next, periodId: d.periodId, unitId: d.unitId,
      returns: e.type === 'report.returned.v1' ? [...returns, { version: d.version, reason: d.reason!, at: e.metadata.recordedAt }] : returns,
    };
  },
});
