import { Day, Dong, Line, List, Nullable, Obj, OneOf, Position, RealDay, Type } from '@gl/domain';
import { isPosition } from '@gl/event-store';
import { SchemaValidationError, SchemaValidationPipe, schemaErrors } from './schema-validation.pipe';

const Evidence = Obj({ documentNumber: Line(100), documentDate: Day() });
const Body = Obj({
  heldOn: Day(),
  place: Line(300),
  level: OneOf(['city', 'district', 'commune']),
  amount: Dong(),
  evidence: Nullable(Evidence),
  materials: Type.Optional(List(Line(500), 50)),
  source: Type.Union([
    Obj({ kind: Type.Literal('state-budget'), level: OneOf(['city', 'commune']) }),
    Obj({ kind: Type.Literal('other'), description: Line(500) }),
  ]),
});
const ok = {
  heldOn: '2023-09-15',
  place: 'Hội trường',
  level: 'commune',
  amount: 15_000_000,
  evidence: null,
  source: { kind: 'other', description: 'Tài trợ' },
};

describe('validating a request part against its schema', () => {
  it('takes what matches, and fills nothing it was not told to', () => {
    expect(new SchemaValidationPipe(Body).transform(ok)).toEqual(ok);
  });

  it('names every field that does not match, as the client wrote it', () => {
    const errors = schemaErrors(Body, {
      ...ok,
      heldOn: '15/09/2023',
      place: 'a\u0000b',
      level: 'ward',
      amount: 1.5,
      note: 'x',
      evidence: { documentNumber: '', documentDate: '2023-09-15' },
      materials: Array(51).fill('m'),
      source: { kind: 'state-budget', level: 'province' },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'heldOn must be a date (YYYY-MM-DD)',
        'place must be one line of text, without control characters',
        'level must be one of city, district, commune',
        'amount must be a whole number',
        'property note should not exist',
        'evidence.documentNumber may not be empty',
        'materials must have at most 50 items',
        'source.level must be one of city, commune',
      ]),
    );
  });

  it('says a required field is missing, and refuses 10,000 integers where strings are asked', () => {
    const { place, ...rest } = ok;
    expect(schemaErrors(Body, rest)).toEqual(['place is required']);
    expect(schemaErrors(Body, { ...ok, materials: Array(10_000).fill(1) })[0]).toBe(
      'materials must have at most 50 items',
    );
  });

  it('counts the fields of an object that must name some, and no more than it may', () => {
    const Changes = Obj({
      changes: Type.Partial(Obj({ place: Line(300), level: Line(20) }), { minProperties: 1, maxProperties: 1 }),
    });
    expect(schemaErrors(Changes, { changes: {} })).toEqual(['changes must have at least 1 field']);
    expect(schemaErrors(Changes, { changes: { place: 'x', level: 'y' } })).toEqual([
      'changes must have at most 1 field',
    ]);
  });

  it('stops at 20 reasons, however much is wrong', () => {
    const errors = schemaErrors(Obj({ items: List(Line(10), 20_000) }), { items: Array(10_000).fill(1) });
    expect(errors).toHaveLength(20);
  });

  it('converts a query string to the numbers and booleans it declares, with defaults', () => {
    const Q = Obj({ page: Type.Integer({ minimum: 1, default: 1 }), withdrawn: Type.Optional(Type.Boolean()) });
    expect(new SchemaValidationPipe(Q, 'query').transform({ withdrawn: 'true' })).toEqual({ page: 1, withdrawn: true });
    expect(() => new SchemaValidationPipe(Q, 'query').transform({ page: 'x' })).toThrow(SchemaValidationError);
  });
});

describe('unions of shapes', () => {
  const Addressee = Type.Union(
    [Obj({ unitId: Line(100) }), Obj({ group: OneOf(['every-media', 'every-department']) })],
    { errorMessage: 'must be a unit or a group' },
  );
  const Count = Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^[0-9]+$' })], {
    errorMessage: 'must be a whole number',
  });
  it('explains the shape whose fields the value has', () =>
    expect(schemaErrors(Obj({ a: Addressee }), { a: { group: 'x' } })).toEqual([
      'a.group must be one of every-media, every-department',
    ]));
  it("says the union's own words when no one shape is meant", () => {
    expect(schemaErrors(Obj({ a: Addressee }), { a: { unitId: 'u', group: 'every-media' } })).toEqual([
      'a must be a unit or a group',
    ]);
    expect(schemaErrors(Obj({ n: Count }), { n: -1 })).toEqual(['n must be a whole number']);
  });
});

describe('instants (format date-time)', () => {
  const S = Obj({
    until: Type.String({ format: 'date-time', errorMessage: 'must be an instant (ISO 8601 with a zone)' }),
  });
  it.each(['2027-01-01T00:00:00+07:00', '2023-11-14T17:00:00.000Z'])('takes %s', (until) =>
    expect(schemaErrors(S, { until })).toEqual([]),
  );
  it.each(['2027-01-01', '2027-13-01T00:00:00Z', 'soon'])('refuses %s', (until) =>
    expect(schemaErrors(S, { until })).toEqual(['until must be an instant (ISO 8601 with a zone)']),
  );
});

describe('days that exist (RealDay, format date)', () => {
  const S = Obj({ on: RealDay() });
  it.each(['2024-02-29', '2000-02-29', '2023-12-31'])('takes %s', (on) => expect(schemaErrors(S, { on })).toEqual([]));
  it.each(['2023-02-30', '2023-02-29', '1900-02-29', '2023-13-01', '31/12/2023'])('refuses %s', (on) =>
    expect(schemaErrors(S, { on })).toEqual(['on must be a real calendar date (YYYY-MM-DD)']),
  );
});

describe('log positions (unsigned 64-bit, as the event store reads them)', () => {
  const S = Obj({ after: Position() });
  const U64_MAX = '18446744073709551615';
  it.each([
    '0',
    '1',
    '9223372036854775807',
    '9223372036854775808',
    '18446744073709551609',
    '18446744073709551614',
    U64_MAX,
    '9'.repeat(19),
  ])('takes %s', (after) => {
    expect(schemaErrors(S, { after })).toEqual([]);
    expect(isPosition(after)).toBe(true);
  });
  it.each([
    '',
    '01',
    '-1',
    '1e3',
    ' 1',
    '18446744073709551616',
    '18446744073709551620',
    '18446744073709552000',
    '19000000000000000000',
    '99999999999999999999',
  ])('refuses %j', (after) => {
    expect(schemaErrors(S, { after })).toEqual([
      'after must be a log position (the decimal string of an unsigned 64-bit integer)',
    ]);
    expect(isPosition(after)).toBe(false);
  });
  it('says how long a position may be', () =>
    expect(schemaErrors(S, { after: '1'.repeat(21) })).toEqual(['after must be at most 20 characters']));
});
