import { obligationFigures } from './obligation-figures';
import type { ObligationDoc } from './obligations.projection';

/** An obligation document as the projection keeps it: an order for 2024, open, with no deadline. */
const obligation = (overrides: Partial<ObligationDoc>): ObligationDoc => ({
  obligationId: 'p1.II-1.ninh-kieu-tan-an',
  planId: 'p1',
  taskCode: 'II.1',
  unitId: 'ninh-kieu-tan-an',
  role: 'lead',
  kind: 'assigned',
  year: 2024,
  timeWords: '',
  assignedOn: '2024-01-15',
  deadline: null,
  status: 'open',
  percent: 0,
  completedAt: null,
  onTime: null,
  extensionPending: null,
  explanationPending: false,
  reminders: 0,
  passedFrom: null,
  passedTo: null,
  answer: null,
  detailedPlans: [],
  activities: [],
  lastChangeAt: '2024-01-15T02:00:00.000Z',
  history: [],
  ...overrides,
});

const of = (o: Partial<ObligationDoc>) => obligationFigures.contribution(obligation(o));
const ms = (iso: string) => String(Date.parse(iso));

describe('obligation figures', () => {
  it('counts a yearly obligation without a deadline in its year, under "-"', () => {
    expect(of({})).toEqual({ unitId: 'ninh-kieu-tan-an', figures: { y: { '2024': { '-': { open: 1 } } } } });
  });

  it('counts a yearly obligation with a deadline in its year only, under the deadline in epoch milliseconds', () => {
    // Even when the deadline falls in the next year: a yearly duty belongs to its year.
    const deadline = '2025-01-15T16:59:59.999Z';
    expect(of({ deadline })).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { y: { '2024': { [ms(deadline)]: { open: 1 } } } },
    });
    expect(ms(deadline)).toBe('1736960399999');
  });

  it('counts an obligation with a deadline and no year both in the year it falls due and the year it was assigned', () => {
    const deadline = '2025-03-31T16:59:59.999Z';
    expect(of({ year: null, assignedOn: '2024-11-01', deadline })).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { y: { '2025': { [ms(deadline)]: { open: 1 } }, '2024': { [ms(deadline)]: { open: 1 } } } },
    });
  });

  it('counts it once when it falls due in the year it was assigned', () => {
    const deadline = '2024-06-30T16:59:59.999Z';
    expect(of({ year: null, assignedOn: '2024-01-15', deadline })).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { y: { '2024': { [ms(deadline)]: { open: 1 } } } },
    });
  });

  it("takes the deadline's year from the instant as written (its first four characters)", () => {
    // 17:00 UTC on 31 December 2024 is already 2025 in Vietnam; the deadline counts in 2024 as written.
    const deadline = '2024-12-31T17:00:00.000Z';
    expect(of({ year: null, assignedOn: '2024-03-01', deadline })?.figures).toEqual({
      y: { '2024': { [ms(deadline)]: { open: 1 } } },
    });
  });

  it('keeps an ongoing duty (no year, no deadline) as an interval from its year, open (*) until completed', () => {
    expect(of({ year: null, deadline: null, assignedOn: '2023-03-01' })).toEqual({
      unitId: 'ninh-kieu-tan-an',
      figures: { g: { '2023|*': { open: 1 } } },
    });
  });

  it('closes an ongoing duty in the year it was completed in Vietnam', () => {
    // 18:00 UTC on 31 December 2024 is 01:00 on 1 January 2025 in Vietnam.
    const completed = of({
      year: null,
      deadline: null,
      assignedOn: '2023-03-01',
      status: 'completed',
      completedAt: '2024-12-31T18:00:00.000Z',
      onTime: true,
    });
    expect(completed?.figures).toEqual({ g: { '2023|2025': { done: 1 } } });
    const earlier = of({
      year: null,
      deadline: null,
      assignedOn: '2023-03-01',
      status: 'completed',
      completedAt: '2024-12-31T16:00:00.000Z',
      onTime: true,
    });
    expect(earlier?.figures).toEqual({ g: { '2023|2024': { done: 1 } } });
  });

  it.each([
    ['answered', { answered: 1 }],
    ['declined', { declined: 1 }],
    ['open', { awaiting: 1 }],
    ['acknowledged', { awaiting: 1 }],
    ['in-progress', { awaiting: 1 }],
  ] as const)('counts a request (đề nghị) that is %s as %j', (status, slot) => {
    expect(of({ kind: 'requested', status })?.figures).toEqual({ y: { '2024': { '-': slot } } });
  });

  it.each([
    [false, { late: 1 }],
    [true, { done: 1 }],
    [null, { done: 1 }],
  ] as const)('counts an order completed with onTime %s as %j', (onTime, slot) => {
    const o = of({ status: 'completed', completedAt: '2024-05-02T03:00:00.000Z', percent: 100, onTime });
    expect(o?.figures).toEqual({ y: { '2024': { '-': slot } } });
  });

  it.each(['open', 'acknowledged', 'in-progress'] as const)('counts an order that is %s as open', (status) => {
    expect(of({ status })?.figures).toEqual({ y: { '2024': { '-': { open: 1 } } } });
  });

  it.each(['cancelled', 'passed'] as const)('adds nothing for an obligation %s', (status) => {
    expect(of({ status })).toBeNull();
    expect(of({ status, kind: 'requested' })).toBeNull();
  });

  it("counts under the obligation's unit", () => {
    expect(of({ unitId: 'phong-dien-nhon-ai' })?.unitId).toBe('phong-dien-nhon-ai');
    expect(obligationFigures.collection).toBe('obligation-figures');
  });
});
