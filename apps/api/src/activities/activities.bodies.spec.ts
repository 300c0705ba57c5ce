import { Value } from '@sinclair/typebox/value';
import { schemaErrors } from '@gl/platform';
import { CORRECTION_BODIES, RECORD_BODIES, STEP_BODIES } from './activities.bodies';

const header = { unitId: 'ninh-kieu-tan-an', year: 2023 };
const conference = {
  level: 'commune',
  heldOn: '2023-09-15',
  place: 'Hội trường',
  chairedBy: 'Chủ tịch',
  participants: { cadres: 12 },
  evidence: null,
};
const budget = { amount: 15_000_000, description: 'Hội nghị', source: { kind: 'state-budget', level: 'commune' } };
const training = {
  organiser: 'Sở Nội vụ',
  targetGroups: ['cadres'],
  startsOn: '2023-11-07',
  endsOn: '2023-11-08',
  trainees: { cadres: 3 },
};
const errors = (kind: keyof typeof RECORD_BODIES, details: object) =>
  schemaErrors(RECORD_BODIES[kind], { ...header, details });

// The shape of what an activity records is its schema's (ADR 0009); the decider keeps the rules that relate fields.
describe('what an activity write takes', () => {
  it('takes a conference, a budget with its source, a training without materials', () => {
    expect(errors('conference', conference)).toEqual([]);
    expect(errors('budget', budget)).toEqual([]);
    expect(errors('training', training)).toEqual([]);
  });

  it.each<[string, keyof typeof RECORD_BODIES, object, string]>([
    [
      'a participant group that does not exist',
      'conference',
      { ...conference, participants: { aliens: 3 } },
      'property details.participants.aliens should not exist',
    ],
    [
      'a fractional count',
      'conference',
      { ...conference, participants: { cadres: 1.5 } },
      'details.participants.cadres must be a whole number',
    ],
    [
      'a field a conference does not have',
      'conference',
      { ...conference, colour: 'red' },
      'property details.colour should not exist',
    ],
    [
      'a field an attachment does not have',
      'conference',
      {
        ...conference,
        evidence: {
          documentNumber: '1/BC',
          documentDate: '2023-09-18',
          attachments: [{ name: 'bb.pdf', sha256: 'c0'.repeat(32), size: 1, url: 'x' }],
        },
      },
      'property details.evidence.attachments[0].url should not exist',
    ],
    ['money in fractions of a đồng', 'budget', { ...budget, amount: 1500.5 }, 'details.amount must be a whole number'],
    ['no source', 'budget', { amount: 1, description: 'x' }, 'details.source is required'],
    [
      'a level that is not one',
      'budget',
      { ...budget, source: { kind: 'state-budget', level: 'province' } },
      'details.source.level must be one of city, district, commune',
    ],
    [
      'another source without its description',
      'budget',
      { ...budget, source: { kind: 'other' } },
      'details.source.description is required',
    ],
    [
      'an unspecified source on a new estimate',
      'budget',
      { ...budget, source: { kind: 'unspecified' } },
      'details.source does not match',
    ],
    [
      'a finding that is not one',
      'legalreview',
      {
        documents: [
          { number: '1/QĐ', date: '2020-01-01', issuer: 'UBND', title: 'Quy định', finding: 'burn', proposal: '' },
        ],
      },
      'details.documents[0].finding must be one of keep',
    ],
    [
      '10,000 integers as materials',
      'training',
      { ...training, materials: Array(10_000).fill(1) },
      'details.materials must have at most 100 items',
    ],
    [
      'an object nested deep as materials',
      'training',
      { ...training, materials: [{ a: { b: { c: [] } } }] },
      'details.materials[0] must be one line of text',
    ],
    [
      'a media item without a day',
      'media',
      { outlet: 'Báo', channel: 'radio', month: '2023-07', items: [{ title: 'Tin' }] },
      'details.items[0].publishedOn is required',
    ],
    [
      'a link that is not an address',
      'media',
      {
        outlet: 'Báo',
        channel: 'radio',
        month: '2023-07',
        items: [{ title: 'Tin', link: 'javascript:alert(1)', publishedOn: '2023-07-01' }],
      },
      'details.items[0].link must be an http(s) address',
    ],
  ])('refuses %s', (_what, kind, details, message) => expect(errors(kind, details).join('; ')).toContain(message));

  it('takes 50 attachments to a conference, as to a completion, and not 51', () => {
    const evidence = (n: number) => ({
      documentNumber: '1/BC',
      documentDate: '2023-09-18',
      attachments: Array(n).fill({ name: 'bb.pdf', sha256: 'c0'.repeat(32), size: 1 }),
    });
    expect(errors('conference', { ...conference, evidence: evidence(50) })).toEqual([]);
    expect(errors('conference', { ...conference, evidence: evidence(51) })).toEqual([
      'details.evidence.attachments must have at most 50 items',
    ]);
  });

  it("refuses a field a step does not have: a budget step's note", () => {
    expect(schemaErrors(STEP_BODIES['budget.approved.v1'], { details: { amount: 1, by: 'UBND', note: 'x' } })).toEqual([
      'property details.note should not exist',
    ]);
    expect(schemaErrors(STEP_BODIES['budget.spent.v1'], { details: { amount: 1, note: 'Thuê hội trường' } })).toEqual(
      [],
    );
  });

  it('corrects any field of the kind, at least one, but not a budget amount nor the links a recording made', () => {
    expect(
      schemaErrors(CORRECTION_BODIES.conference, { changes: { place: 'Hội trường mới' }, reason: 'Sai tên' }),
    ).toEqual([]);
    expect(schemaErrors(CORRECTION_BODIES.conference, { changes: {}, reason: 'x' })).toEqual([
      'changes must have at least 1 field',
    ]);
    expect(schemaErrors(CORRECTION_BODIES.budget, { changes: { amount: 1 }, reason: 'x' })).toEqual([
      'property changes.amount should not exist',
    ]);
    expect(schemaErrors(CORRECTION_BODIES.regulation, { changes: { replaces: 'qc-cu' }, reason: 'x' })).toEqual([
      'property changes.replaces should not exist',
    ]);
  });

  it('fills what a recording may leave out with null, and nothing a correction does not name', () => {
    const { evidence: _e, ...left } = conference;
    expect(Value.Default(RECORD_BODIES.conference, { ...header, details: left })).toEqual({
      ...header,
      details: conference,
    });
    expect(Value.Default(CORRECTION_BODIES.conference, { changes: { place: 'x' }, reason: 'x' })).toEqual({
      changes: { place: 'x' },
      reason: 'x',
    });
  });
});
