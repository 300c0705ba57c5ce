/**
 * Positions are unsigned 64-bit, but SQLite integers are signed: no event here is ever above
 * 2^63 - 1, and binding a larger bigint throws. A bound past it reads as the largest one, so
 * `after=18446744073709551615` is an empty page, not a 500.
 */
const MAX_SQLITE_INTEGER = (1n << 63n) - 1n;

export const sqlitePosition = (p: bigint): bigint => (p > MAX_SQLITE_INTEGER ? MAX_SQLITE_INTEGER : p);
