import fc from 'fast-check';
import { jsonDepthExceeds } from './json-depth';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;

describe('JSON depth, read from the raw bytes', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepthExceeds(bytes('"x"'), 0)).toBe(false);
    expect(jsonDepthExceeds(bytes('{}'), 0)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":[1,{"b":[]}]}'), 4)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[1,{"b":[]}]}'), 3)).toBe(true);
  });

  it('ignores brackets and escaped quotes inside strings, and multi-byte text', () => {
    expect(jsonDepthExceeds(bytes('{"a":"[[[{{{\\"[[[ Cần Thơ 😀"}'), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a\\\\":{"b":1}}'), 1)).toBe(true);
  });

  it('reads 3,000 levels (and 1 MiB) in a loop, not a recursion', () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    expect(jsonDepthExceeds(bytes(deep), 32)).toBe(true);
    expect(jsonDepthExceeds(bytes(`[${'"x",'.repeat(250_000)}"x"]`), 1)).toBe(false);
  });

  it('agrees with the depth of the parsed value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (v, max) => {
        expect(jsonDepthExceeds(bytes(JSON.stringify(v)), max)).toBe(depthOf(v) > max);
      }),
    );
  });
});
