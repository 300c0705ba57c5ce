import {
  Count,
  evolveObligation,
  Id,
  initialObligation,
  Instant,
  Line,
  List,
  Nullable,
  Obj,
  Obligation,
  OBLIGATION_EVENT_TYPES,
  OBLIGATION_EVENTS,
  ObligationAssigned,
  ObligationEvent,
  ObligationStatus,
  OneOf,
  Prose,
  Static,
  Type,
} from '@gl/domain';
import { obligationFigures } from './obligation-figures';
import { projection, RecordedFrom } from '../../engine/projection';

/** Every status an obligation may be in, once: a status the domain adds does not compile until it is listed here. */
const STATUS: Record<ObligationStatus, true> = {
  open: true,
  acknowledged: true,
  'in-progress': true,
  completed: true,
  cancelled: true,
  passed: true,
  answered: true,
  declined: true,
};
export const OBLIGATION_STATUSES = Object.keys(STATUS) as ObligationStatus[];

const assigned = OBLIGATION_EVENTS['obligation.assigned.v1'].properties;
const answered = OBLIGATION_EVENTS['obligation.request-answered.v1'].properties;

/** One document per obligation: the row of a unit's inbox, a task's list, an overdue list. */
export const ObligationDocSchema = Obj({
  obligationId: assigned.obligationId,
  planId: assigned.planId,
  taskCode: assigned.taskCode,
  unitId: assigned.unitId,
  role: assigned.role,
  kind: assigned.kind,
  year: assigned.year,
  timeWords: assigned.timeWords,
  assignedOn: assigned.assignedOn,
  deadline: Nullable(Instant({ description: 'The deadline now (an extension approved moves it)' })),
  status: OneOf(OBLIGATION_STATUSES),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  completedAt: Nullable(Instant()),
  onTime: Nullable(Type.Boolean()),
  extensionPending: Nullable(Obj({ until: Instant(), reason: Prose(2000) })),
  explanationPending: Type.Boolean(),
  reminders: Count(),
  passedFrom: assigned.passedFrom,
  passedTo: Nullable(Id()),
  /** A request's answer (đã phản hồi) or refusal, once given. */
  answer: Nullable(
    Type.Union([
      Obj({ answer: answered.answer, answeredOn: answered.answeredOn, documentNumber: answered.documentNumber }),
      Obj({ declined: Prose(2000) }),
    ]),
  ),
  /** The detailed plans (kế hoạch chi tiết) the unit issued under this duty (plan IV.2). */
  detailedPlans: List(Id(), 1000),
  /** Activities recorded for it (conference, training, regulation, …). */
  activities: List(Obj({ activityId: Id(), kind: Line(20) }), 10_000),
  lastChangeAt: Instant(),
  history: List(Obj({ type: Line(100), at: Instant(), by: Line(200) }), 100_000),
});
export type ObligationDoc = Static<typeof ObligationDocSchema>;

const newDoc = (a: ObligationAssigned['data']): ObligationDoc => {
  const { assigned: _, ...fresh } = initialObligation();
  return { ...a, ...fresh, passedTo: null, reminders: 0, answer: null, activities: [], lastChangeAt: '', history: [] };
};

/**
 * The domain's state of a stored obligation, field by field: a spread of the whole document, which the
 * decider then spreads again, cost most of this projection's rebuild (issue 17).
 */
const stateOf = (doc: ObligationDoc): Obligation => ({
  assigned: doc,
  status: doc.status,
  deadline: doc.deadline,
  percent: doc.percent,
  completedAt: doc.completedAt,
  onTime: doc.onTime,
  extensionPending: doc.extensionPending,
  explanationPending: doc.explanationPending,
  detailedPlans: doc.detailedPlans,
});

export const obligations = projection<ObligationDoc, RecordedFrom<ObligationEvent>>({
  name: 'obligations',
  // 3: requests answered or declined (closed), their answer kept; 4: detailed plans recorded under a duty.
  version: 4,
  figures: obligationFigures,
  handles: OBLIGATION_EVENT_TYPES,
  indexes: [{ keys: { unitId: 1, status: 1 } }, { keys: { planId: 1, taskCode: 1 } }, { keys: { deadline: 1 } }],
  route: (e) => [e.data.obligationId],
  evolve: (doc, e) => {
    const base = doc ?? (e.type === 'obligation.assigned.v1' ? newDoc(e.data) : undefined);
    // A step before its assignment has nothing to show.
    if (!base) return null;
    const at = e.metadata.recordedAt;
    const s = evolveObligation(doc ? stateOf(doc) : initialObligation(), e, at);
    return {
      ...base,
      deadline: s.deadline,
      status: s.status,
      percent: s.percent,
      completedAt: s.completedAt,
      onTime: s.onTime,
      extensionPending: s.extensionPending,
      explanationPending: s.explanationPending,
      detailedPlans: s.detailedPlans,
      reminders: base.reminders + (e.type === 'obligation.reminded.v1' ? 1 : 0),
      answer:
        e.type === 'obligation.request-answered.v1'
          ? { answer: e.data.answer, answeredOn: e.data.answeredOn, documentNumber: e.data.documentNumber }
          : e.type === 'obligation.request-declined.v1'
            ? { declined: e.data.reason }
            : base.answer,
      passedTo: e.type === 'obligation.passed-to-successor.v1' ? e.data.toUnitId : base.passedTo,
      activities:
        e.type === 'obligation.activity-recorded.v1'
          ? [
              ...base.activities.filter((x) => x.activityId !== e.data.activityId),
              { activityId: e.data.activityId, kind: e.data.kind },
            ]
          : base.activities,
      lastChangeAt: at,
      history: [...base.history, { type: e.type, at, by: e.metadata.actor.userId }],
    };
  },
});
