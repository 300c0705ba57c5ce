import type { Database, Statement } from 'better-sqlite3';
import { deepFreeze } from '@gl/event-store';
import { decodeDoc } from './doc-codec';
import { RecentlyUsed } from './recently-used';
import { BulkStatement, placeholders } from './bulk-statement';
import { sqlSource } from './disk-filters';
import type { Doc, Filter, FindOptions } from '../port/read-store.port';
import { arranged, keysOf, sameKeys, Selection, StoredCollection } from './stored-collection';

/** Decoded documents a disk collection keeps at hand (most recently used): what a batch or a page reads again. */
const CACHED = 10_000;
/**
 * Ids it last found absent (a rebuild's new documents, looked up before they are written): at most
 * this many, several batches' worth, so that a batch does not look its new ids up in the file twice.
 */
const ABSENT = 50_000;
/** Documents keyed per step when a collection's keys are built (at promotion, from an older file, or new indexes). */
const KEYING_PAGE = 20_000;
/** Key rows per call when keys are built. */
const KEYS_PER_CALL = 200;
/** Fields whose values SQLite can read by a JSON path as written: the ones a disk collection keys. */
const KEYABLE = /^[\w$-]+$/;

type Row = { position: string; deleted: number; body: string };
type KeyValues = { id: string } & Record<string, string | null>;
type KeyRow = [coll: string, field: string, key: string, id: string];

const isLive = (d: Doc) => d._deleted !== true;

/** The statements the disk collections of one file share. */
export class DiskRows {
  readonly row: Statement<[string, string], Row>;
  readonly rows: Statement<[string, string], Row & { id: string }>;
  readonly position: Statement<[string, string], { position: string }>;
  readonly live: Statement<[string], { body: string }>;
  readonly unkey: Statement<KeyRow>;
  readonly key: Statement<KeyRow>;
  /** Key rows many to a call: a key build spent half its time in the calls, one per row. */
  readonly keys: BulkStatement<KeyRow>;
  readonly keyedOn: Statement<[string], { fields: string }>;
  readonly setKeyedOn: Statement<[string, string]>;
  private readonly dropKeys: Statement<[string]>;
  private readonly dropKeyedOn: Statement<[string]>;
  /** Queries by their SQL. */
  private readonly byFilter = new Map<string, Statement>();

  constructor(readonly db: Database) {
    this.row = db.prepare('SELECT position, deleted, body FROM docs WHERE coll = ? AND id = ?');
    this.rows = db.prepare(
      'SELECT id, position, deleted, body FROM docs WHERE coll = ? AND id IN (SELECT value FROM json_each(?))',
    );
    this.position = db.prepare('SELECT position FROM docs WHERE coll = ? AND id = ?');
    this.live = db.prepare('SELECT body FROM docs WHERE coll = ? AND deleted = 0');
    this.unkey = db.prepare('DELETE FROM doc_keys WHERE coll = ? AND field = ? AND key = ? AND id = ?');
    this.key = db.prepare('INSERT OR IGNORE INTO doc_keys (coll, field, key, id) VALUES (?, ?, ?, ?)');
    this.keys = new BulkStatement(
      db,
      (n) => `INSERT OR IGNORE INTO doc_keys (coll, field, key, id) VALUES ${placeholders(4, n)}`,
      KEYS_PER_CALL,
    );
    this.keyedOn = db.prepare('SELECT fields FROM disk_keys WHERE coll = ?');
    this.setKeyedOn = db.prepare('INSERT OR REPLACE INTO disk_keys (coll, fields) VALUES (?, ?)');
    this.dropKeys = db.prepare('DELETE FROM doc_keys WHERE coll = ?');
    this.dropKeyedOn = db.prepare('DELETE FROM disk_keys WHERE coll = ?');
  }

  /** A query's statement, prepared once (a few shapes: the product's queries). */
  prepared(sql: string): Statement {
    let stmt = this.byFilter.get(sql);
    if (!stmt) this.byFilter.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  /** A physical collection's keys gone: it was dropped, or is held in memory now (keys kept later would be stale). */
  forget(coll: string): void {
    this.dropKeys.run(coll);
    this.dropKeyedOn.run(coll);
  }
}

/**
 * One physical collection read from the file (issue 17: activities and streams, which grow with the
 * log, would hold most of the heap and take most of a restart). Its documents stay in `docs`; the
 * values of its indexed fields are rows of `doc_keys`, written in the batch's transaction, so a
 * filter on them reads only the documents it finds. A filter no index narrows reads the whole
 * collection from the file: fine for what the product asks of these collections, never a dashboard.
 * Nothing is loaded at start; the documents last used are kept decoded.
 */
export class DiskCollection implements StoredCollection {
  readonly onDisk = true;
  private readonly cache = new RecentlyUsed<string, Doc>(CACHED);
  private readonly absent = new Set<string>();
  private fields: readonly string[] = [];
  /** Keys left for later (a building generation's): none written until `goLive`. */
  private deferred = false;

