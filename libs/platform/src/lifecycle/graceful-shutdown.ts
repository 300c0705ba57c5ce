import type { Server, ServerResponse } from 'node:http';
import { INestApplication, Logger } from '@nestjs/common';
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
 * 2. the listener closes (new connections are refused); idle keep-alive connections are closed,
 *    responses under way go out with `Connection: close`, event streams end with a retry hint;
 * 3. once the last response is out, Nest's hooks run: schedulers stop, the projections catch up
 *    and write their checkpoints, the stores close; then exit 0.
 * Past `timeoutMs` from the signal, or at a second signal, the connections left are destroyed and
 * the process exits 1. No acknowledged write is lost even then: a 2xx is sent only after the append.
 */
export const installGracefulShutdown = (app: INestApplication, options: GracefulShutdownOptions) => {
  const logger = new Logger('Shutdown');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const server: Server = app.getHttpServer();
  const state = app.get(ShutdownState);
  const open = new Set<ServerResponse>();
  let listenerClosed = false;
  let started = false;
  let forced = false;
  let timer: NodeJS.Timeout | undefined;

  server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    // A request that still arrives on a kept-alive connection is served, but the client is told to go elsewhere next.
    if (listenerClosed) res.setHeader('Connection', 'close');
    res.on('close', () => open.delete(res));
  });

  const force = (why: string) => {
    forced = true;
    clearTimeout(timer);
    logger.error(`${why}: destroying ${open.size} unfinished responses and exiting with status 1`);
    server.closeAllConnections();
    exit(1);
  };

  const shutdown = async (signal: string): Promise<void> => {
    if (started) return force(`a second ${signal}`);
    started = true;
    const since = Date.now();
    timer = setTimeout(() => force(`not down within SHUTDOWN_TIMEOUT_MS (${options.timeoutMs} ms)`), options.timeoutMs);
    state.beginDraining(since + options.timeoutMs);
    logger.log(`${signal}: readiness answers 503; ${options.delayMs} ms more of service, then the listener closes (${open.size} responses under way)`);
    if (options.delayMs > 0) await sleep(options.delayMs);

    listenerClosed = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    state.endStreams();
    server.closeIdleConnections();
    // A connection becomes idle when its last response is out: close those as they come.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    await closed;
    clearInterval(sweep);
    logger.log(`HTTP drained ${Date.now() - since} ms after ${signal}; stopping projections and stores`);
    if (forced) return;
    await app.close();
    clearTimeout(timer);
    if (forced) return;
    logger.log(`down ${Date.now() - since} ms after ${signal}`);
    exit(0);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    shutdown(signal).catch((e: unknown) => force(`shutdown failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  };
  for (const s of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(s, onSignal);
  return { shutdown };
};
