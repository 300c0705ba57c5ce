import { comparePositions, formatPosition, InvalidPositionError, isPosition, parsePosition } from './position';

describe('log positions', () => {
  it('parse and format unsigned 64-bit decimals, beyond 2^53', () => {
    const big = '18446744073709551615';
    expect(parsePosition(big)).toBe(2n ** 64n - 1n);
    expect(formatPosition(2n ** 53n + 1n)).toBe('9007199254740993');
    expect(comparePositions('9007199254740993', '9007199254740992')).toBe(1);
    expect(comparePositions('10', '9')).toBe(1);
    expect(comparePositions('7', '7')).toBe(0);
  });

  it.each(['', '-1', '01', '1.5', '1e3', ' 1', '18446744073709551616', 'abc'])('refuses %j', (p) => {
    expect(() => parsePosition(p)).toThrow(InvalidPositionError);
    expect(isPosition(p)).toBe(false);
  });
});
