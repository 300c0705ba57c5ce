import {
  ACTIVITY_EVENT_TYPES,
  ACTIVITY_KINDS,
  ActivityHeaderSchema,
  Day,
  Dong,
  Instant,
  Line,
  Nullable,
  Obj,
  OneOf,
  Prose,
  Static,
  Type,
} from '@gl/domain';

/** Who did it, and when it was recorded: on each correction and each event of an activity's history. */
const Recorded = { at: Instant(), by: Line(200) };

/**
 * One document per activity: where it belongs (its header), what it recorded with corrections
 * applied (`fields`: the kind's own, and what its steps added), its status, its money in whole đồng,
 * its dated steps, its corrections with their reasons and its history. The API answers it per kind
 * (activities.responses.ts in the application).
 */
export const ActivityDocSchema = Obj({
  ...ActivityHeaderSchema.properties,
  kind: OneOf(ACTIVITY_KINDS),
  status: Line(20),
  fields: Type.Record(Type.String(), Type.Unknown()),
  money: Obj({ estimated: Dong(), approved: Nullable(Dong()), allocated: Dong(), spent: Dong() }),
  steps: Type.Array(Obj({ type: OneOf(ACTIVITY_EVENT_TYPES), on: Day() })),
  withdrawn: Type.Boolean(),
  recordedAt: Instant(),
  recordedBy: Line(200),
  corrections: Type.Array(
    Obj({ reason: Prose(2000), changes: Type.Record(Type.String(), Type.Unknown()), ...Recorded }),
  ),
  history: Type.Array(Obj({ type: OneOf(ACTIVITY_EVENT_TYPES), ...Recorded })),
});
export type ActivityDoc = Static<typeof ActivityDocSchema>;
