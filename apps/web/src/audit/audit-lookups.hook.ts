import { useEffect, useState } from 'react';
import { api } from '../shared/api-client';
import type { UnitItem } from './audit.types';

/** Every unit standing today, by name (pages of 500). */
export const useUnits = () => {
  const [units, setUnits] = useState<UnitItem[] | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const all: UnitItem[] = [];
      for (let page = 1; page <= 20; page++) {
        const r = await api<{ items: UnitItem[]; total: number }>(`/units?pageSize=500&page=${page}`).catch(() => null);
        if (!r) break;
        all.push(...r.items);
        if (all.length >= r.total || r.items.length === 0) break;
      }
      if (live) setUnits(all.sort((a, b) => a.name.localeCompare(b.name, 'vi')));
    })();
    return () => {
      live = false;
    };
  }, []);
  return units;
};

/** People's names by id, each read once; the id stays when the person cannot be read. */
export const useUserNames = (ids: string[]) => {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    for (const id of key ? key.split(',') : [])
      if (id !== 'system' && id !== 'sealer')
        api<{ displayName: string }>(`/users/${id}`)
          .then((u) => setNames((n) => ({ ...n, [id]: u.displayName })))
          .catch(() => setNames((n) => ({ ...n, [id]: id })));
  }, [key]);
  return names;
};
