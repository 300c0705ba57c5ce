import { evolveObligation, initialObligation, OBLIGATION_EVENT_TYPES, ObligationEvent, ObligationStatus } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per obligation: the row of a unit's inbox, a task's list, an overdue list. */
export interface ObligationDoc {
  obligationId: string;
  planId: string;
  taskCode: string;
  unitId: string;
  role: string;
  kind: string;
  year: number | null;
  timeWords: string;
  assignedOn: string;
  deadline: string | null;
  status: ObligationStatus;
  percent: number;
  completedAt: string | null;
  onTime: boolean | null;
  extensionPending: { until: string; reason: string } | null;
  explanationPending: boolean;
  reminders: number;
  passedFrom: string | null;
  passedTo: string | null;
  /** A request's answer (đã phản hồi) or refusal, once given. */
  answer: { answer: string; answeredOn: string; documentNumber: string | null } | { declined: string } | null;
  /** The detailed plans (kế hoạch chi tiết) the unit issued under this duty (plan IV.2). */
  detailedPlans: string[];
  /** Activities recorded for it (conference, training, regulation, …). */
  activities: { activityId: string; kind: string }[];
  lastChangeAt: string;
  history: { type: string; at: string; by: string }[];
}

export const obligations = projection<ObligationDoc>({
  name: 'obligations',
  // 3: requests answered or declined (closed), their answer kept; 4: detailed plans recorded under a duty.
  version: 4,
  handles: OBLIGATION_EVENT_TYPES,
  indexes: [{ keys: { unitId: 1, status: 1 } }, { keys: { planId: 1, taskCode: 1 } }, { keys: { deadline: 1 } }],
  route: (e: RecordedEvent) => [(e.data as { obligationId: string }).obligationId],
  evolve: (doc, e) => {
    const ev = e as unknown as ObligationEvent;
    const at = e.metadata.recordedAt;
    const s = evolveObligation(doc ? { ...initialObligation(), ...doc, assigned: doc as never } : initialObligation(), ev, at);
    const a = ev.type === 'obligation.assigned.v1' ? ev.data : null;
    const base = doc ?? {
      obligationId: a!.obligationId, planId: a!.planId, taskCode: a!.taskCode, unitId: a!.unitId, role: a!.role, kind: a!.kind,
      year: a!.year, timeWords: a!.timeWords, assignedOn: a!.assignedOn, passedFrom: a!.passedFrom, passedTo: null, reminders: 0, history: [], activities: [],
    };
    return {
      ...base,
      deadline: s.deadline, status: s.status, percent: s.percent, completedAt: s.completedAt, onTime: s.onTime,
      extensionPending: s.extensionPending, explanationPending: s.explanationPending, detailedPlans: s.detailedPlans,
      reminders: base.reminders + (ev.type === 'obligation.reminded.v1' ? 1 : 0),
      answer: ev.type === 'obligation.request-answered.v1'
        ? { answer: ev.data.answer, answeredOn: ev.data.answeredOn, documentNumber: ev.data.documentNumber }
        : ev.type === 'obligation.request-declined.v1' ? { declined: ev.data.reason } : (base as ObligationDoc).answer ?? null,
      passedTo: ev.type === 'obligation.passed-to-successor.v1' ? ev.data.toUnitId : (base as ObligationDoc).passedTo ?? null,
      activities: ev.type === 'obligation.activity-recorded.v1'
        ? [...((base as ObligationDoc).activities ?? []).filter((x) => x.activityId !== ev.data.activityId), { activityId: ev.data.activityId, kind: ev.data.kind }]
        : (base as ObligationDoc).activities ?? [],
      lastChangeAt: at,
      history: [...base.history, { type: e.type, at, by: e.metadata.actor.userId }],
    } as ObligationDoc;
  },
});