  constructor(
    private readonly rows: DiskRows,
    readonly name: string,
  ) {}

  /**
   * Keys the documents on these fields (the projection's indexes). A collection keyed on other
   * fields, or not at all (a file from before disk collections), is keyed afresh, once.
   */
  keyOn(fields: Iterable<string>): void {
    this.fields = [...new Set(fields)].filter((f) => KEYABLE.test(f)).sort();
    if (this.deferred || this.rows.keyedOn.get(this.name)?.fields === JSON.stringify(this.fields)) return;
    this.buildKeys();
  }

  /** Keys none of the documents written from now on: those it had go (a crash before `goLive` must not leave stale ones). */
  buildLater(): void {
    if (this.deferred) return;
    this.rows.forget(this.name);
    this.deferred = true;
  }

  goLive(): void {
    if (this.deferred) this.buildKeys();
  }

  /**
   * Keys every document afresh in one transaction, SQLite reading the fields' values out of the
   * rows: each page of key rows is written once, where keys written with each batch rewrote the
   * same pages in every batch.
   */
  private buildKeys(): void {
    const paths = this.fields.map((f) => `$."${f}"`);
    const values = this.rows.prepared(
      `SELECT id${paths.map((_, i) => `, body -> ? AS v${i}`).join('')} FROM docs ` +
        'WHERE coll = ? AND deleted = 0 AND id > ? ORDER BY id LIMIT ?',
    );
    this.rows.db.transaction(() => {
      this.rows.forget(this.name);
      // In pages: a statement being iterated keeps the connection from writing.
      const page = (after: string) =>
        paths.length === 0 ? [] : (values.all(...paths, this.name, after, KEYING_PAGE) as KeyValues[]);
      for (let rows = page(''); rows.length > 0; rows = page(rows[rows.length - 1].id)) {
        const keyed: KeyRow[] = [];
        for (const row of rows)
          this.fields.forEach((field, i) => {
            const json = row[`v${i}`];
            if (json !== null) keyed.push(...this.keyRowsOf(field, row.id, { _id: row.id, [field]: decodeDoc(json) }));
          });
        this.rows.keys.run(keyed);
      }
      this.rows.setKeyedOn.run(this.name, JSON.stringify(this.fields));
    })();
    this.deferred = false;
  }

  /**
   * In the batch's transaction, before its row is written: the document's keys in place of its old
   * ones, which the old document tells (at hand, as the batch read it, or else from its row).
   */
  writing(id: string, doc: Doc | null): void {
    if (this.deferred || this.fields.length === 0) return;
    const old = this.absent.has(id) ? undefined : (this.cache.peek(id) ?? this.stored(id));
    const unchanged = (f: string) => old && doc && sameKeys(keysOf(old, f), keysOf(doc, f));
    for (const field of this.fields) {
      if (unchanged(field)) continue;
      if (old) this.keyRows(this.rows.unkey, field, id, old);
      if (doc) this.keyRows(this.rows.key, field, id, doc);
    }
    // Should the batch change it again, its row tells the keys just written (put() keeps it after the commit).
    this.absent.delete(id);
    this.cache.delete(id);
  }

  get(id: string): Doc | undefined {
    const d = this.entry(id);
    return d && isLive(d) ? d : undefined;
  }

  entry(id: string): Doc | undefined {
    return this.cached(id) ?? (this.absent.has(id) ? undefined : this.fromRow(id, this.rows.row.get(this.name, id)));
  }

  /** Entries by id, as `entry`, in one read of the file for those not at hand. */
  entries(ids: string[]): Map<string, Doc> {
    const out = new Map<string, Doc>();
    const unknown: string[] = [];
    for (const id of ids) {
      const hit = this.cached(id);
      if (hit) out.set(id, hit);
      else if (!this.absent.has(id)) unknown.push(id);
    }
    if (unknown.length === 0) return out;
    const found = new Map(this.rows.rows.all(this.name, JSON.stringify(unknown)).map((r) => [r.id, r]));
    for (const id of unknown) {
      const d = this.fromRow(id, found.get(id));
      if (d) out.set(id, d);
    }
    return out;
  }

  positionOf(id: string): string | undefined {
    if (this.absent.has(id)) return undefined;
    const known = this.cache.peek(id)?._position ?? this.rows.position.get(this.name, id)?.position;
    if (known === undefined) this.markAbsent(id);
    return known;
  }

  put(doc: Doc): void {
    this.absent.delete(doc._id);
    this.keep(doc);
  }

  remove(id: string): void {
    this.absent.delete(id);
    this.cache.delete(id);
  }

  all(): Doc[] {
    return this.rows.live.all(this.name).map((row) => decodeDoc<Doc>(row.body));
  }

