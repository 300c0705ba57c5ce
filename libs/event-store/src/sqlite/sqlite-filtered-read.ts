import type { Database, Statement } from 'better-sqlite3';
import { LogFilter, ReadAllResult } from '../port/event-store.port';
import { RecordedEvent } from '../port/envelope';
import { EVENT_COLUMNS, EventRow } from './sqlite-rows';
import { sqlitePosition } from './sqlite-positions';

/** How many log positions one filtered read scans at most: a sparse filter must not block the process. */
const SCAN_WINDOW = 20_000;

/**
 * Filtered reads of the log. Each call scans a bounded window of positions and says how far it
 * got, so a caller (or a subscription) can checkpoint past long runs of events it does not want.
 */
export class FilteredLogReader {
  private readonly cache = new Map<string, Statement<unknown[], EventRow>>();
  private readonly head: Statement<[], { head: bigint }>;
  private readonly windowEnd: Statement<[bigint, number], { position: bigint }>;

  constructor(
    private readonly db: Database,
    private readonly toRecordedEvent: (row: EventRow) => RecordedEvent,
  ) {
    this.head = db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').safeIntegers(true) as Statement<
      [],
      { head: bigint }
    >;
    // Counted in rows, not positions: positions may jump (a restored log, a moved sequence).
    this.windowEnd = db
      .prepare('SELECT position FROM events WHERE position > ? ORDER BY position LIMIT 1 OFFSET ?')
      .safeIntegers(true) as Statement<[bigint, number], { position: bigint }>;
  }

  read(after: bigint, max: number, filter: LogFilter): ReadAllResult {
    const prefixes = [...new Set(filter.typePrefixes ?? [])];
    const categories = [...new Set(filter.categories ?? [])];
    const stmt = this.statement(prefixes, categories);
    return this.db.transaction((): ReadAllResult => {
      const head = this.head.get()!.head;
      const from = sqlitePosition(after);
      const upper = this.windowEnd.get(from, SCAN_WINDOW - 1)?.position ?? head;
      const rows = stmt.all(from, upper, ...categories, ...prefixes, max);
      const events = rows.map(this.toRecordedEvent);
      if (events.length === max) return { events, position: events[events.length - 1].position, isEnd: false };
      const reached = upper > after ? upper : after;
      return { events, position: reached.toString(), isEnd: reached >= head };
    })();
  }

  private statement(prefixes: string[], categories: string[]): Statement<unknown[], EventRow> {
    const key = `${prefixes.length}:${prefixes.map((p) => p.length).join(',')}|${categories.length}`;
    let stmt = this.cache.get(key);
    if (!stmt) {
      // substr() compares bytes exactly; LIKE would fold ASCII case.
      const typeClause = prefixes.length
        ? `AND (${prefixes.map((p) => `substr(type, 1, ${[...p].length}) = ?`).join(' OR ')})`
        : '';
      const categoryClause = categories.length ? `AND category IN (${categories.map(() => '?').join(', ')})` : '';
      stmt = this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ${categoryClause} ${typeClause}
         ORDER BY position ASC LIMIT ?`,
        )
        .raw(true) as Statement<unknown[], EventRow>;
      this.cache.set(key, stmt);
    }
    return stmt;
  }
}
