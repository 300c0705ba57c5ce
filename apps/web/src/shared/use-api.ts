import { useCallback, useEffect, useState } from 'react';
import { api, ApiProblem } from './api-client';

/** Reads a resource when `path` is set, again whenever it changes or `reload()` is called. */
export const useApi = <T>(path: string | null) => {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiProblem | Error | null>(null);
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    api<T>(path, { signal: ctrl.signal })
      .then((d) => setData(d))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    return () => ctrl.abort();
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
};
