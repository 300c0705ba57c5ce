import { useSession } from '../auth/session';

/**
 * Whether the signed-in person holds a role. `/me` answers `roles` as plain names
 * (`["unit-reporter"]`), while the session's `hasRole` compares `role` fields; this reads either.
 */
export const useHasRole = (): ((role: string) => boolean) => {
  const { me } = useSession();
  const roles: unknown[] = me?.roles ?? [];
  const nameOf = (r: unknown) =>
    typeof r === 'string' ? r : r && typeof r === 'object' && 'role' in r ? r.role : null;
  return (role) => roles.some((r) => nameOf(r) === role);
};
