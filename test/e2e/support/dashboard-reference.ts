import { reachableFrom, Unit, vietnamDateOf } from '@gl/domain';
import { ActivityDoc, Doc, InspectionDoc, ObligationDoc, ReadStore, ReportDoc } from '@gl/read-models';
import { Dashboard, GetDashboard, NotFoundInScopeError } from '@gl/application';
import { happenedIn, inForceOn, inWindow, mediaItemsIn } from '../../../libs/application/src/activities/activity-day';
import { lastDayBefore, periodDays } from '../../../libs/application/src/dashboards/dashboard-period';
import { Landing, landingsOf } from '../../../libs/application/src/dashboards/rebase';
import { treeOn } from '../../../libs/application/src/dashboards/tree-on-day';
import { seesUnit } from '../../../libs/application/src/shared/read-helpers';
/**
 * The dashboard as it was computed before issue 17 — from every obligation, activity, report and
 * inspection of the subtree — kept as the oracle the per-unit figures are compared with
 * (dashboard-figures.e2e-spec.ts). Not used by the product.
 */

// The figures and their sums as they were, kept with the reference so it stays independent of the product's.
/** The figures of one unit, or summed over a subtree. Money is exact (BigInt, decimal strings out). */
interface Figures {
  /** completed, of which completedLate after the deadline; the open ones on track, due within 30 days, or overdue. */
  obligations: {
    total: number;
    completed: number;
    completedLate: number;
    onTrack: number;
    dueSoon: number;
    overdue: number;
  };
  /** Requests (đề nghị) to bodies outside UBND's authority, apart: answered or declined (đã phản hồi), or awaiting (chưa phản hồi); never red. */
  requests: { total: number; answered: number; declined: number; awaiting: number };
  conferences: number;
  participants: number;
  mediaItems: number;
  trainings: number;
  trainees: number;
  regulationsInForce: number;
  documentsReviewed: number;
  findings: Record<string, number>;
  budget: { estimated: bigint; approved: bigint; allocated: bigint; spent: bigint };
  difficulties: Record<string, number>;
  reports: { expected: number; onTime: number; late: number; missing: number };
  /** Inspections of the unit (kiểm tra, plan II.6, IV.1) held in the year: their findings, and their follow-ups answered (closed) or not (open). */
  inspections: { held: number; findings: number; followUpsOpen: number; followUpsClosed: number };
}

const empty = (): Figures => ({
  obligations: { total: 0, completed: 0, completedLate: 0, onTrack: 0, dueSoon: 0, overdue: 0 },
  requests: { total: 0, answered: 0, declined: 0, awaiting: 0 },
  conferences: 0,
  participants: 0,
  mediaItems: 0,
  trainings: 0,
  trainees: 0,
  regulationsInForce: 0,
  documentsReviewed: 0,
  findings: {},
  budget: { estimated: 0n, approved: 0n, allocated: 0n, spent: 0n },
  difficulties: { open: 0, answered: 0, escalated: 0, decided: 0 },
  reports: { expected: 0, onTime: 0, late: 0, missing: 0 },
  inspections: { held: 0, findings: 0, followUpsOpen: 0, followUpsClosed: 0 },
});

const sum = <T extends Record<string, number>>(x: T, y: Record<string, number>): T => {
  const out: Record<string, number> = { ...x };
  for (const k in y) out[k] = (out[k] ?? 0) + y[k];
  return out as T;
};

/** a + b, as a new value. */
const addInto = (a: Figures, b: Figures): Figures => ({
  obligations: sum(a.obligations, b.obligations),
  requests: sum(a.requests, b.requests),
  conferences: a.conferences + b.conferences,
  participants: a.participants + b.participants,
  mediaItems: a.mediaItems + b.mediaItems,
  trainings: a.trainings + b.trainings,
  trainees: a.trainees + b.trainees,
  regulationsInForce: a.regulationsInForce + b.regulationsInForce,
  documentsReviewed: a.documentsReviewed + b.documentsReviewed,
  findings: sum(a.findings, b.findings),
  budget: {
    estimated: a.budget.estimated + b.budget.estimated,
    approved: a.budget.approved + b.budget.approved,
    allocated: a.budget.allocated + b.budget.allocated,
    spent: a.budget.spent + b.budget.spent,
  },
  difficulties: sum(a.difficulties, b.difficulties),
  reports: sum(a.reports, b.reports),
  inspections: sum(a.inspections, b.inspections),
});

/** An amount's share, in whole đồng (exact when the share is the whole). */
const share = (amount: string | number, w: number): bigint =>
  w === 1 ? BigInt(amount) : BigInt(Math.round(Number(amount) * w));

/** Shares of records (through a part) are shown to two decimals; whole counts stay whole. */
const rounded = <T>(v: T): T => {
  if (typeof v === 'number') return (Number.isInteger(v) ? v : Math.round(v * 100) / 100) as T;
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) as T;
  return v;
};

