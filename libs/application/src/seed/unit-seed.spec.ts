import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyUnitCommands, initialRegistry, subtreeOn, unitsOn } from '@gl/domain';
import { loadUnitSeed } from './unit-seed';

const read = <T>(path: string): T => JSON.parse(readFileSync(join(__dirname, '../../../../seed', path), 'utf8'));

describe('the Cần Thơ seed', () => {
  const steps = loadUnitSeed(read);
  const { state } = applyUnitCommands(initialRegistry(), steps.map((s) => s.command));
  const on = (date: string) => unitsOn(state.units.values(), date);

  it('has a key per step, unique, so re-running it appends nothing', () => {
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it('stands in 2023 with 9 districts (5 quận, 4 huyện) and their 83 communes, wards and towns', () => {
    const d2023 = on('2023-12-31').filter((u) => subtreeOn(state.units.values(), 'ubnd-can-tho', '2023-12-31').has(u.id));
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
    const communesOfCanTho = (d: string) => { const under = subtreeOn(state.units.values(), 'ubnd-can-tho', d); return on(d).filter((u) => u.level === 'commune' && under.has(u.id)); };
    expect(communesOfCanTho('2024-10-31')).toHaveLength(83);
    expect(communesOfCanTho('2024-11-01')).toHaveLength(80);
    expect(state.units.get('ninh-kieu-an-cu')!.successors[0]).toMatchObject({ unitId: 'ninh-kieu-thoi-binh', on: '2024-11-01' });
  });

  it('has no district level from 1 July 2025; the new communes stand directly under the city', () => {
    const d2025 = on('2025-07-01');
    expect(d2025.filter((u) => u.level === 'district')).toEqual([]);
    const communes = d2025.filter((u) => u.level === 'commune');
    expect(communes.every((c) => c.parentId === 'ubnd-can-tho')).toBe(true);
    expect(subtreeOn(state.units.values(), 'ubnd-can-tho', '2025-07-01').has('new-phuong-ninh-kieu')).toBe(true);
  });

  // NQ 1668/NQ-UBTVQH15 Điều 1 khoản 96: "thành phố Cần Thơ có 103 đơn vị hành chính cấp xã, gồm 31 phường và 72 xã".
  it('gives the new city 103 commune-level units on 1 July 2025: 31 phường and 72 xã, each with its 1027/CTK-CSCL code', () => {
    const under = subtreeOn(state.units.values(), 'ubnd-can-tho', '2025-07-01');
    const communes = on('2025-07-01').filter((u) => u.level === 'commune' && under.has(u.id));
    expect(communes).toHaveLength(103);
    expect(communes.filter((c) => c.subtype === 'phuong')).toHaveLength(31);
    expect(communes.filter((c) => c.subtype === 'xa')).toHaveLength(72);
    expect(communes.every((c) => c.code?.table === 'gso-dvhc-2025' && /^\d{5}$/.test(c.code.code))).toBe(true);
    expect(new Set(communes.map((c) => c.code!.code)).size).toBe(103);
    // Nothing else of the three former provinces stands on its own after the merger.
    expect(on('2025-07-01').filter((u) => u.level === 'commune' && !under.has(u.id))).toEqual([]);
    expect(on('2025-07-01').find((u) => u.id === 'new-phuong-vi-thanh')).toMatchObject({ name: 'Phường Vị Thanh', code: { code: '31321' } });
    expect(on('2025-07-01').find((u) => u.id === 'soc-trang-h-ke-sach-x-phong-nam')).toMatchObject({ code: { code: '31537', table: 'gso-dvhc-2025' } });
  });

  it('records Hậu Giang and Sóc Trăng as they stood in 2023, outside Cần Thơ, and their merger into the new city', () => {
    const d2023 = on('2023-12-31');
    const under = (root: string) => subtreeOn(state.units.values(), root, '2023-12-31');
    for (const [root, districts, communes] of [['ubnd-hau-giang', 8, 75], ['ubnd-soc-trang', 11, 109]] as const) {
      expect(d2023.filter((u) => u.level === 'district' && under(root).has(u.id))).toHaveLength(districts);
      expect(d2023.filter((u) => u.level === 'commune' && under(root).has(u.id))).toHaveLength(communes);
      expect(state.units.get(root)!.ended).toEqual({ on: '2025-07-01', reason: 'merged' });
    }
    expect(under('ubnd-can-tho').has('hau-giang-tp-vi-thanh')).toBe(false);
  });

  it('merges Phường 1 and Phường 9 of Sóc Trăng city into a new Phường 1 on 1 September 2024 (NQ 1105/NQ-UBTVQH15)', () => {
    const p1 = state.units.get('soc-trang-tp-soc-trang-p-1-2024')!;
    expect(p1.predecessors.map((p) => p.unitId).sort()).toEqual(['soc-trang-tp-soc-trang-p-1', 'soc-trang-tp-soc-trang-p-9']);
    expect(state.units.get('soc-trang-tp-soc-trang-p-9')!.ended).toEqual({ on: '2024-09-01', reason: 'merged' });
    // NQ 1668 khoản 23: Phường 1, 2, 3 (thành phố Sóc Trăng) and Phường 4 → phường Phú Lợi.
    expect(state.units.get('new-phuong-phu-loi')!.predecessors.map((p) => p.unitId).sort()).toEqual([
      'soc-trang-tp-soc-trang-p-1-2024', 'soc-trang-tp-soc-trang-p-2', 'soc-trang-tp-soc-trang-p-3', 'soc-trang-tp-soc-trang-p-4',
    ]);
  });

  it('passes every commune of Hậu Giang and Sóc Trăng standing on 30 June 2025 to exactly one new unit', () => {
    const before = subtreeOn(state.units.values(), 'ubnd-hau-giang', '2025-06-30');
    for (const id of subtreeOn(state.units.values(), 'ubnd-soc-trang', '2025-06-30')) before.add(id);
    const communes = on('2025-06-30').filter((u) => u.level === 'commune' && before.has(u.id));
    expect(communes).toHaveLength(183);
    for (const c of communes) {
      const u = state.units.get(c.id)!;
      const next = u.ended ? u.successors.map((s) => s.unitId) : [c.id];
      expect(next).toHaveLength(1);
    }
  });

  // NĐ 45/2025/NĐ-CP (28/2/2025): from 1 March 2025 a province has no Sở Thông tin và Truyền thông; it merged into Sở Khoa học và Công nghệ.
  it('merges Sở Thông tin và Truyền thông into Sở Khoa học và Công nghệ on 1 March 2025, and four more departments', () => {
    const ids = (d: string) => on(d).map((u) => u.id);
    expect(ids('2025-02-28')).toContain('so-thong-tin-va-truyen-thong');
    expect(ids('2025-03-01')).not.toContain('so-thong-tin-va-truyen-thong');
    expect(ids('2025-03-01')).toContain('so-khoa-hoc-va-cong-nghe');
    expect(state.units.get('so-thong-tin-va-truyen-thong')!.successors).toEqual([expect.objectContaining({ unitId: 'so-khoa-hoc-va-cong-nghe', on: '2025-03-01', whole: true })]);
    expect(state.units.get('so-nong-nghiep-va-moi-truong')!.predecessors.map((p) => p.unitId).sort()).toEqual(['so-nong-nghiep-va-ptnt', 'so-tai-nguyen-va-moi-truong']);
    for (const gone of ['so-ke-hoach-va-dau-tu', 'so-giao-thong-van-tai', 'so-lao-dong-tbxh', 'so-nong-nghiep-va-ptnt', 'so-tai-nguyen-va-moi-truong']) expect(ids('2025-03-01')).not.toContain(gone);
    const departments = (d: string) => on(d).filter((u) => u.kind === 'department' && u.id.startsWith('so-'));
    expect(departments('2025-02-28').length - departments('2025-03-01').length).toBe(5);
  });

  it('keeps the lineage: Phường Ninh Kiều (2025) comes from Tân An, Thới Bình and Xuân Khánh', () => {
    expect(state.units.get('new-phuong-ninh-kieu')!.predecessors.map((p) => p.unitId).sort())
      .toEqual(['ninh-kieu-tan-an', 'ninh-kieu-thoi-binh', 'ninh-kieu-xuan-khanh']);
    expect(state.units.get('ubnd-soc-trang')!.ended).toEqual({ on: '2025-07-01', reason: 'merged' });
  });
});
