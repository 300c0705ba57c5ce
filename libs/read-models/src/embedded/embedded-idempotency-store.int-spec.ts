import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { EmbeddedIdempotencyStore } from './embedded-idempotency-store';
import type { IdempotencyStore } from '../port/idempotency-store.port';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

idempotencyStoreContract('embedded (SQLite file, WAL)', {
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-idem-'));
    dirs.push(dir);
    return new EmbeddedIdempotencyStore({ filename: join(dir, 'idempotency.db') });
  },
  reopen: async (store: IdempotencyStore) => {
    const file = (store as EmbeddedIdempotencyStore).db.name;
    await store.close();
    return new EmbeddedIdempotencyStore({ filename: file });
  },
});
