/**
 * The layer rules of docs/architecture.md, checked in CI (`npm run lint`).
 * domain ← application ← (ports) ← adapters ← platform/apps. Only apps (and libs/platform, their
 * shared composition code) pick adapters.
 */
const TESTS = '\\.(spec|int-spec|e2e-spec|browser-spec|contract)\\.ts$';
const ADAPTERS = '^libs/(event-store|read-models)/src/(sqlite|kurrentdb|embedded|mongodb)/';
const COMPOSERS = ['^apps/', '^libs/platform/', '^bench/', '^test/'];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain imports nothing but itself and the schema builder (ADR 0009): no framework, no driver, no node I/O, nothing else of ours.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TESTS },
      to: { pathNot: ['^libs/domain/', '^node_modules/@sinclair/typebox/build/cjs/(type|index)'] },
    },
    {
      name: 'application-uses-ports-not-adapters',
      comment: 'libs/application reaches stores through their ports, never an adapter, a composition root or platform.',
      severity: 'error',
      from: { path: '^libs/application/' },
      to: { path: [ADAPTERS, '^apps/', '^libs/platform/'] },
    },
    {
      name: 'adapters-only-through-ports',
      comment: 'Only composition code (apps, libs/platform), benchmarks and tests may name an adapter.',
      severity: 'error',
      from: { pathNot: [...COMPOSERS, TESTS, ADAPTERS] },
      to: { path: ADAPTERS },
    },
    {
      name: 'adapters-do-not-know-each-other',
      severity: 'error',
      from: { path: '^libs/(event-store|read-models)/src/(sqlite|kurrentdb|embedded|mongodb)/' },
      to: { path: ADAPTERS, pathNot: '^libs/$1/src/$2/' },
    },
    {
      name: 'ports-do-not-know-adapters',
      severity: 'error',
      from: { path: '^libs/(event-store|read-models)/src/', pathNot: [ADAPTERS, TESTS, '/testing/'] },
      to: { path: ADAPTERS },
    },
    {
      name: 'only-apps-compose',
      comment: 'Nothing under libs/ imports an app; only apps and tests import libs/platform.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'platform-is-for-composers',
      severity: 'error',
      from: { path: '^libs/', pathNot: ['^libs/platform/', TESTS] },
      to: { path: '^libs/platform/' },
    },
    {
      name: 'testing-helpers-stay-in-tests',
      severity: 'error',
      from: { pathNot: [TESTS, '^libs/testing/', '/testing/', '^test/'] },
      to: { path: ['^libs/testing/', '/testing/'] },
    },
    {
      name: 'web-app-uses-only-the-public-api',
      comment: 'The web app reaches the record over HTTP like any client: it imports nothing of the backend.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: ['^libs/', '^apps/(api|cli|projector)/'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
