/** The run's cache of seeded stores (seed-cache.ts); removed by seed-cache.global-teardown.js. */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  if (!process.env.GL_SEED_CACHE) {
    process.env.GL_SEED_CACHE = mkdtempSync(join(tmpdir(), 'gl-seed-cache-'));
    process.env.GL_SEED_CACHE_OWNED = '1';
  }
};
