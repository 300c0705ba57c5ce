import { CalendarDate, vietnamDateOf } from '@gl/domain';
import type { ActivityDoc } from './activity-doc.schemas';

/**
 * The day an activity counts on in a period or up to a cut-off: the day it was held, started, issued,
 * drafted or raised; for a legal review or a budget, which carry no such day, the day it was recorded
 * (in Vietnam). Media items count one by one, on the day each was published.
 */
export const activityDay = (a: ActivityDoc): CalendarDate => {
  const f = a.fields;
  const day =
    a.kind === 'conference'
      ? f.heldOn
      : a.kind === 'training'
        ? f.startsOn
        : a.kind === 'regulation'
          ? f.issuedOn
          : a.kind === 'difficulty'
            ? f.raisedOn
            : a.kind === 'resolution'
              ? f.draftedOn
              : undefined;
  return typeof day === 'string' ? day : vietnamDateOf(new Date(a.recordedAt));
};
