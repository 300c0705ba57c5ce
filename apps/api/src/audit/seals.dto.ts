import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, MaxLength } from 'class-validator';
import { InvalidPinError, parsePin, PinnedSeal } from '@gl/event-store';

/** The seal as stored on `seal-log` (`audit.sealed.v1`). */
export class SealDto {
  @ApiProperty({ description: 'Events strictly after this global position…' }) after!: string;
  @ApiProperty({ description: '…up to this one, included' }) upTo!: string;
  @ApiProperty({ description: 'How many events the range held' }) count!: number;
  @ApiProperty({ description: 'Merkle root (SHA-256, RFC 6962 prefixes) of their hashes in position order, hex' }) root!: string;
  @ApiProperty({ nullable: true, type: String, description: "The previous seal's signature (null for the first)" }) previous!: string | null;
  @ApiProperty({ description: 'SHA-256 of the public key (SPKI, DER), hex' }) keyId!: string;
  @ApiProperty({ description: 'Ed25519 over the canonical JSON (RFC 8785) of { after, count, keyId, previous, root, upTo }, base64' }) signature!: string;
}

export class SignedLogHeadDto {
  @ApiProperty({ description: "The global position of the log's last event when signed" }) position!: string;
  @ApiProperty({ description: "The newest seal's upTo" }) sealedUpTo!: string;
  @ApiProperty({ description: 'When it was signed (ISO 8601)' }) signedAt!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'Ed25519 over the canonical JSON (RFC 8785) of { keyId, position, sealedUpTo, signedAt }, base64' }) signature!: string;
}

export class LatestSealDto {
  @ApiProperty({ type: SealDto }) seal!: SealDto;
  @ApiProperty({ description: "The seal event's global position" }) position!: string;
  @ApiProperty({ description: "The seal event's revision in seal-log" }) revision!: number;
  @ApiProperty({ type: SignedLogHeadDto, description: 'How long the log was when this answer was given, signed with the same key' }) head!: SignedLogHeadDto;
}

export class PinVerificationDto {
  @ApiProperty() after!: string;
  @ApiProperty() upTo!: string;
  @ApiProperty() count!: number;
  @ApiProperty() root!: string;
  @ApiProperty() signature!: string;
  @ApiProperty({ nullable: true, type: String, description: "The pinned head's position, when the pin carried one" }) headPosition!: string | null;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ nullable: true, enum: ['key', 'signature', 'short', 'count', 'root', 'missing'], description: 'The first check that failed' }) problem!: string | null;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "The pinned seal's revision in seal-log, while it is there" }) sealRevision!: number | null;
}

export class GapCheckDto {
  @ApiProperty({ description: 'False where positions are not dense (KurrentDB): then `reason`, and no gap is reported' }) applies!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'The first missing positions (SQLite): { from, to, atTail, detail }, or null' }) firstGap?: object | null;
  @ApiPropertyOptional() reason?: string;
}

export class RecordVerificationDto {
  @ApiProperty({ description: 'False when a chain, a position, a seal or a pin does not hold' }) ok!: boolean;
  @ApiProperty() streams!: number;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty({ nullable: true, type: Object, description: 'The first event whose chain link does not hold' }) firstBad!: object | null;
  @ApiProperty({ description: 'Verified up to this position' }) position!: string;
  @ApiProperty({ type: GapCheckDto }) gaps!: GapCheckDto;
  @ApiProperty({ description: '{ keyId, seals, sealedUpTo, firstBad }: every seal in seal-log checked in order' }) seals!: object;
  @ApiProperty({ type: [PinVerificationDto], description: 'One per pin given' }) pins!: PinVerificationDto[];
  @ApiProperty() seconds!: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export class VerifyQueryDto {
  @ApiPropertyOptional({
    type: [String], maxItems: 20,
    description: 'A pinned seal: the base64url of its JSON, either the bare seal or the whole GET /api/v1/audit/seals/latest answer '
      + '(then its signed head is checked too). Repeat for several. Verification fails when the log no longer holds the seal with the same '
      + 'range, count and root, or is shorter than it (or than the pinned head).',
  })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? [value] : value)) @IsArray() @ArrayMaxSize(20)
  @MaxLength(8000, { each: true }) @Matches(BASE64URL, { each: true, message: 'pin must be base64url' }) pin?: string[];
}

/** Decodes the `pin` parameters; a pin that is not a seal is refused (400), never skipped. */
export const decodePins = (pins: string[]): PinnedSeal[] => pins.map((p, i) => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPinError(`pin ${i + 1} is not the base64url of JSON`);
  }
  try {
    return parsePin(json);
  } catch (e) {
    throw new InvalidPinError(`pin ${i + 1}: ${(e as Error).message}`);
  }
});
