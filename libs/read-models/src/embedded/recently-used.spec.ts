import { RecentlyUsed } from './recently-used';

describe('RecentlyUsed', () => {
  it('keeps about the last `max` values used and forgets older ones', () => {
    const r = new RecentlyUsed<number, string>(4);
    for (let i = 1; i <= 10; i++) r.set(i, `v${i}`);
    expect(r.size).toBeLessThanOrEqual(4);
    expect(r.peek(10)).toBe('v10');
    expect(r.peek(9)).toBe('v9');
    expect(r.peek(1)).toBeUndefined();
  });

  it('keeps a value that is used again', () => {
    const r = new RecentlyUsed<string, number>(4);
    r.set('kept', 0);
    for (let i = 1; i <= 20; i++) {
      r.set(`k${i}`, i);
      expect(r.get('kept')).toBe(0);
    }
    expect(r.size).toBeLessThanOrEqual(4);
  });

  it('forgets a deleted value, and peek does not count as a use', () => {
    const r = new RecentlyUsed<string, number>(4);
    r.set('a', 1);
    r.set('b', 2);
    r.set('c', 3);
    r.delete('b');
    expect(r.get('b')).toBeUndefined();
    expect(r.peek('a')).toBe(1);
    r.set('d', 4);
    r.set('e', 5);
    expect(r.peek('a')).toBeUndefined();
  });

  it('stays bounded through churn: a million values through a cache of twenty thousand', () => {
    const r = new RecentlyUsed<string, number>(20_000);
    for (let i = 0; i < 1_000_000; i++) {
      r.set(`id-${i}`, i);
      if (i % 3 === 0) r.delete(`id-${i - 1}`);
    }
    expect(r.size).toBeLessThanOrEqual(20_000);
    expect(r.peek('id-999999')).toBe(999_999);
  });
});
