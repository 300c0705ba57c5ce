import {
  Day,
  Id,
  Line,
  List,
  Nullable,
  Obj,
  OneOf,
  Position,
  Static,
  Type,
  UnitKindSchema,
  UnitLevelSchema,
  UnitOnDateSchema,
  Year,
} from '@gl/domain';
import { DASHBOARD_PERIODS } from './dashboard-period';

/*
 * What a dashboard answers, defined once: the handler is typed by it and the API documents it.
 * Records that reached a unit through a part of another (re-based onto today's tree) count with
 * their share, so figures are numbers to two decimals; whole counts stay whole.
 */

const Figure = () => Type.Number({ minimum: 0 });
const figures = <K extends string>(...names: K[]) =>
  Obj(Object.fromEntries(names.map((n) => [n, Figure()])) as Record<K, ReturnType<typeof Figure>>);
/** Counts by a word (a legal review's finding, a difficulty's status). */
const ByWord = (description: string) => Type.Record(Line(50), Figure(), { maxProperties: 50, description });
/** Whole đồng as a decimal string: exact at any size. */
const Dong = () =>
  Type.String({ pattern: '^(0|[1-9][0-9]{0,29})$', maxLength: 30, description: 'whole đồng, as a decimal string' });
const Rag = () =>
  OneOf(['red', 'amber', 'green'], {
    description: 'red: something overdue; amber: something due within 30 days; green otherwise',
  });

/** The figures of one unit, or summed over a subtree. */
export const DashboardFiguresSchema = Obj({
  obligations: {
    ...figures('total', 'completed', 'completedLate', 'onTrack', 'dueSoon', 'overdue'),
    description: 'completed (completedLate after the deadline); the open ones on track, due within 30 days, or overdue',
  },
  requests: {
    ...figures('total', 'answered', 'declined', 'awaiting'),
    description: "Requests (đề nghị) to bodies outside the People's Committee's authority: never red",
  },
  conferences: Figure(),
  participants: Figure(),
  mediaItems: Figure(),
  trainings: Figure(),
  trainees: Figure(),
  regulationsInForce: Figure(),
  documentsReviewed: Figure(),
  findings: ByWord("Documents reviewed, by the review's finding"),
  budget: Obj({ estimated: Dong(), approved: Dong(), allocated: Dong(), spent: Dong() }),
  difficulties: ByWord('Difficulties, by status'),
  reports: figures('expected', 'onTime', 'late', 'missing'),
  inspections: {
    ...figures('held', 'findings', 'followUpsOpen', 'followUpsClosed'),
    description: 'Inspections of the unit held in the period, their findings and follow-ups',
  },
  rag: Rag(),
});

const Coverage = Type.Record(
  Line(50),
  Obj({ units: Type.Integer({ minimum: 0 }), covered: Type.Integer({ minimum: 0 }) }),
  {
    maxProperties: 50,
    description: 'By kind of unit: how many units the subtree holds, and how many of them have a regulation in force',
  },
);

/** A unit's dashboard for a year (or a part of it): its own figures, its subtree's, and its children's. */
export const DashboardSchema = Obj({
  unit: UnitOnDateSchema,
  year: Year(),
  period: Nullable(OneOf(DASHBOARD_PERIODS)),
  from: Day(),
  to: Day(),
  basis: OneOf(['recorded', 'today']),
  asOf: Day({ description: 'The day of the tree the figures follow' }),
  approximate: Type.Boolean({
    description: 'Some records reached a unit through a part of another, counted with their share',
  }),
  asOfPosition: Nullable(
    Position({ description: 'Time travel: the global position the read models were replayed to' }),
  ),
  own: DashboardFiguresSchema,
  rollup: Obj({ ...DashboardFiguresSchema.properties, regulationCoverage: Coverage }),
  children: List(
    Obj({
      unitId: Id(),
      name: Line(200),
      kind: UnitKindSchema,
      level: UnitLevelSchema,
      rag: Rag(),
      approximate: Type.Boolean(),
      rollup: DashboardFiguresSchema,
    }),
    100_000,
  ),
});
export type Dashboard = Static<typeof DashboardSchema>;
