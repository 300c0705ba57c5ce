import {
  Day,
  evolveInspection,
  initialInspection,
  Inspection,
  INSPECTION_EVENT_TYPES,
  INSPECTION_EVENTS,
  inspectionDayOf,
  InspectionEvent,
  Instant,
  Line,
  List,
  Nullable,
  Obj,
  OneOf,
  Static,
  Year,
} from '@gl/domain';
import { inspectionFigures } from './inspection-figures';
import { projection, RecordedFrom } from '../../engine/projection';

const E = INSPECTION_EVENTS;
const { inspectionId: _c, findings: _f, ...conducted } = E['inspection.conducted.v1'].properties;
const { inspectionId: _r, ...requested } = E['inspection.follow-up-requested.v1'].properties;
const answered = E['inspection.follow-up-answered.v1'].properties;
const { inspectionId: _x, ...closed } = E['inspection.closed.v1'].properties;

/**
 * One document per inspection (kiểm tra): what was planned, the conduct with its findings, the
 * follow-ups with their answers, the closing, and every step with its day, when it was recorded and by whom.
 */
export const InspectionDocSchema = Obj({
  ...E['inspection.planned.v1'].properties,
  /** When it was held, else when it was planned: the year a dashboard counts it in. */
  year: Year(),
  status: OneOf(['planned', 'conducted', 'closed']),
  conducted: Nullable(Obj(conducted)),
  findings: E['inspection.conducted.v1'].properties.findings,
  followUps: List(
    Obj({
      ...requested,
      answer: Nullable(answered.answer),
      answeredOn: Nullable(answered.answeredOn),
      documentNumber: answered.documentNumber,
    }),
    1000,
  ),
  closed: Nullable(Obj(closed)),
  history: List(Obj({ type: Line(100), on: Day(), at: Instant(), by: Line(200) }), 10_000),
});
export type InspectionDoc = Static<typeof InspectionDocSchema>;

const stateOf = (d: InspectionDoc): Inspection => {
  const { year: _y, status, conducted: c, findings, followUps, closed: x, history: _h, ...planned } = d;
  return { status, planned, conducted: c, findings, followUps, closed: x };
};

export const inspections = projection<InspectionDoc, RecordedFrom<InspectionEvent>>({
  name: 'inspections',
  version: 1,
  figures: inspectionFigures,
  handles: INSPECTION_EVENT_TYPES,
  indexes: [{ keys: { inspectedUnitId: 1, year: 1 } }, { keys: { inspectingUnitId: 1, year: 1 } }],
  route: (e) => [e.data.inspectionId],
  evolve: (doc, e) => {
    const {
      planned,
      status,
      conducted: c,
      findings,
      followUps,
      closed: x,
    } = evolveInspection(doc ? stateOf(doc) : initialInspection(), e);
    // Steps of an inspection never planned have nothing to show.
    if (!planned || status === 'none') return null;
    return {
      ...planned,
      status,
      conducted: c,
      findings,
      followUps,
      closed: x,
      year: Number((c?.heldOn ?? planned.plannedFrom).slice(0, 4)),
      history: [
        ...(doc?.history ?? []),
        { type: e.type, on: inspectionDayOf(e), at: e.metadata.recordedAt, by: e.metadata.actor.userId },
      ],
    };
  },
});
