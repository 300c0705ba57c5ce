import fc from 'fast-check';
import {
  CONTROL_CHARACTERS,
  control,
  deep,
  Path,
  HostileRequest,
  HUGE_NUMBERS,
  hugeArray,
  hugeNumber,
  hugeString,
  objectPathsOf,
  pathsOf,
  protoKey,
  PROTOTYPE_KEYS,
  tooLarge,
  wrongType,
  WRONG_CONTENT_TYPES,
} from '../../../bench/support/hostile-requests';

/**
 * A hostile request built from a valid body (bench/support/hostile-requests.ts): nested past
 * JSON_MAX_DEPTH, a control character in a value or a key, a prototype key at any depth, a number
 * past 2^64 or a double, a string longer than any field takes (the longest bound is 20,000) or an array longer than JSON_MAX_ITEMS in any field, the wrong Content-Type, a body
 * over BODY_LIMIT_BYTES. Each is refused, whatever the endpoint and its state.
 */
export const hostileBody = (valid: object, bodyLimitBytes: number): fc.Arbitrary<HostileRequest> => {
  const anyPath = fc.constantFrom<Path>([], ...pathsOf(valid));
  const valuePath = pathsOf(valid).length > 0 ? fc.constantFrom(...pathsOf(valid)) : fc.constant<Path>(['x']);
  const objectPath = fc.constantFrom(...objectPathsOf(valid));
  return fc.oneof(
    fc
      .tuple(anyPath, fc.constantFrom(33, 100, 3000, 50_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([p, d, k]) => deep(valid, p, d, k)),
    fc.tuple(valuePath, fc.constantFrom(...CONTROL_CHARACTERS)).map(([p, c]) => control(valid, p, c, false)),
    fc.tuple(objectPath, fc.constantFrom(...CONTROL_CHARACTERS)).map(([p, c]) => control(valid, p, c, true)),
    fc.tuple(objectPath, fc.constantFrom(...PROTOTYPE_KEYS)).map(([p, k]) => protoKey(valid, p, k)),
    fc.tuple(valuePath, fc.constantFrom(...HUGE_NUMBERS)).map(([p, n]) => hugeNumber(valid, p, n)),
    fc.tuple(valuePath, fc.constantFrom(100_000, 600_000)).map(([p, n]) => hugeString(valid, p, n)),
    fc
      .tuple(valuePath, fc.constantFrom(1001, 20_000, 100_000), fc.constantFrom<unknown>(1, 'x', {}, []))
      .map(([p, n, item]) => hugeArray(valid, p, n, item)),
    fc.constantFrom(...WRONG_CONTENT_TYPES).map((t) => wrongType(valid, t)),
    fc.constant(null).map(() => tooLarge(valid, bodyLimitBytes + 1)),
  );
};
