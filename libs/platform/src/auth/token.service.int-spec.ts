import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { loadConfig } from '../config/app-config';
import { TokenService } from './token.service';

describe('TokenService', () => {
  let dir: string;
  let server: Server;
  let jwksUrl: string;
  let key: KeyLike;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-auth-'));
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey as KeyLike;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    // The identity provider's JWKS, on loopback.
    server = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const idpToken = (claims: { iss?: string; sub?: string } = {}, signingKey: KeyLike = key) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(claims.iss ?? 'https://sso.cantho.gov.vn')
      .setAudience('grassroots-ledger-api')
      .setSubject(claims.sub ?? 'ext-7')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(signingKey);

  it('verifies a provider token through its JWKS, with the configured issuer', async () => {
    const tokens = new TokenService(
      loadConfig({ DATA_DIR: dir, OIDC_JWKS_URL: jwksUrl, OIDC_ISSUER: 'https://sso.cantho.gov.vn' }),
    );
    await expect(tokens.verify(await idpToken())).resolves.toBe('ext-7');
    await expect(tokens.verify(await idpToken({ iss: 'https://elsewhere' }))).rejects.toThrow(/"iss" claim/);
    const other = (await generateKeyPair('RS256')).privateKey as KeyLike;
    await expect(tokens.verify(await idpToken({}, other))).rejects.toThrow(/signature verification failed/);
  });

  it('generates a development secret once, readable by its owner only, and keeps using it', async () => {
    const first = new TokenService(loadConfig({ DATA_DIR: dir }));
    const token = await first.sign('auditor', 120);
    const secretFile = join(dir, 'jwt-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(secretFile, 'utf8').length).toBeGreaterThanOrEqual(48);
    await expect(new TokenService(loadConfig({ DATA_DIR: dir })).verify(token)).resolves.toBe('auditor');
  });

  it('refuses HS256 tokens where no secret is configured (production with an identity provider)', async () => {
    const hs = await new TokenService(loadConfig({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40) })).sign('auditor');
    const prod = new TokenService(
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: dir,
        OIDC_JWKS_URL: jwksUrl,
        READ_STORE: 'mongodb',
        MONGODB_URL: 'mongodb://m/gl',
      }),
    );
    await expect(prod.verify(hs)).rejects.toThrow(/algorithm HS256 is not accepted/);
    await expect(prod.sign('auditor')).rejects.toThrow(/no JWT_SECRET/);
  });
});

describe('TokenService: a token verified is not checked again for a while', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-auth-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => jest.useRealTimers());

  it('answers the same token from what it verified, for at most a minute and never past its expiry', async () => {
    jest.useFakeTimers({ now: new Date('2023-11-14T02:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate'] });
    /** Counts the verifications that check the signature. */
    class Counting extends TokenService {
      afresh = 0;
      protected override verifyAfresh(token: string) {
        this.afresh++;
        return super.verifyAfresh(token);
      }
    }
    const tokens = new Counting(loadConfig({ DATA_DIR: dir, TOKEN_CLOCK_SKEW_SECONDS: '0' }));
    const token = await tokens.sign('auditor', 90);
    // given a token verified once
    await expect(tokens.verify(token)).resolves.toBe('auditor');
    // when it comes again within the minute, its signature is not checked again
    jest.setSystemTime(new Date('2023-11-14T02:00:50.000Z'));
    await expect(tokens.verify(token)).resolves.toBe('auditor');
    expect(tokens.afresh).toBe(1);
    // then after the minute it is checked again, and past its expiry refused
    jest.setSystemTime(new Date('2023-11-14T02:01:10.000Z'));
    await expect(tokens.verify(token)).resolves.toBe('auditor');
    expect(tokens.afresh).toBe(2);
    jest.setSystemTime(new Date('2023-11-14T02:01:31.000Z'));
    await expect(tokens.verify(token)).rejects.toThrow(/"exp" claim/);
    // and a token that fails is never kept
    await expect(tokens.verify(`${token}x`)).rejects.toThrow();
    await expect(tokens.verify(`${token}x`)).rejects.toThrow();
    expect(tokens.afresh).toBe(5);
  });
});
