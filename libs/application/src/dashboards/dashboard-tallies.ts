import type { CalendarDate, Unit } from '@gl/domain';
import type { ReadStore } from '@gl/read-models';
import { emptyFigures, Figures } from './dashboard-figures';
import { FigureDocs, PeriodExpecting, tallyOwn } from './dashboard-tally';
import { rollUp, Rolled } from './dashboard-view';
import { obligationSummary } from './figure-summaries';
import { Asked, statusChanges } from './own-figures';
import { Landing, landingsOf } from './rebase';
import type { TreeOnDay } from './tree-on-day';

/** What one dashboard counts: the store and registry it reads, its question, and the documents it read. */
export interface TallyInput {
  reads: ReadStore;
  units: ReadonlyMap<string, Unit>;
  tree: TreeOnDay;
  basis: 'recorded' | 'today';
  today: CalendarDate;
  /** The unit asked, the units whose records count in its subtree, and where each one's go (`landingsOfSubtree`). */
  unitId: string;
  lands: ReadonlyMap<string, Landing[]>;
  /** The figure documents of those units, read when the tally cannot tell they are unchanged. */
  read: () => Promise<FigureDocs>;
  /** The figure collections' versions (`ReadStore.version`), read before the documents; undefined when the store cannot say. */
  versions?: string;
  periods: (PeriodExpecting & { _position?: string })[];
  asked: Asked;
}

/** The units' own figures and each subtree's roll-up, for one question. */
export interface Tallied {
  own: ReadonlyMap<string, Figures>;
  rolled: (id: string) => Rolled;
}

const NONE = emptyFigures();
const KEPT = 16;

/** One question's tally, kept between requests: what each unit's own figures came from, and the subtrees summed. */
class Tally {
  /** Each source unit's documents, as their positions: a change of any moves its figures. */
  readonly seen = new Map<string, string>();
  readonly own = new Map<string, Figures>();
  readonly approximate = new Set<string>();
  /** Closed downwards: a unit's roll-up is here only while its whole subtree's is. */
  readonly rolled = new Map<string, Rolled>();
  /** The subtrees checked whole, and the versions of the figures they were checked at. */
  readonly checked = new Map<string, string>();
  /** The instants between which no open obligation counted here changes status. */
  from = -Infinity;
  until = Infinity;
}

/** What a unit's four figure documents are, by the position each was last written at. */
const signature = (docs: FigureDocs, id: string): string =>
  `${docs.obligations.get(id)?._position ?? ''}|${docs.activities.get(id)?._position ?? ''}|` +
  `${docs.inspections.get(id)?._position ?? ''}|${docs.reports.get(id)?._position ?? ''}`;

const reverseMemo = new WeakMap<ReadonlyMap<string, Landing[]>, Map<string, [string, Landing][]>>();
/** The landings of a subtree by the unit they land in: whose records make each unit's own figures. */
const sourcesOf = (lands: ReadonlyMap<string, Landing[]>): Map<string, [string, Landing][]> => {
  let out = reverseMemo.get(lands);
  if (!out) {
    out = new Map();
    for (const [source, landings] of lands)
      for (const l of landings) {
        const list = out.get(l.to);
        if (list) list.push([source, l]);
        else out.set(l.to, [[source, l]]);
      }
    reverseMemo.set(lands, out);
  }
  return out;
};

/**
 * Dashboards' tallies kept between requests (issue 17: the nation's dashboard must not cost its
 * 4,444 units at every request). A tally is kept per store, registry version and question (basis,
 * day, year, period, reporting periods as written); each request compares the positions of the
 * figure documents it read with those the tally was made from, and sums again only the units whose
 * documents moved and the subtrees above them; where the store tells the figures' versions and they
 * have not moved since this subtree was checked, it reads nothing. The open obligations' statuses
 * depend on now: a tally is kept only while now stays between the instants at which one of them
 * would change.
 */
export class DashboardTallies {
  private readonly byStore = new WeakMap<ReadStore, WeakMap<ReadonlyMap<string, Unit>, Map<string, Tally>>>();

  async of(x: TallyInput): Promise<Tallied> {
    const tally = this.tallyFor(x);
    if (x.versions === undefined || tally.checked.get(x.unitId) !== x.versions) {
      const docs = await x.read();
      const stale = this.mend(tally, x, docs);
      if (stale.size > 0) this.recount(tally, x, docs, stale);
      if (x.versions !== undefined) tally.checked.set(x.unitId, x.versions);
    }
    const rolled = rollUp(x.tree, tally.own, tally.approximate, tally.rolled);
    return { own: tally.own, rolled };
  }

  private tallyFor(x: TallyInput): Tally {
    let byUnits = this.byStore.get(x.reads);
    if (!byUnits) this.byStore.set(x.reads, (byUnits = new WeakMap()));
    let tallies = byUnits.get(x.units);
    if (!tallies) byUnits.set(x.units, (tallies = new Map()));
    const { year, window, day } = x.asked;
    const periods = x.periods.map((p) => `${p._id}@${p._position ?? ''}`).join(',');
    const key = `${x.basis}|${day}|${x.today}|${year}|${window?.from ?? ''}|${window?.to ?? ''}|${periods}`;
    let tally = tallies.get(key);
    const now = x.asked.now.getTime();
    if (!tally || now < tally.from || now >= tally.until) {
      if (tallies.size >= KEPT) tallies.clear();
      tallies.set(key, (tally = new Tally()));
    }
    return tally;
  }

  /**
   * Forgets the figures of every unit a moved document's records land in, and the roll-ups above;
   * answers the units of the subtree to count again.
   */
  private mend(tally: Tally, x: TallyInput, docs: FigureDocs): Set<string> {
    const stale = new Set<string>();
    const forget = (to: string) => {
      tally.own.delete(to);
      tally.approximate.delete(to);
      for (let u: string | null | undefined = to; u && tally.rolled.delete(u); u = x.tree.byId.get(u)?.parentId);
    };
    for (const source of x.lands.keys()) {
      const sig = signature(docs, source);
      if (tally.seen.get(source) === sig) continue;
      tally.seen.set(source, sig);
      // Every unit its records land in, in this subtree or not: a tally asked for another later must not keep them.
      if (x.basis === 'recorded') forget(source);
      else for (const l of landingsOf(x.units, source, x.today)) forget(l.to);
    }
    for (const to of sourcesOf(x.lands).keys()) if (!tally.own.has(to)) stale.add(to);
    return stale;
  }

  /** Counts the units given from the records that land in them. */
  private recount(tally: Tally, x: TallyInput, docs: FigureDocs, stale: Set<string>): void {
    const sources = sourcesOf(x.lands);
    const lands = new Map<string, Landing[]>();
    for (const to of stale)
      for (const [source, l] of sources.get(to) ?? []) {
        const list = lands.get(source);
        if (list) list.push(l);
        else lands.set(source, [l]);
      }
    const { own, approximateUnits } = tallyOwn(lands, docs, x.periods, x.asked);
    for (const to of stale) {
      tally.own.set(to, own.get(to) ?? NONE);
      if (approximateUnits.has(to)) tally.approximate.add(to);
    }
    const now = x.asked.now.getTime();
    for (const source of lands.keys()) {
      const doc = docs.obligations.get(source);
      if (!doc) continue;
      for (const [deadline] of obligationSummary(doc, x.asked.year, x.asked.window).openByDeadline)
        for (const at of statusChanges(deadline)) {
          if (at <= now) tally.from = Math.max(tally.from, at);
          else tally.until = Math.min(tally.until, at);
        }
    }
  }
}
