import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InspectionNotFound, Scope } from '@gl/domain';
import { Filter, InspectionDoc, READ_STORE, ReadStore } from '@gl/read-models';
import { findPage, seesAll, seesUnit, withoutStoreFields } from '../shared/read-helpers';

const visibleTo = (scope: Scope): Filter | null => {
  if (seesAll(scope)) return null;
  const reads = [...scope.reads];
  return { $or: [{ inspectedUnitId: { $in: reads } }, { inspectingUnitId: { $in: reads } }] };
};

/** Inspections of a unit (inspected or inspecting), of a year (when held, else when planned), by status. */
export class ListInspections {
  constructor(
    readonly scope: Scope,
    readonly filter: { unitId?: string; year?: number; status?: string },
    readonly page = 1,
    readonly pageSize = 50,
  ) {}
}

@QueryHandler(ListInspections)
export class ListInspectionsHandler implements IQueryHandler<ListInspections> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  execute({ scope, filter, page, pageSize }: ListInspections) {
    const and: Filter[] = [];
    if (filter.unitId) and.push({ $or: [{ inspectedUnitId: filter.unitId }, { inspectingUnitId: filter.unitId }] });
    if (filter.year !== undefined) and.push({ year: filter.year });
    if (filter.status) and.push({ status: filter.status });
    const visible = visibleTo(scope);
    if (visible) and.push(visible);
    return findPage<InspectionDoc>(
      this.reads,
      'inspections',
      and.length ? { $and: and } : {},
      { plannedFrom: -1, _id: 1 },
      page,
      pageSize,
    );
  }
}

export class GetInspection {
  constructor(
    readonly scope: Scope,
    readonly inspectionId: string,
  ) {}
}

@QueryHandler(GetInspection)
export class GetInspectionHandler implements IQueryHandler<GetInspection> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, inspectionId }: GetInspection) {
    const d = await this.reads.get('inspections', inspectionId);
    const doc = d ? withoutStoreFields<InspectionDoc>(d) : null;
    // Outside the caller's scope it does not exist (404), as everywhere.
    if (!doc || (!seesUnit(scope, doc.inspectedUnitId) && !seesUnit(scope, doc.inspectingUnitId)))
      throw new InspectionNotFound(inspectionId);
    return doc;
  }
}
