import { Day, Id, INSPECTION_EVENTS as E, Obj, OneOf, Static, Type, Year } from '@gl/domain';
import { PAGE_QUERY } from '../shared/page.schemas';

/* What each inspection step takes over HTTP: the fields of the event it records, from its one definition (the ids of the path aside). */

const { inspectionId: _p, ...planned } = E['inspection.planned.v1'].properties;
const { inspectionId: _c, endedOn: _e, ...conducted } = E['inspection.conducted.v1'].properties;
const { inspectionId: _r, followUpId: _id, ...requested } = E['inspection.follow-up-requested.v1'].properties;
const {
  inspectionId: _a,
  followUpId: _f,
  documentNumber,
  ...answered
} = E['inspection.follow-up-answered.v1'].properties;

export const PlanInspectionBody = Obj({
  inspectionId: Type.Optional(
    Id({ description: 'Stable id; generated (from the Idempotency-Key when given) when absent' }),
  ),
  ...planned,
});
export const ConductBody = Obj({
  ...conducted,
  endedOn: Type.Optional(Day({ description: 'The last day on site; heldOn when absent' })),
});
export const FollowUpRequestBody = Obj({
  followUpId: Type.Optional(Id({ description: 'Stable id; generated when absent' })),
  ...requested,
});
export const FollowUpAnswerBody = Obj({ ...answered, documentNumber: Type.Optional(documentNumber) });
export const CloseInspectionBody = Type.Omit(E['inspection.closed.v1'], ['inspectionId']);

export const InspectionsQuery = Obj({
  ...PAGE_QUERY,
  unitId: Type.Optional(Id({ description: 'The inspected or the inspecting unit' })),
  year: Type.Optional(Year()),
  status: Type.Optional(OneOf(['planned', 'conducted', 'closed'])),
});

export type PlanInspectionBody = Static<typeof PlanInspectionBody>;
export type ConductBody = Static<typeof ConductBody>;
export type FollowUpRequestBody = Static<typeof FollowUpRequestBody>;
export type FollowUpAnswerBody = Static<typeof FollowUpAnswerBody>;
export type CloseInspectionBody = Static<typeof CloseInspectionBody>;
export type InspectionsQuery = Static<typeof InspectionsQuery>;
