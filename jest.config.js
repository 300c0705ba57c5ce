/** Three tiers by file name: *.spec.ts (unit), *.int-spec.ts (contract/adapters), test/e2e/*.e2e-spec.ts (HTTP). */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};
const moduleNameMapper = {
  '^@gl/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@gl/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  // Global, not per project (Jest ignores it there): adapters and the HTTP stack do real I/O, and a
  // loaded 2-core CI machine needs more than 5 s for an e2e suite's seeding.
  testTimeout: 60_000,
  // Both cores: with Jest's default (cores − 1 = 1) every suite runs in band, one after another, in one
  // process. The suites are independent (a DATA_DIR each, loopback ports from 0).
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test/integration}/**/*.int-spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // Seeded stores shared by the run's suites (test/e2e/support/seed-cache.ts).
      globalSetup: '<rootDir>/test/e2e/support/seed-cache.global-setup.js',
      globalTeardown: '<rootDir>/test/e2e/support/seed-cache.global-teardown.js',
    },
    // The web app in Debian's Chromium, driven by playwright-core (apps/web/test/support/browser-harness.ts).
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/web/test/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/apps/web/test/support/build-web.global-setup.js',
      globalTeardown: '<rootDir>/test/e2e/support/seed-cache.global-teardown.js',
    },
  ],
};
