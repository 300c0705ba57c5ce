import type { TObject, TProperties, TSchema } from '@sinclair/typebox';
import type { EventOf, EventsOf } from '../shared/event';
import { AttachmentSchema, EvidenceSchema } from '../plans/obligation.events';
import {
  Day,
  DottedId,
  Id,
  Line,
  List,
  Nullable,
  Obj,
  OneOf,
  OptionalProse,
  Prose,
  Static,
  Type,
  Year,
  Dong,
  Count,
} from '../shared/schema';

/** What the units do to carry out the plan. Each activity is one stream: `<kind>-<activityId>`. */
export const ACTIVITY_KINDS = [
  'conference',
  'media',
  'training',
  'resolution',
  'regulation',
  'legalreview',
  'budget',
  'difficulty',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const activityStream = (kind: ActivityKind, activityId: string): string => `${kind}-${activityId}`;

export const PARTICIPANT_GROUPS = [
  'cadres',
  'civil-servants',
  'part-time-commune-hamlet-workers',
  'residents-representatives',
  'union-members',
  'workers',
  'front-cadres',
  'peoples-inspection-board',
  'community-investment-supervision-board',
  'enterprise-staff',
  'other',
] as const;

export const FINDINGS = ['keep', 'amend', 'supplement', 'replace', 'abolish', 'issue-new'] as const;
export type Finding = (typeof FINDINGS)[number];

export const CHANNELS = ['television', 'radio', 'newspaper', 'portal', 'social-media'] as const;

/** A field that may be left out: it is stored as null (the decider fills it), so every event names every field. */
const NullIfLeftOut = <T extends TSchema>(s: T) => Type.Optional(Type.Union([s, Type.Null()], { default: null }));

/** Where every activity belongs: the unit, and the obligation (task, year) it fulfils, if any. */
const HEADER = {
  activityId: Id(),
  unitId: Id(),
  obligationId: Nullable(DottedId({ description: "The obligation it fulfils: one of the same unit's" })),
  planId: Nullable(Id({ description: "The obligation's plan" })),
  taskCode: Nullable(Line(20, { description: "The obligation's task" })),
  year: Year(),
};
export const HEADER_FIELDS = ['activityId', 'unitId', 'obligationId', 'planId', 'taskCode', 'year'] as const;
export const ActivityHeaderSchema = Obj(HEADER);
export type ActivityHeader = Static<typeof ActivityHeaderSchema>;

const opening = <P extends TProperties>(p: P) => Obj({ ...HEADER, ...p });
const step = <P extends TProperties>(p: P) => Obj({ activityId: Id(), ...p });
const Reason = () => Prose(2000);

/** Participants or trainees by group (cán bộ, công chức, người hoạt động không chuyên trách, đại diện nhân dân, …). */
export const HeadcountSchema = Type.Partial(Type.Record(OneOf(PARTICIPANT_GROUPS), Count()), {
  additionalProperties: false,
  description: `People by group: ${PARTICIPANT_GROUPS.join(', ')}`,
});
export type Headcount = Static<typeof HeadcountSchema>;

const Month = () => Line(7, { pattern: '^\\d{4}-(0[1-9]|1[0-2])$', errorMessage: 'must be a month (YYYY-MM)' });
const Link = () =>
  Line(2000, { pattern: '^https?://[^\\s\\u0000-\\u001f\\u007f]+$', errorMessage: 'must be an http(s) address' });

export const MediaItemSchema = Obj({ title: Line(500), link: NullIfLeftOut(Link()), publishedOn: Day() });

/** A document reviewed; with the finding `issue-new` (ban hành mới) it is a proposed new document, with no number or date yet. */
export const ReviewedDocumentSchema = Obj({
  number: NullIfLeftOut(Line(100)),
  date: NullIfLeftOut(Day()),
  issuer: Line(200),
  title: Line(500),
  finding: OneOf(FINDINGS),
  proposal: OptionalProse(2000, { description: 'What the unit proposes; may be empty when the finding is keep' }),
});
export type ReviewedDocument = Static<typeof ReviewedDocumentSchema>;

/**
 * Where a budget's money comes from (plan III.1: "ngân sách Nhà nước theo phân cấp ngân sách Nhà nước
 * hiện hành … và các nguồn khác theo quy định của pháp luật"): the state budget at a level of the
 * budget hierarchy, or another lawful source. `unspecified` is only what estimates recorded before
 * the source was asked for read as (schema version 1); a new estimate names its source.
 */
export const BUDGET_LEVELS = ['city', 'district', 'commune'] as const;
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];
const StateBudget = Obj({ kind: Type.Literal('state-budget'), level: OneOf(BUDGET_LEVELS) });
const OtherSource = Obj({ kind: Type.Literal('other'), description: Prose(500) });
export const NamedBudgetSourceSchema = Type.Union([StateBudget, OtherSource], {
  description: 'The state budget at a level (district: budget years up to 2025), or another lawful source',
});
export const BudgetSourceSchema = Type.Union([StateBudget, OtherSource, Obj({ kind: Type.Literal('unspecified') })], {
  description: 'unspecified: an estimate recorded before the source was asked for (schema version 1)',
});
export type BudgetSource = Static<typeof BudgetSourceSchema>;

