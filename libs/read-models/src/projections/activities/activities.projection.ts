import { Activity, ACTIVITY_EVENT_TYPES, ActivityEvent, evolveActivity, initialActivity } from '@gl/domain';
import { activityFigures } from './activity-figures';
import { projection, RecordedFrom } from '../../engine/projection';
import type { ActivityDoc } from './activity-doc.schemas';

export { ActivityDocSchema, type ActivityDoc } from './activity-doc.schemas';

const stateOf = (doc: ActivityDoc): Activity => {
  const { activityId, unitId, obligationId, planId, taskCode, year, kind, status, fields, money, steps, withdrawn } =
    doc;
  return {
    kind,
    header: { activityId, unitId, obligationId, planId, taskCode, year },
    status,
    fields,
    money,
    steps,
    withdrawn,
  };
};

/** One document per activity: the corrected figures, its status, and its corrections with reasons. */
export const activities = projection<ActivityDoc, RecordedFrom<ActivityEvent>>({
  name: 'activities',
  version: 1,
  figures: activityFigures,
  handles: ACTIVITY_EVENT_TYPES,
  large: true,
  // By kind too: regulation coverage asks for every regulation, which no other index narrows.
  indexes: [{ keys: { unitId: 1, year: 1, kind: 1 } }, { keys: { planId: 1, taskCode: 1 } }, { keys: { kind: 1 } }],
  route: (e) => [e.data.activityId],
  evolve: (doc, e) => {
    const next = evolveActivity(doc ? stateOf(doc) : initialActivity(), e);
    // A step before its opening cannot be: a stream begins with its opening.
    if (!next.kind || !next.header) return doc ?? null;
    const at = e.metadata.recordedAt;
    const by = e.metadata.actor.userId;
    const h = next.header;
    // Field by field, not `...next.header`: V8 builds a spread-then-extended object slowly, and
    // this runs once per activity event (a sixth of a national rebuild went there, issue 17).
    return {
      activityId: h.activityId,
      unitId: h.unitId,
      obligationId: h.obligationId,
      planId: h.planId,
      taskCode: h.taskCode,
      year: h.year,
      kind: next.kind,
      status: next.status,
      fields: next.fields,
      money: next.money,
      steps: next.steps,
      withdrawn: next.withdrawn,
      recordedAt: doc?.recordedAt ?? at,
      recordedBy: doc?.recordedBy ?? by,
      corrections:
        e.type === 'activity.corrected.v1'
          ? [...(doc?.corrections ?? []), { reason: e.data.reason, changes: e.data.changes, at, by }]
          : (doc?.corrections ?? []),
      history: [...(doc?.history ?? []), { type: e.type, at, by }],
    };
  },
});
