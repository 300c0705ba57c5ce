import { decodeDoc, encodeDoc } from './doc-codec';

describe('embedded document codec', () => {
  it('round-trips Dates at any depth, and plain JSON as it is', () => {
    const doc = {
      _id: 'a',
      heldOn: new Date('2023-11-14T17:00:00.000Z'),
      items: [{ at: new Date(0) }],
      name: 'Hội nghị',
      n: 3,
      none: null,
    };
    const text = encodeDoc(doc);
    expect(text).toContain('{"$date":"2023-11-14T17:00:00.000Z"}');
    expect(decodeDoc(text)).toEqual(doc);
    expect((decodeDoc(text) as typeof doc).heldOn).toBeInstanceOf(Date);
  });

  it('writes a document without Dates as JSON.stringify does, and one with a deep Date with it marked', () => {
    const plain = { _id: 'p', a: [1, { b: 'Hội nghị', c: null }], d: { e: true } };
    expect(encodeDoc(plain)).toBe(JSON.stringify(plain));
    expect(encodeDoc({ ...plain, a: [1, { b: [new Date(0)] }] })).toContain(
      '"b":[{"$date":"1970-01-01T00:00:00.000Z"}]',
    );
  });

  it('leaves an object that only looks like a date alone when it has other keys', () => {
    expect(decodeDoc(encodeDoc({ x: { $date: '2023-01-01', note: 'kept' } }))).toEqual({
      x: { $date: '2023-01-01', note: 'kept' },
    });
  });
});