const ConferenceHeld = opening({
  level: OneOf(['city', 'district', 'commune', 'unit']),
  heldOn: Day(),
  place: Line(300),
  chairedBy: Line(300),
  participants: HeadcountSchema,
  evidence: NullIfLeftOut(EvidenceSchema),
});
const MediaPublished = opening({
  outlet: Line(300),
  channel: OneOf(CHANNELS),
  month: Month(),
  items: List(MediaItemSchema, 1000, 1),
});
const TrainingHeld = opening({
  organiser: Line(300),
  targetGroups: List(OneOf(PARTICIPANT_GROUPS), PARTICIPANT_GROUPS.length),
  startsOn: Day(),
  endsOn: Day(),
  trainees: HeadcountSchema,
  // Left out of trainings recorded before materials were kept, and left out since when there are none.
  materials: Type.Optional(List(Line(500), 100)),
  attendedTrainingId: NullIfLeftOut(Id({ description: 'A training of another unit that this unit sent trainees to' })),
});
const ResolutionDrafted = opening({ title: Line(500), draftedOn: Day() });
const RegulationIssued = opening({
  number: Line(100),
  issuedOn: Day(),
  effectiveFrom: Day(),
  signer: Line(200),
  title: Line(500),
  document: NullIfLeftOut(AttachmentSchema),
  replaces: NullIfLeftOut(Id({ description: "The unit's regulation in force that this one replaces" })),
});
const LegalReviewRecorded = opening({ documents: List(ReviewedDocumentSchema, 1000, 1) });
const BudgetEstimated = opening({ amount: Dong(), description: Prose(2000), source: BudgetSourceSchema });
const DifficultyRaised = opening({ title: Line(300), description: Prose(5000), raisedOn: Day() });

const details = <S extends ReturnType<typeof opening>>(s: S) => Type.Omit(s, [...HEADER_FIELDS]);

/**
 * What each kind records beside its header (the `details` of `POST /activities/<kind>`): its opening
 * event's data. A new budget estimate names its source; only older ones read as unspecified.
 */
export const ACTIVITY_DETAILS = {
  conference: details(ConferenceHeld),
  media: details(MediaPublished),
  training: details(TrainingHeld),
  resolution: details(ResolutionDrafted),
  regulation: details(RegulationIssued),
  legalreview: details(LegalReviewRecorded),
  budget: Obj({ ...details(BudgetEstimated).properties, source: NamedBudgetSourceSchema }),
  difficulty: details(DifficultyRaised),
};

