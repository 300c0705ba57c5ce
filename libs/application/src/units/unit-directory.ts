import { Inject, Injectable } from '@nestjs/common';
import type { Unit } from '@gl/domain';
import { READ_STORE, ReadStore, UNIT_REGISTRY_DOC, UnitRegistryDoc } from '@gl/read-models';

/**
 * The organisation tree from its read model, parsed once per version: every request's scope and
 * every tree query reads it.
 */
@Injectable()
export class UnitDirectory {
  private cached: { position: string; units: ReadonlyMap<string, Unit> } | null = null;

  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async units(): Promise<ReadonlyMap<string, Unit>> {
    const doc = (await this.reads.get('unit-registry', UNIT_REGISTRY_DOC)) as
      (UnitRegistryDoc & { _position?: string }) | null;
    if (!doc) return new Map();
    const position = doc._position ?? '';
    if (this.cached?.position !== position) this.cached = { position, units: new Map(Object.entries(doc.units)) };
    return this.cached.units;
  }
}
