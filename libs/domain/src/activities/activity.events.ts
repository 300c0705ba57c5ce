import type { DomainEvent } from '../shared/event';
import type { CalendarDate } from '../shared/calendar-date';
import type { Evidence } from '../plans/obligation.events';

/** What the units do to carry out the plan. Each activity is one stream: `<kind>-<activityId>`. */
export const ACTIVITY_KINDS = ['conference', 'media', 'training', 'resolution', 'regulation', 'legalreview', 'budget', 'difficulty'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const activityStream = (kind: ActivityKind, activityId: string): string => `${kind}-${activityId}`;

/** Where every activity belongs: the unit, and the obligation (task, year) it fulfils, if any. */
export interface ActivityHeader {
  activityId: string;
  unitId: string;
  obligationId: string | null;
  planId: string | null;
  taskCode: string | null;
  year: number;
}

/** Participants or trainees by group (cán bộ, công chức, người hoạt động không chuyên trách, đại diện nhân dân, …). */
export type Headcount = Record<string, number>;

export const PARTICIPANT_GROUPS = [
  'cadres', 'civil-servants', 'part-time-commune-hamlet-workers', 'residents-representatives', 'union-members', 'workers',
  'front-cadres', 'peoples-inspection-board', 'community-investment-supervision-board', 'enterprise-staff', 'other',
] as const;

export const FINDINGS = ['keep', 'amend', 'supplement', 'replace', 'abolish', 'issue-new'] as const;
export type Finding = (typeof FINDINGS)[number];

export const CHANNELS = ['television', 'radio', 'newspaper', 'portal', 'social-media'] as const;

type A<T extends string, D> = DomainEvent<T, ActivityHeader & D>;
type S<T extends string, D> = DomainEvent<T, { activityId: string } & D>;

export type ConferenceHeld = A<'conference.held.v1', {
  level: 'city' | 'district' | 'commune' | 'unit'; heldOn: CalendarDate; place: string; chairedBy: string; participants: Headcount; evidence: Evidence | null;
}>;
export type MediaPublished = A<'media.items-published.v1', {
  outlet: string; channel: (typeof CHANNELS)[number]; month: string; items: { title: string; link: string | null; publishedOn: CalendarDate }[];
}>;
export type TrainingHeld = A<'training.held.v1', {
  organiser: string; targetGroups: string[]; startsOn: CalendarDate; endsOn: CalendarDate; trainees: Headcount; materials: string[];
  /** A training of another unit that this unit sent trainees to, if that is what is recorded. */
  attendedTrainingId: string | null;
}>;
export type ResolutionDrafted = A<'resolution.drafted.v1', { title: string; draftedOn: CalendarDate }>;
export type ResolutionConsulted = S<'resolution.consulted.v1', { consultedOn: CalendarDate; with: string; summary: string }>;
export type ResolutionSubmitted = S<'resolution.submitted.v1', { submittedOn: CalendarDate; to: string }>;
export type ResolutionAdopted = S<'resolution.adopted.v1', { number: string; adoptedOn: CalendarDate }>;
export type ResolutionReturned = S<'resolution.returned.v1', { returnedOn: CalendarDate; reason: string }>;
export type RegulationIssued = A<'regulation.issued.v1', {
  number: string; issuedOn: CalendarDate; effectiveFrom: CalendarDate; signer: string; title: string;
  document: { name: string; sha256: string; size: number } | null; replaces: string | null;
}>;
export type RegulationAmended = S<'regulation.amended.v1', { number: string; issuedOn: CalendarDate; summary: string }>;
export type RegulationReplaced = S<'regulation.replaced.v1', { byActivityId: string; on: CalendarDate }>;
/** A document reviewed; with the finding `issue-new` (ban hành mới) it is a proposed new document, with no number or date yet. */
export interface ReviewedDocument { number: string | null; date: CalendarDate | null; issuer: string; title: string; finding: Finding; proposal: string }
export type LegalReviewRecorded = A<'legalreview.recorded.v1', { documents: ReviewedDocument[] }>;

/**
 * Where a budget's money comes from (plan III.1: "ngân sách Nhà nước theo phân cấp ngân sách Nhà nước
 * hiện hành … và các nguồn khác theo quy định của pháp luật"): the state budget at a level of the
 * budget hierarchy, or another lawful source. `unspecified` is only what estimates recorded before
 * the source was asked for read as (schema version 1); a new estimate names its source.
 */
export const BUDGET_LEVELS = ['city', 'district', 'commune'] as const;
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];
export type BudgetSource =
  | { kind: 'state-budget'; level: BudgetLevel }
  | { kind: 'other'; description: string }
  | { kind: 'unspecified' };
