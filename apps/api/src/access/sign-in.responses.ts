import { Id, Instant, Line, List, Nullable, Obj, RoleSchema, Type } from '@gl/domain';

/* What the web app's sign-in page reads before anyone has a token. */

export const DemoUser = Obj({
  userId: Id(),
  displayName: Line(),
  unitId: Id(),
  unitName: Line(500, { description: "The unit's name today" }),
  roles: List(Obj({ role: RoleSchema, unitId: Id() }), 10),
});

export const SignInOptions = Obj({
  demo: Nullable(
    Obj(
      { users: List(DemoUser, 100) },
      { description: 'Demo users: only when not in production and they were seeded' },
    ),
  ),
  oidc: Nullable(
    Obj(
      {
        issuer: Line(500, { description: 'The OpenID provider (OIDC_ISSUER)' }),
        clientId: Line(500, { description: 'The public client the web app signs in as (OIDC_CLIENT_ID)' }),
        scope: Line(),
        resource: Nullable(
          Line(500, { description: 'RFC 8707 resource indicator asked for, so access tokens name this API' }),
        ),
      },
      { description: 'Authorization code with PKCE against the identity provider' },
    ),
  ),
});

export const DemoSignInBody = Obj({ userId: Id() });
export type DemoSignInBody = typeof DemoSignInBody.static;

export const DemoSession = Obj({
  token: Type.String({ description: 'A bearer token, as `npm run cli -- token` issues' }),
  tokenType: Type.Literal('Bearer'),
  expiresAt: Instant(),
});
