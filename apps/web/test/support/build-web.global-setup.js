/**
 * Jest's global setup of the browser tests: builds the web app once per run into dist/web-test,
 * which every browser suite serves (a build per suite cost 2–30 s each, and Vite refuses two at once).
 */
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const seedCache = require('../../../../test/e2e/support/seed-cache.global-setup');

module.exports = async () => {
  await seedCache();
  const root = join(__dirname, '../../../..');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--outDir',
      join(root, 'dist/web-test'),
      '--logLevel',
      'error',
    ],
    { cwd: root, stdio: 'inherit' },
  );
};
