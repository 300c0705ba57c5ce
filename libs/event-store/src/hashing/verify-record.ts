import { KeyObject } from 'node:crypto';
import { EventReader } from '../port/event-store.port';
import { keyIdOf, SealVerification, verifySeals } from './seal';
import { PinnedSeal, PinVerification, verifyAgainstPin } from './seal-pin';
import { GapCheck, LogVerification, verifyLog, verifyPositions } from './verify';

/** Everything `audit verify` checks, one answer for the API and the CLI. */
export interface RecordVerification extends LogVerification {
  /** False when a chain, a position, a seal or a pin does not hold. */
  ok: boolean;
  gaps: GapCheck;
  seals: SealVerification & { keyId: string };
  /** One per pin given, in the order given. */
  pins: PinVerification[];
}

/**
 * The chains, the positions, the seals, and the seals kept outside: each sees what the one before
 * cannot (a recomputed chain, a deleted row, a deleted newest seal with what it covered).
 * Give it the raw store.
 */
export const verifyRecord = async (
  reader: EventReader,
  publicKey: KeyObject,
  pins: PinnedSeal[] = [],
): Promise<RecordVerification> => {
  const chains = await verifyLog(reader);
  const gaps = await verifyPositions(reader);
  const seals = await verifySeals(reader, publicKey);
  const pinned: PinVerification[] = [];
  for (const p of pins) pinned.push(await verifyAgainstPin(reader, publicKey, p.seal, p.head));
  const ok =
    chains.firstBad === null &&
    (!gaps.applies || gaps.firstGap === null) &&
    seals.firstBad === null &&
    pinned.every((p) => p.ok);
  return { ok, ...chains, gaps, seals: { keyId: keyIdOf(publicKey), ...seals }, pins: pinned };
};
