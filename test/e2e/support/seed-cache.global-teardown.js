const { rmSync } = require('node:fs');

module.exports = async () => {
  if (process.env.GL_SEED_CACHE && process.env.GL_SEED_CACHE_OWNED) {
    rmSync(process.env.GL_SEED_CACHE, { recursive: true, force: true });
    delete process.env.GL_SEED_CACHE;
    delete process.env.GL_SEED_CACHE_OWNED;
  }
};
