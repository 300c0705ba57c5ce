import { createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { EventReader } from '../port/event-store.port';
import { Position } from '../port/envelope';
import { canonicalJson } from './canonical-json';
import { Instant, Obj, Position as LogPosition, Sha256, Static, Type } from '@gl/domain';
import { keyIdOf, Seal, SealSchema, SEAL_STREAM, SignatureSchema } from './seal';

/**
 * A signed statement of how long the log was at an instant: its head position and how far the
 * seals reached. A client that keeps it can later show the log was cut shorter than that, even
 * past the newest seal, and on a store where positions are not dense.
 */
export const SignedLogHeadSchema = Obj({
  position: LogPosition({ description: "The global position of the log's last event when signed" }),
  sealedUpTo: LogPosition({ description: 'The `upTo` of the newest seal then' }),
  signedAt: Instant({ description: 'When it was signed (ISO 8601, UTC)' }),
  keyId: Sha256(),
  signature: SignatureSchema(
    'Ed25519 over the canonical JSON (RFC 8785) of { keyId, position, sealedUpTo, signedAt }, base64',
  ),
});
export type SignedLogHead = Static<typeof SignedLogHeadSchema>;

/** Nothing is sealed yet, so there is nothing to pin (HTTP 404). */
export class NoSealYetError extends Error {
  static readonly problem = { type: '/problems/no-seal-yet', status: 404, title: 'Nothing is sealed yet' };
  constructor() {
    super(
      'the log has not been sealed yet: the api seals it every SEAL_INTERVAL_MS, `npm run cli -- audit seal` at once',
    );
    this.name = 'NoSealYetError';
  }
}

/** The newest seal as stored, where it stands in `seal-log`, and a signed head of the log now. */
export const LatestSealSchema = Obj({
  seal: SealSchema,
  position: LogPosition({ description: "The seal event's global position" }),
  revision: Type.Integer({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: "The seal event's revision in seal-log",
  }),
  head: {
    ...SignedLogHeadSchema,
    description: 'How long the log was when this answer was given, signed with the same key',
  },
});
export type LatestSeal = Static<typeof LatestSealSchema>;

const headBytes = (h: Omit<SignedLogHead, 'signature'>) =>
  Buffer.from(canonicalJson({ keyId: h.keyId, position: h.position, sealedUpTo: h.sealedUpTo, signedAt: h.signedAt }));

export const signLogHead = (
  fields: { position: Position; sealedUpTo: Position; signedAt: string },
  privateKey: KeyObject,
): SignedLogHead => {
  const body = { ...fields, keyId: keyIdOf(createPublicKey(privateKey)) };
  return { ...body, signature: sign(null, headBytes(body), privateKey).toString('base64') };
};

export const logHeadSignatureHolds = (h: SignedLogHead, publicKey: KeyObject): boolean => {
  try {
    return h.keyId === keyIdOf(publicKey) && verify(null, headBytes(h), publicKey, Buffer.from(h.signature, 'base64'));
  } catch {
    return false;
  }
};

/**
 * The newest seal and a head signed now; null before the first seal. Give it the raw store: the
 * seal is handed out as stored, for the client to pin.
 */
export const latestSeal = async (reader: EventReader, privateKey: KeyObject, now: Date): Promise<LatestSeal | null> => {
  const [last] = await reader.readStream(SEAL_STREAM, { direction: 'backward', maxCount: 1 });
  if (!last) return null;
  const seal = last.data as Seal;
  // Read after the seal, so the head is never before it.
  const head = signLogHead(
    { position: await reader.headPosition(), sealedUpTo: seal.upTo, signedAt: now.toISOString() },
    privateKey,
  );
  return { seal, position: last.position, revision: last.revision, head };
};
