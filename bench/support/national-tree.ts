import { readFileSync } from 'node:fs';
import {
  Actor,
  applyUnitCommands,
  decidePlan,
  deadlineOf,
  EstablishUnit,
  evolvePlan,
  fanOut,
  initialObligation,
  initialPlan,
  decideObligation,
  ObligationAssigned,
  obligationStream,
  initialRegistry,
  isRecurring,
  obligationIdOf,
  PlanCommand,
  PlanEvent,
  PlanIssued,
  planStream,
  RegimeDefinition,
  TaskDefinition,
  Unit,
  UNIT_REGISTRY_STREAM,
  UnitRegistry,
} from '@gl/domain';
import { LogWriter } from './log-writer';

/** The 34 provincial units after Resolution 202/2025/QH15: names are real, the communes under them synthetic. */
export const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Hải Phòng',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Cần Thơ',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];
export const COMMUNES = 3321;
/** Thanh Hóa has the most communes of any province (166); the others share the rest evenly. */
const LARGEST = { index: 11, communes: 166 };
export const YEAR = 2023;
const ROOT = 'bo-noi-vu';
const ASSIGNED_ON = '2023-07-01';

export interface Province {
  id: string;
  name: string;
  ubnd: string;
  planId: string;
  bodies: string[];
  communes: string[];
}

export interface NationalTree {
  rootId: string;
  provinces: Province[];
  units: ReadonlyMap<string, Unit>;
  /** Every obligation: id, unit, deadline. */
  obligations: { id: string; unitId: string; taskCode: string; assigned: ObligationAssigned['data'] }[];
  regimes: { regime: RegimeDefinition; province: Province }[];
}

interface SeedUnit {
  key: string;
  name: string;
  kind: EstablishUnit['kind'];
  level: EstablishUnit['level'];
  parentKey: string | null;
}
const seed = <T>(file: string): T => JSON.parse(readFileSync(`seed/${file}`, 'utf8')) as T;
const SYSTEM: Actor = { userId: 'bench-seed', unitId: null, roles: ['system'] };

/** Prefixes every seed key found in a value, so each province gets its own copy of the Cần Thơ plan. */
const remap = <T>(value: T, keys: ReadonlySet<string>, prefix: string): T =>
  JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' && keys.has(v) ? `${prefix}-${v}` : v)) as T;

const communesOf = (p: number): number => {
  if (p === LARGEST.index) return LARGEST.communes;
  const rest = COMMUNES - LARGEST.communes;
  const others = PROVINCES.length - 1;
  const q = p < LARGEST.index ? p : p - 1;
  return Math.floor(rest / others) + (q < rest % others ? 1 : 0);
};

/** The unit registry: the ministry, 34 provincial committees with the Cần Thơ seed's city-level bodies each, 3,321 communes. */
export const writeUnits = async (
  w: LogWriter,
  // BENCH_PROVINCES=2 writes a small slice of the same log, to try the bench quickly.
  count = Number(process.env.BENCH_PROVINCES ?? PROVINCES.length),
): Promise<{ provinces: Province[]; registry: UnitRegistry; seedKeys: Set<string> }> => {
  const seedUnits = seed<{ units: SeedUnit[] }>('units/can-tho-units-2023.json').units;
  const bodies = seedUnits.filter((u) => u.level === 'city' && u.parentKey === 'ubnd-can-tho');
  // The keys a province copies: its committee and its bodies (the ministry stays one).
  const seedKeys = new Set(['ubnd-can-tho', ...bodies.map((b) => b.key)]);
  const at = { effectiveOn: '2023-01-01', legalBasis: null, asExisting: true } as const;
  const commands: EstablishUnit[] = [
    {
      type: 'EstablishUnit',
      unitId: ROOT,
      name: 'Bộ Nội vụ',
      kind: 'ministry',
      level: 'central',
      parentId: null,
      ...at,
    },
  ];
  const names = PROVINCES.slice(0, count);
  const provinces: Province[] = names.map((name, p) => {
    const id = `p${String(p + 1).padStart(2, '0')}`;
    const ubnd = `${id}-ubnd-can-tho`;
    commands.push({
      type: 'EstablishUnit',
      unitId: ubnd,
      name: `Ủy ban nhân dân ${name}`,
      kind: 'city-peoples-committee',
      level: 'city',
      parentId: ROOT,
      ...at,
    });
    for (const b of bodies) {
      commands.push({
        type: 'EstablishUnit',
        unitId: `${id}-${b.key}`,
        name: b.name.replace(/thành phố Cần Thơ|Cần Thơ/, name),
        kind: b.kind,
        level: 'city',
        parentId: ubnd,
        ...at,
      });
    }
    const communes = Array.from({ length: communesOf(p) }, (_, c) => `${id}-xa-${String(c + 1).padStart(3, '0')}`);
    communes.forEach((unitId, c) => {
      const ward = c % 5 === 0;
      commands.push({
        type: 'EstablishUnit',
        unitId,
        name: `${ward ? 'Phường' : 'Xã'} số ${c + 1}, ${name}`,
        kind: 'commune',
        subtype: ward ? 'phuong' : 'xa',
        level: 'commune',
        parentId: ubnd,
        ...at,
      });
    });
    return { id, name, ubnd, planId: `${id}-2023-ldcs`, bodies: bodies.map((b) => `${id}-${b.key}`), communes };
  });
  w.on('2023-01-02');
  const { state, events } = applyUnitCommands(initialRegistry(), commands);
  for (let i = 0; i < events.length; i += 500) await w.append(UNIT_REGISTRY_STREAM, events.slice(i, i + 500), SYSTEM);
  return { provinces, registry: state, seedKeys };
};

