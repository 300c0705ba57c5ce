import fc from 'fast-check';
import { brokenBody } from './invalid-input';
import { DEMO_USERS, REFS } from './write-fixtures';

/** One request to a write endpoint: who sends it, where, with what body, and maybe an Idempotency-Key. */
export interface WriteRequest {
  who: string;
  path: string;
  body: unknown;
  key: string | null;
}

/** A write endpoint (as its controller declares it, e.g. `POST /obligations/:id/passing`) and its generated requests. */
export interface Endpoint {
  route: string;
  request: fc.Arbitrary<WriteRequest>;
  /** Where the requests go and a valid body there, before anything is broken (the hostile-input fuzz starts from it). */
  target: fc.Arbitrary<{ path: string; valid: object }>;
}

/** Every demo user, with those who act most (the coordinator, Tân An's staff) more often: they reach the deeper checks. */
const who = fc.constantFrom(
  ...DEMO_USERS,
  'sonv-coordinator',
  'sonv-coordinator',
  'sonv-coordinator',
  'tanan-reporter',
  'tanan-head',
);
const key = fc.option(fc.uuid(), { freq: 4 });

/** Ids for a path: those given, and references to nothing or to what has ended. */
export const ids = (...given: string[]): fc.Arbitrary<string> =>
  given.length === 0
    ? fc.constantFrom(...REFS)
    : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...given) }, { weight: 1, arbitrary: fc.constantFrom(...REFS) });

/** An endpoint whose target (path and the valid body for it) is generated, and the body then broken in one place. */
export const endpoint = (route: string, target: fc.Arbitrary<{ path: string; valid: object }>): Endpoint => ({
  route,
  target,
  request: fc
    .record({ who, target, key })
    .chain(({ who: w, target: t, key: k }) =>
      brokenBody(t.valid, REFS).map((body) => ({ who: w, key: k, path: t.path, body })),
    ),
});

/** A path from generated parts, with one valid body for all of them. */
export const at = (parts: fc.Arbitrary<string>[], path: (...p: string[]) => string, valid: object) =>
  fc.tuple(...parts).map((p) => ({ path: path(...p), valid }));