/** Red while anything is overdue, amber while anything falls due within 30 days, else green. */
const rag = (f: Figures): 'red' | 'amber' | 'green' =>
  f.obligations.overdue > 0 ? 'red' : f.obligations.dueSoon > 0 ? 'amber' : 'green';

/** The figures as the API answers them: shares rounded, money as decimal strings, with their colour. */
const out = (f: Figures) => ({
  ...rounded({ ...f, budget: {} }),
  rag: rag(f),
  budget: {
    estimated: f.budget.estimated.toString(),
    approved: f.budget.approved.toString(),
    allocated: f.budget.allocated.toString(),
    spent: f.budget.spent.toString(),
  },
});

const DUE_SOON_MS = 30 * 86_400_000;

// Every unit's landings on a day, worked out once per registry and day: the comparisons ask
// thousands of dashboards of one registry, each of which would follow every unit's lineage again.
const landingsMemo = new WeakMap<ReadonlyMap<string, Unit>, Map<string, Map<string, Landing[]>>>();
const allLandings = (units: ReadonlyMap<string, Unit>, today: string, id: string): Landing[] => {
  let byDay = landingsMemo.get(units);
  if (!byDay) landingsMemo.set(units, (byDay = new Map()));
  let all = byDay.get(today);
  if (!all) byDay.set(today, (all = new Map([...units.keys()].map((u) => [u, landingsOf(units, u, today)]))));
  return all.get(id)!;
};

/** The people counted in a headcount (participants or trainees by group). */
const sumOf = (h: unknown): number => {
  let n = 0;
  for (const k in h as Record<string, number>) n += (h as Record<string, number>)[k];
  return n;
};

const inYear = (o: ObligationDoc, year: number) => {
  if (o.year !== null) return o.year === year;
  const from = Number(o.assignedOn.slice(0, 4));
  if (o.deadline === null)
    return (
      year >= from && (o.completedAt === null || year <= Number(vietnamDateOf(new Date(o.completedAt)).slice(0, 4)))
    );
  return o.deadline.startsWith(String(year)) || year === from;
};

