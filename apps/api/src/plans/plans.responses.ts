import { Count, Day, Id, Instant, Line, List, Nullable, Obj, PLAN_EVENTS, RecipientSchema, Type } from '@gl/domain';
import { ObligationDocSchema, PlanDocSchema } from '@gl/read-models';
import { PageOf } from '../shared/page.schemas';

/* What the plans' and obligations' reads answer: their read-model documents, and the answers composed from them. */

const { tasks: _t, ...listed } = PlanDocSchema.properties;
/** A plan in the list: everything but its tasks, which it counts (those in force). */
export const PlanListAnswer = PageOf(Obj({ ...listed, taskCount: Count(500) }));
/** A plan as recorded (only issued plans are found). */
export const PlanAnswer = Obj({ ...PlanDocSchema.properties, issued: PLAN_EVENTS['plan.issued.v1'] });

const UnitNamed = { unitId: Id(), name: Line(500, { description: "The unit's name on the plan's assignment day" }) };
const line = RecipientSchema.properties;
/** Who on the distribution list (Nơi nhận) has acknowledged receipt, and who has not. */
export const PlanReceiptsAnswer = Obj({
  planId: Id(),
  on: Day({ description: "The plan's assignment day: groups are expanded on the tree of that day" }),
  lines: List(
    Obj({
      key: line.key,
      label: line.label,
      unitIds: line.unitIds,
      groups: line.groups,
      units: Type.Integer({
        minimum: 0,
        maximum: 100_000,
        description: "How many units the line stands for on the plan's day",
      }),
      acknowledged: List(
        Obj({
          ...UnitNamed,
          at: Instant({ description: 'When it was acknowledged' }),
          by: Nullable(Line(200, { description: 'The user who recorded it' })),
        }),
        100_000,
      ),
      pending: List(Obj(UnitNamed), 100_000),
    }),
    100,
  ),
  totals: Obj({ units: Count(), acknowledged: Count(), pending: Count() }),
});

/** An obligation as its read model keeps it, and whether it is overdue now (by the server's clock). */
export const ObligationAnswer = Obj({
  ...ObligationDocSchema.properties,
  overdue: Type.Boolean({ description: 'Open work past its deadline now; a request (đề nghị) is never overdue' }),
});
export const ObligationListAnswer = PageOf(ObligationAnswer);
