import type { DomainEvent } from '../shared/event';
import type { CalendarDate } from '../shared/calendar-date';
import type { LegalBasis } from '../units/unit.types';
import type { TimeFrame } from './time-frame';

export const planStream = (planId: string): string => `plan-${planId}`;

/** The groups a task may be addressed to; each fans out to one obligation per unit in it. */
export const UNIT_GROUPS = [
  'every-department', 'every-district-peoples-committee', 'every-commune-peoples-committee', 'every-state-enterprise',
  'every-enterprise', 'every-public-service-unit', 'every-media',
] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

/** One unit, or a whole group as it stands on the assignment day. */
export type Addressee = { unitId: string } | { group: UnitGroup };

export type TaskRole = 'lead' | 'performer' | 'coordinating';

export interface TaskDefinition {
  /** Section and code, e.g. `II.1.a`, `IV.2`. */
  code: string;
  section: string;
  title: string;
  description: string;
  lead: Addressee[];
  performers: Addressee[];
  coordinating: Addressee[];
  /** assigned (giao) to a subordinate unit, or requested (đề nghị) from a body outside UBND's authority. */
  obligation: 'assigned' | 'requested';
  timeFrame: TimeFrame;
  /** The plan's own words for the time. */
  timeWords: string;
  /**
   * What discharges the duty besides evidence: `detailed-plan` when the duty is to issue one (plan
   * IV.2: "xây dựng Kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý"), so the
   * detailed plan recorded under it completes it. Tasks recorded before it existed lack it.
   */
  dischargedBy?: 'detailed-plan';
}

/**
 * What a detailed plan (kế hoạch chi tiết, plan IV.2–3) answers: tasks of its parent plan, and for each
 * the issuer's own obligation under it (its share of the task; for a yearly task, that of the detailed
 * plan's year). `fulfils` is decided when the plan is recorded; events before it was kept lack it.
 */
export interface DetailedPlanParent {
  planId: string;
  taskCodes: string[];
  fulfils?: { taskCode: string; obligationId: string }[];
}

export interface Recipient {
  key: string;
  /** The line of the distribution list (Nơi nhận). */
  label: string;
  unitIds: string[];
  groups: UnitGroup[];
}

export type PlanIssued = DomainEvent<'plan.issued.v1', {
  planId: string;
  number: string | null;
  issuedOn: CalendarDate | null;
  /** The day obligations are assigned from: the tree of that day decides who is in a group. */
  assignedOn: CalendarDate;
  issuerUnitId: string;
  signer: { name: string; title: string };
  legalBasis: LegalBasis[];
  title: string;
  purposes: string[];
  requirements: string[];
  sections: { code: string; title: string }[];
  budgetDuties: string[];
  difficultyChannel: { reportToUnitId: string; text: string };
  recipients: Recipient[];
  /** For a detailed plan (kế hoạch chi tiết): the parent plan and the tasks it implements. */
  parent: DetailedPlanParent | null;
}>;
export type TaskAdded = DomainEvent<'plan.task-added.v1', { planId: string; task: TaskDefinition }>;
export type TaskChanged = DomainEvent<'plan.task-changed.v1', { planId: string; task: TaskDefinition; reason: string }>;
export type TaskCancelled = DomainEvent<'plan.task-cancelled.v1', { planId: string; code: string; reason: string }>;
export type ReceiptAcknowledged = DomainEvent<'plan.receipt-acknowledged.v1', { planId: string; recipientKey: string; unitId: string; at: string }>;
export type PlanEvent = PlanIssued | TaskAdded | TaskChanged | TaskCancelled | ReceiptAcknowledged;
export const PLAN_EVENT_TYPES: PlanEvent['type'][] = ['plan.issued.v1', 'plan.task-added.v1', 'plan.task-changed.v1', 'plan.task-cancelled.v1', 'plan.receipt-acknowledged.v1'];
