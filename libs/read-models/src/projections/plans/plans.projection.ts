import { evolvePlan, initialPlan, Plan, PLAN_EVENT_TYPES, PlanEvent } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per plan: what was issued, its tasks (with cancellations), and receipts (with who recorded each). */
export interface PlanDoc extends Plan {
  planId: string;
  amendments: { type: string; code: string; reason: string; at: string }[];
  acknowledgements: Record<string, { unitId: string; at: string; by?: string | null }[]>;
}

type Receipt = { recipientKey: string; unitId: string; at: string };
const key = (e: RecordedEvent) => (e.data as Receipt).recipientKey;
const unitOf = (e: RecordedEvent) => (e.data as Receipt).unitId;
const atOf = (e: RecordedEvent) => (e.data as Receipt).at;

export const plans = projection<PlanDoc>({
  name: 'plans',
  version: 2,
  handles: PLAN_EVENT_TYPES,
  route: (e: RecordedEvent) => [(e.data as { planId: string }).planId],
  evolve: (doc, e) => {
    const { planId: _p, amendments, ...plan } = doc ?? { planId: '', amendments: [], ...initialPlan() };
    const next = evolvePlan(plan, e as unknown as PlanEvent);
    const d = e.data as { planId: string; reason?: string; code?: string; task?: { code: string } };
    const amended = e.type === 'plan.task-changed.v1' || e.type === 'plan.task-cancelled.v1'
      ? [...amendments, { type: e.type, code: d.code ?? d.task!.code, reason: d.reason ?? '', at: e.metadata.recordedAt }]
      : amendments;
    // Who acknowledged a receipt is the actor of the event (a unit's own staff, or the coordinator for it).
    const acknowledgements = e.type === 'plan.receipt-acknowledged.v1'
      ? { ...next.acknowledgements, [key(e)]: [...(doc?.acknowledgements[key(e)] ?? []), { unitId: unitOf(e), at: atOf(e), by: e.metadata.actor?.userId ?? null }] }
      : next.acknowledgements;
    return { ...next, acknowledgements, planId: d.planId, amendments: amended };
  },
});
