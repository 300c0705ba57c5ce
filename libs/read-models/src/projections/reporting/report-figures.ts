import type { FiguresSpec } from '../../engine/figures';

/** The `report-figures` document of a unit: each period it has reported for, on time or late (by the first submission). */
export type ReportFigures = {
  _id: string;
  p?: Record<string, { onTime?: number; late?: number }>;
};

/** What the figures read of a report's document (reporting.projections.ts). */
export interface ReportFacts {
  unitId: string;
  periodId: string;
  firstSubmittedAt: string | null;
  onTime: boolean | null;
}

/** Per-unit reporting figures beside the reports (issue 17); a report never submitted adds nothing. */
export const reportFigures: FiguresSpec<ReportFacts> = {
  collection: 'report-figures',
  contribution: (r) =>
    r.firstSubmittedAt
      ? { unitId: r.unitId, figures: { p: { [r.periodId]: r.onTime ? { onTime: 1 } : { late: 1 } } } }
      : null,
};
