import { normalizeNfc } from './nfc-normalize.pipe';

describe('normalizeNfc', () => {
  const nfd = 'Cần Thơ'.normalize('NFD');

  it('composes strings at any depth, in values and keys', () => {
    const out = normalizeNfc({ [nfd]: [nfd, { name: nfd }], n: 3, ok: true, none: null });
    expect(out).toEqual({ 'Cần Thơ': ['Cần Thơ', { name: 'Cần Thơ' }], n: 3, ok: true, none: null });
    expect(Object.keys(out)[0]).toBe('Cần Thơ'.normalize('NFC'));
  });

  it('makes the decomposed and composed forms equal', () => {
    expect(nfd).not.toBe('Cần Thơ'.normalize('NFC'));
    expect(normalizeNfc(nfd)).toBe('Cần Thơ'.normalize('NFC'));
  });

  it('leaves non-plain objects alone', () => {
    const d = new Date(0);
    expect(normalizeNfc(d)).toBe(d);
  });
});
