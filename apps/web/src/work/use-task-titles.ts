import { useEffect, useState } from 'react';
import { api } from '../shared/api-client';
import type { Plan } from './work.types';

const plans = new Map<string, Promise<Plan | null>>();

/** The plans' task titles, `planId/taskCode` → title, for the plans named (each read once). */
export const useTaskTitles = (planIds: string[]): Record<string, string> => {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const key = [...new Set(planIds)].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const ids = key.split(',');
    for (const id of ids)
      if (!plans.has(id))
        plans.set(
          id,
          api<Plan>(`/plans/${encodeURIComponent(id)}`).catch(() => null),
        );
    void Promise.all(ids.map((id) => plans.get(id)!)).then((found) => {
      if (!live) return;
      const out: Record<string, string> = {};
      for (const p of found)
        if (p) for (const t of Object.values(p.tasks ?? {})) out[`${p.planId}/${t.code}`] = t.title;
      setTitles(out);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return titles;
};