export const referenceDashboard = async (
  reads: ReadStore,
  units: ReadonlyMap<string, Unit>,
  now: Date,
  { scope, unitId, year, basis, asOf, period }: GetDashboard,
  asOfPosition: string | null = null,
): Promise<Dashboard> => {
  const today = vietnamDateOf(now);
  const window = period ? periodDays(year, period) : undefined;
  const span = window ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  const day = basis === 'today' ? today : (asOf ?? (span.to < today ? span.to : today));
  const { byId: standingById, children } = treeOn(units, day);
  const root = standingById.get(unitId);
  if (!root) throw new NotFoundInScopeError(`unit ${unitId} on ${day}`);
  const subtree = reachableFrom(children, unitId);
  // The units whose records count here, and where each one's go: itself on the recorded tree; on
  // today's, the unit it became through the lineage ("approximate" when it passed on only in part).
  const lands = new Map<string, Landing[]>();
  if (basis === 'recorded') for (const id of subtree) lands.set(id, [{ to: id, weight: 1, approximate: false }]);
  else
    for (const u of units.values()) {
      const here = allLandings(units, today, u.id).filter((l) => subtree.has(l.to));
      if (here.length > 0) lands.set(u.id, here);
    }
  let approximate = false;
  const approximateUnits = new Set<string>();
  /** Where a record of this unit counts, and with what weight (1, except through a part). */
  const targets = (id: string): Landing[] => {
    const ls = lands.get(id)!;
    for (const l of ls)
      if (l.approximate) {
        approximate = true;
        approximateUnits.add(l.to);
      }
    return ls;
  };
  const members = [...lands.keys()];

  const own = new Map<string, Figures>();
  const figuresOf = (id: string) => own.get(id) ?? own.set(id, empty()).get(id)!;

  for (const d of await reads.find('obligations', {
    unitId: { $in: members },
    status: { $nin: ['cancelled', 'passed'] },
  })) {
    const o = d as Doc & ObligationDoc;
    // In a period: what falls due in it, and what has no deadline (ongoing duties belong to every period).
    if (!inYear(o, year) || (window && o.deadline && !inWindow(lastDayBefore(o.deadline), window))) continue;
    for (const { to, weight: w } of targets(o.unitId)) {
      if (o.kind === 'requested') {
        const r = figuresOf(to).requests;
        r.total += w;
        if (o.status === 'answered') r.answered += w;
        else if (o.status === 'declined') r.declined += w;
        else r.awaiting += w;
        continue;
      }
      const f = figuresOf(to).obligations;
      f.total += w;
      if (o.status === 'completed') {
        f.completed += w;
        if (o.onTime === false) f.completedLate += w;
      } else if (o.deadline && Date.parse(o.deadline) <= now.getTime()) f.overdue += w;
      else if (o.deadline && Date.parse(o.deadline) - now.getTime() <= DUE_SOON_MS) f.dueSoon += w;
      else f.onTrack += w;
    }
  }
  for (const d of await reads.find('activities', { unitId: { $in: members }, year, withdrawn: false })) {
    const a = d as Doc & ActivityDoc;
    if (window && a.kind !== 'media' && a.kind !== 'regulation' && !happenedIn(a, window)) continue;
    for (const { to, weight: w } of targets(a.unitId)) {
      const f = figuresOf(to);
      if (a.kind === 'conference') {
        f.conferences += w;
        f.participants += w * sumOf(a.fields.participants);
      }
      if (a.kind === 'media') f.mediaItems += w * mediaItemsIn(a, window);
      if (a.kind === 'training') {
        f.trainings += w;
        f.trainees += w * sumOf(a.fields.trainees);
      }
      if (a.kind === 'legalreview') {
        for (const doc of a.fields.documents as { finding: string }[]) {
          f.documentsReviewed += w;
          f.findings[doc.finding] = (f.findings[doc.finding] ?? 0) + w;
        }
      }
      // A regulation in force counts on the last day asked, whenever it was issued.
      if (a.kind === 'regulation' && inForceOn(a, day)) f.regulationsInForce += w;
      if (a.kind === 'budget') {
        f.budget.estimated += share(a.money.estimated, w);
        f.budget.approved += share(a.money.approved ?? 0, w);
        f.budget.allocated += share(a.money.allocated, w);
        f.budget.spent += share(a.money.spent, w);
      }
      if (a.kind === 'difficulty') f.difficulties[a.status] = (f.difficulties[a.status] ?? 0) + w;
    }
  }
  // Reports: the reporting periods of the year, or those due in the period asked.
  const periods = (await reads.find('reporting-periods', { year })).filter(
    (p) => !window || inWindow(lastDayBefore(p.deadline as string), window),
  );
  const expected = periods.flatMap((p) =>
    (p.expectedUnitIds as string[]).filter((u) => lands.has(u)).map((u) => ({ u, id: `${u}_${p._id}` })),
  );
  const reports = new Map(
    (
      await reads.getMany(
        'reports',
        expected.map((x) => x.id),
      )
    ).map((r) => [r._id, r as Doc & ReportDoc]),
  );
  for (const { u, id } of expected) {
    const r = reports.get(id);
    for (const { to, weight: w } of targets(u)) {
      const f = figuresOf(to).reports;
      f.expected += w;
      if (!r?.firstSubmittedAt) f.missing += w;
      else if (r.onTime) f.onTime += w;
      else f.late += w;
    }
  }

  for (const d of await reads.find('inspections', {
    inspectedUnitId: { $in: members },
    year,
    status: { $ne: 'planned' },
  })) {
    const i = d as Doc & InspectionDoc;
    if (window && !inWindow(i.conducted!.heldOn, window)) continue;
    for (const { to, weight: w } of targets(i.inspectedUnitId)) {
      const f = figuresOf(to).inspections;
      f.held += w;
      f.findings += w * i.findings.length;
      for (const u of i.followUps)
        if (u.answeredOn) f.followUpsClosed += w;
        else f.followUpsOpen += w;
    }
  }

  // Each subtree is summed once: the root's roll-up and every child's reuse the same figures.
  const rolled = new Map<string, Figures>();
  const rollup = (id: string): Figures => {
    const done = rolled.get(id);
    if (done) return done;
    const r = (children.get(id) ?? []).reduce((acc, c) => addInto(acc, rollup(c)), own.get(id) ?? empty());
    rolled.set(id, r);
    return r;
  };
  const coverage = (id: string) => {
    const kinds = new Map<string, { units: number; covered: number }>();
    const walk = (x: string) => {
      const u = standingById.get(x)!;
      const k = kinds.get(u.kind) ?? { units: 0, covered: 0 };
      k.units++;
      if ((own.get(x)?.regulationsInForce ?? 0) > 0) k.covered++;
      kinds.set(u.kind, k);
      (children.get(x) ?? []).forEach(walk);
    };
    walk(id);
    return Object.fromEntries(kinds);
  };
  const visible = (id: string) => seesUnit(scope, id);
  return {
    unit: root,
    year,
    period: period ?? null,
    from: span.from,
    to: span.to,
    basis,
    asOf: day,
    approximate,
    asOfPosition,
    own: out(own.get(unitId) ?? empty()),
    rollup: { ...out(rollup(unitId)), regulationCoverage: coverage(unitId) },
    children: (children.get(unitId) ?? [])
      .filter(visible)
      .map((c) => {
        const u = standingById.get(c)!;
        const r = rollup(c);
        const partly =
          approximateUnits.size > 0 && [...reachableFrom(children, c)].some((x) => approximateUnits.has(x));
        return {
          unitId: c,
          name: u.name,
          kind: u.kind,
          level: u.level,
          rag: rag(r),
          approximate: partly,
          rollup: out(r),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
};
