import type { IncomingMessage } from 'node:http';

/**
 * Whether raw JSON nests objects and arrays deeper than `max`, read byte by byte without
 * recursion or parsing: it runs before JSON.parse, so no later step (NFC, validation, the
 * handlers) ever meets a body deeper than the bound. UTF-8 multi-byte sequences never contain
 * the ASCII bytes looked at; a string's escapes are skipped. Malformed JSON is JSON.parse's to refuse.
 */
export const jsonDepthExceeds = (body: Uint8Array, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
};

/** What body-parser makes of a `verify` error: its status and type (see fromBodyParser). */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';

  constructor(readonly maxDepth: number) {
    super(`the body nests objects and arrays deeper than ${maxDepth} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/** body-parser's `verify` hook: refuses a body nested deeper than `max` before it is parsed. */
export const jsonDepthGuard =
  (max: number) =>
  (_req: IncomingMessage, _res: unknown, body: Buffer): void => {
    if (jsonDepthExceeds(body, max)) throw new JsonTooDeepError(max);
  };