/** Each province issues its own copy of the Cần Thơ plan (14 tasks); obligations fan out as the handlers do. */
export const writePlans = async (
  w: LogWriter,
  provinces: Province[],
  registry: UnitRegistry,
  seedKeys: Set<string>,
) => {
  const planSeed = seed<{ plan: PlanIssued['data']; tasks: TaskDefinition[] }>('plans/cantho-2023-ldcs.json');
  const obligations: NationalTree['obligations'] = [];
  w.on(ASSIGNED_ON);
  for (const p of provinces) {
    const plan = {
      ...remap(planSeed.plan, seedKeys, p.id),
      planId: p.planId,
      title: `${planSeed.plan.title} (${p.name})`,
    };
    const tasks = remap(planSeed.tasks, seedKeys, p.id);
    let state = initialPlan();
    const decided: PlanEvent[] = [];
    const step = (c: PlanCommand) => {
      const events = decidePlan(c, state, w.clock.now());
      for (const e of events) state = evolvePlan(state, e);
      decided.push(...events);
    };
    step({ type: 'IssuePlan', ...plan });
    for (const task of tasks) step({ type: 'AddTask', planId: p.planId, task });
    await w.append(planStream(p.planId), decided, {
      userId: `${p.id}-coordinator`,
      unitId: `${p.id}-so-noi-vu`,
      roles: ['plan-coordinator'],
    });
    for (const task of tasks) {
      const year = isRecurring(task.timeFrame) ? YEAR : null;
      const deadline = deadlineOf(task.timeFrame, year ?? undefined);
      for (const target of fanOut(task, p.ubnd, registry.units, ASSIGNED_ON)) {
        const id = obligationIdOf(p.planId, task.code, target.unitId, year ?? undefined);
        const assigned: ObligationAssigned['data'] = {
          obligationId: id,
          planId: p.planId,
          taskCode: task.code,
          unitId: target.unitId,
          role: target.role,
          kind: task.obligation,
          year,
          deadline,
          timeWords: task.timeWords,
          assignedOn: ASSIGNED_ON,
          passedFrom: null,
        };
        obligations.push({ id, unitId: target.unitId, taskCode: task.code, assigned });
      }
    }
  }
  for (const o of obligations) {
    await w.append(
      obligationStream(o.id),
      decideObligation({ type: 'AssignObligation', ...o.assigned }, initialObligation(), w.clock.now()),
      SYSTEM,
    );
  }
  return obligations;
};

/** The two regimes of the plan per province (units → Sở Nội vụ; Sở Nội vụ → the ministry). */
export const regimesOf = (provinces: Province[], seedKeys: Set<string>): NationalTree['regimes'] => {
  const regimes = seed<{ regimes: RegimeDefinition[] }>('plans/cantho-2023-ldcs-reporting.json').regimes;
  return provinces.flatMap((p) =>
    regimes.map((r) => ({
      province: p,
      regime: {
        ...remap(r, seedKeys, p.id),
        regimeId: `${p.id}-${r.regimeId}`,
        planId: p.planId,
        compiles: r.compiles && `${p.id}-${r.compiles}`,
      },
    })),
  );
};
