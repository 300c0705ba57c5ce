import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyUnitCommands, initialRegistry, PlanError, PlanIssued, TaskDefinition } from '@gl/domain';
import { loadUnitSeed } from '../seed/unit-seed';
import { checkTaskReach, receiptsOf } from './plan-reach';

const load = <T>(path: string): T => JSON.parse(readFileSync(join(__dirname, '../../../../seed', path), 'utf8'));

/** Issue 13, item 5, on the seed's tree: a plan reaches only its issuer's subtree (plan IV.2: "trong phạm vi quản lý"). */
describe("a plan's reach and its receipts", () => {
  const { state: registry } = applyUnitCommands(
    initialRegistry(),
    loadUnitSeed(load).map((s) => s.command),
  );
  const { plan: city, tasks } = load<{ plan: PlanIssued['data']; tasks: TaskDefinition[] }>(
    'plans/cantho-2023-ldcs.json',
  );
  const district: PlanIssued['data'] = {
    ...city,
    planId: 'ninh-kieu-2023',
    issuerUnitId: 'ninh-kieu',
    assignedOn: '2023-08-01',
    recipients: [],
    parent: { planId: city.planId, taskCodes: ['IV.2'] },
  };
  const task = (over: Partial<TaskDefinition>): TaskDefinition => ({
    ...tasks[0],
    code: 'II.7',
    lead: [],
    performers: [],
    coordinating: [],
    ...over,
  });

  it('lets every task of the city plan reach the units it names (II and IV)', () => {
    for (const t of tasks) expect(() => checkTaskReach(registry, city, t, city.assignedOn)).not.toThrow();
  });

  it("refuses a district plan's task for another district's ward or a city department, naming it", () => {
    expect(() =>
      checkTaskReach(registry, district, task({ lead: [{ unitId: 'cai-rang-ba-lang' }] }), '2023-08-01'),
    ).toThrow(PlanError);
    expect(() =>
      checkTaskReach(registry, district, task({ lead: [{ unitId: 'cai-rang-ba-lang' }] }), '2023-08-01'),
    ).toThrow(/lead cai-rang-ba-lang \(Phường Ba Láng\) is not under ninh-kieu on 2023-08-01/);
    expect(() =>
      checkTaskReach(
        registry,
        district,
        task({ lead: [{ unitId: 'ninh-kieu-tan-an' }], coordinating: [{ unitId: 'so-tu-phap' }] }),
        '2023-08-01',
      ),
    ).toThrow(/coordinating so-tu-phap/);
    expect(() =>
      checkTaskReach(
        registry,
        district,
        task({ lead: [{ unitId: 'ninh-kieu-tan-an' }, { group: 'every-commune-peoples-committee' }] }),
        '2023-08-01',
      ),
    ).not.toThrow();
  });

  it('lets only the city plan request the Fatherland Front and the Labour Federation (II.2.b–c, IV.3), and neither plan a Ministry department', () => {
    const request = task({
      lead: [{ unitId: 'mttq-can-tho' }],
      performers: [{ unitId: 'ldld-can-tho' }],
      obligation: 'requested',
    });
    expect(() => checkTaskReach(registry, city, request, city.assignedOn)).not.toThrow();
    expect(() => checkTaskReach(registry, district, request, '2023-08-01')).toThrow(/mttq-can-tho/);
    expect(() =>
      checkTaskReach(
        registry,
        city,
        task({ lead: [{ unitId: 'bo-noi-vu-vu-chinh-quyen-dia-phuong' }] }),
        city.assignedOn,
      ),
    ).toThrow(/not under ubnd-can-tho/);
  });

  it("expands a line of Nơi nhận into the units of its groups on the plan's day, and tells who acknowledged", () => {
    const lines = receiptsOf(registry, city, {
      'xa-phuong-thi-tran': [{ unitId: 'ninh-kieu-tan-an', at: '2023-09-01T03:00:00.000Z', by: 'tanan-head' }],
    });
    const communes = lines.find((l) => l.key === 'xa-phuong-thi-tran')!;
    expect(communes.units).toBe(83);
    expect(communes.acknowledged).toEqual([
      { unitId: 'ninh-kieu-tan-an', name: 'Phường Tân An', at: '2023-09-01T03:00:00.000Z', by: 'tanan-head' },
    ]);
    expect(communes.pending).toHaveLength(82);
    expect(lines.find((l) => l.key === 'bao-dai')!.pending.map((p) => p.unitId)).toEqual([
      'bao-can-tho',
      'dai-ptth-can-tho',
    ]);
    expect(lines.find((l) => l.key === 'luu')).toMatchObject({ units: 0, acknowledged: [], pending: [] });
  });
});
