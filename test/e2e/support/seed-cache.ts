import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Seeded stores shared by the suites of one test run. Seeding a fresh store (the units with their
 * history, 899 obligations, the demo users) takes 7–9 s, and nearly every suite starts from it; a
 * copy of a store seeded at the same instant with the same settings is the same store, ready in 0.4 s.
 * The run's global setup makes GL_SEED_CACHE (seed-cache.global-setup.js); without it, every suite seeds.
 */

// Settings that change nothing in what the seed writes: suites that differ only in them share one store.
const RUNTIME_ONLY =
  /^(RATE_LIMIT_|SSE_|READ_WAIT_|WEBHOOK|PUBLIC_BASE_URL|SEAL_INTERVAL_MS|TOKEN_|LOG_|WEB_DIR|IDEMPOTENCY_|BODY_LIMIT|JSON_MAX|URL_LIMIT|HEADER_LIMIT|TIME_TRAVEL_|SHUTDOWN_|TRUST_PROXY|OIDC_|READY_MAX_LAG|SCHEDULER$|DATA_DIR$)/;

export interface SeedCacheEntry {
  /** Copies the seeded store into `dir`; false when there is none yet. */
  restore: (dir: string) => boolean;
  /** Claims the right to make the entry (one suite of the run does); false when another has it. */
  claim: () => boolean;
  /** Keeps a copy of the closed, seeded store in `dir`. */
  keep: (dir: string) => void;
}

export const seedCacheEntry = (env: Record<string, string>, startsAt: string): SeedCacheEntry | null => {
  const root = process.env.GL_SEED_CACHE;
  if (!root) return null;
  const settings = Object.entries(env)
    .filter(([k]) => !RUNTIME_ONLY.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  const key = createHash('sha256')
    .update(JSON.stringify({ startsAt, settings, seedDir: process.env.SEED_DIR ?? null }))
    .digest('hex')
    .slice(0, 24);
  const entry = join(root, key);
  const done = join(entry, '.complete');
  return {
    restore: (dir) => {
      if (!existsSync(done)) return false;
      cpSync(entry, dir, { recursive: true, filter: (src) => src !== done });
      return true;
    },
    claim: () => {
      try {
        mkdirSync(`${entry}.claim`, { recursive: false });
        return true;
      } catch {
        return false;
      }
    },
    keep: (dir) => {
      const staging = `${entry}.staging`;
      cpSync(dir, staging, { recursive: true });
      writeFileSync(join(staging, '.complete'), startsAt);
      renameSync(staging, entry);
    },
  };
};
