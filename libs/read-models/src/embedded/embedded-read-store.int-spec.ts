import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract, Store } from '../testing/read-store.contract';
import { EmbeddedReadStore } from './embedded-read-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

readStoreContract('embedded (mingo over memory, persisted to SQLite)', {
  open: async (clock) => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-rm-'));
    dirs.push(dir);
    return new EmbeddedReadStore({ filename: join(dir, 'read-models.db'), clock });
  },
  reopen: async (store: Store, clock) => {
    const file = (store as EmbeddedReadStore).db.name;
    await store.close();
    return new EmbeddedReadStore({ filename: file, clock });
  },
});
