import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  ActivityKind,
  ancestorsOn,
  BudgetSource,
  CalendarDate,
  Finding,
  ReviewedDocument,
  Scope,
  subtreeOn,
  unitsOn,
} from '@gl/domain';
import { ActivityDoc, Filter, READ_STORE, ReadStore } from '@gl/read-models';
import { NotFoundInScopeError, requireReadable } from '../shared/access.errors';
import { findPage, Page, seesAll, seesUnit, withoutStoreFields } from '../shared/read-helpers';
import { UnitDirectory } from '../units/unit-directory';
import { happenedIn, inForceOn, mediaItemsIn } from './activity-day';
import {
  ActivityView,
  BudgetTotals,
  BudgetTotalsBy,
  LegalReviewCompilation,
  RegulationCoverage,
  UnitFigures,
} from './activities.responses';

export * from './activities.responses';

const scoped = (scope: Scope, unitId?: string): Filter => {
  if (unitId) {
    requireReadable(scope, unitId, `unit ${unitId}`);
    return { unitId };
  }
  return seesAll(scope) ? {} : { unitId: { $in: [...scope.reads] } };
};

/**
 * Money leaves the API as a decimal string of whole đồng: an activity's figures, and a budget's
 * estimated amount. The document's fields are the kind's (its events' schemas made them so).
 */
export const activityView = (d: ActivityDoc): ActivityView =>
  ({
    ...d,
    money: {
      estimated: String(d.money.estimated),
      approved: d.money.approved === null ? null : String(d.money.approved),
      allocated: String(d.money.allocated),
      spent: String(d.money.spent),
    },
    fields:
      d.kind === 'budget' && typeof d.fields.amount === 'number'
        ? { ...d.fields, amount: String(d.fields.amount), source: d.fields.source ?? { kind: 'unspecified' } }
        : d.fields,
  }) as ActivityView;

export class ListActivities {
  constructor(
    readonly scope: Scope,
    readonly filter: {
      unitId?: string;
      kind?: ActivityKind;
      planId?: string;
      taskCode?: string;
      year?: number;
      obligationId?: string;
      includeWithdrawn?: boolean;
    },
    readonly page: number,
    readonly pageSize: number,
  ) {}
}

@QueryHandler(ListActivities)
export class ListActivitiesHandler implements IQueryHandler<ListActivities, Page<ActivityView>> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, filter: f, page, pageSize }: ListActivities) {
    const q: Filter = { ...scoped(scope, f.unitId) };
    for (const k of ['kind', 'planId', 'taskCode', 'year', 'obligationId'] as const)
      if (f[k] !== undefined) q[k] = f[k];
    if (!f.includeWithdrawn) q.withdrawn = false;
    const found = await findPage<ActivityDoc>(
      this.reads,
      'activities',
      q,
      { year: 1, recordedAt: 1, _id: 1 },
      page,
      pageSize,
    );
    return { ...found, items: found.items.map(activityView) };
  }
}

export class GetActivity {
  constructor(
    readonly scope: Scope,
    readonly activityId: string,
  ) {}
}

@QueryHandler(GetActivity)
export class GetActivityHandler implements IQueryHandler<GetActivity, ActivityView> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, activityId }: GetActivity) {
    const d = await this.reads.get('activities', activityId);
    if (!d || !seesUnit(scope, d.unitId as string)) throw new NotFoundInScopeError(`activity ${activityId}`);
    return activityView(withoutStoreFields<ActivityDoc>(d));
  }
}

/** Sums in whole đồng with BigInt: an amount never passes through floating point. */
const sum = (xs: number[]): string => xs.reduce((a, b) => a + BigInt(b), 0n).toString();
const add = (into: Record<string, number>, from: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v as number);
};

/** A unit's figures for a year, from its activities as corrected (withdrawn ones left out). */
export class GetUnitFigures {
  constructor(
    readonly scope: Scope,
    readonly unitId: string,
    readonly year: number,
    /** A data cut-off (ngày chốt số liệu): only what happened on or before it; regulations in force on it. */
    readonly until?: CalendarDate,
  ) {}
}

