import fc from 'fast-check';

/**
 * Generated invalid input for the write endpoints: a valid body with one thing broken — a field
 * removed, a field given a wrong type, an out-of-range number, a bad date or an unknown
 * reference (of the right type, to get past the edge), an unknown field added — or no object at all. Some results stay valid, and may be
 * recorded; the property only speaks of refusals.
 */
type Path = (string | number)[];

const pathsOf = (v: unknown, at: Path = []): Path[] => {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...pathsOf(x, [...at, i])]);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...pathsOf(x, [...at, k])]);
  return [];
};

const objectPathsOf = (v: unknown, at: Path = []): Path[] => {
  if (!v || typeof v !== 'object') return [];
  const own = Array.isArray(v) ? [] : [at];
  return [
    ...own,
    ...Object.entries(v).flatMap(([k, x]) => objectPathsOf(x, [...at, Array.isArray(v) ? Number(k) : k])),
  ];
};

/** A copy of `v` with `change` applied to the container of `path` and its last key. */
const edit = (
  v: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown => {
  const copy = structuredClone(v);
  if (path.length === 0) return copy;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]);
  return copy;
};

const setAt = (v: unknown, path: Path, value: unknown) =>
  edit(v, path, (p, k) => {
    p[k] = value;
  });
const removeAt = (v: unknown, path: Path) =>
  edit(v, path, (p, k) => {
    if (Array.isArray(p)) p.splice(Number(k), 1);
    else delete p[k];
  });
/** defineProperty, so that a key such as `__proto__` is an own field of the JSON sent, not a prototype. */
const addAt = (v: unknown, path: Path, key: string) => {
  const copy = structuredClone(v) as Record<string, unknown>;
  let target = copy as Record<string | number, unknown>;
  for (const k of path) target = target[k] as Record<string | number, unknown>;
  Object.defineProperty(target, key, {
    value: { polluted: true },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
};

/** Values that no field of the API takes as they are, and references to nothing (or to what has ended). */
export const badValue = (refs: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      0,
      -1,
      1.5,
      -0.001,
      1e21,
      2 ** 53 + 2,
      '',
      ' ',
      '\u0000',
      'x'.repeat(5000),
      [],
      {},
      [1, 'a'],
      { a: 1 },
    ),
    fc.constantFrom(
      '2023-02-30',
      '2023-13-01',
      '31/12/2023',
      'hôm nay',
      '2023-11-15T25:00:00+07:00',
      '1900-01-01',
      '9999-12-31',
    ),
    fc.constantFrom(...refs),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    fc.double(),
  );

const valueAt = (v: unknown, path: Path): unknown =>
  path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);

/**
 * A value of the same JSON type as the one it replaces, so that it passes the edge's type checks
 * and reaches the rules behind them: an unknown or ended reference, a day that is not one or is
 * out of the plan's years, an empty or oversized text; a number out of range; a flipped flag.
 */
export const sameTypeValue = (was: unknown, refs: string[]): fc.Arbitrary<unknown> => {
  if (typeof was === 'number') return fc.constantFrom(-1, 0, 1, 1.5, 1999, 2022, 2027, 2101, 1e15, 2 ** 53);
  if (typeof was === 'boolean') return fc.constant(!was);
  if (Array.isArray(was)) return fc.constantFrom<unknown>([], [...was, ...was], was.length > 0 ? [was[0], 'x'] : ['x']);
  if (was && typeof was === 'object') return fc.constantFrom<unknown>({}, { ...was, extra: 1 });
  return fc.constantFrom<unknown>(
    ...refs,
    '',
    ' ',
    'x'.repeat(3000),
    '2023-02-30',
    '2025-09-01',
    '1999-12-31',
    '2101-01-01',
    '2026-04-01T00:00:00+07:00',
    '2023-11-15T25:00:00+07:00',
  );
};

/** One thing broken in a valid body (or the body kept as it is, now and then). */
export const brokenBody = (valid: object, refs: string[]): fc.Arbitrary<unknown> => {
  const paths = pathsOf(valid);
  const objects = objectPathsOf(valid);
  const keys = fc.constantFrom('extra', '__proto__', 'constructor', 'activityId', 'unitId', 'planId', 'type');
  const options: fc.WeightedArbitrary<unknown>[] = [
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...objects), keys).map(([p, k]) => addAt(valid, p, k)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'body', 42) },
    { weight: 1, arbitrary: fc.constant(valid) },
  ];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    options.push({
      weight: 6,
      arbitrary: path.chain((p) => sameTypeValue(valueAt(valid, p), refs).map((v) => setAt(valid, p, v))),
    });
    options.push({ weight: 3, arbitrary: fc.tuple(path, badValue(refs)).map(([p, v]) => setAt(valid, p, v)) });
    options.push({ weight: 2, arbitrary: path.map((p) => removeAt(valid, p)) });
  }
  return fc.oneof(...options);
};
