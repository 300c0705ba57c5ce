import {
  RECORDED_EVENT_TYPES,
  RecordedDomainEvent,
  SubjectContext,
  SUBJECT_FROM_OPENING,
  subjectUnitsOf,
} from './subject-units';

const TAN_AN = 'ninh-kieu-tan-an';
const task = {
  code: 'II.1.a',
  lead: [{ unitId: 'so-noi-vu' }],
  performers: [{ group: 'every-commune-peoples-committee' }],
  coordinating: [{ unitId: 'so-tu-phap' }],
};
const ctx = (opening: RecordedDomainEvent | null = null): SubjectContext => ({
  opening,
  unitsOfLevel: (level, on) => (level === 'district' && on === '2025-06-30' ? ['ninh-kieu', 'binh-thuy'] : []),
  issuerOf: (planId) => (planId === 'p' ? 'ubnd-can-tho' : null),
});
const ev = (type: string, data: object) => ({ type, data }) as RecordedDomainEvent;
const assigned = ev('obligation.assigned.v1', { obligationId: 'o', unitId: TAN_AN, planId: 'p' });
const opened = ev('difficulty.raised.v1', { activityId: 'd', unitId: TAN_AN });
const inspectionPlanned = ev('inspection.planned.v1', {
  inspectionId: 'k',
  inspectingUnitId: 'so-noi-vu',
  inspectedUnitId: TAN_AN,
});
const registered = ev('user.registered.v1', { userId: 'u', unitId: TAN_AN });

