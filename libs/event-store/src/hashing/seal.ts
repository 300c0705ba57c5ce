import { createHash, createPublicKey, KeyObject, randomUUID, sign, verify } from 'node:crypto';
import { ConcurrencyError } from '../port/errors';
import { EventReader, EventStore, NO_STREAM } from '../port/event-store.port';
import { Position, START } from '../port/envelope';
import { canonicalJson } from './canonical-json';
import { yieldToEventLoop } from '../subscription/yield-to-event-loop';
import { Nullable, Obj, Position as LogPosition, Sha256, Static, TSchema, Type } from '@gl/domain';

/** The stream of seals: one event per sealed range of the global log. */
export const SEAL_STREAM = 'seal-log';
export const SEAL_EVENT_TYPE = 'audit.sealed.v1' as const;

/** An Ed25519 signature, base64. */
export const SignatureSchema = (description: string) =>
  Type.String({
    pattern: '^[A-Za-z0-9+/]+={0,2}$',
    maxLength: 200,
    description,
    errorMessage: 'must be a signature (base64)',
  });
const described = <T extends TSchema>(s: T, description: string): T => ({ ...s, description });

/**
 * A signed statement over a range of the global log: the events after `after` up to `upTo`, how
 * many, and the Merkle root of their hashes. Per-stream chains can be recomputed by anyone who can
 * write the file; a seal cannot without the private key, so removing or rewriting a sealed event —
 * even a whole stream, even its hashes — shows.
 */
export const SealSchema = Obj(
  {
    after: LogPosition({ description: 'Events strictly after this global position…' }),
    upTo: LogPosition({ description: '…up to this one, included' }),
    count: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'How many events the range held',
    }),
    root: described(
      Sha256(),
      "Merkle root (SHA-256, RFC 6962 leaf and node prefixes) of the events' hashes in position order, hex",
    ),
    previous: Nullable(SignatureSchema('The signature of the seal before, chaining the seals; null for the first')),
    keyId: described(Sha256(), 'SHA-256 of the public key (SPKI, DER), hex: which key signed'),
    signature: SignatureSchema(
      'Ed25519 over the canonical JSON (RFC 8785) of { after, count, keyId, previous, root, upTo }, base64',
    ),
  },
  { description: 'Niêm phong: the seal as stored on `seal-log`' },
);
export type Seal = Static<typeof SealSchema>;

/** The event the sealer appends, in the catalogue with every other (`/api/v1/event-types`). */
export const SEAL_EVENTS = { [SEAL_EVENT_TYPE]: SealSchema } as const;

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

