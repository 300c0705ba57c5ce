import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

/**
 * The HS256 secret: JWT_SECRET, or in development a random one kept in DATA_DIR/jwt-secret
 * (created on first start, readable by the owner only), so that no constant secret ships in code.
 * Production must configure JWT_SECRET or OIDC_JWKS_URL (the config refuses otherwise).
 */
export const resolveJwtSecret = (config: AppConfig): string | null => {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  if (config.nodeEnv === 'production') return null;
  const file = join(config.dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
};
