import {
  CLOSED_STATUSES,
  Obligation,
  Plan,
  deadlineOf,
  evolveObligation,
  evolvePlan,
  initialObligation,
  initialPlan,
  isRecurring,
  ObligationEvent,
  obligationIdOf,
  obligationStream,
  PeriodOpened,
  PlanEvent,
  planStream,
  vietnamDateOf,
} from '@gl/domain';
import type { EventStore } from '@gl/event-store';
import { foldStream } from '../shared/stream-runner';

/**
 * The duty a period's report discharges: the plan's yearly task that falls due when the period does
 * (IV.2, "báo cáo … hàng năm, trước ngày 15 tháng 11", for the units' period; IV.1's 1 December for
 * Sở Nội vụ's), that unit's obligation of that year — when it is still open.
 */
export const openDutyOfReport = async (
  store: EventStore,
  period: PeriodOpened['data'],
  unitId: string,
): Promise<string | null> => {
  if (period.year === null) return null;
  const plan = await foldStream<Plan, PlanEvent>(store, planStream(period.planId), {
    initial: initialPlan,
    evolve: evolvePlan,
  });
  for (const task of Object.values(plan.tasks)) {
    if (task.cancelled || !isRecurring(task.timeFrame) || deadlineOf(task.timeFrame, period.year) !== period.deadline)
      continue;
    const obligationId = obligationIdOf(period.planId, task.code, unitId, period.year);
    const o = await foldStream<Obligation, ObligationEvent>(store, obligationStream(obligationId), {
      initial: initialObligation,
      evolve: (s, e) => evolveObligation(s, e),
    });
    if (o.assigned && o.assigned.kind === 'assigned' && !CLOSED_STATUSES.includes(o.status)) return obligationId;
  }
  return null;
};

/** The report as the evidence of its duty: the period, the version, the day it was signed. */
export const reportEvidence = (periodId: string, version: number, submittedAt: string) => ({
  documentNumber: `Báo cáo ${periodId}, phiên bản ${version}`,
  documentDate: vietnamDateOf(new Date(submittedAt)),
  attachments: [],
});
