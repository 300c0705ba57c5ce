import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setToken, setUnauthorizedHandler } from '../shared/api-client';
import { takeProviderSignOut } from './oidc';

export interface Me {
  user: { userId: string; displayName: string; unitId: string };
  /** The roles held now, by name (`unit-reporter`); where each reaches is in `scope`. */
  roles: string[];
  scope: { readsAll: boolean; reads: string[]; writes: string[] };
}

interface Session {
  me: Me | null;
  /** True until a kept token has been checked. */
  checking: boolean;
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
  hasRole: (role: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);
const KEY = 'gl.token';

/**
 * The signed-in person: their token is kept for this tab only (sessionStorage), checked against
 * `/me` at start, and dropped on sign-out or when the API answers 401.
 */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);

  /** The token is dropped here (the API refused it, or the person signs out). */
  const forget = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setToken(null);
    setMe(null);
  }, []);

  /** The person signs out: of the provider's session too, when they signed in there (it sends them back to /sign-in). */
  const signOut = useCallback(() => {
    forget();
    const atProvider = takeProviderSignOut();
    if (atProvider) window.location.assign(atProvider);
  }, [forget]);

  const signIn = useCallback(async (token: string) => {
    setToken(token);
    try {
      const who = await api<Me>('/me');
      sessionStorage.setItem(KEY, token);
      setMe(who);
    } catch (e) {
      setToken(null);
      throw e;
    }
  }, []);

  useEffect(() => {
    // A refused token ends this tab's session only; the provider's stays, so signing in again is one click.
    setUnauthorizedHandler(forget);
    const kept = sessionStorage.getItem(KEY);
    if (!kept) return setChecking(false);
    signIn(kept)
      .catch(() => sessionStorage.removeItem(KEY))
      .finally(() => setChecking(false));
  }, [signIn, forget]);

  const value = useMemo<Session>(
    () => ({ me, checking, signIn, signOut, hasRole: (r) => Boolean(me?.roles.includes(r)) }),
    [me, checking, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
};