export const merkleRoot = (hashes: string[]): string => {
  if (hashes.length === 0) return sha256(Buffer.alloc(0)).toString('hex');
  let level: Buffer[] = hashes.map((h) => sha256(Buffer.from([0]), Buffer.from(h, 'hex')));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? sha256(Buffer.from([1]), level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
};

export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

const signed = (s: Omit<Seal, 'signature'>) =>
  Buffer.from(
    canonicalJson({ after: s.after, upTo: s.upTo, count: s.count, root: s.root, previous: s.previous, keyId: s.keyId }),
  );

/** Whether the seal's signature is this key's over its fields (the key id is checked apart, to say which key signed). */
export const sealSignatureHolds = (s: Seal, publicKey: KeyObject): boolean => {
  try {
    return verify(null, signed(s), publicKey, Buffer.from(s.signature, 'base64'));
  } catch {
    return false;
  }
};

/** The most events one seal covers: a long unsealed log is sealed in several ranges, none holding the process long. */
export const MAX_SEALED_EVENTS = 100_000;

/** The hashes of the events after a position up to another (or the first `max` of them), in position order, and the last position read. */
export const hashesIn = async (
  reader: EventReader,
  after: Position,
  upTo: Position,
  max = Number.MAX_SAFE_INTEGER,
): Promise<{ hashes: string[]; last: Position }> => {
  const hashes: string[] = [];
  let last = after;
  const end = BigInt(upTo);
  for (let from = after; ;) {
    const batch = await reader.readAll({ after: from, maxCount: 2000 });
    for (const e of batch.events) {
      if (BigInt(e.position) > end || hashes.length === max) return { hashes, last };
      hashes.push(e.metadata.hash);
      last = e.position;
    }
    if (batch.isEnd) return { hashes, last };
    from = batch.position;
    await yieldToEventLoop();
  }
};

/**
 * Seals what was appended since the last seal, up to the head (at most MAX_SEALED_EVENTS of it: call
 * again while it returns full seals). Null when nothing is new but that seal, or when another process
 * sealed first.
 * Give it the raw store: hashes cover the stored shape.
 */
export const sealLog = async (
  store: EventStore,
  privateKey: KeyObject,
  actor: { userId: string; unitId: null; roles: string[] },
  max = MAX_SEALED_EVENTS,
): Promise<Seal | null> => {
  const [last] = await store.readStream(SEAL_STREAM, { direction: 'backward', maxCount: 1 });
  const previous = last ? (last.data as Seal) : null;
  const after = previous?.upTo ?? START;
  const head = await store.headPosition();
  // Nothing new but the last seal itself: an idle log is not sealed again and again.
  if (BigInt(head) <= BigInt(after)) return null;
  if (last && last.position === head && (await store.countEventsAfter(after, 2)) === 1) return null;
  const { hashes, last: upTo } = await hashesIn(store, after, head, max);
  if (hashes.length === 0) return null;
  const body = {
    after,
    upTo,
    count: hashes.length,
    root: merkleRoot(hashes),
    previous: previous?.signature ?? null,
    keyId: keyIdOf(createPublicKey(privateKey)),
  };
  const seal: Seal = { ...body, signature: sign(null, signed(body), privateKey).toString('base64') };
  try {
    await store.appendToStream(
      SEAL_STREAM,
      [
        {
          eventId: randomUUID(),
          type: SEAL_EVENT_TYPE,
          data: seal,
          metadata: { actor, correlationId: 'sealer', causationId: 'sealer' },
        },
      ],
      last ? last.revision : NO_STREAM,
    );
  } catch (e) {
    if (e instanceof ConcurrencyError) return null;
    throw e;
  }
  return seal;
};

export type SealProblem = 'chain' | 'key' | 'signature' | 'count' | 'root';

export interface SealVerification {
  seals: number;
  /** The end of the last good seal: the log is vouched for up to here. */
  sealedUpTo: Position;
  firstBad: { sealRevision: number; after: Position; upTo: Position; problem: SealProblem; detail: string } | null;
}

/** Checks every seal in order: contiguous and chained, signed by this key, and matching the log it covers now. */
export const verifySeals = async (reader: EventReader, publicKey: KeyObject): Promise<SealVerification> => {
  const keyId = keyIdOf(publicKey);
  let cursor: Position = START;
  let previous: string | null = null;
  let revision = 0;
  for (const e of await reader.readStream(SEAL_STREAM)) {
    const s = e.data as Seal;
    const bad = (problem: SealProblem, detail: string): SealVerification => ({
      seals: revision,
      sealedUpTo: cursor,
      firstBad: { sealRevision: e.revision, after: s.after, upTo: s.upTo, problem, detail },
    });
    if (s.after !== cursor || s.previous !== previous)
      return bad('chain', `seal ${e.revision} does not follow the seal before it`);
    if (s.keyId !== keyId) return bad('key', `seal ${e.revision} was signed by key ${s.keyId}, not ${keyId}`);
    if (!sealSignatureHolds(s, publicKey)) return bad('signature', `seal ${e.revision} is not signed by this key`);
    const { hashes } = await hashesIn(reader, s.after, s.upTo);
    if (hashes.length !== s.count)
      return bad(
        'count',
        `the log after ${s.after} up to ${s.upTo} held ${s.count} events when sealed; it holds ${hashes.length} now`,
      );
    if (merkleRoot(hashes) !== s.root)
      return bad('root', `an event after ${s.after} up to ${s.upTo} is not the one sealed`);
    cursor = s.upTo;
    previous = s.signature;
    revision++;
  }
  return { seals: revision, sealedUpTo: cursor, firstBad: null };
};
