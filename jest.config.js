/** Three tiers by file name: *.spec.ts (unit), *.int-spec.ts (contract/adapters), test/e2e/*.e2e-spec.ts (HTTP). */
const transform = {
  '^.+\\.ts$': ['@swc/jest', {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  }],
};
const moduleNameMapper = {
  '^@gl/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@gl/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    // Adapters and the HTTP stack do real I/O: on a loaded 2-core CI machine, 5 s is too tight.
    { ...common, displayName: 'int', testTimeout: 30_000, testMatch: ['<rootDir>/{apps,libs,test/integration}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testTimeout: 30_000, testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
