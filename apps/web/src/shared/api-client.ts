/*
 * The app's only way to the record: the public API under /api/v1, with the signed-in person's
 * token. Refusals arrive as RFC 9457 problem+json and are thrown as ApiProblem.
 */

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: string[];
  [k: string]: unknown;
}

/** A refusal from the API: its problem type, the sentence saying why, and each field's mistake. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
  }

  get errors(): string[] {
    return Array.isArray(this.body.errors) ? this.body.errors : [];
  }

  /** The validation sentences about one field (`title may not be empty` is about `title`). */
  errorsFor(field: string): string[] {
    return this.errors.filter(
      (e) =>
        e.startsWith(`${field} `) ||
        e.startsWith(`${field}.`) ||
        e.startsWith(`${field}[`) ||
        e === `property ${field} should not exist`,
    );
  }
}

let currentToken: string | null = null;
let onUnauthorized: () => void = () => {};

export const setToken = (token: string | null) => {
  currentToken = token;
};
export const setUnauthorizedHandler = (f: () => void) => {
  onUnauthorized = f;
};

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  /** Sent without the bearer token (sign-in). */
  anonymous?: boolean;
}

const withApiPrefix = (path: string) =>
  path.startsWith('/api/') || path.startsWith('/docs') ? path : `/api/v1${path}`;

const send = async (path: string, o: RequestOptions = {}): Promise<Response> => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (currentToken && !o.anonymous) headers.Authorization = `Bearer ${currentToken}`;
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  // Every write carries a key, so a retried click cannot record twice.
  if (o.method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
  const res = await fetch(withApiPrefix(path), {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
    signal: o.signal,
    // Each page asks the record as it stands: no answer from the browser's cache, and no revalidation
    // (If-None-Match) that would make a read model's ETag answer 304 with an older body.
    cache: 'no-store',
  });
  if (res.ok) return res;
  let body: ProblemBody = { status: res.status, title: res.statusText };
  try {
    body = (await res.json()) as ProblemBody;
  } catch {
    /* not JSON: keep the status line */
  }
  if (res.status === 401 && !o.anonymous) onUnauthorized();
  throw new ApiProblem(res.status, body);
};

/** GET or POST a JSON resource. */
export const api = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
  const res = await send(path, o);
  return (res.status === 204 ? undefined : await res.json()) as T;
};

/** Downloads a file (an XLSX or DOCX export) with the token, and offers it to the browser under its own name. */
export const download = async (path: string, fallbackName: string): Promise<void> => {
  const res = await send(path);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A query string from the values that are set. */
export const query = (params: Record<string, string | number | boolean | null | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