  /**
   * As MemoryCollection's, through `doc_keys`; a filter no index narrows is a scan of the file. SQL
   * tests the top-level equalities either way, so only what passes them is decoded.
   */
  select(filter: Filter, indexed: ReadonlySet<string>): Selection {
    const { from, params, rest } = this.source(filter, indexed);
    const rows = this.rows.prepared(`SELECT d.id, d.body ${from}`).all(...params) as { id: string; body: string }[];
    const seen = new Set<string>();
    const docs: Doc[] = [];
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const hit = this.cache.peek(row.id);
      docs.push(hit ? deepFreeze(hit) : decodeDoc<Doc>(row.body));
    }
    return { docs, rest };
  }

  /** How many documents match, when SQL can tell alone (nothing is left to test); undefined otherwise. */
  countInFile(filter: Filter, indexed: ReadonlySet<string>): number | undefined {
    const { from, params, rest } = this.source(filter, indexed);
    if (Object.keys(rest).length > 0) return undefined;
    return (this.rows.prepared(`SELECT COUNT(DISTINCT d.id) AS n ${from}`).get(...params) as { n: number }).n;
  }

  /**
   * A page (sort, skip, limit) when SQL tests the whole filter and the sort keys are top-level fields:
   * the documents are sorted by their keys alone (read exactly, with their JSON types), and only the
   * page is decoded — a province's first page of activities no longer decodes all of them.
   */
  pageInFile(filter: Filter, indexed: ReadonlySet<string>, options: FindOptions): Doc[] | undefined {
    const { from, params, rest } = this.source(filter, indexed);
    const fields = Object.keys(options.sort ?? {});
    if (Object.keys(rest).length > 0 || !fields.every((f) => /^[\w-]+$/.test(f))) return undefined;
    const paths = fields.map((f) => `$."${f}"`);
    // `->` gives a value as JSON text (NULL when the field is missing): parsed here, it keeps its type.
    const columns = paths.map((_, i) => `d.body -> ? AS v${i}`);
    const sql = `SELECT d.id${columns.map((c) => `, ${c}`).join('')} ${from}`;
    const rows = this.rows.prepared(sql).all(...paths, ...params) as Record<string, string | null>[];
    const seen = new Set<string>();
    const keys: Doc[] = [];
    for (const row of rows) {
      const id = row.id!;
      if (seen.has(id)) continue;
      seen.add(id);
      const key: Doc = { _id: id };
      fields.forEach((f, i) => {
        const json = row[`v${i}`];
        if (json !== null && f !== '_id') key[f] = decodeDoc(json);
      });
      keys.push(key);
    }
    const ids = arranged(keys, {}, { ...options, projection: undefined }).map((k) => k._id);
    const found = this.entries(ids);
    const page = ids.map((id) => found.get(id)).filter((d): d is Doc => d !== undefined && isLive(d));
    return options.projection ? arranged(page, {}, { projection: options.projection }) : page;
  }

  private source(filter: Filter, indexed: ReadonlySet<string>) {
    // Nothing queries a generation being built; should something, it gets the keys it needs first.
    this.goLive();
    return sqlSource(
      this.name,
      filter,
      [...indexed].filter((f) => this.fields.includes(f)),
    );
  }

  /** A row as `entry` answers it (a tombstone for a deleted document); an id without one is remembered absent. */
  private fromRow(id: string, row: Row | undefined): Doc | undefined {
    if (!row) return this.markAbsent(id);
    return row.deleted
      ? { _id: id, _position: row.position, _deleted: true }
      : deepFreeze(this.keep(decodeDoc<Doc>(row.body)));
  }

  private markAbsent(id: string): undefined {
    if (this.absent.size >= ABSENT) this.absent.clear();
    this.absent.add(id);
    return undefined;
  }

  /** The live document as stored, not kept at hand. */
  private stored(id: string): Doc | undefined {
    const row = this.rows.row.get(this.name, id);
    return row && !row.deleted ? decodeDoc<Doc>(row.body) : undefined;
  }

  /** Writes (or deletes) the rows of one document's keys under one field. */
  private keyRows(stmt: Statement<KeyRow>, field: string, id: string, doc: Doc): void {
    for (const row of this.keyRowsOf(field, id, doc)) stmt.run(...row);
  }

  /** The rows of one document's keys under one field (JSON-encoded, so 1, "1" and true stay apart). */
  private keyRowsOf(field: string, id: string, doc: Doc): KeyRow[] {
    return [...new Set(keysOf(doc, field))].map((k) => [this.name, field, JSON.stringify(k), id]);
  }

  /** A document at hand, frozen as it is handed out: one kept from a write is frozen only if it is read again. */
  private cached(id: string): Doc | undefined {
    const doc = this.cache.get(id);
    return doc && deepFreeze(doc);
  }

  private keep(doc: Doc): Doc {
    this.cache.set(doc._id, doc);
    return doc;
  }
}
