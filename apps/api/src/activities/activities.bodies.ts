import {
  ACTIVITY_CHANGES,
  ACTIVITY_DETAILS,
  ACTIVITY_EVENTS as E,
  ACTIVITY_KINDS,
  ACTIVITY_STEPS,
  ActivityKind,
  DottedId,
  Id,
  Obj,
  Static,
  TObject,
  Type,
  Year,
} from '@gl/domain';

/*
 * What each activity write takes over HTTP, from the one definition of the events it records: a
 * recording's `details` are its opening event's data without the header, a step's are its event's
 * data without the activity id (from the path), a correction's `changes` any of the kind's fields.
 */

const recording = <D extends TObject>(details: D) =>
  Obj({
    activityId: Type.Optional(
      Id({ description: 'Stable id; generated (from the Idempotency-Key when given) when absent' }),
    ),
    unitId: Id({ examples: ['ninh-kieu-tan-an'] }),
    obligationId: Type.Optional(
      DottedId({
        description: "The obligation it fulfils: one of the same unit's",
        examples: ['cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an'],
      }),
    ),
    year: Year(),
    details,
  });

const correction = <C extends TObject>(changes: C) =>
  Obj({ changes, reason: E['activity.withdrawn.v1'].properties.reason });

type Details = typeof ACTIVITY_DETAILS;
type Changes = typeof ACTIVITY_CHANGES;
const byKind = <T>(f: (k: ActivityKind) => T) => Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, f(k)]));

/** `POST /activities/<kind>`. */
export const RECORD_BODIES = byKind((k) => recording(ACTIVITY_DETAILS[k])) as {
  [K in ActivityKind]: ReturnType<typeof recording<Details[K]>>;
};
export type RecordBody<K extends ActivityKind> = Static<(typeof RECORD_BODIES)[K]>;

/** `POST /activities/<kind>/{id}/correction`. */
export const CORRECTION_BODIES = byKind((k) => correction(ACTIVITY_CHANGES[k])) as {
  [K in ActivityKind]: ReturnType<typeof correction<Changes[K]>>;
};
export type CorrectionBody<K extends ActivityKind> = Static<(typeof CORRECTION_BODIES)[K]>;

export const WithdrawalBody = Type.Pick(E['activity.withdrawn.v1'], ['reason']);
export type WithdrawalBody = Static<typeof WithdrawalBody>;

type StepType = {
  [K in keyof typeof ACTIVITY_STEPS]: (typeof ACTIVITY_STEPS)[K][keyof (typeof ACTIVITY_STEPS)[K]];
}[keyof typeof ACTIVITY_STEPS];
const stepBody = <T extends StepType>(type: T) => Obj({ details: Type.Omit(E[type], ['activityId']) });

/** `POST /activities/<kind>/{id}/steps/<step>`, by the step's event type. */
export const STEP_BODIES = Object.fromEntries(
  Object.values(ACTIVITY_STEPS)
    .flatMap((steps) => Object.values(steps))
    .map((t) => [t, stepBody(t)]),
) as {
  [T in StepType]: ReturnType<typeof stepBody<T>>;
};
export type StepBody<T extends StepType> = Static<(typeof STEP_BODIES)[T]>;
export type { StepType };
