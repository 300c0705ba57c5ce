import type { Server } from 'node:http';
import { INestApplication, Logger } from '@nestjs/common';
import { ConnectionDrain } from './connection-drain';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  /** From the signal to a forced exit (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  /** How long readiness answers 503 while the server still serves (SHUTDOWN_DELAY_MS). */
  delayMs: number;
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM and SIGINT for a process that serves HTTP (the api, the projector), in place of Nest's
 * enableShutdownHooks, which closes the stores while requests still run, waits for event streams
 * forever and ends by re-raising the signal (exit status 143). Here:
 * 1. readiness answers 503 at once; for `delayMs` the server still serves, so a load balancer that
 *    polls readiness stops sending traffic before the port closes;
 * 2. the port closes (new connections are refused) and what was accepted is drained
 *    (connection-drain.ts); event streams end with a retry hint;
 * 3. once the last connection has ended, Nest's hooks run: schedulers stop, the projections catch
 *    up and write their checkpoints, the stores close; then exit 0.
 * Past `timeoutMs` from the signal, or at a second signal, the connections left are destroyed and
 * the process exits 1. No acknowledged write is lost even then: a 2xx is sent only after the append.
 */
export const installGracefulShutdown = (app: INestApplication, options: GracefulShutdownOptions) => {
  const logger = new Logger('Shutdown');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const drain = new ConnectionDrain(app.getHttpServer() as Server);
  const state = app.get(ShutdownState);
  let started = false;
  let forced = false;
  let timer: NodeJS.Timeout | undefined;

  const force = (why: string) => {
    forced = true;
    clearTimeout(timer);
    logger.error(`${why}: destroying what is left (responses under way: ${drain.active}) and exiting with status 1`);
    drain.destroyAll();
    exit(1);
  };

  const shutdown = async (signal: string): Promise<void> => {
    if (started) return force(`a second ${signal}`);
    started = true;
    const since = Date.now();
    timer = setTimeout(() => force(`not down within SHUTDOWN_TIMEOUT_MS (${options.timeoutMs} ms)`), options.timeoutMs);
    state.beginDraining(since + options.timeoutMs);
    logger.log(
      `${signal}: readiness answers 503; ${options.delayMs} ms more of service, then the port closes (responses under way: ${drain.active})`,
    );
    if (options.delayMs > 0) await sleep(options.delayMs);

    const closing = drain.close(() =>
      logger.log(`port closed ${Date.now() - since} ms after ${signal} (responses under way: ${drain.active})`),
    );
    state.endStreams();
    await closing;
    if (forced) return;
    logger.log(`HTTP drained ${Date.now() - since} ms after ${signal}; stopping projections and stores`);
    await app.close();
    clearTimeout(timer);
    if (forced) return;
    logger.log(`down ${Date.now() - since} ms after ${signal}`);
    exit(0);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    shutdown(signal).catch((e: unknown) =>
      force(`shutdown failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    );
  };
  for (const s of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(s, onSignal);
  return { shutdown };
};
