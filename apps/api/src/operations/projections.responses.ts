import { Instant, Line, List, Nullable, Obj, OneOf, Position, Prose, Type } from '@gl/domain';

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

const Generation = (description: string) =>
  Nullable(
    Obj(
      {
        version: Count(),
        generation: Count(),
        position: Position({ description: 'Checkpoint: every event up to here is applied' }),
        alongside: Type.Optional(
          Type.Array(Line(100), {
            maxItems: 10,
            description: "Collections this generation writes beside the projection's own (per-unit figures)",
          }),
        ),
        startedAt: Instant(),
        updatedAt: Instant(),
        lag: Obj({
          events: { ...Count(), description: 'Events in the log after the checkpoint (counted up to 1,000,000)' },
          seconds: Type.Number({
            minimum: 0,
            description: 'Age of the oldest event not yet applied; 0 when caught up',
          }),
        }),
      },
      { description },
    ),
  );

/** The read models' state, for operators: one entry per projection. */
export const ProjectionsAnswer = Obj({
  items: List(
    Obj({
      name: Line(100),
      collection: Line(100),
      state: OneOf(['starting', 'catching-up', 'live', 'rebuilding', 'failed', 'stopped', 'not-running'], {
        description: "This process's runner, or not-running when another process runs it",
      }),
      live: Generation('The generation queries read'),
      building: Generation('A generation being rebuilt, if any'),
      rebuildRequested: Type.Boolean(),
      failure: Nullable(Obj({ message: Prose(10_000), at: Instant(), position: Position() })),
    }),
    1000,
  ),
});
