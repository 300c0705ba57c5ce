import {
  CLOSED_STATUSES, deadlineOf, evolveObligation, evolvePlan, initialObligation, initialPlan, isRecurring, ObligationEvent, obligationIdOf,
  obligationStream, PeriodOpened, PlanEvent, planStream, vietnamDateOf,
} from '@gl/domain';
import type { EventStore } from '@gl/event-store';

/**
 * The duty a period's report discharges: the plan's yearly task that falls due when the period does
 * (IV.2, "báo cáo … hàng năm, trước ngày 15 tháng 11", for the units' period; IV.1's 1 December for
 * Sở Nội vụ's), that unit's obligation of that year — when it is still open.
 */
export const openDutyOfReport = async (store: EventStore, period: PeriodOpened['data'], unitId: string): Promise<string | null> => {
  if (period.year === null) return null;
  const plan = (await store.readStream(planStream(period.planId))).reduce((s, e) => evolvePlan(s, e as unknown as PlanEvent), initialPlan());
  for (const task of Object.values(plan.tasks)) {
    if (task.cancelled || !isRecurring(task.timeFrame) || deadlineOf(task.timeFrame, period.year) !== period.deadline) continue;
    const obligationId = obligationIdOf(period.planId, task.code, unitId, period.year);
    const o = (await store.readStream(obligationStream(obligationId))).reduce((s, e) => evolveObligation(s, e as unknown as ObligationEvent), initialObligation());
    if (o.assigned && o.assigned.kind === 'assigned' && !CLOSED_STATUSES.includes(o.status)) return obligationId;
  }
  return null;
};

/** The report as the evidence of its duty: the period, the version, the day it was signed. */
export const reportEvidence = (periodId: string, version: number, submittedAt: string) => ({
  documentNumber: `Báo cáo ${periodId}, phiên bản ${version}`, documentDate: vietnamDateOf(new Date(submittedAt)), attachments: [],
});
