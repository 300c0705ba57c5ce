import type { TProperties } from '@sinclair/typebox';
import type { CalendarDate } from '../shared/calendar-date';
import type { EventOf, EventsOf } from '../shared/event';
import { Day, Id, Line, List, Nullable, Obj, OneOf, Prose, Static } from '../shared/schema';
import { TaskCodeSchema } from '../plans/plan.events';

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
export const InspectionDocumentSchema = Obj({
  number: Line(100, { examples: ['120/QĐ-SNV'] }),
  date: Day(),
  issuer: Line(200, { examples: ['Sở Nội vụ thành phố Cần Thơ'] }),
});
export type InspectionDocument = Static<typeof InspectionDocumentSchema>;

export const InspectorSchema = Obj({ name: Line(200), title: Line(200, { examples: ['Chuyên viên Sở Nội vụ'] }) });
export type Inspector = Static<typeof InspectorSchema>;

/** Per task in scope: what the inspectors found, and how they rate it. */
export const InspectionFindingSchema = Obj({
  taskCode: TaskCodeSchema(),
  finding: Prose(5000),
  rating: OneOf(INSPECTION_RATINGS, { description: 'tốt, khá, đạt, chưa đạt' }),
});
export type InspectionFinding = Static<typeof InspectionFindingSchema>;

const i = <P extends TProperties>(props: P) => Obj({ inspectionId: Id(), ...props });

/** The events of an inspection, each data shape defined once: its type, validation and JSON Schema. */
export const INSPECTION_EVENTS = {
  'inspection.planned.v1': i({
    inspectingUnitId: Id({ description: 'Who inspects (đơn vị kiểm tra): Sở Nội vụ, or a district for its communes' }),
    inspectedUnitId: Id({
      description: 'Who is inspected (đơn vị được kiểm tra): the subject of every event of the stream',
    }),
    planId: Id(),
    taskCodes: List(TaskCodeSchema(), 50, 1),
    plannedFrom: Day(),
    plannedTo: Day(),
    /** Căn cứ: the decision to inspect; its date is the event's business day. */
    decision: InspectionDocumentSchema,
    title: Line(500),
  }),
  'inspection.conducted.v1': i({
    heldOn: Day(),
    endedOn: Day(),
    inspectors: List(InspectorSchema, 50, 1),
    findings: List(InspectionFindingSchema, 50, 1),
  }),
  /** Kiến nghị: what the inspected unit must do, by when. */
  'inspection.follow-up-requested.v1': i({ followUpId: Id(), request: Prose(5000), requestedOn: Day(), dueOn: Day() }),
  /** The inspected unit's answer (báo cáo kết quả khắc phục). */
  'inspection.follow-up-answered.v1': i({
    followUpId: Id(),
    answer: Prose(5000),
    answeredOn: Day(),
    documentNumber: Nullable(Line(100)),
  }),
  /** Kết luận kiểm tra: the inspection is closed with its conclusion. */
  'inspection.closed.v1': i({ closedOn: Day(), conclusion: Prose(20_000), document: InspectionDocumentSchema }),
};

type M = typeof INSPECTION_EVENTS;
export type InspectionEvent = EventsOf<M>;
export type InspectionPlanned = EventOf<M, 'inspection.planned.v1'>;
export type InspectionConducted = EventOf<M, 'inspection.conducted.v1'>;
export type InspectionFollowUpRequested = EventOf<M, 'inspection.follow-up-requested.v1'>;
export type InspectionFollowUpAnswered = EventOf<M, 'inspection.follow-up-answered.v1'>;
export type InspectionClosed = EventOf<M, 'inspection.closed.v1'>;
export const INSPECTION_EVENT_TYPES = Object.keys(INSPECTION_EVENTS) as InspectionEvent['type'][];

/** The business day of each event: when it happened, as the plan's records date it. */
export const inspectionDayOf = (e: InspectionEvent): CalendarDate => {
  switch (e.type) {
    case 'inspection.planned.v1':
      return e.data.decision.date;
    case 'inspection.conducted.v1':
      return e.data.heldOn;
    case 'inspection.follow-up-requested.v1':
      return e.data.requestedOn;
    case 'inspection.follow-up-answered.v1':
      return e.data.answeredOn;
    case 'inspection.closed.v1':
      return e.data.closedOn;
  }
};
