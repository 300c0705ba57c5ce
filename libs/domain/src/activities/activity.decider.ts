import type { CalendarDate } from '../shared/calendar-date';
import { businessDayOf } from './activity-dates';
import { ActivityEvent, ActivityHeader, ActivityKind, OPENING_TYPE } from './activity.events';
import { ActivityError, CORRECTABLE, day, dong, FIELD_RULES, invalid, RECORDED_FIELDS, text } from './activity-rules';
import { shapeFields, shapeStep } from './activity-shapes';

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
  steps: { type: string; on: CalendarDate }[];
  withdrawn: boolean;
}

/** A command asks for one event; the decider checks it against what was recorded. */
export interface ActivityCommand {
  type: 'Do';
  event: ActivityEvent;
}

const HEADER_KEYS = ['activityId', 'unitId', 'obligationId', 'planId', 'taskCode', 'year'];
const split = (data: Record<string, unknown>) => {
  const header: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) (HEADER_KEYS.includes(k) ? header : fields)[k] = v;
  return { header: header as unknown as ActivityHeader, fields };
};

const OPENING_STATUS: Record<ActivityKind, string> = {
  conference: 'recorded', media: 'recorded', training: 'recorded', legalreview: 'recorded',
  resolution: 'drafted', regulation: 'in-force', budget: 'estimated', difficulty: 'open',
};

export const initialActivity = (): Activity => ({
  kind: null, header: null, status: 'none', fields: {}, money: { estimated: 0, approved: null, allocated: 0, spent: 0 }, steps: [], withdrawn: false,
});

const kindOf = (type: string): ActivityKind | undefined =>
  (Object.entries(OPENING_TYPE).find(([, t]) => t === type)?.[0] as ActivityKind | undefined);

export const evolveActivity = (s: Activity, e: ActivityEvent): Activity => {
  const opening = kindOf(e.type);
  if (opening) {
    const { header, fields } = split(e.data as unknown as Record<string, unknown>);
    const amount = opening === 'budget' ? (fields.amount as number) : 0;
    return { ...initialActivity(), kind: opening, header, fields, status: OPENING_STATUS[opening], money: { ...initialActivity().money, estimated: amount } };
  }
  const on = businessDayOf(e);
  // A read model built before steps were kept has none: it starts from an empty list.
  if (on) s = { ...s, steps: [...(s.steps ?? []), { type: e.type, on }] };
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'resolution.consulted.v1': return { ...s, status: 'consulted' };
    case 'resolution.submitted.v1': return { ...s, status: 'submitted' };
    case 'resolution.adopted.v1': return { ...s, status: 'adopted', fields: { ...s.fields, number: d.number, adoptedOn: d.adoptedOn } };
    case 'resolution.returned.v1': return { ...s, status: 'returned' };
    case 'regulation.amended.v1': return { ...s, fields: { ...s.fields, amendments: [...((s.fields.amendments as unknown[]) ?? []), d] } };
    case 'regulation.replaced.v1': return { ...s, status: 'replaced', fields: { ...s.fields, replacedBy: d.byActivityId, replacedOn: d.on } };
    case 'budget.submitted.v1': return { ...s, status: 'submitted' };
    case 'budget.approved.v1':
    case 'budget.adjusted.v1': return { ...s, status: 'approved', money: { ...s.money, approved: d.amount as number } };
    case 'budget.allocated.v1': return { ...s, status: 'allocated', money: { ...s.money, allocated: s.money.allocated + (d.amount as number) } };
    case 'budget.spent.v1': return { ...s, money: { ...s.money, spent: s.money.spent + (d.amount as number) } };
    case 'difficulty.guidance-given.v1': return { ...s, status: 'answered', fields: { ...s.fields, guidance: d.guidance, answeredOn: d.on } };
    case 'difficulty.escalated.v1': return { ...s, status: 'escalated', fields: { ...s.fields, escalatedOn: d.on } };
    case 'difficulty.decided.v1': return { ...s, status: 'decided', fields: { ...s.fields, decision: d.decision, decidedOn: d.on } };
    case 'activity.corrected.v1': return { ...s, fields: { ...s.fields, ...(d.changes as object) } };
    case 'activity.withdrawn.v1': return { ...s, withdrawn: true };
    default: return s;
  }
};

