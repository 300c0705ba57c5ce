import type { Database, Statement } from 'better-sqlite3';
import type { PositionGap } from '../port/event-store.port';

const gap = (from: bigint, to: bigint, atTail: boolean): PositionGap => ({
  from: from.toString(),
  to: to.toString(),
  atTail,
});

/**
 * Finds the first missing positions of the log. Positions come from AUTOINCREMENT (sqlite-schema.ts):
 * dense from 1, and a rolled-back append gives its positions back, so a hole is a deleted row.
 * `sqlite_sequence` remembers the highest position ever handed out, so rows deleted from the end
 * show too, unless the one who deleted them also lowered it. (A log moved on by advancePositionTo,
 * which only tests do, shows the jump as a gap.)
 */
export class PositionGapFinder {
  private readonly bounds: Statement<[], { n: bigint; lo: bigint | null; hi: bigint | null }>;
  private readonly sequence: Statement<[], { seq: bigint }>;
  private readonly firstHole: Statement<[bigint], { start: bigint }>;
  private readonly nextAfter: Statement<[bigint], { p: bigint }>;

  constructor(db: Database) {
    this.bounds = db
      .prepare('SELECT count(*) AS n, MIN(position) AS lo, MAX(position) AS hi FROM events')
      .safeIntegers(true) as typeof this.bounds;
    this.sequence = db
      .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
      .safeIntegers(true) as typeof this.sequence;
    // Walks positions in order and stops at the first whose successor is missing: cheap when the hole is early.
    this.firstHole = db
      .prepare(
        'SELECT e.position + 1 AS start FROM events e WHERE e.position < ? AND NOT EXISTS (SELECT 1 FROM events n WHERE n.position = e.position + 1) ORDER BY e.position LIMIT 1',
      )
      .safeIntegers(true) as typeof this.firstHole;
    this.nextAfter = db
      .prepare('SELECT MIN(position) AS p FROM events WHERE position > ?')
      .safeIntegers(true) as typeof this.nextAfter;
  }

  find(): PositionGap | null {
    const { n, lo, hi } = this.bounds.get()!;
    const seq = this.sequence.get()?.seq ?? 0n;
    if (lo === null || hi === null) return seq > 0n ? gap(1n, seq, true) : null;
    if (lo > 1n) return gap(1n, lo - 1n, false);
    // Counting first keeps a whole log without holes to one pass of count(*), no probing.
    if (hi - lo + 1n !== n) {
      const start = this.firstHole.get(hi)!.start;
      return gap(start, this.nextAfter.get(start)!.p - 1n, false);
    }
    return seq > hi ? gap(hi + 1n, seq, true) : null;
  }
}
