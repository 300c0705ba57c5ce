import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { in?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
};

/** RFC 9457: the one shape of every error the API answers. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      maxLength: 200,
      description: 'A relative URI, e.g. /problems/validation-failed; see docs/problems.md',
    },
    title: { type: 'string', maxLength: 200 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string' },
      description: 'With validation-failed: every field that does not match, in words',
    },
    requestId: { type: 'string' },
    correlationId: { type: 'string' },
  },
  additionalProperties: true,
};

const WRITES = ['post', 'put', 'patch', 'delete'];
const answer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The 4xx every operation may answer, by what it takes; an operation's own entries are kept. */
const COMMON: Record<string, string> = {
  400: 'Bad request: a parameter, header or body that does not match its schema (`validation-failed`), or hostile input',
  401: 'No valid bearer token',
  403: 'Not permitted for your roles or units',
  429: 'Too many requests (`rate-limited`; see Retry-After)',
};
const WRITE: Record<string, string> = {
  404: 'Not found, or not in your scope',
  409: 'Conflict: it exists already, or a concurrent write came first',
  413: 'Body too large',
  415: 'The body is not application/json',
  422: 'The plan, the tree or the record does not allow this (the problem type says which rule)',
};

/**
 * Documents every operation's error answers as application/problem+json (issue 14, item 2): the
 * common ones on every operation, those of writes on writes, 404 on reads of one thing.
 */
export const documentProblems = (doc: OpenAPIObject): OpenAPIObject => {
  doc.components = doc.components ?? {};
  doc.components.schemas = { ...doc.components.schemas, Problem: PROBLEM_SCHEMA as never };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const open = path.startsWith('/health') || path === '/metrics';
      const wanted: Record<string, string> = {
        ...(open ? { 400: COMMON[400] } : COMMON),
        // Any read may name a unit outside the reader's scope: that is answered as not found.
        ...(WRITES.includes(method) ? WRITE : open ? {} : { 404: WRITE[404] }),
      };
      for (const [status, description] of Object.entries(wanted))
        op.responses![status] = op.responses![status] ?? answer(description);
      // An error a controller declared by hand (a description only) gets the problem's content too.
      for (const [status, r] of Object.entries(op.responses!)) {
        const declared = r as { description?: string; content?: unknown; $ref?: string };
        if (Number(status) >= 400 && !declared.$ref && !declared.content)
          op.responses![status] = answer(declared.description ?? COMMON[status] ?? 'Error');
      }
    }
  }
  return doc;
};
