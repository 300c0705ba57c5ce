import { Injectable, PipeTransform } from '@nestjs/common';

/** Deeply NFC-normalises strings (values and keys) of plain JSON data; other values pass through. */
export const normalizeNfc = <T>(value: T): T => {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeNfc) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizeNfc(v)])) as T;
  }
  return value;
};

/**
 * Runs before validation, so that "Cần Thơ" typed on a Mac (NFD) and on Windows (NFC) is one
 * string: lengths, patterns, uniqueness and searches then agree.
 */
@Injectable()
export class NfcNormalizePipe implements PipeTransform {
  transform(value: unknown): unknown {
    return normalizeNfc(value);
  }
}