/** Which step may follow which status. */
const STEPS: Record<string, { kind: ActivityKind; from: string[] }> = {
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

const checkStep = (e: ActivityEvent, s: Activity) => {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'resolution.consulted.v1': day(d.consultedOn, 'consultedOn'); text(d.with, 'with'); text(d.summary, 'summary', 5000); return;
    case 'resolution.submitted.v1': day(d.submittedOn, 'submittedOn'); text(d.to, 'to'); return;
    case 'resolution.adopted.v1': text(d.number, 'number', 100); day(d.adoptedOn, 'adoptedOn'); return;
    case 'resolution.returned.v1': day(d.returnedOn, 'returnedOn'); text(d.reason, 'reason'); return;
    case 'regulation.amended.v1': text(d.number, 'number', 100); day(d.issuedOn, 'issuedOn'); text(d.summary, 'summary', 5000); return;
    case 'regulation.replaced.v1': text(d.byActivityId, 'the replacing regulation'); day(d.on, 'on'); return;
    case 'budget.submitted.v1': text(d.to, 'to'); return;
    case 'budget.approved.v1': dong(d.amount, 'amount'); text(d.by, 'by'); return;
    case 'budget.adjusted.v1': dong(d.amount, 'amount'); text(d.by, 'by'); text(d.reason, 'reason'); return;
    case 'budget.allocated.v1':
      dong(d.amount, 'amount');
      if (s.money.allocated + (d.amount as number) > (s.money.approved ?? 0)) invalid('allocations cannot exceed the approved amount');
      return;
    case 'budget.spent.v1':
      dong(d.amount, 'amount');
      text(d.note, 'note');
      if (s.money.spent + (d.amount as number) > s.money.allocated) invalid('spending cannot exceed the allocated amount');
      return;
    case 'difficulty.guidance-given.v1': text(d.guidance, 'guidance', 5000); day(d.on, 'on'); return;
    case 'difficulty.escalated.v1': text(d.note, 'note'); day(d.on, 'on'); return;
    case 'difficulty.decided.v1': text(d.decision, 'decision', 5000); day(d.on, 'on'); return;
    default: return;
  }
};

/** What a step's day is measured against, in words a reader of the refusal understands. */
const STEP_NAMES: Record<string, string> = {
  'resolution.consulted.v1': 'a consultation (consultedOn)', 'resolution.submitted.v1': 'the submission (submittedOn)',
  'resolution.adopted.v1': 'the adoption (adoptedOn)', 'resolution.returned.v1': 'the return (returnedOn)',
  'regulation.amended.v1': 'an amendment (issuedOn)', 'regulation.replaced.v1': 'the replacement (on)',
  'difficulty.guidance-given.v1': 'the guidance (on)', 'difficulty.escalated.v1': 'the escalation (on)', 'difficulty.decided.v1': 'the decision (on)',
};
/** The day field of each kind's opening, which every later step follows. */
const OPENING_DAY: Partial<Record<ActivityKind, string>> = { resolution: 'draftedOn', regulation: 'issuedOn', difficulty: 'raisedOn' };

type Bound = { label: string; on: CalendarDate; rule: string };
const lastOf = (s: Activity, ...types: string[]) => [...(s.steps ?? [])].reverse().find((x) => types.includes(x.type));
const latest = (s: Activity, ...types: string[]) => (s.steps ?? []).filter((x) => types.includes(x.type)).sort((a, b) => b.on.localeCompare(a.on))[0];
const bound = (x: { type: string; on: CalendarDate } | undefined, rule: string, label?: string): Bound[] =>
  x ? [{ label: label ?? STEP_NAMES[x.type], on: x.on, rule }] : [];
