import type { ActivityFigures, InspectionFigures, ObligationFigures, ReportFigures } from '@gl/read-models';
import { emptyFigures, Figures, figuresOut } from './dashboard-figures';

const out = (f: Figures) => figuresOut(f);
import { periodDays } from './dashboard-period';
import { addActivities, addInspections, addObligations, addReport, Asked } from './own-figures';

const NOW = new Date('2023-11-01T03:00:00.000Z');
const year = (over: Partial<Asked> = {}): Asked => ({ year: 2023, day: '2023-12-31', now: NOW, ...over });
const ms = (iso: string) => String(Date.parse(iso));

describe('a unit’s own figures, from its per-unit documents', () => {
  describe('obligations (addObligations)', () => {
    const doc: ObligationFigures = {
      _id: 'u',
      y: {
        '2023': {
          // overdue (before now), due within 30 days, later, and without a deadline
          [ms('2023-10-15T17:00:00.000Z')]: { open: 2, done: 1, late: 1 },
          [ms('2023-11-14T17:00:00.000Z')]: { open: 1, awaiting: 1 },
          [ms('2023-12-31T17:00:00.000Z')]: { open: 1, answered: 1, declined: 1 },
          '-': { open: 1 },
        },
        '2024': { '-': { open: 5 } },
      },
      g: { '2022|*': { open: 1 }, '2021|2022': { done: 1 }, '2023|2023': { done: 1 } },
    };

    it('judges the open ones against now, counts completions and requests apart, and the ongoing duties of the year', () => {
      // given the figures of a unit, when its year is asked
      const f = emptyFigures();
      const counted = addObligations(f, doc, year(), 1);
      // then the orders by status, the requests apart; the duty completed in 2022 is not of 2023
      expect(counted).toBe(true);
      expect(out(f).obligations).toEqual({
        total: 9,
        completed: 3,
        completedLate: 1,
        onTrack: 3,
        dueSoon: 1,
        overdue: 2,
      });
      expect(out(f).requests).toEqual({ total: 3, answered: 1, declined: 1, awaiting: 1 });
    });

    it('in a period keeps the deadlines whose last day falls in it, and those without one', () => {
      const f = emptyFigures();
      addObligations(f, doc, year({ window: periodDays(2023, 'M11') }), 1);
      // 00:00 on 15 November (17:00Z on the 14th) is due "before 15/11": its last day is 14 November
      expect(out(f).obligations).toMatchObject({ total: 4, dueSoon: 1, onTrack: 2, completed: 1 });
      expect(out(f).requests.total).toBe(1);
    });

    it('weights every count by the share that reached the unit', () => {
      const f = emptyFigures();
      addObligations(f, doc, year(), 0.5);
      expect(out(f).obligations.total).toBe(4.5);
    });

    it('counts nothing of a unit without figures, and says so', () => {
      const f = emptyFigures();
      expect(addObligations(f, undefined, year(), 1)).toBe(false);
      expect(out(f)).toEqual(out(emptyFigures()));
    });
  });

  describe('activities (addActivities)', () => {
    const doc: ActivityFigures = {
      _id: 'u',
      y: {
        '2023': {
          n: 1,
          m: {
            '2023-03': { n: 2, conferences: 2, participants: 90, findings: { lawful: 2 }, documentsReviewed: 2 },
            '2023-09': { n: 1, trainings: 1, trainees: 30, mediaItems: 2, difficulties: { open: 1 } },
            // held in January of the next year, still of the 2023 plan
            '2024-01': { n: 1, conferences: 1, participants: 10 },
          },
          b: {
            '2023-03': { b1: { estimated: '1000001', approved: '0', allocated: '3', spent: '1' } },
            '2023-09': { b2: { estimated: '1000001' } },
          },
          rg: { '2023-02-01|*': 1, '2023-01-01|2023-06-01': 1, '2023-12-01|*': 1 },
        },
      },
    };

    it('sums the months, the budgets record by record, and the regulations in force on the day asked', () => {
      const f = emptyFigures();
      expect(addActivities(f, doc, year({ day: '2023-07-01' }), 1)).toBe(true);
      expect(out(f)).toMatchObject({
        conferences: 3,
        participants: 100,
        trainings: 1,
        trainees: 30,
        mediaItems: 2,
        documentsReviewed: 2,
        findings: { lawful: 2 },
        difficulties: { open: 1, answered: 0 },
        regulationsInForce: 1,
        budget: { estimated: '2000002', approved: '0', allocated: '3', spent: '1' },
      });
    });

    it('in a period keeps its months only; regulations still count on the day asked', () => {
      const f = emptyFigures();
      addActivities(f, doc, year({ window: periodDays(2023, 'Q1'), day: '2023-03-31' }), 1);
      expect(out(f)).toMatchObject({ conferences: 2, trainings: 0, mediaItems: 0, regulationsInForce: 2 });
      expect(out(f).budget.estimated).toBe('1000001');
    });

    it('rounds a share of each budget to whole đồng, record by record', () => {
      const f = emptyFigures();
      addActivities(f, doc, year(), 0.5);
      // 500000.5 rounds to 500001 twice, not 1000001 once
      expect(out(f).budget.estimated).toBe('1000002');
    });

    it('counts a year with only media or regulations as counted (the approximate flag), and another year not', () => {
      expect(addActivities(emptyFigures(), { _id: 'u', y: { '2023': { n: 1 } } }, year(), 1)).toBe(true);
      expect(addActivities(emptyFigures(), doc, year({ year: 2022 }), 1)).toBe(false);
    });
  });

  it('inspections: held in the months asked, with findings and follow-ups', () => {
    const doc: InspectionFigures = {
      _id: 'u',
      y: {
        '2023': {
          '2023-05': { held: 1, findings: 3, followUpsOpen: 1, followUpsClosed: 1 },
          '2023-10': { held: 1 },
        },
      },
    };
    const all = emptyFigures();
    expect(addInspections(all, doc, year(), 1)).toBe(true);
    expect(out(all).inspections).toEqual({ held: 2, findings: 3, followUpsOpen: 1, followUpsClosed: 1 });
    const q4 = emptyFigures();
    addInspections(q4, doc, year({ window: periodDays(2023, 'Q4') }), 1);
    expect(out(q4).inspections).toEqual({ held: 1, findings: 0, followUpsOpen: 0, followUpsClosed: 0 });
  });

  it('reports: a period expected of the unit is on time, late, or missing', () => {
    const doc: ReportFigures = { _id: 'u', p: { q1: { onTime: 1 }, q2: { late: 1 } } };
    const f = emptyFigures();
    for (const p of ['q1', 'q2', 'q3']) addReport(f, doc, p, 1);
    addReport(f, undefined, 'q1', 1);
    expect(out(f).reports).toEqual({ expected: 4, onTime: 1, late: 1, missing: 2 });
  });
});
