import fc from 'fast-check';
import { checkInput, checkText } from './text-input';
import { ForbiddenKeyError, InvalidTextError, TooManyItemsError } from './text-input.errors';

const refusal = (f: () => void): { type: string; message: string; extensions: Record<string, unknown> } => {
  try {
    f();
  } catch (e) {
    const err = e as InvalidTextError;
    return {
      type: (err.constructor as unknown as { problem: { type: string } }).problem.type,
      message: err.message,
      extensions: err.extensions,
    };
  }
  throw new Error('not refused');
};

describe('text the API takes', () => {
  it('takes Vietnamese text, and tab, LF and CRLF in long texts', () => {
    expect(() =>
      checkInput(
        { title: 'Hội nghị 😀', narrative: 'Dòng 1\nDòng 2\r\n\tDòng 3', items: [{ name: 'Cần Thơ' }] },
        'body',
      ),
    ).not.toThrow();
  });

  it.each([
    ['\u0000'],
    ['\u0007'],
    ['\u000b'],
    ['\u001b[31m'],
    ['\u007f'],
    ['\u0085'],
    ['\u009f'],
    ['a\rb'],
    ['end\r'],
  ])('refuses %j anywhere, naming the field', (bad) => {
    const r = refusal(() => checkInput({ details: { items: [{ note: `x${bad}` }] } }, 'body'));
    expect(r.type).toBe('/problems/invalid-text');
    expect(r.extensions).toMatchObject({ field: 'details.items[0].note', in: 'body' });
    expect(r.message).toMatch(/^details\.items\[0\]\.note contains U\+00[0-9A-F]{2}: a control character/);
  });

  it('refuses unpaired surrogates, which cannot be stored as UTF-8', () => {
    expect(refusal(() => checkInput({ text: 'a\ud800b' }, 'body')).extensions).toMatchObject({
      field: 'text',
      codePoint: 'U+D800',
    });
    expect(refusal(() => checkInput({ text: '\udc00' }, 'body')).message).toMatch(/unpaired surrogate/);
  });

  it.each([['title'], ['name'], ['documentNumber'], ['unitId'], ['heldOn'], ['code']])(
    'refuses a line break or tab in the single-line field %s',
    (key) => {
      const r = refusal(() => checkInput({ [key]: 'một\nhai' }, 'body'));
      expect(r.extensions).toMatchObject({ field: key, codePoint: 'U+000A' });
      expect(r.message).toMatch(/single-line field/);
      expect(() => checkInput({ [key]: 'một\thai' }, 'body')).toThrow(InvalidTextError);
    },
  );

  it("treats the items of an array by the array's name", () => {
    expect(() => checkInput({ purposes: ['a\nb'] }, 'body')).not.toThrow();
    expect(refusal(() => checkInput({ unitIds: ['a', 'b\nc'] }, 'body')).extensions).toMatchObject({
      field: 'unitIds[1]',
    });
  });

  it('takes nothing on one line from a URL, and checks keys as names', () => {
    expect(refusal(() => checkInput('a\nb', 'query', 'q')).message).toBe(
      'query q contains U+000A: a line break or tab, in a single-line field',
    );
    expect(refusal(() => checkInput({ id: 'x\u0000' }, 'path')).extensions).toMatchObject({ field: 'id', in: 'path' });
    expect(refusal(() => checkInput({ 'a\nb': 1 }, 'body')).extensions).toMatchObject({ field: 'a\nb' });
  });

  it.each([['__proto__'], ['constructor'], ['prototype']])('refuses %s as an unknown field, at any depth', (key) => {
    const body = JSON.parse(`{"details":{"items":[{"${key}":{"polluted":true}}]}}`);
    const r = refusal(() => checkInput(body, 'body'));
    expect(r.type).toBe('/problems/validation-failed');
    expect(r.extensions.errors).toEqual([`property details.items[0].${key} should not exist`]);
    expect(() => checkInput(JSON.parse(`{"${key}":1}`), 'body')).toThrow(ForbiddenKeyError);
  });

  it('walks without recursion: 100,000 levels of nesting are no stack overflow', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    expect(() => checkInput(deep, 'body')).toThrow(InvalidTextError);
  });

  it('refuses an array with more items, or an object with more members, than the limit, naming it', () => {
    expect(() => checkInput({ purposes: Array(1000).fill('x') }, 'body', '', 1000)).not.toThrow();
    const r = refusal(() => checkInput({ details: { items: Array(1001).fill(1) } }, 'body', '', 1000));
    expect(r.extensions.errors).toEqual(['details.items must contain no more than 1000 elements']);
    expect(() =>
      checkInput(
        { indicators: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i])) },
        'body',
        '',
        1000,
      ),
    ).toThrow(TooManyItemsError);
  });

  it('checks 100,000 items quickly: paths are spelt out only for a refusal', () => {
    const started = Date.now();
    checkInput({ details: { x: Array.from({ length: 100_000 }, () => ['a', { b: 'c' }]) } }, 'body');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('takes every string of printable characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const printable = s.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
        checkText(printable, 'f', 'title', 'body');
      }),
    );
  });
});
