import { Position } from './envelope';

const DECIMAL = /^(0|[1-9][0-9]{0,19})$/;
const MAX_U64 = (1n << 64n) - 1n;

export class InvalidPositionError extends Error {
  static readonly problem = { type: '/problems/invalid-position', status: 400, title: 'Invalid log position' };
  constructor(readonly value: string) {
    super(`"${value}" is not a log position (a decimal string of an unsigned 64-bit integer)`);
    this.name = 'InvalidPositionError';
  }
}

export const parsePosition = (p: Position): bigint => {
  if (typeof p !== 'string' || !DECIMAL.test(p)) throw new InvalidPositionError(String(p));
  const n = BigInt(p);
  if (n > MAX_U64) throw new InvalidPositionError(p);
  return n;
};

export const isPosition = (p: unknown): p is Position => {
  try {
    parsePosition(p as string);
    return true;
  } catch {
    return false;
  }
};

export const formatPosition = (n: bigint | number): Position => BigInt(n).toString(10);

export const comparePositions = (a: Position, b: Position): number => {
  const x = parsePosition(a);
  const y = parsePosition(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
