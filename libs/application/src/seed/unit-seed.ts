import type { LegalBasis, NewUnit, UnitCommand, UnitKind, UnitLevel, UnitSubtype } from '@gl/domain';

/** The shapes of seed/units/*.json (see the files' own descriptions and sources). */
export interface UnitsFile {
  asOf: string;
  units: { key: string; name: string; nameEn?: string | null; kind: UnitKind; subtype?: UnitSubtype; level: UnitLevel; parentKey: string | null; code: string | null; codeTable: string | null }[];
}
interface Basis { number: string; date: string | null; issuer: string; title?: string; effective?: string }
export interface ReorganisationFile {
  legalBases: Record<'district-abolition' | 'province-merger' | 'commune-arrangement', Basis>;
  intermediateChanges: (Basis & { effective: string; changes: { into: string; merged: { key: string; whole: boolean }[] }[] })[];
  provinceMerger: { into: { key: string }; merged: { key: string; name: string; code: string }[] };
  newCommunes: {
    key: string; name: string; subtype: UnitSubtype; code: string | null; codeTable: string; unchanged?: boolean;
    predecessors: { key: string; whole: boolean; via?: string }[];
  }[];
}

/** A command and the key that makes re-running the seed append nothing new. */
export interface SeedStep {
  key: string;
  command: UnitCommand;
}

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

/**
 * The registry's seed: the city as it stood in 2023 (recorded as existing, known from 2023-01-01),
 * the 2024 ward merger in Ninh Kiều, and the 2025 reorganisation (provinces merged, new communes,
 * the district level abolished), each with its legal basis.
 */
export const unitSeedSteps = (units: UnitsFile, reorg: ReorganisationFile): SeedStep[] => {
  const steps: SeedStep[] = ordered(units.units).map((u) => ({
    key: `unit:${u.key}`,
    command: {
      type: 'EstablishUnit', unitId: u.key, name: u.name, nameEn: u.nameEn ?? null, kind: u.kind, subtype: u.subtype ?? null, level: u.level,
      parentId: u.parentKey, code: u.code && u.codeTable ? { code: u.code, table: u.codeTable } : null,
      effectiveOn: KNOWN_FROM, legalBasis: null, asExisting: true,
    },
  }));
  for (const change of reorg.intermediateChanges) {
    for (const c of change.changes) {
      steps.push({
        key: `merge:${c.into}:${change.effective}`,
        command: {
          type: 'MergeUnits', effectiveOn: change.effective, legalBasis: basis(change),
          predecessors: [{ unitId: c.into, whole: true }, ...c.merged.map((m) => ({ unitId: m.key, whole: m.whole }))],
          successor: { unitId: c.into },
        },
      });
    }
  }
  const province = reorg.legalBases['province-merger'];
  for (const p of reorg.provinceMerger.merged) {
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
  for (const c of reorg.newCommunes) {
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
