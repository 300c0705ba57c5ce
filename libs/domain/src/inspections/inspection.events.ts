import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/event';

/**
 * Inspections (kiểm tra): Sở Nội vụ's, or a district's, checks of how a unit carries out the plan
 * (plan I.2.d "thường xuyên kiểm tra, đôn đốc"; II.6 "theo dõi, kiểm tra"; IV.1 "Giám đốc Sở Nội vụ
 * … theo dõi, kiểm tra, đôn đốc"). One stream per inspection; its subject is the inspected unit.
 */
export const inspectionStream = (inspectionId: string): string => `inspection-${inspectionId}`;

/** Đánh giá per task: tốt, khá, đạt, chưa đạt. */
export const INSPECTION_RATINGS = ['good', 'fair', 'satisfactory', 'unsatisfactory'] as const;
export type InspectionRating = (typeof INSPECTION_RATINGS)[number];

/** The inspection decision (quyết định kiểm tra), or the closing conclusion's document. */
export interface InspectionDocument {
  number: string;
  date: CalendarDate;
  issuer: string;
}

export interface Inspector {
  name: string;
  title: string;
}

/** Per task in scope: what the inspectors found, and how they rate it. */
export interface InspectionFinding {
  taskCode: string;
  finding: string;
  rating: InspectionRating;
}

export type InspectionPlanned = DomainEvent<'inspection.planned.v1', {
  inspectionId: string;
  /** Who inspects (đơn vị kiểm tra): Sở Nội vụ, or a district for its communes. */
  inspectingUnitId: string;
  /** Who is inspected (đơn vị được kiểm tra): the subject of every event of the stream. */
  inspectedUnitId: string;
  planId: string;
  /** The plan's tasks the inspection covers (nội dung kiểm tra). */
  taskCodes: string[];
  plannedFrom: CalendarDate;
  plannedTo: CalendarDate;
  /** Căn cứ: the decision to inspect; its date is the event's business day. */
  decision: InspectionDocument;
  title: string;
}>;
export type InspectionConducted = DomainEvent<'inspection.conducted.v1', {
  inspectionId: string;
  heldOn: CalendarDate;
  endedOn: CalendarDate;
  inspectors: Inspector[];
  findings: InspectionFinding[];
}>;
/** Kiến nghị: what the inspected unit must do, by when. */
export type InspectionFollowUpRequested = DomainEvent<'inspection.follow-up-requested.v1', {
  inspectionId: string; followUpId: string; request: string; requestedOn: CalendarDate; dueOn: CalendarDate;
}>;
/** The inspected unit's answer (báo cáo kết quả khắc phục). */
export type InspectionFollowUpAnswered = DomainEvent<'inspection.follow-up-answered.v1', {
  inspectionId: string; followUpId: string; answer: string; answeredOn: CalendarDate; documentNumber: string | null;
}>;
/** Kết luận kiểm tra: the inspection is closed with its conclusion. */
export type InspectionClosed = DomainEvent<'inspection.closed.v1', {
  inspectionId: string; closedOn: CalendarDate; conclusion: string; document: InspectionDocument;
}>;

export type InspectionEvent = InspectionPlanned | InspectionConducted | InspectionFollowUpRequested | InspectionFollowUpAnswered | InspectionClosed;
export const INSPECTION_EVENT_TYPES: InspectionEvent['type'][] = [
  'inspection.planned.v1', 'inspection.conducted.v1', 'inspection.follow-up-requested.v1', 'inspection.follow-up-answered.v1', 'inspection.closed.v1',
];

/** The business day of each event: when it happened, as the plan's records date it. */
export const inspectionDayOf = (e: InspectionEvent): CalendarDate => {
  switch (e.type) {
    case 'inspection.planned.v1': return e.data.decision.date;
    case 'inspection.conducted.v1': return e.data.heldOn;
    case 'inspection.follow-up-requested.v1': return e.data.requestedOn;
    case 'inspection.follow-up-answered.v1': return e.data.answeredOn;
    case 'inspection.closed.v1': return e.data.closedOn;
  }
};
