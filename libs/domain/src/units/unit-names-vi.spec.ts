import { KIND_NAMES_VI, LEVEL_NAMES_VI, kindNameVi, levelNameVi } from './unit-names-vi';
import { UNIT_KINDS, UNIT_LEVELS } from './unit.types';

describe('Vietnamese names of levels and kinds', () => {
  it('names every level and every kind', () => {
    expect(Object.keys(LEVEL_NAMES_VI).sort()).toEqual([...UNIT_LEVELS].sort());
    expect(Object.keys(KIND_NAMES_VI).sort()).toEqual([...UNIT_KINDS].sort());
  });

  it('says cấp thành phố, cấp huyện, cấp xã', () => {
    expect(['city', 'district', 'commune'].map(levelNameVi)).toEqual(['cấp thành phố', 'cấp huyện', 'cấp xã']);
    expect(kindNameVi('department')).toBe('Sở, ban, ngành');
    expect(levelNameVi('')).toBe('');
  });
});
