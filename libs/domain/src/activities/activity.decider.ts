import type { CalendarDate } from '../shared/calendar-date';
import { withDefaults } from '../shared/schema-walk';
import { businessDayOf } from './activity-dates';
import {
  ACTIVITY_CHANGES,
  ACTIVITY_EVENTS,
  ActivityCorrected,
  ActivityEvent,
  ActivityEventType,
  ActivityHeader,
  ActivityKind,
  OPENING_TYPE,
} from './activity.events';
import { ActivityError, daysExist, invalid, RECORDING_RULES } from './activity-rules';

/** An activity as recorded, with corrections applied. */
export interface Activity {
  kind: ActivityKind | null;
  header: ActivityHeader | null;
  /** recorded; resolution: drafted, consulted, submitted, adopted, returned; regulation: in-force, replaced;
   *  budget: estimated, submitted, approved, allocated; difficulty: open, answered, escalated, decided. */
  status: string;
  fields: Record<string, unknown>;
  money: { estimated: number; approved: number | null; allocated: number; spent: number };
  /** The steps of its life that carry a business day, in the order they were recorded. */
  steps: { type: ActivityEventType; on: CalendarDate }[];
  withdrawn: boolean;
}

/**
 * A command asks for one event; the decider checks it against what was recorded and fills what it
 * may leave out. Its shape is its schema's (checked at the HTTP edge, ADR 0009); callers without
 * that edge (bench data, the CLI) give well-formed events.
 */
export interface ActivityCommand {
  type: 'Do';
  event: ActivityEvent;
}

type Opening = Extract<ActivityEvent, { type: (typeof OPENING_TYPE)[ActivityKind] }>;

const KIND_OF_OPENING = new Map<string, ActivityKind>(
  Object.entries(OPENING_TYPE).map(([k, t]) => [t, k as ActivityKind]),
);
const isOpening = (e: ActivityEvent): e is Opening => KIND_OF_OPENING.has(e.type);

const split = (e: Opening) => {
  const { activityId, unitId, obligationId, planId, taskCode, year, ...fields } = e.data;
  const header: ActivityHeader = { activityId, unitId, obligationId, planId, taskCode, year };
  return { header, fields: fields as Record<string, unknown> };
};

const OPENING_STATUS: Record<ActivityKind, string> = {
  conference: 'recorded',
  media: 'recorded',
  training: 'recorded',
  legalreview: 'recorded',
  resolution: 'drafted',
  regulation: 'in-force',
  budget: 'estimated',
  difficulty: 'open',
};

export const initialActivity = (): Activity => ({
  kind: null,
  header: null,
  status: 'none',
  fields: {},
  money: { estimated: 0, approved: null, allocated: 0, spent: 0 },
  steps: [],
  withdrawn: false,
});

export const evolveActivity = (s: Activity, e: ActivityEvent): Activity => {
  if (isOpening(e)) {
    const kind = KIND_OF_OPENING.get(e.type)!;
    const { header, fields } = split(e);
    const estimated = e.type === 'budget.estimated.v1' ? e.data.amount : 0;
    return {
      ...initialActivity(),
      kind,
      header,
      fields,
      status: OPENING_STATUS[kind],
      money: { ...initialActivity().money, estimated },
    };
  }
  const on = businessDayOf(e);
  // A read model built before steps were kept has none: it starts from an empty list.
  if (on) s = { ...s, steps: [...(s.steps ?? []), { type: e.type, on }] };
  switch (e.type) {
    case 'resolution.consulted.v1':
      return { ...s, status: 'consulted' };
    case 'resolution.submitted.v1':
      return { ...s, status: 'submitted' };
    case 'resolution.adopted.v1':
      return { ...s, status: 'adopted', fields: { ...s.fields, number: e.data.number, adoptedOn: e.data.adoptedOn } };
    case 'resolution.returned.v1':
      return { ...s, status: 'returned' };
    case 'regulation.amended.v1':
      return { ...s, fields: { ...s.fields, amendments: [...((s.fields.amendments as unknown[]) ?? []), e.data] } };
    case 'regulation.replaced.v1':
      return {
        ...s,
        status: 'replaced',
        fields: { ...s.fields, replacedBy: e.data.byActivityId, replacedOn: e.data.on },
      };
    case 'budget.submitted.v1':
      return { ...s, status: 'submitted' };
    case 'budget.approved.v1':
    case 'budget.adjusted.v1':
      return { ...s, status: 'approved', money: { ...s.money, approved: e.data.amount } };
    case 'budget.allocated.v1':
      return { ...s, status: 'allocated', money: { ...s.money, allocated: s.money.allocated + e.data.amount } };
    case 'budget.spent.v1':
      return { ...s, money: { ...s.money, spent: s.money.spent + e.data.amount } };
    case 'difficulty.guidance-given.v1':
      return { ...s, status: 'answered', fields: { ...s.fields, guidance: e.data.guidance, answeredOn: e.data.on } };
    case 'difficulty.escalated.v1':
      return { ...s, status: 'escalated', fields: { ...s.fields, escalatedOn: e.data.on } };
    case 'difficulty.decided.v1':
      return { ...s, status: 'decided', fields: { ...s.fields, decision: e.data.decision, decidedOn: e.data.on } };
    case 'activity.corrected.v1':
      return { ...s, fields: { ...s.fields, ...e.data.changes } };
    case 'activity.withdrawn.v1':
      return { ...s, withdrawn: true };
    default:
      return s;
  }
};

