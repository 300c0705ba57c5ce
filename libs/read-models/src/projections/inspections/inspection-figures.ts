import type { FiguresSpec } from '../../engine/figures';

/** Inspections of a unit held in one month: their findings, and their follow-ups answered or not. */
export type InspectionMonth = {
  held?: number;
  findings?: number;
  followUpsOpen?: number;
  followUpsClosed?: number;
};

/** The `inspection-figures` document of the inspected unit: by year, then by month held (`YYYY-MM`). */
export type InspectionFigures = {
  _id: string;
  y?: Record<string, Record<string, InspectionMonth>>;
};

/** What the figures read of an inspection's document (inspections.projection.ts). */
export interface InspectionFacts {
  inspectedUnitId: string;
  year: number;
  status: string;
  conducted: { heldOn: string } | null;
  findings: unknown[];
  followUps: { answeredOn: string | null }[];
}

/** Per-unit figures of the inspections a unit underwent (issue 17); one only planned adds nothing. */
export const inspectionFigures: FiguresSpec<InspectionFacts> = {
  collection: 'inspection-figures',
  contribution: (i) => {
    if (i.status === 'planned' || !i.conducted) return null;
    const answered = i.followUps.filter((u) => u.answeredOn).length;
    const month: InspectionMonth = {
      held: 1,
      findings: i.findings.length,
      followUpsOpen: i.followUps.length - answered,
      followUpsClosed: answered,
    };
    const figures = { y: { [String(i.year)]: { [i.conducted.heldOn.slice(0, 7)]: month } } };
    return { unitId: i.inspectedUnitId, figures: figures };
  },
};
