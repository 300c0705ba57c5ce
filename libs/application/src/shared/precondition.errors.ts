/**
 * The resource changed since the client read it (its `If-Match` no longer matches the stream's
 * revision): HTTP 412, nothing written. The client reads it again and decides anew.
 */
export class PreconditionFailedError extends Error {
  static readonly problem = {
    type: '/problems/precondition-failed',
    status: 412,
    title: 'The resource changed since you read it',
  };
  readonly extensions: { stream: string; currentETag: string | null };

  /** `current`: the stream's revision now, null when it does not exist, `moved` when a concurrent write just passed it. */
  constructor(
    readonly stream: string,
    readonly expected: number | 'any',
    readonly current: number | null | 'moved',
  ) {
    const tag = expected === 'any' ? '*' : `"${expected}"`;
    super(
      current === null
        ? `If-Match ${tag}: ${stream} does not exist`
        : current === 'moved'
          ? `If-Match ${tag}: ${stream} was changed by another write at the same moment; read it again`
          : `If-Match ${tag}: ${stream} is at revision ${current} now; read it again`,
    );
    this.name = 'PreconditionFailedError';
    this.extensions = { stream, currentETag: typeof current === 'number' ? `"${current}"` : null };
  }
}

/** Refuses a write whose If-Match names this stream at another revision than `current` (null: no stream yet). */
export const checkIfMatch = (
  ifMatch: { stream: string; revision: number | 'any' } | undefined,
  stream: string,
  current: number | null,
): void => {
  if (!ifMatch || ifMatch.stream !== stream) return;
  if (current === null || (ifMatch.revision !== 'any' && ifMatch.revision !== current))
    throw new PreconditionFailedError(stream, ifMatch.revision, current);
};
