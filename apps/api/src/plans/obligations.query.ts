import { Id, Obj, OBLIGATION_EVENTS, OneOf, RealDay, Static, Type, Year } from '@gl/domain';
import { OBLIGATION_STATUSES } from '@gl/read-models';
import { PAGE_QUERY } from '../shared/page.schemas';

const assigned = OBLIGATION_EVENTS['obligation.assigned.v1'].properties;

/** The filters of a list of obligations (and of a unit's inbox), all optional. */
export const ObligationsQuery = Obj({
  ...PAGE_QUERY,
  planId: Type.Optional(Id()),
  taskCode: Type.Optional(assigned.taskCode),
  unitId: Type.Optional(Id()),
  status: Type.Optional(OneOf(OBLIGATION_STATUSES)),
  role: Type.Optional(assigned.role),
  year: Type.Optional(Year()),
  overdue: Type.Optional(Type.Boolean({ description: 'Open work past its deadline now (true), or not (false)' })),
  deadlineFrom: Type.Optional(RealDay({ description: 'Deadlines from this day (Vietnam)' })),
  deadlineTo: Type.Optional(RealDay({ description: 'Deadlines before this day (Vietnam)' })),
});
export type ObligationsQuery = Static<typeof ObligationsQuery>;
