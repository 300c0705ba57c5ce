import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-request';
import { PROBLEM_SCHEMA } from './problem-openapi';
import { IDEMPOTENCY_LEASE_MS, IDEMPOTENT_REPLAYED_HEADER } from './idempotency.interceptor';

type Operation = {
  parameters?: { name?: string; in?: string; $ref?: string }[];
  responses?: Record<string, { description?: string; $ref?: string; headers?: Record<string, unknown> }>;
};

const WRITES = ['post', 'put', 'patch', 'delete'] as const;
const isKeyHeader = (p: { name?: string; in?: string }) =>
  p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key';

// The one Problem shape (RFC 9457) of the whole document.
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } },
});

/**
 * Documents Idempotency-Key once for every write of the document (the interceptor applies to
 * all of them), rather than on each controller: the header, the replay header on success, and
 * the 409 and 422 answers. A header some controller declared by hand is replaced, and dropped
 * from reads, which ignore it.
 */
export const documentIdempotency = (doc: OpenAPIObject, ttlSeconds: number): OpenAPIObject => {
  doc.components = doc.components ?? {};
  doc.components.parameters = {
    ...doc.components.parameters,
    IdempotencyKey: {
      name: IDEMPOTENCY_KEY_HEADER,
      in: 'header',
      required: false,
      description:
        'Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): a unique key (1 to 200 visible ASCII characters, ' +
        'bare or as a quoted string) per request. The same key with the same body gets the first answer again ' +
        `(\`${IDEMPOTENT_REPLAYED_HEADER}: true\`) and records nothing; with another body or operation, 422. ` +
        `Keys are the sender's own and are forgotten ${ttlSeconds} s after their first use; a refused request (4xx/5xx) frees its key.`,
      schema: { type: 'string', minLength: 1, maxLength: 202 },
    },
  };
  doc.components.responses = {
    ...doc.components.responses,
    IdempotencyKeyInUse: problem(
      `\`/problems/idempotency-key-in-use\`: the first request with this Idempotency-Key is still running (held at most ${IDEMPOTENCY_LEASE_MS / 1000} s); retry after \`Retry-After\` seconds`,
    ),
    IdempotencyKeyReused: problem(
      '`/problems/idempotency-key-reused`: the Idempotency-Key was first used with another body or operation; nothing was recorded',
    ),
  };
  for (const item of Object.values(doc.paths) as Record<string, Operation | undefined>[]) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const others = (op.parameters ?? []).filter((p) => !isKeyHeader(p));
      if (!(WRITES as readonly string[]).includes(method)) {
        if (op.parameters) op.parameters = others;
        continue;
      }
      op.parameters = [...others, { $ref: '#/components/parameters/IdempotencyKey' }];
      const responses = (op.responses = op.responses ?? {});
      for (const [status, r] of Object.entries(responses)) {
        if (/^2/.test(status) && !r.$ref) {
          r.headers = {
            ...r.headers,
            [IDEMPOTENT_REPLAYED_HEADER]: {
              description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
              schema: { type: 'string', enum: ['true'] },
            },
          };
        }
      }
      // A 409 or 422 the operation documents already (a domain conflict) keeps its own entry,
      // and says that it also covers the key.
      const add = (status: string, ref: string, also: string) => {
        const existing = responses[status];
        if (!existing) responses[status] = { $ref: `#/components/responses/${ref}` };
        else if (!existing.$ref)
          existing.description = `${existing.description ?? ''}; or ${also}`.replace(/^; or /, '');
      };
      add(
        '409',
        'IdempotencyKeyInUse',
        '`/problems/idempotency-key-in-use` (the first request with this Idempotency-Key is still running)',
      );
      add(
        '422',
        'IdempotencyKeyReused',
        '`/problems/idempotency-key-reused` (the Idempotency-Key was used for another request)',
      );
    }
  }
  return doc;
};
