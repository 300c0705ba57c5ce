import { useSession } from '../auth/session';

/** Whether the signed-in person holds a role now. */
export const useHasRole = (): ((role: string) => boolean) => useSession().hasRole;
