import type { NextFunction, Request, Response } from 'express';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Every response an e2e suite receives is checked against the OpenAPI document (issue 14, item 9):
 * its status is documented for the operation, its content type is one the status documents, and
 * its JSON body matches the documented schema. What does not hold is collected and fails the
 * suite when its harness closes, naming the operation and the mismatch (CONTRACT_CHECK=off: not
 * checked; lenient: content the document does not describe yet is let pass).
 */
export interface ContractCheck {
  violations: string[];
  /** Answers whose operation documents no content for the status: a gap in the document, not yet a mismatch. */
  undocumented: string[];
  /** How many responses were checked, and how many had a body schema to check against. */
  counts: { responses: number; bodies: number };
}

type ResponseEntry = { $ref?: string; content?: Record<string, { schema?: object }> };
type Operation = { responses?: Record<string, ResponseEntry> };

const MAX_BODY = 2_000_000;
const templateOf = (route: string) => route.replace(/:(\w+)/g, '{$1}');
const mediaOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

export const installContractCheck = (
  use: (mw: (req: Request, res: Response, next: NextFunction) => void) => void,
  document: () => OpenAPIObject,
): ContractCheck => {
  const check: ContractCheck = { violations: [], undocumented: [], counts: { responses: 0, bodies: 0 } };
  let doc: OpenAPIObject | undefined;
  let ajv: Ajv2020 | undefined;
  const compiled = new Map<string, ValidateFunction>();
  const resolve = (r: ResponseEntry): ResponseEntry => {
    if (!r.$ref) return r;
    const name = r.$ref.replace('#/components/responses/', '');
    return (doc!.components?.responses?.[name] as ResponseEntry | undefined) ?? {};
  };
  const validatorFor = (pointer: string): ValidateFunction => {
    let v = compiled.get(pointer);
    if (!v) compiled.set(pointer, (v = ajv!.compile({ $ref: `openapi#${pointer}` })));
    return v;
  };

  const verify = (req: Request, res: Response, body: Buffer | null) => {
    doc ??= document();
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true, validateSchema: false });
      ajv.addSchema(doc as object, 'openapi');
    }
    const matched = (req.route as { path?: string } | undefined)?.path;
    // The catch-all that answers unknown paths is no operation of the document.
    const route = matched && !matched.includes('*') ? matched : undefined;
    const status = String(res.statusCode);
    const media = mediaOf(res.getHeader('content-type') as string | undefined);
    check.counts.responses++;
    // Refused before any route matched (the edge's 4xx, an unknown path): the answer is a problem.
    if (!route) {
      if (res.statusCode >= 400 && media && media !== 'application/problem+json')
        check.violations.push(
          `${req.method} ${req.originalUrl} ${status}: ${media} (no route), expected application/problem+json`,
        );
      return;
    }
    const path = templateOf(route);
    const method = req.method.toLowerCase();
    const op = (doc.paths[path] as Record<string, Operation> | undefined)?.[method];
    const what = `${req.method} ${path} → ${status}`;
    if (!op) return void check.violations.push(`${what}: the operation is not in the document`);
    const entry = op.responses?.[status];
    if (!entry)
      return void check.violations.push(
        `${what}: status not documented (documented: ${Object.keys(op.responses ?? {}).join(', ')})`,
      );
    const r = resolve(entry);
    if (!media || res.statusCode === 204 || res.statusCode === 304) return;
    const content = r.content ?? {};
    if (Object.keys(content).length === 0) return void check.undocumented.push(`${what}: ${media}`);
    if (!(media in content))
      return void check.violations.push(
        `${what}: content type ${media} not documented (documented: ${Object.keys(content).join(', ')})`,
      );
    if (!body || !(media === 'application/json' || media.endsWith('+json')) || !content[media].schema) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return void check.violations.push(`${what}: the body is not JSON`);
    }
    const pointer = entry.$ref
      ? `/components/responses/${entry.$ref.replace('#/components/responses/', '')}/content/${media.replace(/\//g, '~1')}/schema`
      : `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/${media.replace(/\//g, '~1')}/schema`;
    const validate = validatorFor(pointer);
    check.counts.bodies++;
    if (!validate(parsed))
      check.violations.push(
        `${what}: body does not match its schema: ${ajv!.errorsText(validate.errors, { separator: '; ' }).slice(0, 500)}`,
      );
  };

  use((req, res, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_BODY) return;
      const b = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += b.length;
      chunks.push(b);
    };
    // Both keep what is sent, then send it: a property of the response object, so no signature of Node's overloads is forced.
    for (const name of ['write', 'end'] as const) {
      const send = res[name].bind(res) as (...a: unknown[]) => unknown;
      Object.defineProperty(res, name, {
        configurable: true,
        writable: true,
        value: (...a: unknown[]) => {
          keep(a[0], a[1]);
          return send(...a);
        },
      });
    }
    res.on('finish', () => {
      // A stream (SSE) is not a document; everything else is checked once it is sent.
      if (mediaOf(res.getHeader('content-type') as string | undefined) === 'text/event-stream') return;
      try {
        verify(req, res, size > MAX_BODY ? null : Buffer.concat(chunks));
      } catch (e) {
        check.violations.push(`${req.method} ${req.originalUrl}: the check failed: ${(e as Error).message}`);
      }
    });
    next();
  });
  return check;
};
