import { evolvePlan, initialPlan, Plan, PLAN_EVENT_TYPES, PlanEvent } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per plan: what was issued, its tasks (with cancellations), and receipts. */
export interface PlanDoc extends Plan {
  planId: string;
  amendments: { type: string; code: string; reason: string; at: string }[];
}

export const plans = projection<PlanDoc>({
  name: 'plans',
  version: 1,
  handles: PLAN_EVENT_TYPES,
  route: (e: RecordedEvent) => [(e.data as { planId: string }).planId],
  evolve: (doc, e) => {
    const { planId: _p, amendments, ...plan } = doc ?? { planId: '', amendments: [], ...initialPlan() };
    const next = evolvePlan(plan, e as unknown as PlanEvent);
    const d = e.data as { planId: string; reason?: string; code?: string; task?: { code: string } };
    const amended = e.type === 'plan.task-changed.v1' || e.type === 'plan.task-cancelled.v1'
      ? [...amendments, { type: e.type, code: d.code ?? d.task!.code, reason: d.reason ?? '', at: e.metadata.recordedAt }]
      : amendments;
    return { ...next, planId: d.planId, amendments: amended };
  },
});
