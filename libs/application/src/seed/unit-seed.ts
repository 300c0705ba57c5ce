import type { LegalBasis, NewUnit, UnitCommand, UnitKind, UnitLevel, UnitSubtype } from '@gl/domain';

/** The shapes of seed/units/*.json (see the files' own descriptions and sources). */
export interface UnitsFile {
  asOf: string;
  units: { key: string; name: string; nameEn?: string | null; kind: UnitKind; subtype?: UnitSubtype; level: UnitLevel; parentKey: string | null; code: string | null; codeTable: string | null }[];
}
interface Basis { number: string; date: string | null; issuer: string; title?: string; effective?: string }
/** A unit a change creates (a merger into a new unit). */
interface SeedNewUnit {
  key: string; name: string; nameEn?: string | null; kind?: UnitKind; subtype?: UnitSubtype; level?: UnitLevel; parentKey: string | null;
  code: string | null; codeTable: string | null;
}
/** A merger: the merged units go into an existing one (`into`, which continues) or into a unit it creates (`newUnit`). */
interface SeedMerger { into?: string; newUnit?: SeedNewUnit; merged: { key: string; whole: boolean }[] }
type IntermediateChange = Basis & { effective: string; changes: SeedMerger[] };
type NewCommune = {
  key: string; name: string; subtype: UnitSubtype; code: string | null; codeTable: string; unchanged?: boolean;
  predecessors: { key: string; whole: boolean; via?: string }[];
};
export interface ReorganisationFile {
  legalBases: Record<'district-abolition' | 'province-merger' | 'commune-arrangement', Basis>;
  intermediateChanges: IntermediateChange[];
  provinceMerger: { into: { key: string }; merged: { key: string; name: string; code: string }[] };
  newCommunes: NewCommune[];
}
/** More of the same reorganisation (e.g. the Sóc Trăng and Hậu Giang parts): the main file's legal bases apply. */
export interface ReorganisationPart {
  intermediateChanges?: IntermediateChange[];
  newCommunes?: NewCommune[];
}

/** A command and the key that makes re-running the seed append nothing new. */
export interface SeedStep {
  key: string;
  command: UnitCommand;
}

/**
 * The unit seed's files under the seed directory, in the order they load: the 2023 trees (Cần Thơ,
 * then Hậu Giang and Sóc Trăng, outside Cần Thơ's tree until the 2025 merger), the reorganisation,
 * and its Hậu Giang / Sóc Trăng part.
 */
export const UNIT_SEED_FILES = {
  units: ['units/can-tho-units-2023.json', 'units/hau-giang-units-2023.json', 'units/soc-trang-units-2023.json'],
  reorganisation: 'units/can-tho-reorganisation-2025.json',
  parts: ['units/soc-trang-hau-giang-reorganisation-2025.json'],
} as const;

/** The unit seed's steps from the seed directory, read through `read` (a path relative to the seed directory). */
export const loadUnitSeed = (read: <T>(path: string) => T): SeedStep[] =>
  unitSeedSteps(
    UNIT_SEED_FILES.units.map((p) => read<UnitsFile>(p)),
    read<ReorganisationFile>(UNIT_SEED_FILES.reorganisation),
    UNIT_SEED_FILES.parts.map((p) => read<ReorganisationPart>(p)),
  );

const basis = (b: Basis): LegalBasis => ({ number: b.number, date: b.date, issuer: b.issuer, ...(b.title && { title: b.title }) });
const KNOWN_FROM = '2023-01-01';
const GSO_2025 = { number: '1027/CTK-CSCL', date: '2025-06-25', issuer: 'Cục Thống kê', title: 'Danh mục mã đơn vị hành chính cấp xã mới' };

/** Parents before children. */
const ordered = (units: UnitsFile['units']): UnitsFile['units'] => {
  const done = new Set<string>();
  const out: UnitsFile['units'] = [];
  let rest = units;
  while (rest.length > 0) {
    const ready = rest.filter((u) => u.parentKey === null || done.has(u.parentKey));
    if (ready.length === 0) throw new Error(`seed units with unknown parents: ${rest.map((u) => u.key).join(', ')}`);
    for (const u of ready) done.add(u.key);
    out.push(...ready);
    rest = rest.filter((u) => !done.has(u.key));
  }
  return out;
};

