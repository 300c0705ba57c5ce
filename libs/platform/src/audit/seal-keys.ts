import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from '@gl/event-store';
import { AppConfig } from '../config/app-config';

/** The key that signs seals, and what an auditor needs to check them. */
export interface SealKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  publicKeyPem: string;
  /** `configured` (SEAL_PRIVATE_KEY) or `generated` (DATA_DIR/seal-key.pem, beside the log it vouches for). */
  source: 'configured' | 'generated';
}

export const SEAL_KEYS = Symbol('SEAL_KEYS');

/**
 * SEAL_PRIVATE_KEY, or a key generated on first start into DATA_DIR/seal-key.pem (owner-only). A key
 * kept beside the log protects against edits by whoever cannot read it; production should hold it
 * elsewhere and give it through SEAL_PRIVATE_KEY, and auditors pin its public key (`keyId`).
 */
export const resolveSealKeys = (config: AppConfig): SealKeys => {
  let pem = config.sealPrivateKey;
  const source = pem ? 'configured' : 'generated';
  if (!pem) {
    const file = join(config.dataDir, 'seal-key.pem');
    if (!existsSync(file)) {
      mkdirSync(config.dataDir, { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    pem = readFileSync(file, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    source,
  };
};
