import { KeyObject } from 'node:crypto';
import { EventReader } from '../port/event-store.port';
import { Position } from '../port/envelope';
import { isPosition } from '../port/position';
import { SignedLogHead, logHeadSignatureHolds } from './log-head';
import { hashesIn, keyIdOf, merkleRoot, Seal, sealSignatureHolds, SEAL_STREAM } from './seal';

/**
 * A seal someone kept outside the system (from `GET /api/v1/audit/seals/latest` or the feed), and
 * the signed log head that came with it, if they kept that too. The log's own seals vouch for what
 * they cover, but not for their own presence: whoever deletes the newest seal, and then what it
 * covered, leaves a log whose remaining seals all hold. A kept copy shows it.
 */
export interface PinnedSeal {
  seal: Seal;
  head?: SignedLogHead;
}

/** The pin file or parameter is not a seal (or a `seals/latest` answer). */
export class InvalidPinError extends Error {
  static readonly problem = { type: '/problems/invalid-pin', status: 400, title: 'Not a pinned seal' };
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPinError';
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const sealOf = (v: unknown, where: string): Seal => {
  const s = v as Record<string, unknown>;
  if (!s || typeof s !== 'object') throw new InvalidPinError(`${where} is not an object`);
  const rules: Array<[boolean, string]> = [
    [isPosition(s.after), 'after must be a log position'],
    [isPosition(s.upTo), 'upTo must be a log position'],
    [Number.isSafeInteger(s.count) && (s.count as number) >= 0, 'count must be a whole number'],
    [typeof s.root === 'string' && HEX64.test(s.root), 'root must be 64 hex digits'],
    [typeof s.keyId === 'string' && HEX64.test(s.keyId), 'keyId must be 64 hex digits'],
    [s.previous === null || typeof s.previous === 'string', 'previous must be a signature or null'],
    [typeof s.signature === 'string' && BASE64.test(s.signature), 'signature must be base64'],
  ];
  const fault = rules.find(([holds]) => !holds)?.[1];
  if (fault) throw new InvalidPinError(`${where}: ${fault}`);
  return {
    after: s.after as Position,
    upTo: s.upTo as Position,
    count: s.count as number,
    root: s.root as string,
    previous: s.previous as string | null,
    keyId: s.keyId as string,
    signature: s.signature as string,
  };
};

const headOf = (v: unknown): SignedLogHead => {
  const h = v as Record<string, unknown>;
  if (
    !h ||
    typeof h !== 'object' ||
    !isPosition(h.position) ||
    !isPosition(h.sealedUpTo) ||
    typeof h.signedAt !== 'string' ||
    typeof h.keyId !== 'string' ||
    typeof h.signature !== 'string'
  ) {
    throw new InvalidPinError('head must have position, sealedUpTo, signedAt, keyId and signature');
  }
  return {
    position: h.position,
    sealedUpTo: h.sealedUpTo,
    signedAt: h.signedAt,
    keyId: h.keyId,
    signature: h.signature,
  };
};

/** Reads a pin: a bare seal, or the whole `seals/latest` answer ({ seal, position, revision, head }). */
export const parsePin = (value: unknown): PinnedSeal => {
  const v = value as Record<string, unknown>;
  if (v && typeof v === 'object' && 'seal' in v)
    return { seal: sealOf(v.seal, 'seal'), ...(v.head !== undefined && { head: headOf(v.head) }) };
  return { seal: sealOf(value, 'the pin') };
};

export type PinProblem = 'key' | 'signature' | 'short' | 'count' | 'root' | 'missing';

export interface PinVerification {
  after: Position;
  upTo: Position;
  count: number;
  root: string;
  signature: string;
  /** The pinned log head's position, when the pin carried one. */
  headPosition: Position | null;
  ok: boolean;
  /** The first thing that does not hold, in the order checked: the pin's own key and signature, the log's length, the range, the seal's presence. */
  problem: PinProblem | null;
  detail: string | null;
  /** The pinned seal's revision in `seal-log`, while it is there. */
  sealRevision: number | null;
}

/** Finds the seal with this signature, reading `seal-log` from its end, where a recent pin is. */
const findSeal = async (reader: EventReader, signature: string): Promise<{ seal: Seal; revision: number } | null> => {
  const PAGE = 500;
  for (let from: number | undefined; ;) {
    const page = await reader.readStream(SEAL_STREAM, {
      direction: 'backward',
      maxCount: PAGE,
      ...(from !== undefined && { fromRevision: from }),
    });
    const hit = page.find((e) => (e.data as Seal).signature === signature);
    if (hit) return { seal: hit.data as Seal, revision: hit.revision };
    if (page.length < PAGE || page[page.length - 1].revision === 0) return null;
    from = page[page.length - 1].revision - 1;
  }
};

/**
 * Checks the log against a seal kept outside it: the pin is this key's, the log is not shorter
 * than the pin (nor than its signed head), the pinned range still gives the pinned count and Merkle
 * root, and `seal-log` still holds that very seal. The first that fails is named.
 * Give it the raw store: hashes cover the stored shape.
 */
export const verifyAgainstPin = async (
  reader: EventReader,
  publicKey: KeyObject,
  pin: Seal,
  head?: SignedLogHead,
): Promise<PinVerification> => {
  const base = {
    after: pin.after,
    upTo: pin.upTo,
    count: pin.count,
    root: pin.root,
    signature: pin.signature,
    headPosition: head?.position ?? null,
  };
  let sealRevision: number | null = null;
  const bad = (problem: PinProblem, detail: string): PinVerification => ({
    ...base,
    ok: false,
    problem,
    detail,
    sealRevision,
  });
  const keyId = keyIdOf(publicKey);
  if (pin.keyId !== keyId)
    return bad('key', `the pinned seal was signed by key ${pin.keyId}, not this log's key ${keyId}`);
  if (!sealSignatureHolds(pin, publicKey))
    return bad('signature', 'the pinned seal is not signed by this key: the pin was altered or forged');
  if (head && !logHeadSignatureHolds(head, publicKey))
    return bad('signature', 'the pinned log head is not signed by this key: the pin was altered or forged');
  const now = BigInt(await reader.headPosition());
  if (now < BigInt(pin.upTo))
    return bad(
      'short',
      `the log ends at position ${now}, before the pinned seal's end ${pin.upTo}: events it covered were removed`,
    );
  if (head && now < BigInt(head.position))
    return bad(
      'short',
      `the log ends at position ${now}, before the pinned head ${head.position} signed at ${head.signedAt}: events were removed from its end`,
    );
  const { hashes } = await hashesIn(reader, pin.after, pin.upTo);
  if (hashes.length !== pin.count)
    return bad(
      'count',
      `the log after ${pin.after} up to ${pin.upTo} held ${pin.count} events when the pinned seal was made; it holds ${hashes.length} now`,
    );
  if (merkleRoot(hashes) !== pin.root)
    return bad('root', `an event after ${pin.after} up to ${pin.upTo} is not the one the pinned seal covers`);
  const found = await findSeal(reader, pin.signature);
  if (!found)
    return bad(
      'missing',
      `seal-log no longer holds the pinned seal (after ${pin.after} up to ${pin.upTo}): it was removed`,
    );
  sealRevision = found.revision;
  const s = found.seal;
  if (s.after !== pin.after || s.upTo !== pin.upTo || s.count !== pin.count || s.root !== pin.root) {
    return bad(
      'missing',
      `seal-log revision ${found.revision} carries the pinned signature over another range or root: the stored seal was altered`,
    );
  }
  return { ...base, ok: true, problem: null, detail: null, sealRevision };
};
