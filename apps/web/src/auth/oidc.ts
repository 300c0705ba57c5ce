import * as oauth from 'oauth4webapi';
import type { SignInOptions } from './sign-in.types';

/*
 * Signing in at the organisation's identity provider: OpenID Connect authorization code with PKCE,
 * as a public client (no secret in a browser), with panva's oauth4webapi. The provider is found
 * by discovery of its issuer; the code verifier, `state` and `nonce` wait in this tab's
 * sessionStorage while the person is at the provider; the access token it issues (a JWT whose
 * audience is the API, asked for with the RFC 8707 resource indicator) is what the API verifies.
 */

type Oidc = NonNullable<SignInOptions['oidc']>;

/** What one sign-in keeps while the browser is at the provider. */
interface Pending {
  issuer: string;
  clientId: string;
  resource: string | null;
  redirectUri: string;
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const PENDING = 'gl.oidc.pending';

/** Why a sign-in failed, for the words the callback page shows. */
export type OidcFailure = 'stale' | 'refused' | 'exchange' | 'unreachable';

export class OidcSignInError extends Error {
  constructor(
    readonly failure: OidcFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'OidcSignInError';
  }
}

/** Where the provider sends the browser back: registered with the provider as this client's redirect URI. */
export const redirectUri = () => `${window.location.origin}/auth/callback`;

/** Plain HTTP only to a provider on this machine (development and tests); anywhere else HTTPS. */
const transport = (issuer: URL) =>
  issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {};

const discover = async (issuer: string): Promise<oauth.AuthorizationServer> => {
  const url = new URL(issuer);
  try {
    const res = await oauth.discoveryRequest(url, { algorithm: 'oidc', ...transport(url) });
    return await oauth.processDiscoveryResponse(url, res);
  } catch (e) {
    throw new OidcSignInError('unreachable', e instanceof Error ? e.message : String(e));
  }
};

/** A path of this app to come back to; anything else (another site, `//host`) is `/`. */
const samePath = (to: unknown): string =>
  typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') ? to : '/';

/** The page a private route sent the person away from (react-router keeps it in the history entry). */
const cameFrom = (): string => samePath((window.history.state as { usr?: { from?: unknown } } | null)?.usr?.from);

/** Starts the authorization-code flow with PKCE at the identity provider: the browser leaves for its sign-in page. */
export const startOidcSignIn = async (oidc: Oidc, returnTo: string = cameFrom()): Promise<void> => {
  const as = await discover(oidc.issuer);
  if (!as.authorization_endpoint)
    throw new OidcSignInError('unreachable', 'the provider names no authorization endpoint');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const pending: Pending = {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    resource: oidc.resource,
    redirectUri: redirectUri(),
    codeVerifier,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    returnTo: samePath(returnTo),
  };
  const url = new URL(as.authorization_endpoint);
  const params: Record<string, string> = {
    client_id: oidc.clientId,
    response_type: 'code',
    redirect_uri: pending.redirectUri,
    scope: oidc.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  };
  if (oidc.resource) params.resource = oidc.resource;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  window.location.assign(url.href);
};

const readPending = (): Pending | null => {
  const raw = sessionStorage.getItem(PENDING);
  // One answer per sign-in: a reload or a replayed callback finds nothing to finish.
  sessionStorage.removeItem(PENDING);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Pending;
  } catch {
    return null;
  }
};

const END_SESSION = 'gl.oidc.end-session';

/** Remembers, for this tab's session, where signing out ends the person's session at the provider too. */
export const keepProviderSignOut = (url: string | null) => {
  if (url) sessionStorage.setItem(END_SESSION, url);
  else sessionStorage.removeItem(END_SESSION);
};

/** Where to send the browser to sign out at the provider as well (RP-initiated logout), once; null: not signed in there. */
export const takeProviderSignOut = (): string | null => {
  const url = sessionStorage.getItem(END_SESSION);
  sessionStorage.removeItem(END_SESSION);
  return url;
};

/** The provider's end-session address for this ID token, back to the sign-in page after; null if it has none. */
const endSessionUrl = (as: oauth.AuthorizationServer, clientId: string, idToken: string | undefined): string | null => {
  if (!as.end_session_endpoint || !idToken) return null;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/sign-in`);
  return url.href;
};

/**
 * Finishes the sign-in on the callback page: the answer must carry this sign-in's `state` (and
 * the provider's `iss`), the code is exchanged with the PKCE verifier, and the ID token must carry
 * its `nonce`. Answers the access token for the API, the page to go back to, and where signing
 * out ends the session at the provider.
 */
export const finishOidcSignIn = async (
  callback: URL,
): Promise<{ accessToken: string; returnTo: string; endSession: string | null }> => {
  const pending = readPending();
  const problem = callback.searchParams.get('error');
  if (!pending) {
    if (problem)
      throw new OidcSignInError(
        'refused',
        [problem, callback.searchParams.get('error_description')].filter(Boolean).join(': '),
      );
    throw new OidcSignInError('stale', 'no sign-in was started in this tab, or it was finished already');
  }
  const as = await discover(pending.issuer);
  const client: oauth.Client = { client_id: pending.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, pending.state);
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError)
      throw new OidcSignInError('refused', [e.error, e.error_description].filter(Boolean).join(': '));
    throw new OidcSignInError('stale', e instanceof Error ? e.message : String(e));
  }
  try {
    const res = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      {
        ...transport(new URL(pending.issuer)),
        ...(pending.resource && { additionalParameters: { resource: pending.resource } }),
      },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, res, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    return {
      accessToken: tokens.access_token,
      returnTo: pending.returnTo,
      endSession: endSessionUrl(as, pending.clientId, tokens.id_token),
    };
  } catch (e) {
    const detail =
      e instanceof oauth.ResponseBodyError
        ? [e.error, e.error_description].filter(Boolean).join(': ')
        : e instanceof Error
          ? e.message
          : String(e);
    throw new OidcSignInError('exchange', detail);
  }
};
