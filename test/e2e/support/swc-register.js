/**
 * `node -r ./test/e2e/support/swc-register.js apps/api/src/main.ts`: runs the TypeScript sources
 * as they are, compiled on load by @swc/core with the options Jest uses (jest.config.js) and the
 * `@gl/*` aliases resolved, so an e2e test can start a real process without `npm run build`.
 */
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const alias = /^@gl\/([a-z-]+)(?:\/(.*))?$/.exec(request);
  return resolve.call(this, alias ? join(root, 'libs', alias[1], 'src', alias[2] ?? '') : request, ...rest);
};

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
require.extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
};