/** Any of a kind's fields, at least one, none filled by default: a correction changes only what it names. */
const changes = <S extends TObject>(s: S) => {
  const p = Type.Partial(s, { minProperties: 1, description: 'The fields to replace (at least one)' });
  return {
    ...p,
    properties: Object.fromEntries(Object.entries(p.properties).map(([k, { default: _d, ...x }]) => [k, x])),
  } as typeof p;
};

/**
 * What a correction may replace, by kind: any recorded field, but a budget's amount (it moves through
 * its own steps) and the links a recording makes (an attended training, a replaced regulation), which
 * are checked and written when recorded.
 */
export const ACTIVITY_CHANGES = {
  conference: changes(ACTIVITY_DETAILS.conference),
  media: changes(ACTIVITY_DETAILS.media),
  training: changes(Type.Omit(ACTIVITY_DETAILS.training, ['attendedTrainingId'])),
  resolution: changes(ACTIVITY_DETAILS.resolution),
  regulation: changes(Type.Omit(ACTIVITY_DETAILS.regulation, ['replaces'])),
  legalreview: changes(ACTIVITY_DETAILS.legalreview),
  budget: changes(Type.Omit(ACTIVITY_DETAILS.budget, ['amount'])),
  difficulty: changes(ACTIVITY_DETAILS.difficulty),
};

const corrected = <K extends ActivityKind>(kind: K) =>
  step({ kind: Type.Literal(kind), changes: ACTIVITY_CHANGES[kind], reason: Reason() });

/** The events of an activity, each data shape defined once: its type, validation and JSON Schema. */
export const ACTIVITY_EVENTS = {
  'conference.held.v1': ConferenceHeld,
  'media.items-published.v1': MediaPublished,
  'training.held.v1': TrainingHeld,
  'resolution.drafted.v1': ResolutionDrafted,
  'resolution.consulted.v1': step({ consultedOn: Day(), with: Line(2000), summary: Prose(5000) }),
  'resolution.submitted.v1': step({ submittedOn: Day(), to: Line(2000) }),
  'resolution.adopted.v1': step({ number: Line(100), adoptedOn: Day() }),
  'resolution.returned.v1': step({ returnedOn: Day(), reason: Reason() }),
  'regulation.issued.v1': RegulationIssued,
  'regulation.amended.v1': step({ number: Line(100), issuedOn: Day(), summary: Prose(5000) }),
  'regulation.replaced.v1': step({
    byActivityId: Id({ description: 'The regulation that replaces this one' }),
    on: Day(),
  }),
  'legalreview.recorded.v1': LegalReviewRecorded,
  // Schema version 2 added source; version 1 estimates read with source { kind: 'unspecified' }.
  'budget.estimated.v1': BudgetEstimated,
  'budget.submitted.v1': step({ to: Line(2000) }),
  'budget.approved.v1': step({ amount: Dong(), by: Line(2000) }),
  'budget.adjusted.v1': step({ amount: Dong(), by: Line(2000), reason: Reason() }),
  'budget.allocated.v1': step({ amount: Dong() }),
  'budget.spent.v1': step({ amount: Dong(), note: Prose(2000) }),
  'difficulty.raised.v1': DifficultyRaised,
  'difficulty.guidance-given.v1': step({ guidance: Prose(5000), on: Day() }),
  'difficulty.escalated.v1': step({ note: Prose(2000), on: Day() }),
  'difficulty.decided.v1': step({ decision: Prose(5000), documentNumber: NullIfLeftOut(Line(100)), on: Day() }),
  /** A correction replaces fields of what was recorded; the original stays in the history. */
  'activity.corrected.v1': Type.Union([
    corrected('conference'),
    corrected('media'),
    corrected('training'),
    corrected('resolution'),
    corrected('regulation'),
    corrected('legalreview'),
    corrected('budget'),
    corrected('difficulty'),
  ]),
  'activity.withdrawn.v1': step({ kind: OneOf(ACTIVITY_KINDS), reason: Reason() }),
};

