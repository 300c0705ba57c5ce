import type { OpenAPIObject } from '@nestjs/swagger';
import { resourceStreamOf } from './resource-streams';

type Operation = {
  parameters?: object[];
  responses?: Record<string, { description?: string; headers?: Record<string, unknown>; content?: unknown }>;
};

const ETAG = {
  description: 'The resource\'s stream revision, as a strong tag ("3"); send it back in If-Match',
  schema: { type: 'string', examples: ['"3"'] },
};
const WRITES = ['post', 'put', 'patch', 'delete'] as const;
const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** `/api/v1/obligations/{id}/progress` → `obligations/:id/progress`, the template the interceptor matches. */
const templateOf = (path: string) => path.replace(/^\/api\/v1\//, '').replace(/\{(\w+)\}/g, ':$1');
const DUMMY = new Proxy({}, { get: (_t, k) => (k === 'kind' ? 'conference' : 'x') }) as Record<string, string>;

/**
 * Documents what ETagInterceptor does, from the same route table: the ETag of every resource GET
 * and of the writes under it, their optional If-Match, and its 412.
 */
export const documentETags = (doc: OpenAPIObject): OpenAPIObject => {
  doc.components = doc.components ?? {};
  // Problem is documented by documentProblems, which runs first.
  doc.components.parameters = {
    ...doc.components.parameters,
    IfMatch: {
      name: 'If-Match',
      in: 'header',
      required: false,
      description:
        'Write only if the resource is still at this ETag (or exists, with `*`); otherwise 412 and nothing is written.',
      schema: { type: 'string', maxLength: 30 },
    },
  };
  doc.components.responses = {
    ...doc.components.responses,
    PreconditionFailed: {
      description:
        'The resource changed since the ETag sent in If-Match (`/problems/precondition-failed`); nothing was written',
      content: PROBLEM,
    },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    const template = templateOf(path);
    const get = (item as { get?: Operation }).get;
    if (get?.responses?.['200'] && resourceStreamOf(template, DUMMY, false)) {
      get.responses['200'].headers = { ...get.responses['200'].headers, ETag: ETAG };
      // A client revalidating with If-None-Match and the current tag gets no body (RFC 9110 §15.4.5).
      get.responses['304'] = {
        description: 'Not Modified: If-None-Match names the current revision',
        headers: { ETag: ETAG },
      };
    }
    if (!resourceStreamOf(template, DUMMY, true)) continue;
    for (const m of WRITES) {
      const op = (item as Record<string, Operation | undefined>)[m];
      if (!op) continue;
      op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/IfMatch' }];
      op.responses = { ...op.responses, 412: { $ref: '#/components/responses/PreconditionFailed' } as never };
      const ok = op.responses['201'] ?? op.responses['200'];
      if (ok) ok.headers = { ...ok.headers, ETag: ETAG };
    }
  }
  return doc;
};