@QueryHandler(GetUnitFigures)
export class GetUnitFiguresHandler implements IQueryHandler<GetUnitFigures, UnitFigures> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, unitId, year, until }: GetUnitFigures): Promise<UnitFigures> {
    scoped(scope, unitId);
    const all = (await this.reads.find('activities', { unitId, year, withdrawn: false })).map((d) =>
      withoutStoreFields<ActivityDoc>(d),
    );
    const window = until ? { to: until } : undefined;
    const docs = window ? all.filter((d) => d.kind === 'media' || happenedIn(d, window)) : all;
    const of = (kind: string) => docs.filter((d) => d.kind === kind);
    const mediaItems = of('media').map((m) => mediaItemsIn(m, window));
    const participants: Record<string, number> = {};
    of('conference').forEach((c) => add(participants, c.fields.participants as Record<string, unknown>));
    const trainees: Record<string, number> = {};
    of('training').forEach((t) => add(trainees, t.fields.trainees as Record<string, unknown>));
    const findings: Partial<Record<Finding, number>> = {};
    of('legalreview').forEach((r) =>
      (r.fields.documents as { finding: Finding }[]).forEach(
        (d) => (findings[d.finding] = (findings[d.finding] ?? 0) + 1),
      ),
    );
    const budgets = of('budget');
    const difficulties = of('difficulty');
    return {
      unitId,
      year,
      conferences: {
        count: of('conference').length,
        participants,
        totalParticipants: Object.values(participants).reduce((a, b) => a + b, 0),
      },
      media: { publications: mediaItems.filter((n) => n > 0).length, items: mediaItems.reduce((n, k) => n + k, 0) },
      trainings: {
        count: of('training').length,
        trainees,
        totalTrainees: Object.values(trainees).reduce((a, b) => a + b, 0),
      },
      regulations: {
        issued: of('regulation').length,
        inForce: of('regulation').filter((r) => (until ? inForceOn(r, until) : r.status === 'in-force')).length,
      },
      legalReview: {
        documents: of('legalreview').reduce((n, r) => n + (r.fields.documents as unknown[]).length, 0),
        findings,
      },
      budget: {
        estimated: sum(budgets.map((b) => b.money.estimated)),
        approved: sum(budgets.map((b) => b.money.approved ?? 0)),
        allocated: sum(budgets.map((b) => b.money.allocated)),
        spent: sum(budgets.map((b) => b.money.spent)),
      },
      difficulties: {
        open: difficulties.filter((d) => d.status === 'open').length,
        answered: difficulties.filter((d) => d.status === 'answered').length,
        escalated: difficulties.filter((d) => d.status === 'escalated').length,
        decided: difficulties.filter((d) => d.status === 'decided').length,
      },
    };
  }
}

/**
 * Which units of a kind have a regulation (quy chế) in force on a day, and which do not: among the
 * units standing that day under `underId` — by default the top of the tree the reader's own unit
 * stood in that day (Cần Thơ's 83 communes at the end of 2023, not the communes of the provinces
 * that joined it in 2025).
 */
export class GetRegulationCoverage {
  constructor(
    readonly scope: Scope,
    readonly kind: RegulationCoverage['kind'],
    readonly asOf: CalendarDate,
    readonly underId?: string,
    readonly readerUnitId?: string | null,
  ) {}
}

@QueryHandler(GetRegulationCoverage)
export class GetRegulationCoverageHandler implements IQueryHandler<GetRegulationCoverage, RegulationCoverage> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly directory: UnitDirectory,
  ) {}

  async execute({ scope, kind, asOf, underId, readerUnitId }: GetRegulationCoverage): Promise<RegulationCoverage> {
    const all = await this.directory.units();
    if (underId) requireReadable(scope, underId, `unit ${underId}`);
    const chain = !underId && readerUnitId ? ancestorsOn(all, readerUnitId, asOf) : [];
    const root = underId ?? (readerUnitId ? (chain[chain.length - 1] ?? readerUnitId) : null);
    const under = root ? subtreeOn(all.values(), root, asOf) : null;
    const units = unitsOn(all.values(), asOf).filter(
      (u) => u.kind === kind && seesUnit(scope, u.id) && (!under || under.has(u.id)),
    );
    const regs = (await this.reads.find('activities', { kind: 'regulation', withdrawn: false })).map((d) =>
      withoutStoreFields<ActivityDoc>(d),
    );
    const inForce = new Map<string, string>();
    for (const r of regs) {
      const from = r.fields.effectiveFrom as string;
      const replaced = r.fields.replacedOn as string | undefined;
      if (from <= asOf && (!replaced || asOf < replaced)) inForce.set(r.unitId, r.fields.number as string);
    }
    const covered = units
      .filter((u) => inForce.has(u.id))
      .map((u) => ({ unitId: u.id, name: u.name, regulation: inForce.get(u.id)! }));
    const missing = units.filter((u) => !inForce.has(u.id)).map((u) => ({ unitId: u.id, name: u.name }));
    return { kind, asOf, units: units.length, covered, missing };
  }
}

