import {
  Activity,
  ActivityError,
  ActivityEvent,
  ActivityKind,
  activityStream,
  CalendarDate,
  evolveActivity,
  initialActivity,
  obligationStream,
  UnitRegistry,
} from '@gl/domain';
import type { EventStore } from '@gl/event-store';
import { foldStream } from '../shared/stream-runner';
import { whyNotStandingIn, whyNotStandingOn } from '../units/unit-standing';

const invalid = (message: string): never => {
  throw new ActivityError('invalid-activity', message);
};
const closed = (message: string): never => {
  throw new ActivityError('activity-closed', message);
};

/** An activity as the event store has it now (never a lagging read model): the state a decision needs. */
export const loadActivity = async (store: EventStore, kind: ActivityKind, activityId: string): Promise<Activity> =>
  foldStream<Activity, ActivityEvent>(store, activityStream(kind, activityId), {
    initial: initialActivity,
    evolve: evolveActivity,
  });

/** The days a new activity speaks of; null for the kinds that carry no day of their own (legal review, budget). */
const daysOf = (e: ActivityEvent): CalendarDate[] | null => {
  switch (e.type) {
    case 'conference.held.v1':
      return [e.data.heldOn];
    case 'training.held.v1':
      return [e.data.startsOn];
    case 'regulation.issued.v1':
      return [e.data.issuedOn];
    case 'difficulty.raised.v1':
      return [e.data.raisedOn];
    case 'resolution.drafted.v1':
      return [e.data.draftedOn];
    case 'media.items-published.v1':
      return [...new Set(e.data.items.map((i) => i.publishedOn))];
    default:
      return null;
  }
};

/**
 * The checks of what a new activity names, run after the decider has checked its fields and
 * before anything is appended: its unit stood on the activity's day (or, for a legal review or a
 * budget, in its year), and its obligation had been assigned by then; an attended training was recorded and not withdrawn; a replaced
 * regulation is the same unit's and still in force.
 */
export const checkOpeningReferences = async (
  store: EventStore,
  registry: UnitRegistry,
  e: ActivityEvent,
): Promise<void> => {
  const { unitId, year, obligationId } = e.data as { unitId: string; year: number; obligationId: string | null };
  const days = daysOf(e);
  const why = days
    ? days.map((d) => whyNotStandingOn(registry, unitId, d)).find((w) => w)
    : whyNotStandingIn(registry, unitId, year);
  if (why) invalid(why);
  if (obligationId) await checkObligationDay(store, obligationId, days ? [...days].sort()[0] : `${year}-12-31`);
  if (e.type === 'training.held.v1' && e.data.attendedTrainingId)
    await checkAttendedTraining(store, e.data.attendedTrainingId);
  if (e.type === 'regulation.issued.v1' && e.data.replaces)
    await checkReplaced(store, e.data.replaces, unitId, e.data.effectiveFrom);
};

/** The obligation an activity fulfils was assigned by the activity's day (by the end of its year, for a kind without a day). */
const checkObligationDay = async (store: EventStore, obligationId: string, day: CalendarDate): Promise<void> => {
  const [assigned] = await store.readStream(obligationStream(obligationId), { maxCount: 1 });
  const on = (assigned?.data as { assignedOn?: CalendarDate } | undefined)?.assignedOn;
  if (on && day < on)
    invalid(`obligationId: obligation ${obligationId} was assigned on ${on}, after this activity's day (${day})`);
};

/** Trainees sent to another unit's training: any unit's training may be named, so scope does not apply. */
const checkAttendedTraining = async (store: EventStore, trainingId: string): Promise<void> => {
  const t = await loadActivity(store, 'training', trainingId);
  if (t.kind !== 'training') invalid(`attendedTrainingId: no training ${trainingId} was recorded`);
  if (t.withdrawn) closed(`attendedTrainingId: training ${trainingId} was withdrawn`);
};

/** A unit's new regulation replaces one of its own that is in force; the old one ends when the new one takes effect. */
const checkReplaced = async (
  store: EventStore,
  regulationId: string,
  unitId: string,
  effectiveFrom: CalendarDate,
): Promise<void> => {
  const old = await loadActivity(store, 'regulation', regulationId);
  // Another unit's regulation is answered as one that does not exist: a refusal does not tell what others recorded.
  if (old.kind !== 'regulation' || old.header?.unitId !== unitId)
    invalid(`replaces: ${unitId} has no regulation ${regulationId}`);
  if (old.withdrawn) closed(`replaces: regulation ${regulationId} was withdrawn`);
  if (old.status === 'replaced')
    closed(
      `replaces: regulation ${regulationId} was already replaced by ${old.fields.replacedBy} on ${old.fields.replacedOn}`,
    );
  if ((old.fields.effectiveFrom as string) > effectiveFrom) {
    invalid(
      `replaces: regulation ${regulationId} takes effect on ${old.fields.effectiveFrom}, after the new one (${effectiveFrom})`,
    );
  }
};

/** The replacement step names the regulation that replaces this one: a recorded, not withdrawn regulation of the same unit. */
export const checkReplacing = async (store: EventStore, e: ActivityEvent, current: Activity): Promise<void> => {
  if (e.type !== 'regulation.replaced.v1') return;
  const unitId = current.header!.unitId;
  const by = await loadActivity(store, 'regulation', e.data.byActivityId);
  if (e.data.byActivityId === e.data.activityId) invalid('byActivityId: a regulation does not replace itself');
  if (by.kind !== 'regulation' || by.header?.unitId !== unitId)
    invalid(`byActivityId: ${unitId} has no regulation ${e.data.byActivityId}`);
  if (by.withdrawn) closed(`byActivityId: regulation ${e.data.byActivityId} was withdrawn`);
};
