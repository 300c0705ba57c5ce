import { ChildProcess, spawn } from 'node:child_process';
import { Agent, get, IncomingMessage, request } from 'node:http';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The api as a real process (`node apps/api/src/main.ts`, compiled on load), for what only a process shows: signals, exit status. */
export interface ApiProcess {
  child: ChildProcess;
  port: number;
  /** Everything the process printed so far, stdout and stderr together. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * Starts the api with its output in `logFile`, not a pipe: a test busy with its own load reads a
 * pipe late, and a process whose stdout is full stalls on its next log line.
 */
export const startApiProcess = (
  env: Record<string, string>,
  logFile: string,
  timeoutMs = 90_000,
): Promise<ApiProcess> => {
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    ['-r', join(ROOT, 'test/e2e/support/swc-register.js'), join(ROOT, 'apps/api/src/main.ts')],
    {
      cwd: ROOT,
      // Nothing of the test runner's environment leaks in but what a shell would give (PATH, HOME).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  const output = () => readFileSync(logFile, 'utf8');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, at: Date.now() })),
  );
  return new Promise((resolve, reject) => {
    const until = Date.now() + timeoutMs;
    let gone = false;
    void exited.then(() => (gone = true));
    const look = () => {
      const port = /API on http:\/\/localhost:(\d+)/.exec(output())?.[1];
      if (port) resolve({ child, port: Number(port), output, exited });
      else if (gone) reject(new Error(`the api exited before listening:\n${output()}`));
      else if (Date.now() > until) reject(new Error(`the api did not start within ${timeoutMs} ms:\n${output()}`));
      else setTimeout(look, 100);
    };
    look();
  });
};

export interface Answer {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
  error?: string;
  at: number;
}

/** One request; a connection error is an answer too (`error`: ECONNREFUSED, ECONNRESET…), never a throw. */
export const call = (
  port: number,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; agent?: Agent | false; headers?: Record<string, string> } = {},
): Promise<Answer> =>
  new Promise((resolve) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: opts.agent ?? false,
        headers: {
          ...opts.headers,
          ...(opts.token && { Authorization: `Bearer ${opts.token}` }),
          ...(payload && { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
        },
      },
      (res: IncomingMessage) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body, at: Date.now() }));
        res.on('error', (e: NodeJS.ErrnoException) =>
          resolve({ status: res.statusCode, error: e.code ?? e.message, at: Date.now() }),
        );
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, at: Date.now() }));
    req.end(payload);
  });

/** An SSE client: what it received, and when the server ended the stream. */
export interface SseClient {
  text: () => string;
  ended: Promise<{ at: number; clean: boolean }>;
  connected: Promise<void>;
}

export const openSse = (port: number, path: string, token: string): SseClient => {
  let text = '';
  let connected!: () => void;
  const ready = new Promise<void>((r) => (connected = r));
  const ended = new Promise<{ at: number; clean: boolean }>((done) => {
    get(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        agent: false,
      },
      (res) => {
        res.on('data', (c) => {
          text += c;
          connected();
        });
        res.on('end', () => done({ at: Date.now(), clean: true }));
        res.on('error', () => done({ at: Date.now(), clean: false }));
      },
    ).on('error', () => done({ at: Date.now(), clean: false }));
  });
  return { text: () => text, ended, connected: ready };
};