/** Which step may follow which status. */
const STEPS: Partial<Record<ActivityEventType, { kind: ActivityKind; from: string[] }>> = {
  'resolution.consulted.v1': { kind: 'resolution', from: ['drafted', 'consulted', 'returned'] },
  'resolution.submitted.v1': { kind: 'resolution', from: ['drafted', 'consulted', 'returned'] },
  'resolution.adopted.v1': { kind: 'resolution', from: ['submitted'] },
  'resolution.returned.v1': { kind: 'resolution', from: ['submitted'] },
  'regulation.amended.v1': { kind: 'regulation', from: ['in-force'] },
  'regulation.replaced.v1': { kind: 'regulation', from: ['in-force'] },
  'budget.submitted.v1': { kind: 'budget', from: ['estimated'] },
  'budget.approved.v1': { kind: 'budget', from: ['submitted'] },
  'budget.adjusted.v1': { kind: 'budget', from: ['submitted', 'approved'] },
  'budget.allocated.v1': { kind: 'budget', from: ['approved', 'allocated'] },
  'budget.spent.v1': { kind: 'budget', from: ['allocated'] },
  'difficulty.guidance-given.v1': { kind: 'difficulty', from: ['open', 'escalated'] },
  'difficulty.escalated.v1': { kind: 'difficulty', from: ['open', 'answered'] },
  'difficulty.decided.v1': { kind: 'difficulty', from: ['escalated'] },
};

/** Budget money (plan III.1): allocations stay within the approved amount, spending within what was allocated. */
const budgetMoneyStaysWithinWhatWasGranted = (e: ActivityEvent, s: Activity) => {
  if (e.type === 'budget.allocated.v1' && s.money.allocated + e.data.amount > (s.money.approved ?? 0))
    invalid('allocations cannot exceed the approved amount');
  if (e.type === 'budget.spent.v1' && s.money.spent + e.data.amount > s.money.allocated)
    invalid('spending cannot exceed the allocated amount');
};

/** What a step's day is measured against, in words a reader of the refusal understands. */
const STEP_NAMES: Record<string, string> = {
  'resolution.consulted.v1': 'a consultation (consultedOn)',
  'resolution.submitted.v1': 'the submission (submittedOn)',
  'resolution.adopted.v1': 'the adoption (adoptedOn)',
  'resolution.returned.v1': 'the return (returnedOn)',
  'regulation.amended.v1': 'an amendment (issuedOn)',
  'regulation.replaced.v1': 'the replacement (on)',
  'difficulty.guidance-given.v1': 'the guidance (on)',
  'difficulty.escalated.v1': 'the escalation (on)',
  'difficulty.decided.v1': 'the decision (on)',
};
/** The day field of each kind's opening, which every later step follows. */
const OPENING_DAY: Partial<Record<ActivityKind, string>> = {
  resolution: 'draftedOn',
  regulation: 'issuedOn',
  difficulty: 'raisedOn',
};

type Bound = { label: string; on: CalendarDate; rule: string };
const lastOf = (s: Activity, ...types: string[]) => [...(s.steps ?? [])].reverse().find((x) => types.includes(x.type));
const latest = (s: Activity, ...types: string[]) =>
  (s.steps ?? []).filter((x) => types.includes(x.type)).sort((a, b) => b.on.localeCompare(a.on))[0];
const bound = (x: { type: string; on: CalendarDate } | undefined, rule: string, label?: string): Bound[] =>
  x ? [{ label: label ?? STEP_NAMES[x.type], on: x.on, rule }] : [];
const opened = (s: Activity, rule: string): Bound[] => {
  const field = OPENING_DAY[s.kind!];
  const on = field && (s.fields[field] as CalendarDate | undefined);
  return on
    ? [
        {
          label: `the ${s.kind === 'resolution' ? 'draft' : s.kind === 'regulation' ? 'issue' : 'raising'} (${field})`,
          on,
          rule,
        },
      ]
    : [];
};

/**
 * The days a step must be on or after. Resolution (plan II.3, "Trình Hội đồng nhân dân thành phố ban
 * hành Nghị quyết"): consulted after drafting (and after a return), submitted after drafting, the last
 * consultation and a return, adopted or returned after the submission. A regulation is amended or
 * replaced after it was issued. A difficulty's guidance, escalation and decision come after it was
 * raised and after the step they follow (so a decision after its escalation).
 */
