import { RecordedEvent } from '../port/envelope';
import { UpcasterChainError, UpcasterRegistry } from './upcaster-registry';

const stored = (schemaVersion: number, data: unknown, type = 'unit.renamed.v1'): RecordedEvent => ({
  stream: 'unit-1',
  revision: 0,
  position: '1',
  eventId: 'e1',
  type,
  data,
  metadata: {
    actor: { userId: 'u', unitId: null, roles: [] },
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2023-07-01T00:00:00.000Z',
    schemaVersion,
    prevHash: '0'.repeat(64),
    hash: 'h',
  },
});

describe('UpcasterRegistry', () => {
  // v1 had one "name"; v2 split Vietnamese and English names; v3 added the legal basis.
  const registry = new UpcasterRegistry().register(
    {
      type: 'unit.renamed.v1',
      fromVersion: 1,
      upcast: (d) => ({ nameVi: (d as { name: string }).name, nameEn: null }),
    },
    { type: 'unit.renamed.v1', fromVersion: 2, upcast: (d) => ({ ...(d as object), legalBasis: null }) },
  );

  it('brings a stored v1 shape up to the current one, step by step', () => {
    const e = registry.upcast(stored(1, { name: 'Quận Ninh Kiều' }));
    expect(e.data).toEqual({ nameVi: 'Quận Ninh Kiều', nameEn: null, legalBasis: null });
    expect(e.metadata.schemaVersion).toBe(1);
    expect(e.metadata.hash).toBe('h');
  });

  it('leaves a current shape and other types alone', () => {
    const current = stored(3, { nameVi: 'x', nameEn: null, legalBasis: 'NQ 1668' });
    expect(registry.upcast(current)).toBe(current);
    const other = stored(1, { a: 1 }, 'plan.issued.v1');
    expect(registry.upcast(other)).toBe(other);
  });

  it('knows the current version of each type', () => {
    expect(registry.currentVersion('unit.renamed.v1')).toBe(3);
    expect(registry.currentVersion('plan.issued.v1')).toBe(1);
  });

  it('refuses two upcasters from the same version', () => {
    expect(() =>
      new UpcasterRegistry().register(
        { type: 'a.b.v1', fromVersion: 1, upcast: (d) => d },
        { type: 'a.b.v1', fromVersion: 1, upcast: (d) => d },
      ),
    ).toThrow(/two upcasters/);
  });

  it('says which step is missing in a broken chain', () => {
    const broken = new UpcasterRegistry().register({ type: 'a.b.v1', fromVersion: 2, upcast: (d) => d });
    expect(() => broken.upcast(stored(1, {}, 'a.b.v1'))).toThrow(UpcasterChainError);
  });
});
