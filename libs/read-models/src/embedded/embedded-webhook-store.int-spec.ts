import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webhookStoreContract } from '../testing/webhook-store.contract';
import { EmbeddedWebhookStore } from './embedded-webhook-store';
import type { WebhookStore } from '../port/webhook-store.port';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const embedded = (store: WebhookStore) => {
  if (!(store instanceof EmbeddedWebhookStore)) throw new Error('not the embedded store');
  return store;
};

webhookStoreContract('embedded (SQLite file, WAL)', {
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-webhooks-'));
    dirs.push(dir);
    return new EmbeddedWebhookStore({ filename: join(dir, 'webhooks.db') });
  },
  reopen: async (store) => {
    const file = embedded(store).db.name;
    await store.close();
    return new EmbeddedWebhookStore({ filename: file });
  },
  // A trigger that refuses the cursor's write: the attempt inserted before it must roll back.
  breakCursorWrites: (store) => {
    const { db } = embedded(store);
    db.exec(
      `CREATE TRIGGER break_cursor BEFORE UPDATE ON webhook_cursors BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    return () => db.exec('DROP TRIGGER break_cursor');
  },
});

describe('EmbeddedWebhookStore file', () => {
  it('uses WAL with synchronous FULL by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-webhooks-'));
    dirs.push(dir);
    const store = new EmbeddedWebhookStore({ filename: join(dir, 'webhooks.db') });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });
});
