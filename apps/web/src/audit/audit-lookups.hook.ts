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

/** Each person's name, asked for once per page load; the id stays when the person cannot be read. */
const asked = new Map<string, Promise<string>>();
export const userName = (id: string): Promise<string> => {
  let p = asked.get(id);
  if (!p) {
    p = api<{ displayName: string }>(`/users/${encodeURIComponent(id)}`)
      .then((u) => u.displayName)
      .catch(() => id);
    asked.set(id, p);
  }
  return p;
};

/** People's names by id. */
export const useUserNames = (ids: string[]) => {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',') : [])
      if (id !== 'system' && id !== 'sealer')
        void userName(id).then((name) => live && setNames((n) => (n[id] === name ? n : { ...n, [id]: name })));
    return () => {
      live = false;
    };
  }, [key]);
  return names;
};