const boundsOf = (type: string, s: Activity): Bound[] => {
  switch (type) {
    case 'resolution.consulted.v1':
      return [
        ...opened(s, 'a draft is consulted on after it is drafted'),
        ...bound(lastOf(s, 'resolution.returned.v1'), 'a returned draft is consulted on again after its return'),
      ];
    case 'resolution.submitted.v1':
      return [
        ...opened(s, 'a resolution is submitted after it is drafted'),
        ...bound(
          latest(s, 'resolution.consulted.v1'),
          'a resolution is submitted after its last consultation',
          'the last consultation (consultedOn)',
        ),
        ...bound(lastOf(s, 'resolution.returned.v1'), 'a returned draft is submitted again after its return'),
      ];
    case 'resolution.adopted.v1':
      return bound(
        lastOf(s, 'resolution.submitted.v1'),
        "the People's Council adopts a resolution after it was submitted",
      );
    case 'resolution.returned.v1':
      return bound(lastOf(s, 'resolution.submitted.v1'), 'a draft is returned after it was submitted');
    case 'regulation.amended.v1':
      return opened(s, 'a regulation is amended after it was issued');
    case 'regulation.replaced.v1':
      return opened(s, 'a regulation is replaced after it was issued');
    case 'difficulty.guidance-given.v1':
    case 'difficulty.escalated.v1':
    case 'difficulty.decided.v1': {
      const previous = lastOf(s, 'difficulty.guidance-given.v1', 'difficulty.escalated.v1', 'difficulty.decided.v1');
      return [
        ...opened(s, 'a difficulty is answered, escalated or decided after it was raised'),
        ...bound(previous, 'a step on a difficulty follows the one before it'),
      ];
    }
    default:
      return [];
  }
};

const checkOrder = (e: ActivityEvent, s: Activity) => {
  const on = businessDayOf(e);
  if (!on) return;
  const field = Object.entries(e.data).find(([, v]) => v === on)?.[0] ?? 'on';
  for (const b of boundsOf(e.type, s)) {
    if (on < b.on) invalid(`${field} (${on}) is before ${b.label} (${b.on}): ${b.rule}`);
  }
};

/** A corrected opening day stays on or before every later step of the activity. */
const checkCorrectedOpening = (s: Activity, changes: Record<string, unknown>) => {
  const field = OPENING_DAY[s.kind!];
  const on = field && (changes[field] as CalendarDate | undefined);
  if (!on) return;
  const first = [...(s.steps ?? [])].sort((a, b) => a.on.localeCompare(b.on))[0];
  if (first && first.on < on)
    invalid(
      `${field} (${on}) would be after ${STEP_NAMES[first.type]} (${first.on}): every step of a ${s.kind} follows its ${field}`,
    );
};

/** The event asked for, with what it may leave out filled (null) and its days checked against the calendar. */
const filled = <E extends ActivityEvent>(e: E): E => {
  const schema = ACTIVITY_EVENTS[e.type];
  daysExist(schema, e.data);
  return { ...e, data: withDefaults(schema, e.data) };
};

/** Decides one event of an activity: its recording, a step of its life, a correction or a withdrawal. */
export const decideActivity = (c: ActivityCommand, s: Activity): ActivityEvent[] => {
  const e = c.event;
  if (isOpening(e)) {
    if (s.kind) throw new ActivityError('activity-exists', `activity ${e.data.activityId} was already recorded`);
    const recorded = filled(e);
    const { header, fields } = split(recorded);
    RECORDING_RULES[KIND_OF_OPENING.get(e.type)!]?.(fields, header.year);
    return [recorded];
  }
  if (!s.kind || !s.header) throw new ActivityError('activity-not-found', `no activity ${e.data.activityId}`);
  if (s.withdrawn) throw new ActivityError('activity-closed', `activity ${e.data.activityId} was withdrawn`);
  if (e.type === 'activity.withdrawn.v1') return [{ ...e, data: { ...e.data, kind: s.kind } }];
  if (e.type === 'activity.corrected.v1') return [corrected(e, s)];
  const step = STEPS[e.type];
  if (!step || step.kind !== s.kind) return invalid(`${e.type} is not a step of a ${s.kind}`);
  if (!step.from.includes(s.status))
    throw new ActivityError('activity-closed', `a ${s.kind} that is ${s.status} cannot take ${e.type}`);
  const taken = filled(e);
  budgetMoneyStaysWithinWhatWasGranted(taken, s);
  checkOrder(taken, s);
  return [taken];
};

/**
 * A correction replaces fields the kind lets it (its schema names them); what it leaves the
 * activity with keeps the kind's rules, and a corrected opening day stays before every later step.
 */
const corrected = (e: ActivityCorrected, s: Activity): ActivityCorrected => {
  const kind = s.kind!;
  const d = e.data;
  const schema = ACTIVITY_CHANGES[kind];
  const keys = Object.keys(d.changes ?? {});
  if (keys.length === 0) invalid('a correction changes at least one field');
  const bad = keys.filter((k) => !(k in schema.properties));
  if (bad.length)
    invalid(
      `${bad.join(', ')} cannot be corrected on a ${kind} (correctable: ${Object.keys(schema.properties).join(', ')})`,
    );
  daysExist(schema, d.changes);
  const changes = withDefaults(schema, d.changes);
  RECORDING_RULES[kind]?.({ ...s.fields, ...changes }, s.header!.year, keys);
  checkCorrectedOpening(s, changes);
  return { ...e, data: { ...d, kind, changes } } as ActivityCorrected;
};
