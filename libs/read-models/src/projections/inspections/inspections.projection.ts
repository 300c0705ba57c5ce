import { evolveInspection, FollowUp, initialInspection, Inspection, INSPECTION_EVENT_TYPES, inspectionDayOf, InspectionEvent, InspectionPlanned } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/**
 * One document per inspection (kiểm tra): what was planned, the conduct with its findings, the
 * follow-ups with their answers, the closing, and every step with its day, when it was recorded and by whom.
 */
export interface InspectionDoc extends Omit<InspectionPlanned['data'], never> {
  /** When it was held, else when it was planned: the year a dashboard counts it in. */
  year: number;
  status: Inspection['status'];
  conducted: Inspection['conducted'];
  findings: Inspection['findings'];
  followUps: FollowUp[];
  closed: Inspection['closed'];
  history: { type: string; on: string; at: string; by: string }[];
}

const stateOf = (d: InspectionDoc): Inspection => {
  const { year: _y, status, conducted, findings, followUps, closed, history: _h, ...planned } = d;
  return { status, planned, conducted, findings, followUps, closed };
};

export const inspections = projection<InspectionDoc>({
  name: 'inspections',
  version: 1,
  handles: INSPECTION_EVENT_TYPES,
  indexes: [{ keys: { inspectedUnitId: 1, year: 1 } }, { keys: { inspectingUnitId: 1, year: 1 } }],
  route: (e: RecordedEvent) => [(e.data as { inspectionId: string }).inspectionId],
  evolve: (doc, e) => {
    const ev = e as unknown as InspectionEvent;
    if (!doc && ev.type !== 'inspection.planned.v1') return null;
    const next = evolveInspection(doc ? stateOf(doc) : initialInspection(), ev);
    const { planned, status, conducted, findings, followUps, closed } = next;
    return {
      ...planned!, status, conducted, findings, followUps, closed,
      year: Number((conducted?.heldOn ?? planned!.plannedFrom).slice(0, 4)),
      history: [...(doc?.history ?? []), { type: e.type, on: inspectionDayOf(ev), at: e.metadata.recordedAt, by: e.metadata.actor.userId }],
    };
  },
});