type M = typeof ACTIVITY_EVENTS;
export type ActivityEvent = EventsOf<M>;
export type ActivityEventType = ActivityEvent['type'];
export type ConferenceHeld = EventOf<M, 'conference.held.v1'>;
export type MediaPublished = EventOf<M, 'media.items-published.v1'>;
export type TrainingHeld = EventOf<M, 'training.held.v1'>;
export type ResolutionDrafted = EventOf<M, 'resolution.drafted.v1'>;
export type ResolutionConsulted = EventOf<M, 'resolution.consulted.v1'>;
export type ResolutionSubmitted = EventOf<M, 'resolution.submitted.v1'>;
export type ResolutionAdopted = EventOf<M, 'resolution.adopted.v1'>;
export type ResolutionReturned = EventOf<M, 'resolution.returned.v1'>;
export type RegulationIssued = EventOf<M, 'regulation.issued.v1'>;
export type RegulationAmended = EventOf<M, 'regulation.amended.v1'>;
export type RegulationReplaced = EventOf<M, 'regulation.replaced.v1'>;
export type LegalReviewRecorded = EventOf<M, 'legalreview.recorded.v1'>;
export type BudgetEstimated = EventOf<M, 'budget.estimated.v1'>;
export type BudgetSubmitted = EventOf<M, 'budget.submitted.v1'>;
export type BudgetApproved = EventOf<M, 'budget.approved.v1'>;
export type BudgetAdjusted = EventOf<M, 'budget.adjusted.v1'>;
export type BudgetAllocated = EventOf<M, 'budget.allocated.v1'>;
export type BudgetSpent = EventOf<M, 'budget.spent.v1'>;
export type DifficultyRaised = EventOf<M, 'difficulty.raised.v1'>;
export type GuidanceGiven = EventOf<M, 'difficulty.guidance-given.v1'>;
export type DifficultyEscalated = EventOf<M, 'difficulty.escalated.v1'>;
export type DifficultyDecided = EventOf<M, 'difficulty.decided.v1'>;
export type ActivityCorrected = EventOf<M, 'activity.corrected.v1'>;
export type ActivityWithdrawn = EventOf<M, 'activity.withdrawn.v1'>;

export const ACTIVITY_EVENT_TYPES = Object.keys(ACTIVITY_EVENTS) as ActivityEventType[];

/** The events that open an activity, by kind. */
export const OPENING_TYPE = {
  conference: 'conference.held.v1',
  media: 'media.items-published.v1',
  training: 'training.held.v1',
  resolution: 'resolution.drafted.v1',
  regulation: 'regulation.issued.v1',
  legalreview: 'legalreview.recorded.v1',
  budget: 'budget.estimated.v1',
  difficulty: 'difficulty.raised.v1',
} as const satisfies Record<ActivityKind, ActivityEventType>;

/** The steps of each kind's life, by the name the API gives them (`POST /activities/budget/{id}/steps/approval`). */
export const ACTIVITY_STEPS = {
  resolution: {
    consultation: 'resolution.consulted.v1',
    submission: 'resolution.submitted.v1',
    adoption: 'resolution.adopted.v1',
    return: 'resolution.returned.v1',
  },
  regulation: { amendment: 'regulation.amended.v1', replacement: 'regulation.replaced.v1' },
  budget: {
    submission: 'budget.submitted.v1',
    approval: 'budget.approved.v1',
    adjustment: 'budget.adjusted.v1',
    allocation: 'budget.allocated.v1',
    spending: 'budget.spent.v1',
  },
  difficulty: {
    guidance: 'difficulty.guidance-given.v1',
    escalation: 'difficulty.escalated.v1',
    decision: 'difficulty.decided.v1',
  },
} as const satisfies Partial<Record<ActivityKind, Record<string, ActivityEventType>>>;
