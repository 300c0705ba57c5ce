import type { SignInOptions } from './sign-in.types';

/** Starts the authorization-code flow with PKCE at the identity provider (filled in with the OIDC work). */
export const startOidcSignIn = async (_oidc: NonNullable<SignInOptions['oidc']>): Promise<void> => {
  throw new Error('OIDC sign-in is not built yet');
};
