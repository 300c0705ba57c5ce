import { createHash } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { canonicalJson } from '@gl/event-store/hashing/canonical-json';
import { normalizeNfc } from './nfc-normalize.pipe';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY = /^[\x20-\x7e]{1,200}$/;
const BARE = /^[\x21-\x7e]{1,200}$/;
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;

/**
 * The key of a request, or undefined when it has none. The draft sends it as a Structured Field
 * string (`"8e03978e-…"`); a bare token, as clients of this API have sent it, is the same key.
 */
export const parseIdempotencyKey = (raw: string | undefined): string | undefined => {
  if (raw === undefined) return undefined;
  const quoted = SF_STRING.exec(raw);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : raw;
  if (quoted ? !KEY.test(key) : !BARE.test(key)) {
    throw new BadRequestException(
      'Idempotency-Key must be 1 to 200 visible ASCII characters, bare or as a quoted string',
    );
  }
  return key;
};

/** What a key is bound to, besides the user. */
export interface WriteDescription {
  /** Method, route template and path parameters. */
  operation: string;
  /** SHA-256 of the canonical JSON of the NFC-normalised body (no body: `null`). */
  fingerprint: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const described = new WeakMap<Request, WriteDescription>();

/**
 * Bodies that differ only in key order or Unicode normal form are one request; the route template
 * with the parameters (not the raw path) names the operation, so `%C3%A2` and `â` agree too.
 */
export const describeWrite = (req: Request): WriteDescription => {
  let d = described.get(req);
  if (!d) {
    const template = (req.route as { path?: string } | undefined)?.path ?? req.path;
    d = {
      operation: `${req.method} ${template} ${canonicalJson(normalizeNfc({ ...req.params }))}`,
      fingerprint: sha256(canonicalJson(normalizeNfc(req.body ?? null))),
    };
    described.set(req, d);
  }
  return d;
};

/**
 * The key the stream runner derives event ids from: the client's key bound to this request.
 * A retry of the same request makes the same ids (the store's second line of defence), but once
 * a key is free again (expired, or released after a refusal) another body under it is another
 * request, and is recorded, not taken for a replay of the first.
 */
export const boundIdempotencyKey = (req: Request, key: string): string => {
  const d = describeWrite(req);
  return `${key}#${sha256(`${d.operation}\n${d.fingerprint}`).slice(0, 32)}`;
};
