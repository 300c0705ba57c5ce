import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyUnitCommands, initialRegistry, subtreeOn, unitsOn } from '@gl/domain';
import { ReorganisationFile, unitSeedSteps, UnitsFile } from './unit-seed';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, '../../../../seed/units', name), 'utf8'));

describe('the Cần Thơ seed', () => {
  const steps = unitSeedSteps(load<UnitsFile>('can-tho-units-2023.json'), load<ReorganisationFile>('can-tho-reorganisation-2025.json'));
  const { state } = applyUnitCommands(initialRegistry(), steps.map((s) => s.command));
  const on = (date: string) => unitsOn(state.units.values(), date);

  it('has a key per step, unique, so re-running it appends nothing', () => {
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it('stands in 2023 with 9 districts (5 quận, 4 huyện) and their 83 communes, wards and towns', () => {
    const d2023 = on('2023-12-31');
    const districts = d2023.filter((u) => u.level === 'district');
    expect(districts.map((d) => d.name).sort()).toEqual([
      'Huyện Cờ Đỏ', 'Huyện Phong Điền', 'Huyện Thới Lai', 'Huyện Vĩnh Thạnh',
      'Quận Bình Thủy', 'Quận Cái Răng', 'Quận Ninh Kiều', 'Quận Thốt Nốt', 'Quận Ô Môn',
    ].sort());
    const communes = d2023.filter((u) => u.level === 'commune');
    expect(communes).toHaveLength(83);
    expect(communes.every((c) => districts.some((d) => d.id === c.parentId))).toBe(true);
    expect(d2023.find((u) => u.id === 'ninh-kieu')?.code).toEqual({ code: '916', table: 'gso-dvhc' });
  });

  it('merges three Ninh Kiều wards into Thới Bình from 1 November 2024', () => {
    expect(on('2024-10-31').filter((u) => u.level === 'commune')).toHaveLength(83);
    expect(on('2024-11-01').filter((u) => u.level === 'commune')).toHaveLength(80);
    expect(state.units.get('ninh-kieu-an-cu')!.successors[0]).toMatchObject({ unitId: 'ninh-kieu-thoi-binh', on: '2024-11-01' });
  });

  it('has no district level from 1 July 2025; the new communes stand directly under the city', () => {
    const d2025 = on('2025-07-01');
    expect(d2025.filter((u) => u.level === 'district')).toEqual([]);
    const communes = d2025.filter((u) => u.level === 'commune');
    expect(communes).toHaveLength(32);
    expect(communes.every((c) => c.parentId === 'ubnd-can-tho')).toBe(true);
    expect(subtreeOn(state.units.values(), 'ubnd-can-tho', '2025-07-01').has('new-phuong-ninh-kieu')).toBe(true);
  });

  it('keeps the lineage: Phường Ninh Kiều (2025) comes from Tân An, Thới Bình and Xuân Khánh', () => {
    expect(state.units.get('new-phuong-ninh-kieu')!.predecessors.map((p) => p.unitId).sort())
      .toEqual(['ninh-kieu-tan-an', 'ninh-kieu-thoi-binh', 'ninh-kieu-xuan-khanh']);
    expect(state.units.get('ubnd-soc-trang')!.ended).toEqual({ on: '2025-07-01', reason: 'merged' });
  });
});
