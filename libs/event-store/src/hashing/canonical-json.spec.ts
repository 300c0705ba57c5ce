import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('agrees with the reference implementation on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on Vietnamese keys and text, nested', () => {
    const v = { 'Đơn vị': { tên: 'Ủy ban nhân dân xã Nhơn Ái', mã: '31261' }, a: [3, { z: 1, ă: 2 }], B: null };
    expect(canonicalJson(v)).toBe(canonicalize(v));
    expect(canonicalJson(v)).toBe(
      '{"B":null,"a":[3,{"z":1,"ă":2}],"Đơn vị":{"mã":"31261","tên":"Ủy ban nhân dân xã Nhơn Ái"}}',
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 requires', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, ö: 5 })).toBe(
      '{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}',
    );
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ n: Infinity })).toThrow(/Infinity/);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