const opened = (s: Activity, rule: string): Bound[] => {
  const field = OPENING_DAY[s.kind!];
  const on = field && (s.fields[field] as CalendarDate | undefined);
  return on ? [{ label: `the ${s.kind === 'resolution' ? 'draft' : s.kind === 'regulation' ? 'issue' : 'raising'} (${field})`, on, rule }] : [];
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
      return [...opened(s, 'a draft is consulted on after it is drafted'), ...bound(lastOf(s, 'resolution.returned.v1'), 'a returned draft is consulted on again after its return')];
    case 'resolution.submitted.v1':
      return [
        ...opened(s, 'a resolution is submitted after it is drafted'),
        ...bound(latest(s, 'resolution.consulted.v1'), 'a resolution is submitted after its last consultation', 'the last consultation (consultedOn)'),
        ...bound(lastOf(s, 'resolution.returned.v1'), 'a returned draft is submitted again after its return'),
      ];
    case 'resolution.adopted.v1':
      return bound(lastOf(s, 'resolution.submitted.v1'), 'the People\'s Council adopts a resolution after it was submitted');
    case 'resolution.returned.v1':
      return bound(lastOf(s, 'resolution.submitted.v1'), 'a draft is returned after it was submitted');
    case 'regulation.amended.v1': return opened(s, 'a regulation is amended after it was issued');
    case 'regulation.replaced.v1': return opened(s, 'a regulation is replaced after it was issued');
    case 'difficulty.guidance-given.v1':
    case 'difficulty.escalated.v1':
    case 'difficulty.decided.v1': {
      const previous = lastOf(s, 'difficulty.guidance-given.v1', 'difficulty.escalated.v1', 'difficulty.decided.v1');
      return [...opened(s, 'a difficulty is answered, escalated or decided after it was raised'), ...bound(previous, 'a step on a difficulty follows the one before it')];
    }
    default: return [];
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
  if (first && first.on < on) invalid(`${field} (${on}) would be after ${STEP_NAMES[first.type]} (${first.on}): every step of a ${s.kind} follows its ${field}`);
};

/** Decides one event of an activity: its recording, a step of its life, a correction or a withdrawal. */
export const decideActivity = (c: ActivityCommand, s: Activity): ActivityEvent[] => {
  const e = c.event;
  const opening = kindOf(e.type);
  if (opening) {
    if (s.kind) throw new ActivityError('activity-exists', `activity ${e.data.activityId} was already recorded`);
    const { header, fields } = split(e.data as unknown as Record<string, unknown>);
    if (!Number.isInteger(header.year) || header.year < 2000 || header.year > 2100) invalid('year is required');
    text(header.unitId, 'unitId', 100);
    const unknown = Object.keys(fields).filter((k) => !RECORDED_FIELDS[opening].includes(k));
    if (unknown.length) invalid(`a ${opening} has no field ${unknown.join(', ')} (fields: ${RECORDED_FIELDS[opening].join(', ')})`);
    FIELD_RULES[opening](fields, { year: header.year });
    return [{ ...e, data: { ...e.data, ...shapeFields(opening, fields, true) } } as ActivityEvent];
  }
  if (!s.kind) throw new ActivityError('activity-not-found', `no activity ${e.data.activityId}`);
  if (s.withdrawn) throw new ActivityError('activity-closed', `activity ${e.data.activityId} was withdrawn`);
  if (e.type === 'activity.corrected.v1' || e.type === 'activity.withdrawn.v1') {
    text(e.data.reason, 'a reason');
    if (e.type === 'activity.corrected.v1') {
      const keys = Object.keys(e.data.changes ?? {});
      if (keys.length === 0) invalid('a correction changes at least one field');
      const bad = keys.filter((k) => !CORRECTABLE[s.kind!].includes(k));
      if (bad.length) invalid(`${bad.join(', ')} cannot be corrected on a ${s.kind} (correctable: ${CORRECTABLE[s.kind].join(', ')})`);
      FIELD_RULES[s.kind]({ ...s.fields, ...e.data.changes, ...(s.kind === 'budget' && { amount: s.money.estimated }) }, { year: s.header!.year, changed: keys });
      checkCorrectedOpening(s, e.data.changes);
      return [{ ...e, data: { ...e.data, kind: s.kind, changes: shapeFields(s.kind, e.data.changes, false) } }];
    }
    return [{ ...e, data: { ...e.data, kind: s.kind } } as ActivityEvent];
  }
  const step = STEPS[e.type];
  if (!step || step.kind !== s.kind) invalid(`${e.type} is not a step of a ${s.kind}`);
  if (!step.from.includes(s.status)) throw new ActivityError('activity-closed', `a ${s.kind} that is ${s.status} cannot take ${e.type}`);
  checkStep(e, s);
  checkOrder(e, s);
  return [shapeStep(e)];
};
