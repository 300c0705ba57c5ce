import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeProtectedHeader, JWTPayload, JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { resolveJwtSecret } from './jwt-secret';
import { tokenTimeProblem } from './token-policy';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid bearer token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
/** A token verified is taken as verified for at most this long (and never past its expiry): a key the identity provider withdraws stops counting within it. */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_KEPT = 10_000;

/**
 * Issues (embedded mode) and verifies bearer JWTs: the algorithm is pinned (HS256 with our
 * secret; asymmetric ones only through the identity provider's JWKS), and issuer, audience, expiry,
 * issue time and subject are required; the lifetime and the clock skew are bounded (token-policy.ts).
 * `alg: none` never verifies.
 */
@Injectable()
export class TokenService {
  private readonly secret: Uint8Array | null;
  private readonly jwks: JWTVerifyGetKey | null;
  /**
   * Tokens verified lately, by their whole text (signature included, so only the same token hits):
   * every request of a client carries the same one, and its signature need not be checked again.
   */
  private readonly verified = new Map<string, { subject: string; expiresAt: Date; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const secret = resolveJwtSecret(config);
    this.secret = secret ? new TextEncoder().encode(secret) : null;
    this.jwks = config.auth.oidcJwksUrl ? createRemoteJWKSet(new URL(config.auth.oidcJwksUrl)) : null;
  }

  /** Whether this process issues tokens itself (it holds a secret), as in embedded mode. */
  canSign(): boolean {
    return this.secret !== null;
  }

  async sign(userId: string, ttlSeconds = this.config.auth.tokenTtlSeconds): Promise<string> {
    if (!this.secret) throw new Error('no JWT_SECRET: tokens come from the identity provider here');
    // A token this process would refuse is not worth issuing.
    if (ttlSeconds > this.config.auth.maxTokenLifetimeSeconds) {
      throw new Error(
        `a token may live at most ${this.config.auth.maxTokenLifetimeSeconds} s (TOKEN_MAX_LIFETIME_SECONDS)`,
      );
    }
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(this.config.auth.issuer)
      .setAudience(this.config.auth.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.secret);
  }

  /** The token's subject, or InvalidTokenError saying what is wrong. */
  async verify(token: string): Promise<string> {
    return (await this.verifyClaims(token)).subject;
  }

  /** The token's subject and the instant it expires (an open event stream ends then). */
  async verifyClaims(token: string): Promise<{ subject: string; expiresAt: Date }> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return { subject: known.subject, expiresAt: known.expiresAt };
    if (known) this.verified.delete(token);
    const claims = await this.verifyAfresh(token);
    if (this.verified.size >= VERIFIED_KEPT) this.verified.clear();
    // Valid now and issued in the past, it stays so until it expires (and the skew allowed past it).
    const expiry = claims.expiresAt.getTime() + this.config.auth.clockSkewSeconds * 1000;
    this.verified.set(token, { ...claims, until: Math.min(now + VERIFIED_FOR_MS, expiry) });
    return claims;
  }

  /** The signature and claims checked, every time. */
  protected async verifyAfresh(token: string): Promise<{ subject: string; expiresAt: Date }> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('not a JWT');
    }
    const { audience, clockSkewSeconds, maxTokenLifetimeSeconds } = this.config.auth;
    const common = { audience, requiredClaims: ['exp', 'sub', 'iat'], clockTolerance: clockSkewSeconds };
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.secret) {
        ({ payload } = await jwtVerify(token, this.secret, {
          ...common,
          algorithms: ['HS256'],
          issuer: this.config.auth.issuer,
        }));
      } else if (alg && ASYMMETRIC.includes(alg) && this.jwks) {
        ({ payload } = await jwtVerify(token, this.jwks, {
          ...common,
          algorithms: ASYMMETRIC,
          issuer: this.config.auth.oidcIssuer ?? this.config.auth.issuer,
        }));
      } else {
        throw new InvalidTokenError(`algorithm ${alg ?? 'none'} is not accepted`);
      }
    } catch (e) {
      if (e instanceof InvalidTokenError) throw e;
      throw new InvalidTokenError(e instanceof Error ? e.message : String(e));
    }
    const problem = tokenTimeProblem(payload, Math.floor(Date.now() / 1000), {
      maxLifetimeSeconds: maxTokenLifetimeSeconds,
      clockSkewSeconds,
    });
    if (problem) throw new InvalidTokenError(problem);
    return { subject: payload.sub!, expiresAt: new Date(payload.exp! * 1000) };
  }
}
