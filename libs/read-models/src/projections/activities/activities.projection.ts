import { Activity, ACTIVITY_EVENT_TYPES, ActivityEvent, ActivityHeader, evolveActivity, initialActivity } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per activity: the corrected figures, its status, and its corrections with reasons. */
export interface ActivityDoc extends Omit<Activity, 'header'>, ActivityHeader {
  recordedAt: string;
  recordedBy: string;
  corrections: { reason: string; changes: Record<string, unknown>; at: string; by: string }[];
  history: { type: string; at: string; by: string }[];
}

export const activities = projection<ActivityDoc>({
  name: 'activities',
  version: 1,
  handles: ACTIVITY_EVENT_TYPES,
  indexes: [{ keys: { unitId: 1, year: 1, kind: 1 } }, { keys: { planId: 1, taskCode: 1 } }],
  route: (e: RecordedEvent) => [(e.data as { activityId: string }).activityId],
  evolve: (doc, e) => {
    const ev = e as unknown as ActivityEvent;
    const { activityId: _a, unitId, obligationId, planId, taskCode, year, recordedAt, recordedBy, corrections, history, ...state } =
      doc ?? ({ ...initialActivity(), corrections: [], history: [] } as unknown as ActivityDoc);
    const next = evolveActivity({ ...state, header: doc ? { activityId: doc.activityId, unitId, obligationId, planId, taskCode, year } : null } as Activity, ev);
    const h = next.header!;
    const by = e.metadata.actor.userId;
    const at = e.metadata.recordedAt;
    const { header: _h, ...rest } = next;
    return {
      ...rest,
      activityId: h.activityId, unitId: h.unitId, obligationId: h.obligationId, planId: h.planId, taskCode: h.taskCode, year: h.year,
      recordedAt: recordedAt ?? at, recordedBy: recordedBy ?? by,
      corrections: ev.type === 'activity.corrected.v1' ? [...corrections, { reason: ev.data.reason, changes: ev.data.changes, at, by }] : corrections,
      history: [...history, { type: e.type, at, by }],
    };
  },
});
