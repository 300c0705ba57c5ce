// A real, certified OpenID provider (panva's oidc-provider) on loopback, for the browser tests of
// the web app's sign-in. oidc-provider is ESM-only and Jest runs the tests as CommonJS, so the
// tests start this file as a child process:
//
//   node apps/web/test/support/oidc-provider.mjs <port> <redirect_uri> <client_id> <resource> <audience>
//
// and read the issuer URL from its first line of output. It knows one public client (no secret,
// PKCE required, CORS from the app's origin), and any login at its development login form is an
// account whose `sub` is that login (a seeded user's id, or anything else to test a refusal).
// Access tokens asked for with the resource indicator are ES256 JWTs whose `aud` is the API's.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const [port, redirectUri, clientId, resource, audience] = process.argv.slice(2);
if (!port || !redirectUri || !clientId || !resource || !audience) {
  console.error('usage: oidc-provider.mjs <port> <redirect_uri> <client_id> <resource> <audience>');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const appOrigin = new URL(redirectUri).origin;

const jwk = (type, options, alg, kid) => ({
  ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }),
  alg,
  use: 'sig',
  kid,
});

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // Where the app's pages go after signing out at the provider (RP-initiated logout).
      post_logout_redirect_uris: [`${appOrigin}/sign-in`],
    },
  ],
  // ID tokens RS256 (the default), access tokens ES256.
  jwks: {
    keys: [
      jwk('rsa', { modulusLength: 2048 }, 'RS256', 'test-rs256'),
      jwk('ec', { namedCurve: 'P-256' }, 'ES256', 'test-es256'),
    ],
  },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile'],
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: sub }) }),
  // Only the web app's origin may call the token endpoint from a browser.
  clientBasedCORS: (_ctx, origin) => origin === appOrigin,
  ttl: { AccessToken: 600, IdToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) throw new errors.InvalidTarget();
        return {
          scope: '',
          audience,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
});
// Its warnings about development defaults are expected here; errors go to stderr.
provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(issuer);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
