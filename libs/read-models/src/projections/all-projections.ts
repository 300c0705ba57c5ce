import { AnyProjection } from '../engine/projection';
import { users } from './access/users.projection';
import { streamCatalogue } from './audit/stream-catalogue.projection';
import { unitRegistry } from './units/unit-registry.projection';
import { obligations } from './plans/obligations.projection';
import { plans } from './plans/plans.projection';
import { activities } from './activities/activities.projection';
import { reportingPeriods, reportingRegimes, reports } from './reporting/reporting.projections';
import { inspections } from './inspections/inspections.projection';

/** Every projection the product runs. A feature adds its own here. */
export const allProjections: AnyProjection[] = [
  streamCatalogue,
  unitRegistry,
  users,
  plans,
  obligations,
  activities,
  reportingRegimes,
  reportingPeriods,
  reports,
  inspections,
];
