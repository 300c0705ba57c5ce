import { InvalidPinError, parsePin, PinnedSeal } from '@gl/event-store';

/** Decodes the `pin` parameters; a pin that is not a seal is refused (400), never skipped. */
export const decodePins = (pins: string[]): PinnedSeal[] =>
  pins.map((p, i) => {
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
