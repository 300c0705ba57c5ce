import type { Me } from '../auth/session';
import { api } from '../shared/api-client';

/** Whether the signed-in person may record for the unit (its reporter or head, or the coordinator within scope). */
export const canWrite = (me: Me | null, unitId: string): boolean => Boolean(me?.scope.writes.includes(unitId));

/** The plan coordinator (Sở Nội vụ): guidance, escalation, decisions, approvals. `/me` lists roles by name. */
export const isCoordinator = (me: Me | null): boolean =>
  Boolean(me?.roles.some((r) => (typeof r === 'string' ? r : (r as { role?: string }).role) === 'plan-coordinator'));

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads a resource again until it shows what was just written (the read models follow the log a
 * moment behind), or gives up after a few seconds and answers what it last read.
 */
export const readFresh = async <T>(path: string, done: (d: T) => boolean, tries = 25): Promise<T | null> => {
  let last: T | null = null;
  for (let i = 0; i < tries; i++) {
    try {
      last = await api<T>(path);
      if (done(last)) return last;
    } catch {
      /* not there yet */
    }
    await pause(200);
  }
  return last;
};
