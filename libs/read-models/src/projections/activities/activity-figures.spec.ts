import { addFigures, Figures } from '../../engine/figures';
import { activityFigures } from './activity-figures';
import type { ActivityDoc } from './activity-doc.schemas';

/** An activity document as the projection keeps it; each case sets what its kind records. */
const activity = (overrides: Partial<ActivityDoc>): ActivityDoc => ({
  activityId: 'a1',
  unitId: 'ninh-kieu-tan-an',
  obligationId: 'o1',
  planId: 'p1',
  taskCode: 'II.1.d',
  year: 2023,
  kind: 'conference',
  status: 'recorded',
  fields: {},
  money: { estimated: 0, approved: null, allocated: 0, spent: 0 },
  steps: [],
  withdrawn: false,
  recordedAt: '2023-09-16T01:00:00.000Z',
  recordedBy: 'user-test',
  corrections: [],
  history: [],
  ...overrides,
});

/** The figures of one plan year, as the unit's document holds them. */
const inYear = (year: string, figures: Record<string, unknown>) => ({
  unitId: 'ninh-kieu-tan-an',
  figures: { y: { [year]: figures } },
});

describe('activity figures', () => {
  it('counts a conference in the month it was held, with its participants summed over the groups', () => {
    const a = activity({ fields: { heldOn: '2023-09-15', participants: { cadres: 12, workers: 30, other: 3 } } });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { m: { '2023-09': { n: 1, conferences: 1, participants: 45 } } }),
    );
  });

  it('counts a conference with no participants recorded as none', () => {
    const a = activity({ fields: { heldOn: '2023-09-15', participants: {} } });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { m: { '2023-09': { n: 1, conferences: 1, participants: 0 } } }),
    );
  });

  it('counts a training in the month it started, with its trainees', () => {
    const a = activity({
      kind: 'training',
      fields: { startsOn: '2023-10-30', endsOn: '2023-11-02', trainees: { 'civil-servants': 20, cadres: 5 } },
    });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { m: { '2023-10': { n: 1, trainings: 1, trainees: 25 } } }),
    );
  });

  it('counts a media record once in its year, and its items one by one in the month each was published', () => {
    // One record may span months (a series): each item counts where it was published, the record in no month.
    const a = activity({
      kind: 'media',
      fields: {
        month: '2023-03',
        items: [
          { title: 'Bài 1', link: null, publishedOn: '2023-03-05' },
          { title: 'Bài 2', link: null, publishedOn: '2023-03-28' },
          { title: 'Bài 3', link: null, publishedOn: '2023-04-01' },
        ],
      },
    });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { n: 1, m: { '2023-03': { mediaItems: 2 }, '2023-04': { mediaItems: 1 } } }),
    );
  });

  it('counts a legal review on the day it was recorded in Vietnam, its documents and findings by finding', () => {
    // 18:00 UTC on 30 June is 1 July in Vietnam (UTC+7).
    const reviewed = (finding: string) => ({
      number: null,
      date: null,
      issuer: 'UBND',
      title: 'Quy chế',
      finding,
      proposal: '',
    });
    const a = activity({
      kind: 'legalreview',
      recordedAt: '2023-06-30T18:00:00.000Z',
      fields: { documents: [reviewed('keep'), reviewed('amend'), reviewed('keep')] },
    });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { m: { '2023-07': { n: 1, documentsReviewed: 3, findings: { keep: 2, amend: 1 } } } }),
    );
  });

  it('counts a regulation once in its year, kept as an interval from its effective day, open (*) until replaced', () => {
    const inForce = activity({ kind: 'regulation', fields: { issuedOn: '2023-04-20', effectiveFrom: '2023-05-01' } });
    expect(activityFigures.contribution(inForce)).toEqual(inYear('2023', { n: 1, rg: { '2023-05-01|*': 1 } }));
    const replaced = activity({
      kind: 'regulation',
      status: 'replaced',
      fields: { issuedOn: '2023-04-20', effectiveFrom: '2023-05-01', replacedBy: 'a2', replacedOn: '2024-02-01' },
    });
    expect(activityFigures.contribution(replaced)).toEqual(
      inYear('2023', { n: 1, rg: { '2023-05-01|2024-02-01': 1 } }),
    );
  });

  it("keeps a budget's money as decimal strings, by the month it was recorded then by activity", () => {
    // Not approved yet: approved is null, which counts as '0'.
    const a = activity({
      activityId: 'b7',
      kind: 'budget',
      status: 'submitted',
      recordedAt: '2023-03-31T20:00:00.000Z',
      money: { estimated: 50_000_000, approved: null, allocated: 0, spent: 0 },
      fields: { amount: 50_000_000, description: 'Hội nghị', source: { kind: 'state-budget', level: 'commune' } },
    });
    const contribution = activityFigures.contribution(a);
    expect(contribution).toEqual(
      inYear('2023', {
        m: { '2023-04': { n: 1 } },
        b: { '2023-04': { b7: { estimated: '50000000', approved: '0', allocated: '0', spent: '0' } } },
      }),
    );
    // Summed into a unit, the zero amounts leave no leaf.
    expect(addFigures({}, contribution!.figures, 1)).toEqual({
      y: { '2023': { m: { '2023-04': { n: 1 } }, b: { '2023-04': { b7: { estimated: '50000000' } } } } },
    });
  });

  it("keeps an approved budget's amounts as they are", () => {
    const a = activity({
      activityId: 'b8',
      kind: 'budget',
      status: 'allocated',
      money: { estimated: 9_007_199_254_740_991, approved: 40_000_000, allocated: 30_000_000, spent: 12_500_000 },
    });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', {
        m: { '2023-09': { n: 1 } },
        b: {
          '2023-09': {
            b8: { estimated: '9007199254740991', approved: '40000000', allocated: '30000000', spent: '12500000' },
          },
        },
      }),
    );
  });

  it('counts a difficulty by its status, in the month it was raised', () => {
    const a = activity({
      kind: 'difficulty',
      status: 'escalated',
      fields: { title: 'Thiếu kinh phí', raisedOn: '2023-11-20' },
    });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { m: { '2023-11': { n: 1, difficulties: { escalated: 1 } } } }),
    );
  });

  it('counts a kind with no figures of its own (a resolution) as one activity, in the month it was drafted', () => {
    const a = activity({
      kind: 'resolution',
      status: 'adopted',
      fields: { title: 'Nghị quyết', draftedOn: '2023-05-02' },
    });
    expect(activityFigures.contribution(a)).toEqual(inYear('2023', { m: { '2023-05': { n: 1 } } }));
  });

  it('adds nothing for a withdrawn activity', () => {
    const a = activity({ withdrawn: true, fields: { heldOn: '2023-09-15', participants: { cadres: 12 } } });
    expect(activityFigures.contribution(a)).toBeNull();
  });

  it("counts in the activity's plan year even when its day falls in the next year", () => {
    // A 2023 plan's conference held in January 2024: plan year 2023, month 2024-01.
    const a = activity({ year: 2023, fields: { heldOn: '2024-01-10', participants: { cadres: 4 } } });
    expect(activityFigures.contribution(a)).toEqual(
      inYear('2023', { m: { '2024-01': { n: 1, conferences: 1, participants: 4 } } }),
    );
  });

  it("counts under the activity's unit", () => {
    const a = activity({ unitId: 'phong-dien-nhon-ai', fields: { heldOn: '2023-09-15', participants: {} } });
    expect(activityFigures.contribution(a)?.unitId).toBe('phong-dien-nhon-ai');
    expect(activityFigures.collection).toBe('activity-figures');
  });

  it('counts every activity once, whatever its kind: in a month, or in the year for media and regulations', () => {
    const kinds: Partial<ActivityDoc>[] = [
      { kind: 'conference', fields: { heldOn: '2023-09-15', participants: {} } },
      { kind: 'training', fields: { startsOn: '2023-10-02', trainees: {} } },
      { kind: 'media', fields: { items: [{ title: 'Bài', link: null, publishedOn: '2023-03-05' }] } },
      { kind: 'resolution', fields: { draftedOn: '2023-05-02' } },
      { kind: 'regulation', fields: { issuedOn: '2023-04-20', effectiveFrom: '2023-05-01' } },
      { kind: 'legalreview', fields: { documents: [] } },
      { kind: 'budget' },
      { kind: 'difficulty', status: 'raised', fields: { raisedOn: '2023-11-20' } },
    ];
    const unit: Figures = {};
    kinds.forEach((k, i) =>
      addFigures(unit, activityFigures.contribution(activity({ activityId: `a${i}`, ...k }))!.figures, 1),
    );
    const year = (unit.y as Figures)['2023'] as Figures;
    const inMonths = Object.values(year.m as Figures).reduce(
      (n: number, m) => n + (((m as Figures).n as number) ?? 0),
      0,
    );
    expect(inMonths + (year.n as number)).toBe(kinds.length);
    expect(year.n).toBe(2);
  });

  it('sums two activities of a unit into one document, and taking one out leaves the other', () => {
    const conference = activityFigures.contribution(
      activity({ fields: { heldOn: '2023-09-15', participants: { cadres: 12 } } }),
    )!.figures;
    const training = activityFigures.contribution(
      activity({ activityId: 'a2', kind: 'training', fields: { startsOn: '2023-09-20', trainees: { cadres: 3 } } }),
    )!.figures;
    const unit: Figures = addFigures(addFigures({}, conference, 1), training, 1);
    expect(unit).toEqual({
      y: { '2023': { m: { '2023-09': { n: 2, conferences: 1, participants: 12, trainings: 1, trainees: 3 } } } },
    });
    addFigures(unit, conference, -1);
    expect(unit).toEqual({ y: { '2023': { m: { '2023-09': { n: 1, trainings: 1, trainees: 3 } } } } });
  });
});
