import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { ProjectionEngine } from '@gl/read-models';
import type { Clock } from '@gl/domain';
import { loadConfig, TokenService } from '@gl/platform';
import { createApiApp, openApiDocument } from '../../../apps/api/src/bootstrap/create-api-app';
import { ContractCheck, installContractCheck } from './contract-check';
import { seedCacheEntry } from './seed-cache';

export interface Harness {
  app: NestExpressApplication;
  dir: string;
  http: () => ReturnType<typeof request>;
  /** A bearer token for a registered user, signed as `npm run cli -- token` would. */
  token: (userId: string) => Promise<string>;
  /** Waits until the read models have applied everything written so far. */
  settle: () => Promise<void>;
  restart: () => Promise<void>;
  close: () => Promise<void>;
  /** What the responses so far did not hold of the OpenAPI document (CONTRACT_CHECK=off: not checked). */
  contract?: ContractCheck;
}

/** The api on embedded stores in a fresh DATA_DIR, seeded unless SEED_ON_EMPTY says otherwise. */
export const startApi = async (env: Record<string, string> = {}, clock?: Clock): Promise<Harness> => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-e2e-'));
  const h = {} as Harness;
  const start = async () => {
    // NORMAL durability: tests need no power-cut safety, and it keeps the seed quick. The scheduler
    // is off: tests open years and periods themselves, with their own clock.
    const config = loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      SCHEDULER: 'false',
      ...env,
    });
    h.app = await createApiApp(config, { clock });
    // Every answer the suite receives is checked against the OpenAPI document (issue 14, item 9).
    if (process.env.CONTRACT_CHECK !== 'off')
      h.contract = installContractCheck(
        (mw) => h.app.use(mw),
        () => openApiDocument(h.app, config),
      );
    await h.app.init();
    await h.settle();
  };
  Object.assign(h, {
    dir,
    http: () => request(h.app.getHttpServer()),
    token: (userId: string) => h.app.get(TokenService).sign(userId),
    settle: async () => {
      const head = await h.app.get<EventStore>(EVENT_STORE).headPosition();
      if (!(await h.app.get(ProjectionEngine).waitFor(head, 20_000))) throw new Error('read models did not catch up');
    },
    restart: async () => {
      await h.app.close();
      await start();
    },
    close: async () => {
      await h.app.close();
      rmSync(dir, { recursive: true, force: true });
      // An answer whose content the document does not describe fails too (CONTRACT_CHECK=lenient lets it pass while a schema is written).
      const gaps = process.env.CONTRACT_CHECK === 'lenient' ? [] : (h.contract?.undocumented ?? []);
      const violations = [...new Set([...(h.contract?.violations ?? []), ...gaps])];
      if (violations.length)
        throw new Error(
          `responses that do not match the OpenAPI document (${violations.length}):\n${violations.slice(0, 40).join('\n')}`,
        );
    },
  });
  // A store seeded at the same instant with the same settings, if this run has made one (seed-cache.ts).
  const settings = loadConfig({ DATA_DIR: dir, ...env });
  const cacheable =
    settings.seedOnEmpty && settings.eventStore.kind === 'sqlite' && settings.readStore.kind === 'embedded';
  const cache = cacheable ? seedCacheEntry(env, clock ? clock.now().toISOString() : 'system-clock') : null;
  if (cache && !cache.restore(dir) && cache.claim()) {
    await start();
    await h.app.close();
    cache.keep(dir);
  }
  await start();
  return h;
};