const mergerStep = (change: IntermediateChange, c: SeedMerger): SeedStep => {
  const merged = c.merged.map((m) => ({ unitId: m.key, whole: m.whole }));
  if (c.newUnit) {
    const n = c.newUnit;
    const successor: NewUnit = {
      unitId: n.key, name: n.name, nameEn: n.nameEn ?? null, kind: n.kind ?? 'commune', subtype: n.subtype ?? null, level: n.level ?? 'commune',
      parentId: n.parentKey, code: n.code && n.codeTable ? { code: n.code, table: n.codeTable } : null,
    };
    return { key: `merge:${n.key}:${change.effective}`, command: { type: 'MergeUnits', effectiveOn: change.effective, legalBasis: basis(change), predecessors: merged, successor } };
  }
  if (!c.into) throw new Error(`a merger of ${change.number} names neither "into" nor "newUnit"`);
  return {
    key: `merge:${c.into}:${change.effective}`,
    command: {
      type: 'MergeUnits', effectiveOn: change.effective, legalBasis: basis(change),
      predecessors: [{ unitId: c.into, whole: true }, ...merged], successor: { unitId: c.into },
    },
  };
};

/**
 * The registry's seed: the 2023 trees (recorded as existing, known from 2023-01-01), the changes
 * before 2025 (Sóc Trăng 2024, the Ninh Kiều ward merger, the March 2025 department mergers) in
 * date order, and the 2025 reorganisation (provinces merged, new communes, the district level
 * abolished), each with its legal basis.
 */
export const unitSeedSteps = (unitFiles: UnitsFile | UnitsFile[], reorg: ReorganisationFile, parts: ReorganisationPart[] = []): SeedStep[] => {
  const all = (Array.isArray(unitFiles) ? unitFiles : [unitFiles]).flatMap((f) => f.units);
  const steps: SeedStep[] = ordered(all).map((u) => ({
    key: `unit:${u.key}`,
    command: {
      type: 'EstablishUnit', unitId: u.key, name: u.name, nameEn: u.nameEn ?? null, kind: u.kind, subtype: u.subtype ?? null, level: u.level,
      parentId: u.parentKey, code: u.code && u.codeTable ? { code: u.code, table: u.codeTable } : null,
      effectiveOn: KNOWN_FROM, legalBasis: null, asExisting: true,
    },
  }));
  const established = new Set(all.map((u) => u.key));
  const changes = [...reorg.intermediateChanges, ...parts.flatMap((p) => p.intermediateChanges ?? [])]
    .map((change, i) => ({ change, i }))
    .sort((a, b) => a.change.effective.localeCompare(b.change.effective) || a.i - b.i);
  for (const { change } of changes) for (const c of change.changes) steps.push(mergerStep(change, c));
  const province = reorg.legalBases['province-merger'];
  for (const p of reorg.provinceMerger.merged) {
    if (established.has(p.key)) continue;
    steps.push({
      key: `unit:${p.key}`,
      command: {
        type: 'EstablishUnit', unitId: p.key, name: p.name, kind: 'city-peoples-committee', level: 'city', parentId: null,
        code: { code: p.code, table: 'gso-dvhc' }, effectiveOn: KNOWN_FROM, legalBasis: null, asExisting: true,
      },
    });
  }
  steps.push({
    key: 'merge:provinces:2025',
    command: {
      type: 'MergeUnits', effectiveOn: province.effective ?? '2025-07-01', legalBasis: basis(province),
      predecessors: [{ unitId: reorg.provinceMerger.into.key, whole: true }, ...reorg.provinceMerger.merged.map((m) => ({ unitId: m.key, whole: true }))],
      successor: { unitId: reorg.provinceMerger.into.key },
    },
  });
  const communes = reorg.legalBases['commune-arrangement'];
  const on = communes.effective ?? '2025-07-01';
  for (const c of [...reorg.newCommunes, ...parts.flatMap((p) => p.newCommunes ?? [])]) {
    const code = c.code ? { code: c.code, table: c.codeTable } : null;
    if (c.unchanged) {
      steps.push({ key: `recode:${c.key}`, command: { type: 'RecodeUnit', unitId: c.predecessors[0].key, code, effectiveOn: on, legalBasis: GSO_2025 } });
      continue;
    }
    const successor: NewUnit = { unitId: c.key, name: c.name, kind: 'commune', subtype: c.subtype, level: 'commune', parentId: reorg.provinceMerger.into.key, code };
    steps.push({
      key: `merge:${c.key}`,
      command: {
        type: 'MergeUnits', effectiveOn: on, legalBasis: basis(communes),
        predecessors: c.predecessors.filter((p) => !p.via).map((p) => ({ unitId: p.key, whole: p.whole })),
        successor,
      },
    });
  }
  const abolition = reorg.legalBases['district-abolition'];
  steps.push({ key: 'abolish:district:2025', command: { type: 'AbolishLevel', level: 'district', effectiveOn: abolition.effective ?? '2025-07-01', legalBasis: basis(abolition) } });
  return steps;
};
