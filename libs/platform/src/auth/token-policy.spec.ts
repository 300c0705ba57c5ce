import { SignJWT } from 'jose';
import { loadConfig } from '../config/app-config';
import { tokenTimeProblem } from './token-policy';
import { TokenService } from './token.service';

const NOW = 1_780_000_000;
const policy = { maxLifetimeSeconds: 86_400, clockSkewSeconds: 60 };
const YEAR = 365 * 86_400;

describe('tokenTimeProblem', () => {
  it("accepts a working day's token, and one issued within the allowed skew", () => {
    expect(tokenTimeProblem({ iat: NOW, exp: NOW + 8 * 3600 }, NOW, policy)).toBeNull();
    expect(tokenTimeProblem({ iat: NOW + 60, exp: NOW + 3600 }, NOW, policy)).toBeNull();
    expect(tokenTimeProblem({ iat: NOW - 86_000, exp: NOW + 400 }, NOW, policy)).toBeNull();
  });

  it('refuses a token that claims to live longer than allowed, naming both lengths', () => {
    expect(tokenTimeProblem({ iat: NOW, exp: NOW + 100 * YEAR }, NOW, policy)).toBe(
      `its lifetime ("exp" − "iat") of ${100 * YEAR} s is longer than the 86400 s allowed`,
    );
    expect(tokenTimeProblem({ iat: NOW, exp: NOW + 86_401 }, NOW, policy)).toMatch(/lifetime/);
  });

  it('refuses a token issued beyond the skew in the future', () => {
    expect(tokenTimeProblem({ iat: NOW + YEAR, exp: NOW + YEAR + 3600 }, NOW, policy)).toBe(
      `it was issued ${YEAR} s in the future ("iat"); at most 60 s of clock skew is allowed`,
    );
    expect(tokenTimeProblem({ iat: NOW + 61, exp: NOW + 3600 }, NOW, policy)).toMatch(/in the future/);
  });

  it('refuses a token without an issue time, since its lifetime cannot be known', () => {
    expect(tokenTimeProblem({ exp: NOW + 60 }, NOW, policy)).toMatch(/"iat"/);
  });
});

describe('TokenService applies the token policy to tokens signed with our own secret', () => {
  const SECRET = 'p'.repeat(40);
  const config = loadConfig({
    JWT_SECRET: SECRET,
    TOKEN_MAX_LIFETIME_SECONDS: '86400',
    TOKEN_CLOCK_SKEW_SECONDS: '60',
  });
  const tokens = new TokenService(config);
  const now = () => Math.floor(Date.now() / 1000);
  const forge = (claims: { iat?: number; exp: number; nbf?: number }) => {
    const jwt = new SignJWT(claims.nbf === undefined ? {} : { nbf: claims.nbf })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('auditor')
      .setIssuer('grassroots-ledger')
      .setAudience('grassroots-ledger-api')
      .setExpirationTime(claims.exp);
    return (claims.iat === undefined ? jwt : jwt.setIssuedAt(claims.iat)).sign(new TextEncoder().encode(SECRET));
  };

  it('verifies what it signs', async () => {
    await expect(tokens.verify(await tokens.sign('auditor'))).resolves.toBe('auditor');
  });

  it('refuses a 100-year token and one issued a year ahead, saying why', async () => {
    await expect(tokens.verify(await forge({ iat: now(), exp: now() + 100 * YEAR }))).rejects.toThrow(
      /invalid bearer token: its lifetime .* is longer than the 86400 s allowed/,
    );
    await expect(tokens.verify(await forge({ iat: now() + YEAR, exp: now() + YEAR + 3600 }))).rejects.toThrow(
      /invalid bearer token: it was issued \d+ s in the future/,
    );
  });

  it('refuses a token without iat, and one not valid before a time beyond the skew', async () => {
    await expect(tokens.verify(await forge({ exp: now() + 3600 }))).rejects.toThrow(/"iat" claim/);
    await expect(tokens.verify(await forge({ iat: now(), exp: now() + 3600, nbf: now() + 3600 }))).rejects.toThrow(
      /"nbf" claim timestamp check failed/,
    );
  });

  it('tolerates the skew on both sides: issued or not valid before 30 s ahead, expired 30 s ago', async () => {
    await expect(tokens.verify(await forge({ iat: now() + 30, exp: now() + 3600, nbf: now() + 30 }))).resolves.toBe(
      'auditor',
    );
    await expect(tokens.verify(await forge({ iat: now() - 3600, exp: now() - 30 }))).resolves.toBe('auditor');
    await expect(tokens.verify(await forge({ iat: now() - 3600, exp: now() - 120 }))).rejects.toThrow(
      /"exp" claim timestamp check failed/,
    );
  });

  it('will not issue a token it would refuse', async () => {
    await expect(tokens.sign('auditor', 2 * 86_400)).rejects.toThrow(/at most 86400 s/);
  });
});
