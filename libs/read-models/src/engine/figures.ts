import type { DocChange } from '../port/projection-store.port';
import type { Doc } from '../port/read-store.port';

/**
 * Figures: a tree whose leaves are counts (integers) or money (decimal strings of whole đồng, summed
 * as BigInt), summed leaf by leaf. A sum is kept without zero leaves or empty branches, so the same
 * records give the same document whatever order they came in.
 */
export interface Figures {
  [key: string]: number | string | Figures | undefined;
}

/** What one document adds to the figures of a unit. */
export interface Contribution {
  unitId: string;
  figures: Figures;
}

/**
 * Figures a projection keeps per unit beside its own documents (issue 17): written in the same
 * generation and the same transaction as the documents they come from, so they are rebuilt, replayed
 * and checkpointed with them. A document's contribution is taken out as it was and put in as it is.
 */
export interface FiguresSpec<D> {
  /** The logical collection of the per-unit documents (`_id` is the unit's id). */
  collection: string;
  /** What one document adds to its unit's figures; null when it adds nothing (withdrawn, cancelled, …). */
  contribution(doc: D): Contribution | null;
}

const isZero = (v: number | string) => v === 0 || v === '0';

/** Adds `delta` (times `sign`) into `into`, in place, dropping the leaves that come to zero. */
export const addFigures = (into: Figures, delta: Figures, sign: 1 | -1): Figures => {
  for (const key in delta) {
    const d = delta[key];
    if (d === undefined) continue;
    const held = into[key];
    if (typeof d === 'object') {
      const branch = typeof held === 'object' ? held : {};
      addFigures(branch, d, sign);
      if (Object.keys(branch).length > 0) into[key] = branch;
      else delete into[key];
      continue;
    }
    const have = typeof held === 'object' ? undefined : held;
    const sum =
      typeof d === 'string' || typeof have === 'string'
        ? (BigInt(have ?? 0) + BigInt(sign) * BigInt(d)).toString()
        : ((have as number | undefined) ?? 0) + sign * d;
    if (isZero(sum)) delete into[key];
    else into[key] = sum;
  }
  return into;
};

/** A deep copy of a figures tree (stored documents are frozen and shared with readers). */
export const copyFigures = (f: Figures): Figures => {
  const out: Figures = {};
  for (const key in f) {
    const v = f[key];
    if (v !== undefined) out[key] = typeof v === 'object' ? copyFigures(v) : v;
  }
  return out;
};

const live = (d: Doc | undefined): Doc | undefined => (d && !d._deleted ? d : undefined);

/** A batch's moves of per-unit figures: the units to read, then their documents after it. */
export interface FigureMoves {
  units: string[];
  /** The per-unit documents after the batch, from their stored state; figures that come to nothing delete it. */
  apply(stored: Map<string, Doc>, position: string): DocChange[];
}

/** Each changed document's old contribution out (from the stored document), its new one in. */
// The engine holds documents of every projection as plain records: any spec reads them.
export const figureMoves = (spec: FiguresSpec<any>, changes: DocChange[], stored: Map<string, Doc>): FigureMoves => {
  const moves: [Contribution | null, Contribution | null][] = [];
  const units = new Set<string>();
  for (const ch of changes) {
    const before = live(stored.get(ch._id));
    const out = before ? spec.contribution(before) : null;
    const into = ch.doc ? spec.contribution(ch.doc) : null;
    if (out) units.add(out.unitId);
    if (into) units.add(into.unitId);
    if (out || into) moves.push([out, into]);
  }
  return {
    units: [...units],
    apply: (docs, position) => {
      const working = new Map<string, Figures>();
      const figuresOf = (unitId: string): Figures => {
        let f = working.get(unitId);
        if (!f) {
          const { _id, _position, _deleted, ...kept } = live(docs.get(unitId)) ?? ({} as Doc);
          working.set(unitId, (f = copyFigures(kept as Figures)));
        }
        return f;
      };
      for (const [out, into] of moves) {
        if (out) addFigures(figuresOf(out.unitId), out.figures, -1);
        if (into) addFigures(figuresOf(into.unitId), into.figures, 1);
      }
      const result: DocChange[] = [];
      for (const [unitId, f] of working) {
        const empty = Object.keys(f).length === 0;
        if (empty && !live(docs.get(unitId))) continue;
        result.push({ _id: unitId, collection: spec.collection, doc: empty ? null : { ...f, _id: unitId }, position });
      }
      return result;
    },
  };
};
