import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { resolveSealKeys } from './seal-keys';

describe('the key that seals the log', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gl-seal-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once into DATA_DIR, readable by its owner only, and the same on the next start', () => {
    const first = resolveSealKeys(loadConfig({ DATA_DIR: dir }));
    expect(first.source).toBe('generated');
    expect(statSync(join(dir, 'seal-key.pem')).mode & 0o777).toBe(0o600);
    expect(resolveSealKeys(loadConfig({ DATA_DIR: dir })).keyId).toBe(first.keyId);
    expect(first.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it('is the configured one when SEAL_PRIVATE_KEY is set', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const keys = resolveSealKeys(loadConfig({ DATA_DIR: dir, SEAL_PRIVATE_KEY: pem }));
    expect(keys.source).toBe('configured');
    expect(keys.keyId).toMatch(/^[0-9a-f]{64}$/);
  });
});