/** One example of every type: the event, the opening of its stream, and the units it is about. */
const EXAMPLES: [RecordedDomainEvent, RecordedDomainEvent | null, string[]][] = [
  [ev('unit.established.v1', { unitId: 'x', parentId: 'ninh-kieu' }), null, ['x', 'ninh-kieu']],
  [ev('unit.renamed.v1', { unitId: 'x' }), null, ['x']],
  [ev('unit.recoded.v1', { unitId: 'x' }), null, ['x']],
  [ev('unit.reclassified.v1', { unitId: 'x' }), null, ['x']],
  [ev('unit.reparented.v1', { unitId: 'x', parentId: 'y' }), null, ['x', 'y']],
  [
    ev('units.merged.v1', {
      predecessors: [
        { unitId: 'a', whole: true },
        { unitId: 'b', whole: false },
      ],
      successor: { unitId: 'c', name: 'C' },
    }),
    null,
    ['a', 'b', 'c'],
  ],
  [ev('unit.split.v1', { unitId: 'a', successors: [{ unitId: 'b' }, { unitId: 'c' }] }), null, ['a', 'b', 'c']],
  [ev('unit.part-transferred.v1', { fromUnitId: 'a', toUnitId: 'b' }), null, ['a', 'b']],
  [ev('unit.dissolved.v1', { unitId: 'a' }), null, ['a']],
  [ev('units.level-abolished.v1', { level: 'district', effectiveOn: '2025-07-01' }), null, ['ninh-kieu', 'binh-thuy']],
  [registered, null, [TAN_AN]],
  [ev('user.role-granted.v1', { userId: 'u', unitId: 'ninh-kieu' }), registered, ['ninh-kieu', TAN_AN]],
  [ev('user.role-revoked.v1', { userId: 'u', unitId: 'ninh-kieu' }), registered, ['ninh-kieu', TAN_AN]],
  [ev('plan.issued.v1', { planId: 'p', issuerUnitId: 'ubnd-can-tho' }), null, ['ubnd-can-tho']],
  [ev('plan.task-added.v1', { planId: 'p', task }), null, ['ubnd-can-tho', 'so-noi-vu', 'so-tu-phap']],
  [ev('plan.task-changed.v1', { planId: 'p', task }), null, ['ubnd-can-tho', 'so-noi-vu', 'so-tu-phap']],
  [ev('plan.task-cancelled.v1', { planId: 'p', code: 'II.1.a' }), null, ['ubnd-can-tho']],
  [ev('plan.receipt-acknowledged.v1', { planId: 'p', unitId: TAN_AN }), null, [TAN_AN, 'ubnd-can-tho']],
  [assigned, null, [TAN_AN]],
  ...(
    [
      'acknowledged',
      'progress-updated',
      'completed',
      'extension-requested',
      'extension-approved',
      'extension-refused',
      'returned',
      'cancelled',
      'reminded',
      'explanation-requested',
      'explanation-given',
      'activity-recorded',
      'request-answered',
      'request-declined',
      'detailed-plan-recorded',
    ] as const
  ).map((s): [RecordedDomainEvent, RecordedDomainEvent, string[]] => [
    ev(`obligation.${s}.v1`, { obligationId: 'o' }),
    assigned,
    [TAN_AN],
  ]),
  [
    ev('obligation.passed-to-successor.v1', { obligationId: 'o', toUnitId: 'ninh-kieu-moi' }),
    assigned,
    [TAN_AN, 'ninh-kieu-moi'],
  ],
  ...[
    'conference.held.v1',
    'media.items-published.v1',
    'training.held.v1',
    'resolution.drafted.v1',
    'regulation.issued.v1',
    'legalreview.recorded.v1',
    'budget.estimated.v1',
    'difficulty.raised.v1',
  ].map((t): [RecordedDomainEvent, null, string[]] => [ev(t, { activityId: 'a', unitId: TAN_AN }), null, [TAN_AN]]),
  ...[
    'resolution.consulted.v1',
    'resolution.submitted.v1',
    'resolution.adopted.v1',
    'resolution.returned.v1',
    'regulation.amended.v1',
    'regulation.replaced.v1',
    'budget.submitted.v1',
    'budget.approved.v1',
    'budget.adjusted.v1',
    'budget.allocated.v1',
    'budget.spent.v1',
    'difficulty.guidance-given.v1',
    'difficulty.escalated.v1',
    'difficulty.decided.v1',
    'activity.corrected.v1',
    'activity.withdrawn.v1',
  ].map((t): [RecordedDomainEvent, RecordedDomainEvent, string[]] => [ev(t, { activityId: 'd' }), opened, [TAN_AN]]),
  [
    ev('reporting.regime-defined.v1', {
      planId: 'p',
      recipientUnitId: 'so-noi-vu',
      reporters: [{ unitId: 'so-tu-phap' }, { group: 'every-department' }],
    }),
    null,
    ['ubnd-can-tho', 'so-noi-vu', 'so-tu-phap'],
  ],
  [
    ev('reporting.period-opened.v1', {
      planId: 'p',
      recipientUnitId: 'so-noi-vu',
      expectedUnitIds: [TAN_AN, 'so-noi-vu'],
    }),
    null,
    ['ubnd-can-tho', 'so-noi-vu', TAN_AN],
  ],
  [
    ev('reporting.reminder-sent.v1', { periodId: 'x', unitIds: [TAN_AN, 'ninh-kieu-an-hoa'] }),
    null,
    [TAN_AN, 'ninh-kieu-an-hoa'],
  ],
  ...['report.drafted.v1', 'report.submitted.v1', 'report.returned.v1', 'report.corrected.v1'].map(
    (t): [RecordedDomainEvent, null, string[]] => [ev(t, { periodId: 'x', unitId: TAN_AN }), null, [TAN_AN]],
  ),
  // An inspection by Sở Nội vụ is about the ward inspected, not the department inspecting.
  [inspectionPlanned, null, [TAN_AN]],
  ...[
    'inspection.conducted.v1',
    'inspection.follow-up-requested.v1',
    'inspection.follow-up-answered.v1',
    'inspection.closed.v1',
  ].map((t): [RecordedDomainEvent, RecordedDomainEvent, string[]] => [
    ev(t, { inspectionId: 'k' }),
    inspectionPlanned,
    [TAN_AN],
  ]),
  [ev('audit.sealed.v1', { after: '0', upTo: '9' }), null, []],
];

describe('the subject units of an event (subjectUnitsOf)', () => {
  it.each(EXAMPLES.map(([e, opening, units]) => [e.type, e, opening, units] as const))(
    '%s',
    (_t, e, opening, units) => {
      expect(subjectUnitsOf(e, ctx(opening))).toEqual(units);
    },
  );

  it('has an example for every type the domain records', () => {
    expect(new Set(EXAMPLES.map(([e]) => e.type))).toEqual(new Set(RECORDED_EVENT_TYPES));
  });

  it("never falls back to the recorder's unit: a coordinator's reminder is about the ward", () => {
    const reminder = ev('obligation.reminded.v1', { obligationId: 'o', message: 'Đề nghị khẩn trương' });
    expect(subjectUnitsOf(reminder, ctx(assigned))).toEqual([TAN_AN]);
    expect(subjectUnitsOf(reminder, ctx(null))).toEqual([]);
  });

  it('reads the opening only for the types that say so, and needs it for every one of them', () => {
    for (const [e, opening] of EXAMPLES) {
      if (SUBJECT_FROM_OPENING.has(e.type))
        expect(subjectUnitsOf(e, ctx(null))).not.toEqual(subjectUnitsOf(e, ctx(opening)));
      else expect(subjectUnitsOf(e, ctx(opening ?? assigned))).toEqual(subjectUnitsOf(e, ctx(null)));
    }
  });
});