/** An estimate's source as recorded; one projected before sources were recorded has none (it was not asked). */
const sourceOf = (d: ActivityDoc): BudgetSource =>
  (d.fields.source as BudgetSource | undefined) ?? { kind: 'unspecified' };

/**
 * The row of an estimate. By level, the state budget's levels (city, district, commune), and the money
 * from elsewhere as `other` and `unspecified`, so the rows still add up to the total (plan III.1).
 */
const keyOf = (d: ActivityDoc, by: BudgetTotalsBy): string => {
  if (by === 'unit') return d.unitId;
  if (by === 'task') return d.taskCode ?? '(none)';
  const s = sourceOf(d);
  return by === 'level' && s.kind === 'state-budget' ? s.level : s.kind;
};

/** Budget totals by unit, task, source or level, for a year, in whole đồng (decimal strings, summed exactly). */
export class GetBudgetTotals {
  constructor(
    readonly scope: Scope,
    readonly year: number,
    readonly by: BudgetTotalsBy,
  ) {}
}

@QueryHandler(GetBudgetTotals)
export class GetBudgetTotalsHandler implements IQueryHandler<GetBudgetTotals, BudgetTotals> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, year, by }: GetBudgetTotals): Promise<BudgetTotals> {
    const docs = (
      await this.reads.find('activities', { ...scoped(scope), kind: 'budget', year, withdrawn: false })
    ).map((d) => withoutStoreFields<ActivityDoc>(d));
    const groups = new Map<string, ActivityDoc[]>();
    for (const d of docs) {
      const key = keyOf(d, by);
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    const line = (ds: ActivityDoc[]) => ({
      estimated: sum(ds.map((d) => d.money.estimated)),
      approved: sum(ds.map((d) => d.money.approved ?? 0)),
      allocated: sum(ds.map((d) => d.money.allocated)),
      spent: sum(ds.map((d) => d.money.spent)),
    });
    return {
      year,
      by,
      rows: [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, ds]) => ({ key, ...line(ds) })),
      total: line(docs),
    };
  }
}

/** Sở Nội vụ's compilation of the legal review: every document reviewed, with each unit's finding and proposal. */
export class CompileLegalReview {
  constructor(
    readonly scope: Scope,
    readonly year: number,
  ) {}
}

@QueryHandler(CompileLegalReview)
export class CompileLegalReviewHandler implements IQueryHandler<CompileLegalReview, LegalReviewCompilation> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, year }: CompileLegalReview): Promise<LegalReviewCompilation> {
    const docs = (
      await this.reads.find('activities', { ...scoped(scope), kind: 'legalreview', year, withdrawn: false })
    ).map((d) => withoutStoreFields<ActivityDoc>(d));
    type Compiled = LegalReviewCompilation['documents'][number];
    const byDocument = new Map<string, Compiled>();
    for (const r of docs) {
      for (const d of r.fields.documents as ReviewedDocument[]) {
        // A proposed new document (ban hành mới, plan II.5) has no number yet: it is known by its issuer and title.
        const key = d.number ?? `new:${d.issuer}:${d.title}`;
        const entry = byDocument.get(key) ?? {
          number: d.number ?? null,
          date: d.date ?? null,
          issuer: d.issuer,
          title: d.title,
          reviews: [],
        };
        entry.reviews.push({ unitId: r.unitId, finding: d.finding, proposal: d.proposal });
        byDocument.set(key, entry);
      }
    }
    // Documents in force by number, then the proposed new ones by title.
    const documents = [...byDocument.values()].sort((a, b) =>
      a.number === null || b.number === null
        ? Number(a.number === null) - Number(b.number === null) || a.title.localeCompare(b.title)
        : a.number.localeCompare(b.number),
    );
    return { year, reviewingUnits: new Set(docs.map((d) => d.unitId)).size, documents };
  }
}
