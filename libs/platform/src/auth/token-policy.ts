import type { JWTPayload } from 'jose';

/** How long a token may live and how far its times may disagree with ours. */
export interface TokenTimePolicy {
  maxLifetimeSeconds: number;
  clockSkewSeconds: number;
}

/**
 * What the signature cannot tell: a token's times are plausible. A stolen token that claims a
 * 100-year life, or one issued "next year" (a signer with a wrong clock, or a forged iat meant to
 * outlive a key rotation), is refused whoever signed it. jose checks exp and nbf against the same
 * skew; this checks iat and the lifetime. Answers why the token is refused, or null.
 */
export const tokenTimeProblem = (payload: JWTPayload, nowSeconds: number, policy: TokenTimePolicy): string | null => {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return 'it must carry numeric "iat" and "exp" claims';
  if (iat > nowSeconds + policy.clockSkewSeconds) {
    return `it was issued ${Math.round(iat - nowSeconds)} s in the future ("iat"); at most ${policy.clockSkewSeconds} s of clock skew is allowed`;
  }
  if (exp - iat > policy.maxLifetimeSeconds) {
    return `its lifetime ("exp" − "iat") of ${exp - iat} s is longer than the ${policy.maxLifetimeSeconds} s allowed`;
  }
  return null;
};
