import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActivityError,
  InspectionError,
  ObligationError,
  PlanError,
  ReportError,
  UnitRegistryError,
  UserError,
} from '@gl/domain';
import {
  ConcurrencyError,
  IdempotencyConflictError,
  InvalidAppendError,
  InvalidPinError,
  InvalidPositionError,
  NoSealYetError,
} from '@gl/event-store';
import {
  DashboardFiguresRebuildingError,
  NotPermittedError,
  PreconditionFailedError,
  TimeTravelTooFarError,
  WebhookError,
  WebhookFieldsError,
} from '@gl/application';
import { defaultProblemMappers, toProblem } from './problem-details';

const docs = readFileSync(join(__dirname, '../../../../docs/problems.md'), 'utf8');
const FAMILIES = {
  ActivityError,
  PlanError,
  ObligationError,
  ReportError,
  UnitRegistryError,
  UserError,
  InspectionError,
  WebhookError,
};
const SINGLES = [
  ConcurrencyError,
  DashboardFiguresRebuildingError,
  IdempotencyConflictError,
  InvalidAppendError,
  InvalidPinError,
  InvalidPositionError,
  NoSealYetError,
  NotPermittedError,
  PreconditionFailedError,
  TimeTravelTooFarError,
  WebhookFieldsError,
];

describe('errors declare their problem (issue 14, item 2)', () => {
  it.each(Object.entries(FAMILIES))(
    '%s: every code is a problem type with its status, found by lookup',
    (_name, Family) => {
      for (const [code, meaning] of Object.entries(Family.problems)) {
        const problem = toProblem(
          new (Family as unknown as new (c: string, m: string) => Error)(code, 'why'),
          defaultProblemMappers,
          '/x',
        );
        expect(problem).toMatchObject({
          type: `/problems/${code}`,
          status: meaning.status,
          title: meaning.title,
          detail: 'why',
        });
      }
    },
  );

  it('lists every declared problem type in docs/problems.md', () => {
    const types = [
      ...Object.values(FAMILIES).flatMap((F) => Object.keys(F.problems).map((c) => `/problems/${c}`)),
      ...SINGLES.map((E) => E.problem.type).filter((t) => t !== 'about:blank'),
    ];
    expect(types.filter((t) => !docs.includes(`\`${t}\``))).toEqual([]);
  });

  it("carries an error's extensions into the problem (a conflict names its stream and revisions)", () => {
    expect(toProblem(new ConcurrencyError('plan-x', 2, 3), defaultProblemMappers, '/x')).toMatchObject({
      type: '/problems/concurrency-conflict',
      status: 409,
      stream: 'plan-x',
      expectedRevision: '2',
      actualRevision: '3',
    });
  });
});