export type BudgetEstimated = A<'budget.estimated.v1', { amount: number; description: string; source: BudgetSource }>;
export type BudgetSubmitted = S<'budget.submitted.v1', { to: string }>;
export type BudgetApproved = S<'budget.approved.v1', { amount: number; by: string }>;
export type BudgetAdjusted = S<'budget.adjusted.v1', { amount: number; by: string; reason: string }>;
export type BudgetAllocated = S<'budget.allocated.v1', { amount: number }>;
export type BudgetSpent = S<'budget.spent.v1', { amount: number; note: string }>;
export type DifficultyRaised = A<'difficulty.raised.v1', { title: string; description: string; raisedOn: CalendarDate }>;
export type GuidanceGiven = S<'difficulty.guidance-given.v1', { guidance: string; on: CalendarDate }>;
export type DifficultyEscalated = S<'difficulty.escalated.v1', { note: string; on: CalendarDate }>;
export type DifficultyDecided = S<'difficulty.decided.v1', { decision: string; documentNumber: string | null; on: CalendarDate }>;
/** A correction replaces fields of what was recorded; the original stays in the history. */
export type ActivityCorrected = S<'activity.corrected.v1', { kind: ActivityKind; changes: Record<string, unknown>; reason: string }>;
export type ActivityWithdrawn = S<'activity.withdrawn.v1', { kind: ActivityKind; reason: string }>;

export type ActivityEvent =
  | ConferenceHeld | MediaPublished | TrainingHeld | ResolutionDrafted | ResolutionConsulted | ResolutionSubmitted | ResolutionAdopted
  | ResolutionReturned | RegulationIssued | RegulationAmended | RegulationReplaced | LegalReviewRecorded | BudgetEstimated | BudgetSubmitted
  | BudgetApproved | BudgetAdjusted | BudgetAllocated | BudgetSpent | DifficultyRaised | GuidanceGiven | DifficultyEscalated
  | DifficultyDecided | ActivityCorrected | ActivityWithdrawn;

export const ACTIVITY_EVENT_TYPES: ActivityEvent['type'][] = [
  'conference.held.v1', 'media.items-published.v1', 'training.held.v1', 'resolution.drafted.v1', 'resolution.consulted.v1',
  'resolution.submitted.v1', 'resolution.adopted.v1', 'resolution.returned.v1', 'regulation.issued.v1', 'regulation.amended.v1',
  'regulation.replaced.v1', 'legalreview.recorded.v1', 'budget.estimated.v1', 'budget.submitted.v1', 'budget.approved.v1',
  'budget.adjusted.v1', 'budget.allocated.v1', 'budget.spent.v1', 'difficulty.raised.v1', 'difficulty.guidance-given.v1',
  'difficulty.escalated.v1', 'difficulty.decided.v1', 'activity.corrected.v1', 'activity.withdrawn.v1',
];

/** The events that open an activity, by kind. */
export const OPENING_TYPE: Record<ActivityKind, ActivityEvent['type']> = {
  conference: 'conference.held.v1', media: 'media.items-published.v1', training: 'training.held.v1', resolution: 'resolution.drafted.v1',
  regulation: 'regulation.issued.v1', legalreview: 'legalreview.recorded.v1', budget: 'budget.estimated.v1', difficulty: 'difficulty.raised.v1',
};
