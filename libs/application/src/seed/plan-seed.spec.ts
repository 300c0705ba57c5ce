import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyUnitCommands, fanOut, initialRegistry, TaskDefinition } from '@gl/domain';
import { loadUnitSeed, UnitsFile } from './unit-seed';

const load = <T>(path: string): T => JSON.parse(readFileSync(join(__dirname, '../../../../seed', path), 'utf8'));

describe('the seed plan, fanned out over the 2023 tree', () => {
  const units = load<UnitsFile>('units/can-tho-units-2023.json');
  const { state } = applyUnitCommands(initialRegistry(), loadUnitSeed(load).map((s) => s.command));
  const { plan, tasks } = load<{ plan: { issuerUnitId: string; assignedOn: string }; tasks: TaskDefinition[] }>('plans/cantho-2023-ldcs.json');
  const count = (kind: string) => units.units.filter((u) => u.kind === kind).length;
  const targets = (code: string) => fanOut(tasks.find((t) => t.code === code)!, plan.issuerUnitId, state.units, plan.assignedOn);

  it('holds every task of sections II and IV', () => {
    expect(tasks.map((t) => t.code)).toEqual(['II.1.a', 'II.1.b', 'II.1.c', 'II.1.d', 'II.2.a', 'II.2.b', 'II.2.c', 'II.3', 'II.4', 'II.5', 'II.6', 'IV.1', 'IV.2.a', 'IV.2.b', 'IV.3']);
  });

  it('gives II.1.d one obligation per commune, ward and town of the 2023 tree', () => {
    const t = targets('II.1.d');
    expect(t).toHaveLength(count('commune'));
    expect(t).toHaveLength(83);
    expect(t.every((x) => x.role === 'lead')).toBe(true);
  });

  it('gives II.4 one obligation per department, district, commune and enterprise in the seed', () => {
    const expected = count('department') + count('district') + count('commune') + count('public-service-unit') + count('state-enterprise') + count('non-state-enterprise');
    expect(targets('II.4')).toHaveLength(expected);
  });

  it('gives II.1.c a lead per district and Sở Nội vụ as the coordinator', () => {
    const t = targets('II.1.c');
    expect(t.filter((x) => x.role === 'lead')).toHaveLength(9);
    expect(t.filter((x) => x.role === 'coordinating').map((x) => x.unitId)).toEqual(['so-noi-vu']);
  });

  it('asks II.2.b of the Fatherland Front (requested, not assigned)', () => {
    expect(targets('II.2.b')).toEqual([{ unitId: 'mttq-can-tho', role: 'lead' }]);
    expect(tasks.find((t) => t.code === 'II.2.b')!.obligation).toBe('requested');
  });

  // Plan IV.2 (line 122 of the plan's text): the same units "xây dựng Kế hoạch chi tiết … trong phạm vi
  // quản lý" once (IV.2.a, completed by the detailed plan) and "hàng năm, trước ngày 15 tháng 11 … báo cáo"
  // (IV.2.b, completed by the submitted report): two duties, not one.
  it('asks every department, district and commune for a detailed plan once (IV.2.a) and a report every year (IV.2.b)', () => {
    const all = count('department') + count('district') + count('commune');
    expect(targets('IV.2.a')).toHaveLength(all);
    expect(targets('IV.2.b')).toHaveLength(all);
    const [a, b] = ['IV.2.a', 'IV.2.b'].map((c) => tasks.find((t) => t.code === c)!);
    expect([a.timeFrame.kind, a.dischargedBy]).toEqual(['unspecified', 'detailed-plan']);
    expect([b.timeFrame, b.dischargedBy]).toEqual([{ kind: 'yearly-before', from: 2023, month: 11, day: 15 }, undefined]);
  });

  // Plan II.4 (every agency, locality and enterprise) and II.5 (public service units) name enterprises and
  // public service units: the seed's city-level ones are reached; non-state enterprises are not recorded.
  it('reaches the recorded public service units and state enterprises in II.4 and II.5', () => {
    const psu = units.units.filter((u) => u.kind === 'public-service-unit').map((u) => u.key);
    const soe = units.units.filter((u) => u.kind === 'state-enterprise').map((u) => u.key);
    expect(psu).toHaveLength(3);
    expect(soe).toHaveLength(3);
    expect(count('non-state-enterprise')).toBe(0);
    const ii4 = targets('II.4').map((t) => t.unitId);
    expect(ii4).toEqual(expect.arrayContaining([...psu, ...soe]));
    expect(targets('II.5').filter((t) => psu.includes(t.unitId)).map((t) => t.unitId).sort()).toEqual([...psu].sort());
  });
});
