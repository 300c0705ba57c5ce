import { canRead, Scope, SEAL_TYPE } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { seesAll } from '../shared/read-helpers';

/** An event as the feeds and the audit trail give it: with the units it is about, stamped or derived. */
export type EventWithSubjects = RecordedEvent & { subjectUnitIds: string[] };

/**
 * Auditors (and the system) see every event; everyone else, the events about a unit in their scope
 * (its subject units, never the recorder's unit), and the seals, which are about the whole log and
 * are meant to be kept by every reader.
 */
export const visibleTo = (scope: Scope, e: RecordedEvent, subjects: readonly string[]): boolean =>
  seesAll(scope) || e.type === SEAL_TYPE || subjects.some((u) => canRead(scope, u));
