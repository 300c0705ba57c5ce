/** What `GET /api/v1/sign-in/options` answers. */
export interface SignInOptions {
  demo: {
    users: {
      userId: string;
      displayName: string;
      unitId: string;
      unitName: string;
      roles: { role: string; unitId: string }[];
    }[];
  } | null;
  oidc: { issuer: string; clientId: string; scope: string; resource: string | null } | null;
}
