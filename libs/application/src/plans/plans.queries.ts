import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, CLOSED_STATUSES, Scope } from '@gl/domain';
import { Filter, ObligationDoc, PlanDoc, READ_STORE, ReadStore } from '@gl/read-models';
import { NotFoundInScopeError, requireReadable } from '../shared/access.errors';
import { findPage, Page, seesAll, seesUnit, withoutStoreFields } from '../shared/read-helpers';
import { CLOCK_PORT } from '../shared/ports';
import { RegistryLoader } from '../units/registry-loader';
import { ReceiptLine, receiptsOf } from './plan-reach';

const CLOSED = [...CLOSED_STATUSES];
/** Open work past its deadline; a request (đề nghị) is never overdue (obligation.decider.ts, isOverdue). */
const overdueAt = (o: ObligationDoc, now: string): boolean =>
  o.kind !== 'requested' && o.deadline !== null && o.deadline <= now && !CLOSED.includes(o.status);

/** Plans are the city's public documents: any signed-in person may read them. */
export class ListPlans {
  constructor(
    readonly page: number,
    readonly pageSize: number,
  ) {}
}

@QueryHandler(ListPlans)
export class ListPlansHandler implements IQueryHandler<
  ListPlans,
  Page<Omit<PlanDoc, 'tasks'> & { taskCount: number }>
> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ page, pageSize }: ListPlans) {
    const found = await findPage<PlanDoc>(this.reads, 'plans', {}, { _id: 1 }, page, pageSize);
    const items = found.items.map(({ tasks, ...rest }) => ({
      ...rest,
      taskCount: Object.values(tasks).filter((t) => !t.cancelled).length,
    }));
    return { ...found, items };
  }
}

export interface PlanReceipts {
  planId: string;
  /** The plan's assignment day: the tree of that day expands the groups of its lines. */
  on: string;
  lines: ReceiptLine[];
  totals: { units: number; acknowledged: number; pending: number };
}

/** A plan as recorded, or (view 'receipts') who on its distribution list (Nơi nhận) has and has not acknowledged receipt. */
export class GetPlan {
  constructor(
    readonly planId: string,
    readonly view: 'plan' | 'receipts' = 'plan',
  ) {}
}

@QueryHandler(GetPlan)
export class GetPlanHandler implements IQueryHandler<GetPlan, PlanDoc | PlanReceipts> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ planId, view }: GetPlan) {
    const d = await this.reads.get('plans', planId);
    const plan = d ? withoutStoreFields<PlanDoc>(d) : null;
    if (!plan?.issued) throw new NotFoundInScopeError(`plan ${planId}`);
    if (view === 'plan') return plan;
    const lines = receiptsOf(await this.registry.load(), plan.issued!, plan.acknowledgements);
    const sum = (f: (l: ReceiptLine) => number) => lines.reduce((n, l) => n + f(l), 0);
    return {
      planId,
      on: plan.issued!.assignedOn,
      lines,
      totals: {
        units: sum((l) => l.units),
        acknowledged: sum((l) => l.acknowledged.length),
        pending: sum((l) => l.pending.length),
      },
    };
  }
}

export interface ObligationFilter {
  planId?: string;
  taskCode?: string;
  unitId?: string;
  status?: string;
  year?: number;
  overdue?: boolean;
  /** Deadlines in [from, to): a period. */
  deadlineFrom?: string;
  deadlineTo?: string;
  role?: string;
}

/** Obligations the caller may see, by plan, task, unit, status, year, period or overdue. */
export class ListObligations {
  constructor(
    readonly scope: Scope,
    readonly filter: ObligationFilter,
    readonly page: number,
    readonly pageSize: number,
  ) {}
}

@QueryHandler(ListObligations)
export class ListObligationsHandler implements IQueryHandler<
  ListObligations,
  Page<ObligationDoc & { overdue: boolean }>
> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
  ) {}

  async execute({ scope, filter: f, page, pageSize }: ListObligations) {
    if (f.unitId) requireReadable(scope, f.unitId, `unit ${f.unitId}`);
    const now = this.clock.now().toISOString();
    const q: Filter = {};
    if (f.planId) q.planId = f.planId;
    if (f.taskCode) q.taskCode = f.taskCode;
    if (f.unitId) q.unitId = f.unitId;
    else if (!seesAll(scope)) q.unitId = { $in: [...scope.reads] };
    if (f.status) q.status = f.status;
    if (f.role) q.role = f.role;
    if (f.year !== undefined) q.year = f.year;
    if (f.overdue !== undefined) {
      Object.assign(
        q,
        f.overdue
          ? { deadline: { $ne: null, $lte: now }, status: { $nin: CLOSED }, kind: { $ne: 'requested' } }
          : {
              $or: [{ deadline: null }, { deadline: { $gt: now } }, { status: { $in: CLOSED } }, { kind: 'requested' }],
            },
      );
    }
    if (f.deadlineFrom || f.deadlineTo) {
      q.deadline = {
        ...(q.deadline as object),
        ...(f.deadlineFrom && { $gte: f.deadlineFrom }),
        ...(f.deadlineTo && { $lt: f.deadlineTo }),
      };
    }
    const found = await findPage<ObligationDoc>(this.reads, 'obligations', q, { deadline: 1, _id: 1 }, page, pageSize);
    const items = found.items.map((o) => ({ ...o, overdue: overdueAt(o, now) }));
    return { ...found, items };
  }
}

export class GetObligation {
  constructor(
    readonly scope: Scope,
    readonly obligationId: string,
  ) {}
}

@QueryHandler(GetObligation)
export class GetObligationHandler implements IQueryHandler<GetObligation, ObligationDoc & { overdue: boolean }> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
  ) {}

  async execute({ scope, obligationId }: GetObligation) {
    const d = await this.reads.get('obligations', obligationId);
    if (!d || !seesUnit(scope, d.unitId as string)) throw new NotFoundInScopeError(`obligation ${obligationId}`);
    const o = withoutStoreFields<ObligationDoc>(d);
    const now = this.clock.now().toISOString();
    return { ...o, overdue: overdueAt(o, now) };
  }
}
